// `export --format bibtex|ris|csl|csv|json|report <input…>`: captures (a JSON
// capture, an array of them, or a backup) and bibliography files (.bib,
// CSL-JSON) in, merged, one export on stdout. `--format jsonl|parquet` writes
// the library's data tables (src/formats/library-tables.ts) into `--out <dir>`
// as <table>.jsonl / <table>.parquet; JSON Lines of one `--table` may go to stdout.
// The backup and the bibliographic formats are streamed to stdout.

import { mergeAll } from '../../core/merge';
import type { MergedPerson, MergedWork } from '../../core/merge/types';
import { personFigures } from '../../core/person-figures';
import { reportInputOf } from '../../core/person-report';
import { makeBackup } from '../../formats/backup';
import { dataFiles, type DataFormat } from '../../formats/data-files';
import { exportAs, itemsFromMerged } from '../../formats/index';
import { TABLE_NAMES, type TableName } from '../../formats/library-tables';
import { siteNameOf } from '../../node/sites';
import { loadInputs } from '../inputs';
import { EXIT, parseArgs, parseNow, type CliIo, type Command } from '../io';
import { backupPieces, itemPieces, type StreamedFormat } from '../export-stream';
import { writePieces } from '../json-stream';

const USAGE =
  'usage: export --format bibtex|ris|csl|csv|pop-csv|json|report [--person <name>] [--report-as md|csv] [--now <iso-date>] <input…>\n' +
  '       export --format jsonl|parquet --out <dir> [--table people|works|person_works|metrics] [--now <iso-date>] <input…>\n' +
  '       export --format jsonl --table <table> [--now <iso-date>] <input…>   (one table on stdout)\n' +
  '  inputs: capture JSON (one, an array, or a backup), BibTeX, CSL-JSON or Publish or Perish CSV bibliographies\n';

const FORMATS = ['bibtex', 'ris', 'csl', 'csv', 'pop-csv', 'json', 'report', 'jsonl', 'parquet'] as const;

export const run: Command = async (args, io) => {
  const { flags, positionals } = parseArgs(args, ['format', 'person', 'report-as', 'now', 'out', 'table']);
  const format = flags.format;
  if (typeof format !== 'string' || !FORMATS.includes(format as never) || positionals.length === 0) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  const now = parseNow(flags, io);
  if (!now) return EXIT.usage;
  const loaded = await loadInputs(positionals, io, now);
  if (!loaded) return EXIT.usage;
  const { records, decisions, settings } = loaded;

  // The backup and the bibliographic formats are written as they are made (src/cli/export-stream.ts):
  // the same bytes as exportAs, never one string of the whole library.
  if (format === 'json') {
    await writePieces(io.stdout, backupPieces(makeBackup({ captures: records, decisions, settings }, now)));
    return EXIT.ok;
  }

  const result = mergeAll(records, decisions);
  if (format === 'jsonl' || format === 'parquet') return writeTables(format, result, flags, now, io);

  const person = typeof flags.person === 'string' ? flags.person : undefined;
  let works: MergedWork[] = result.works;
  let who: MergedPerson | undefined;
  if (person || format === 'report') {
    who = pickPerson(result.people, person);
    if (!who) {
      io.stderr(person ? `no author page of "${person}" among the inputs\n` : 'a report needs an author page among the inputs\n');
      return EXIT.unrecognized;
    }
    const mine = new Set(who.workIds);
    works = works.filter((w) => mine.has(w.id));
  }
  if (format === 'report') {
    const notes = new Map(records.map((r) => [r.key, r.capture.notes]));
    const { metrics } = personFigures(result, who!, { currentYear: now.getUTCFullYear(), siteName: siteNameOf, notesOf: (k) => notes.get(k) });
    const report = reportInputOf(who!, metrics, now.toISOString().slice(0, 10));
    io.stdout(exportAs(flags['report-as'] === 'csv' ? 'report-csv' : 'report-md', { report }));
    return EXIT.ok;
  }
  await writePieces(io.stdout, itemPieces(format as Exclude<StreamedFormat, 'json'>, itemsFromMerged(works), now));
  return EXIT.ok;
};

/** The data tables: every one (or `--table`) into `--out`, or one JSON Lines table on stdout. */
async function writeTables(format: DataFormat, result: ReturnType<typeof mergeAll>, flags: Record<string, string | true>, now: Date, io: CliIo): Promise<number> {
  const table = flags.table;
  if (table !== undefined && (typeof table !== 'string' || !TABLE_NAMES.includes(table as TableName))) {
    io.stderr(`--table must be one of ${TABLE_NAMES.join(', ')}\n`);
    return EXIT.usage;
  }
  const out = typeof flags.out === 'string' && flags.out ? flags.out : undefined;
  if (!out && !(format === 'jsonl' && table)) {
    io.stderr(`${format === 'parquet' ? 'Parquet files need' : 'all tables need'} --out <dir>\n${USAGE}`);
    return EXIT.usage;
  }
  const files = await dataFiles(result, format, { currentYear: now.getUTCFullYear(), date: now, ...(table ? { tables: [table as TableName] } : {}) });
  if (!out) {
    io.stdout(new TextDecoder().decode(files[0]!.data));
    return EXIT.ok;
  }
  if (!io.writeFile) {
    io.stderr('this command line cannot write files\n');
    return EXIT.usage;
  }
  // Plain table names, not dated ones: a shared folder keeps one file per table that engines read by path.
  for (const f of files) {
    const path = `${out.replace(/\/+$/, '')}/${f.table}.${format}`;
    await io.writeFile(path, f.data);
    io.stderr(`wrote ${path}\n`);
  }
  return EXIT.ok;
}

function sameName(a: string | undefined, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return a !== undefined && norm(a) === norm(b);
}

function pickPerson(people: MergedPerson[], name: string | undefined): MergedPerson | undefined {
  if (name) return people.find((p) => sameName(p.name, name) || p.nameVariants.some((v) => sameName(v, name)));
  return [...people].sort((a, b) => b.workIds.length - a.workIds.length || (a.id < b.id ? -1 : 1))[0];
}
