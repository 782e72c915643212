// RIS, the tagged format EndNote, Zotero, Mendeley and citation-js read.
// Written by hand: it is a line format with no escaping, and we choose the
// tags (T2 for the container, AN for the arXiv id). Lines end in CRLF as the
// RIS specification asks; values have their line breaks collapsed because a
// line break would start a new tag.

import type { CslItem } from './csl';
import { invertedName } from './names';

const RIS_TYPES: Record<string, string> = {
  'article-journal': 'JOUR',
  article: 'UNPB',
  'paper-conference': 'CPAPER',
  chapter: 'CHAP',
  book: 'BOOK',
  thesis: 'THES',
  document: 'GEN',
  patent: 'PAT',
};

/**
 * Every character some reader ends a line at: JavaScript's \s (which has
 * U+2028 and U+2029) misses NEL (U+0085) and the information separators
 * U+001C–U+001E, which Python's splitlines, for one, breaks lines at.
 */
const LINE_OR_SPACE = /[\s\u0085\u001C-\u001E]+/g;

function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(LINE_OR_SPACE, ' ').trim()}\r\n`;
}

export function risRecord(item: CslItem): string {
  let out = line('TY', RIS_TYPES[item.type] ?? 'GEN');
  for (const a of item.author ?? []) out += line('AU', invertedName(a));
  if (item.title) out += line('TI', item.title);
  if (item['container-title']) out += line('T2', item['container-title']);
  if (item.volume) out += line('VL', item.volume);
  if (item.issue) out += line('IS', item.issue);
  const [sp, ep] = item.page?.split('-') ?? [];
  if (sp) out += line('SP', sp);
  if (ep) out += line('EP', ep);
  if (item.type === 'patent' && item.number) out += line('M1', item.number);
  if (item.publisher) out += line('PB', item.publisher);
  const [y, m, d] = item.issued?.['date-parts'][0] ?? [];
  if (y !== undefined) {
    out += line('PY', String(y));
    const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
    if (m !== undefined) out += line('DA', `${y}/${pad(m)}/${pad(d)}`);
  }
  if (item.DOI) out += line('DO', item.DOI);
  if (item.URL) out += line('UR', item.URL);
  if (item.archive === 'arXiv' && item.number) out += line('AN', item.number);
  else if (item.PMID) out += line('AN', `PMID:${item.PMID}`);
  if (item.abstract) out += line('AB', item.abstract);
  out += line('ID', item.id);
  return out + 'ER  - \r\n';
}

export function toRis(items: readonly CslItem[]): string {
  return items.map(risRecord).join('\r\n');
}
