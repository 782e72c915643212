// CSV per RFC 4180 (comma, CRLF, quotes doubled, fields with , " CR LF quoted),
// with a UTF-8 byte order mark so spreadsheet programs read non-Latin titles.
//
// Formula injection: a text cell beginning with = + - @ tab or CR gets a
// leading apostrophe, which spreadsheets show as text instead of evaluating
// (OWASP's rule). Numbers are written as numbers and never prefixed.

import type { CslItem } from './csl';
import { displayName } from './names';

export type Cell = string | number | undefined;

const RISKY_START = /^[=+\-@\t\r]/;

export function csvCell(v: Cell): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = RISKY_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][], opts: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

export const WORKS_CSV_HEADER = [
  'key', 'work_id', 'title', 'authors', 'year', 'venue', 'type',
  'doi', 'arxiv', 'pmid', 'pmcid', 'dblp', 's2', 'gscholar', 'openreview', 'acl',
  'url', 'citations', 'citations_source', 'citations_by_source', 'sources',
  'volume', 'issue', 'pages', 'publisher',
] as const;

/** One row per work: the columns of WORKS_CSV_HEADER. Lists are joined with "; ". `venue` is the journal, proceedings or book (or the publisher), without the volume, issue and pages that follow in their own columns. */
export function workRow(item: CslItem): Cell[] {
  const x = item.custom?.scholarLens ?? {};
  const ids = x.ids ?? {};
  const bySource = x.citationsBySource
    ? Object.entries(x.citationsBySource)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([s, n]) => `${s}: ${n}`)
        .join('; ')
    : undefined;
  return [
    item.id,
    x.workId,
    item.title,
    item.author?.map(displayName).join('; ') || undefined,
    item.issued?.['date-parts'][0]?.[0],
    item['container-title'] ?? item.publisher,
    item.type,
    ids.doi, ids.arxiv, ids.pmid, ids.pmcid, ids.dblp, ids.s2, ids.gscholar, ids.openreview, ids.acl,
    item.URL,
    x.citations,
    x.citationsSource,
    bySource,
    x.sources?.join('; ') || undefined,
    item.volume,
    item.issue,
    item.page,
    item.publisher,
  ];
}

export function worksToCsv(items: readonly CslItem[]): string {
  return toCsv(WORKS_CSV_HEADER, items.map(workRow));
}

/**
 * Rows of an RFC 4180 file: quoted fields may hold commas, doubled quotes and
 * line breaks; CRLF, LF or CR end a row; a byte order mark is dropped. Blank
 * rows are skipped. Each row carries the 1-based line it starts on.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const endRow = () => {
    cells.push(cell);
    if (any || cells.length > 1 || cell !== '') rows.push({ line: start, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length || any) endRow();
  return rows;
}
