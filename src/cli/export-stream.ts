// `cli export` written piece by piece: the text of each format, in pieces
// whose concatenation is exactly what exportAs (src/formats/index.ts) returns
// for the same input, so a library's export is never held as one string (nor
// copied whole into a write buffer). One record (a work, a capture) is
// formatted at a time; the CSL items of all works are still made first,
// because citation keys are assigned over the whole selection.

import type { Backup } from '../formats/backup';
import { bibtexEntry } from '../formats/bibtex';
import type { CslItem } from '../formats/csl';
import { csvCell, workRow, WORKS_CSV_HEADER, type Cell } from '../formats/csv';
import { POP_COLUMNS, popRow } from '../formats/pop-csv';
import { risRecord } from '../formats/ris';
import { Items, jsonArrayPieces, jsonObjectPieces } from './json-stream';

export type StreamedFormat = 'json' | 'bibtex' | 'ris' | 'csl' | 'csv' | 'pop-csv';

/** serializeBackup(backup), in pieces: the captures one at a time. */
export function backupPieces(backup: Backup): Iterable<string> {
  return jsonObjectPieces(Object.entries(backup).map(([k, v]): [string, unknown] => [k, k === 'captures' ? new Items(v as unknown[]) : v]));
}

/** exportAs(format, { items }, { now }), in pieces. */
export function* itemPieces(format: Exclude<StreamedFormat, 'json'>, items: readonly CslItem[], now: Date): Generator<string> {
  switch (format) {
    case 'csl':
      yield* jsonArrayPieces(items);
      return;
    case 'bibtex':
      yield* joined(items, bibtexEntry, '\n');
      return;
    case 'ris':
      yield* joined(items, risRecord, '\r\n');
      return;
    case 'csv':
      yield* csvPieces(WORKS_CSV_HEADER, items, workRow);
      return;
    case 'pop-csv':
      yield* csvPieces(POP_COLUMNS, items, (it, i) => popRow(it, i, now));
      return;
  }
}

function* joined<T>(list: readonly T[], f: (t: T) => string, separator: string): Generator<string> {
  for (let i = 0; i < list.length; i++) yield (i ? separator : '') + f(list[i]!);
}

/** toCsv(header, rows) of src/formats/csv.ts, one row at a time: a byte order mark, CRLF after every row. */
function* csvPieces<T>(header: readonly string[], list: readonly T[], row: (t: T, i: number) => Cell[]): Generator<string> {
  yield '\uFEFF' + header.map(csvCell).join(',') + '\r\n';
  for (let i = 0; i < list.length; i++) yield row(list[i]!, i).map(csvCell).join(',') + '\r\n';
}
