// BibTeX that BibLaTeX/biber, classic BibTeX and pandoc all read.
// Written by hand: @citation-js/plugin-bibtex's writer turns non-ASCII into
// LaTeX commands (Greek into math that its own parser then rejects), drops
// arXiv ids, and makes keys we can't control (see docs/formats.md).
//
// Choices: text fields escape the LaTeX specials & % $ # _ { } ~ ^ \ (and break
// the "--" ligature) and keep
// every other character as UTF-8 (biber and pandoc read UTF-8; classic
// BibTeX needs \usepackage[utf8]{inputenc}). `url`, `doi` and `eprint` are
// verbatim fields in BibLaTeX, so they are written raw: a URL with its braces
// percent-encoded (the same address), a DOI exactly as it is.
// Words with capitals after their first letter ("EMPIR", "QoS") are braced so
// styles that change title case keep them.

import type { CslItem } from './csl';
import { fullFamily, type CslName } from './names';

const ENTRY_TYPES: Record<string, string> = {
  'article-journal': 'article',
  article: 'misc',
  'paper-conference': 'inproceedings',
  chapter: 'incollection',
  book: 'book',
  thesis: 'thesis',
  document: 'misc',
  // biblatex has @patent, classic BibTeX styles do not: @misc with the number is read everywhere.
  patent: 'misc',
};

const CONTAINER_FIELD: Record<string, string> = {
  article: 'journal',
  inproceedings: 'booktitle',
  incollection: 'booktitle',
  thesis: 'institution',
  misc: 'howpublished',
};

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escape LaTeX specials in a text field; whitespace (line breaks too) collapsed. */
export function escapeLatex(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}&%$#_~^]/g, (c) => SPECIALS[c]!)
    // "--" would become an en dash (a TeX ligature); "-{}-" keeps both hyphens.
    .replace(/-(?=-)/g, '-{}');
}

/** Escaped, with words like "EMPIR" or "QoS/QoE" protected from case changes. */
export function escapeTitle(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => {
      const [, lead = '', core = '', tail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(w) ?? [];
      if (!/^.+\p{Lu}/u.test(core)) return escapeLatex(w);
      return `${escapeLatex(lead)}{${escapeLatex(core)}}${escapeLatex(tail)}`;
    })
    .join(' ');
}

/** A URL as a verbatim field: braces and spaces percent-encoded, which is the same address. */
function verbatim(s: string): string {
  return s.trim().replace(/\{/g, '%7B').replace(/\}/g, '%7D').replace(/\s/g, '%20');
}

/** Braces that pair up, as a field value must have them. */
function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A DOI is a name, not an address: percent-encoding its braces would write
 * another DOI. Written as it is (biber, pandoc and citation-js read it back
 * unchanged, braces included); only a DOI whose braces do not pair up cannot
 * be a field value, and goes in as its doi.org address instead (or in words
 * in `note`, when the item has an address of its own).
 */
function doiFields(doi: string): { doi?: string; link?: string } {
  const d = doi.trim();
  return balanced(d) && !/\s/.test(d) ? { doi: d } : { link: `https://doi.org/${verbatim(d)}` };
}

/** A name in "Family, Given" form; whole names braced where splitting would go wrong. */
export function bibName(n: CslName): string {
  if (n.literal) return `{${escapeLatex(n.literal)}}`;
  const family = fullFamily(n) ?? '';
  // A comma or the word "and" inside a family name would be read as a separator.
  const fam = /,|\band\b/i.test(family) ? `{${escapeLatex(family)}}` : escapeLatex(family);
  return n.given ? `${fam}, ${escapeLatex(n.given)}` : fam;
}

export function entryType(item: CslItem): string {
  return ENTRY_TYPES[item.type] ?? 'misc';
}

/** One entry; the item's `id` is the citation key (see keys.ts). */
export function bibtexEntry(item: CslItem): string {
  const type = entryType(item);
  const fields: [string, string][] = [];
  if (item.author?.length) fields.push(['author', item.author.map(bibName).join(' and ')]);
  if (item.title) fields.push(['title', escapeTitle(item.title)]);
  const container = item['container-title'];
  if (container) fields.push([CONTAINER_FIELD[type] ?? 'howpublished', escapeLatex(container)]);
  else if (item.type === 'patent' && item.number) fields.push(['howpublished', escapeLatex(item.number)]);
  if (item.volume) fields.push(['volume', escapeLatex(item.volume)]);
  if (item.issue) fields.push(['number', escapeLatex(item.issue)]);
  // "197-211" → "197--211", the en dash BibTeX expects between pages.
  if (item.page) fields.push(['pages', escapeLatex(item.page).replace(/-\{\}-|-/g, '--')]);
  if (item.publisher) fields.push(['publisher', escapeLatex(item.publisher)]);
  if (type === 'thesis') fields.push(['type', 'Thesis']);
  const [year, month] = item.issued?.['date-parts'][0] ?? [];
  if (year !== undefined) fields.push(['year', String(year)]);
  if (month !== undefined) fields.push(['month', String(month)]);
  const doi = item.DOI ? doiFields(item.DOI) : {};
  if (doi.doi) fields.push(['doi', doi.doi]);
  const arxiv = item.archive === 'arXiv' ? item.number?.replace(/^arXiv:/, '') : undefined;
  if (arxiv) {
    fields.push(['eprint', verbatim(arxiv)]);
    fields.push(['archivePrefix', 'arXiv']);
  }
  const url = item.URL ?? doi.link;
  if (url) fields.push(['url', verbatim(url)]);
  // The item's own address takes `url`: the DOI is then said in words (a text field, escaped as text).
  if (doi.link && url !== doi.link && verbatim(url!) !== doi.link) fields.push(['note', `DOI: ${escapeLatex(item.DOI!)}`]);
  if (item.PMID) fields.push(['pmid', escapeLatex(item.PMID)]);
  if (item.PMCID) fields.push(['pmcid', escapeLatex(item.PMCID)]);
  if (item.abstract) fields.push(['abstract', escapeLatex(item.abstract)]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n');
  return `@${type}{${item.id},\n${body}\n}\n`;
}

/** A .bib file. Items must already carry unique citation keys as ids. */
export function toBibtex(items: readonly CslItem[]): string {
  return items.map(bibtexEntry).join('\n');
}
