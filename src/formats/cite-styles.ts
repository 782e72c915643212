// One work as a reference in a few common styles, as plain text to paste:
// APA (7th edition), Chicago (17th, bibliography entry), IEEE, and the
// work's BibTeX entry. Written from the same CSL item every export uses, so a
// copied citation and an exported file agree.
//
// Written by hand rather than with citeproc: the styles' CSL files are not
// part of any package here, and citeproc-js with its locale is several
// hundred kB for four short templates. Titles are kept as the pages give them
// (no case changes: "EMPIR" and "QoS" would suffer); italics cannot travel in
// plain text. This module is loaded only when the user copies a citation.

import { bibtexEntry } from './bibtex';
import type { CslItem, CslName } from './csl';
import { fullFamily } from './names';

export const CITATION_STYLES = ['apa', 'chicago', 'ieee', 'bibtex'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const CITATION_STYLE_LABEL: Record<CitationStyle, string> = { apa: 'APA', chicago: 'Chicago', ieee: 'IEEE', bibtex: 'BibTeX' };

/** The item as a reference in the style; `item.id` is the BibTeX key. */
export function formatCitation(item: CslItem, style: CitationStyle): string {
  switch (style) {
    case 'apa':
      return apa(item);
    case 'chicago':
      return chicago(item);
    case 'ieee':
      return ieee(item);
    case 'bibtex':
      return bibtexEntry(item).trimEnd();
  }
}

const yearOf = (it: CslItem) => it.issued?.['date-parts'][0]?.[0];
/** "652-664" → "652–664"; an abbreviated range is written in full ("445-57" → "445–457"), as APA and IEEE give pages. */
function dash(pages: string): string {
  const m = /^(\d+)-(\d+)$/.exec(pages);
  if (m && m[2]!.length < m[1]!.length) return `${m[1]}–${m[1]!.slice(0, m[1]!.length - m[2]!.length)}${m[2]}`;
  return pages.replace(/-/g, '–');
}

const MINOR = new Set('a an and as at but by for from in into nor of on or per so the to up via vs with'.split(' '));
/**
 * A journal's name in title case, as APA writes it ("IEEE access" → "IEEE
 * Access"): lower-case words other than short function words get a capital;
 * words already holding capitals are left alone.
 */
export function titleCase(s: string): string {
  return s
    .split(' ')
    .map((w, i) => (/^\p{Ll}/u.test(w) && (i === 0 || !MINOR.has(w)) ? w.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : w))
    .join(' ');
}
const doiUrl = (doi: string) => `https://doi.org/${doi}`;
const arxivOf = (it: CslItem) => (it.archive === 'arXiv' ? it.number?.replace(/^arXiv:/, '') : undefined);
/** The link a reference ends with: the DOI, else the arXiv abstract page, else the work's URL. */
function link(it: CslItem): string | undefined {
  if (it.DOI) return doiUrl(it.DOI);
  const ax = arxivOf(it);
  if (ax) return `https://arxiv.org/abs/${ax}`;
  return it.URL;
}
/** Adds the period (or other mark) only when the text does not already end in one. */
const end = (s: string, mark = '.') => (/[.?!]$/.test(s.trim()) ? s.trim() : `${s.trim()}${mark}`);
const join = (parts: (string | undefined | false)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join(' ');

/** "J. B.", "S.", "J.-P." from any given name. */
function initials(given: string | undefined): string {
  return (given ?? '')
    .split(/[\s.]+/)
    .filter((g) => /^[-‐]?\p{L}/u.test(g))
    .map((g) =>
      g
        .split(/[-‐]/)
        .filter(Boolean)
        .map((p) => `${[...p][0]!.toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

const family = (n: CslName) => n.literal ?? fullFamily(n) ?? '';

/** Lists with a serial comma: "A", "A and B", "A, B, and C" (APA uses "&" and a comma before it even for two). */
function list(names: string[], and: string, commaBeforeTwo = false): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]}${commaBeforeTwo ? ',' : ''} ${and} ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, ${and} ${names.at(-1)}`;
}

// APA 7: up to 20 authors "Family, I. I."; with 21 or more the first 19, an ellipsis, and the last.
function apaAuthors(names: CslName[]): string {
  const one = (n: CslName) => (n.literal ? n.literal : [family(n), initials(n.given)].filter(Boolean).join(', '));
  if (names.length > 20) return `${names.slice(0, 19).map(one).join(', ')}, … ${one(names.at(-1)!)}`;
  return list(names.map(one), '&', true);
}

function apa(it: CslItem): string {
  const authors = it.author?.length ? end(apaAuthors(it.author)) : '';
  const year = yearOf(it);
  const date = `(${year ?? 'n.d.'}).`;
  // APA puts the number of a preprint or a patent in brackets after the title: "Title (arXiv:2004.10162)."
  const ax = arxivOf(it);
  const tag = it.type === 'article' && ax ? `arXiv:${ax}` : it.type === 'patent' ? it.number : undefined;
  const title = it.title ? (tag ? `${it.title.trim().replace(/[.]$/, '')} (${tag}).` : end(it.title)) : '';
  const c = it['container-title'];
  let source = '';
  switch (it.type) {
    case 'article-journal': {
      const vol = it.volume ? `, ${it.volume}${it.issue ? `(${it.issue})` : ''}` : '';
      source = c ? end(`${titleCase(c)}${vol}${it.page ? `, ${dash(it.page)}` : ''}`) : '';
      break;
    }
    case 'paper-conference':
    case 'chapter':
      source = join([c ? end(`In ${c}${it.page ? ` (pp. ${dash(it.page)})` : ''}`) : '', it.publisher ? end(it.publisher) : '']);
      break;
    case 'book':
      source = it.publisher ? end(it.publisher) : '';
      break;
    case 'article':
      source = arxivOf(it) ? 'arXiv.' : c ? end(c) : '';
      break;
    default:
      source = join([c ? end(c) : '', it.publisher ? end(it.publisher) : '']);
  }
  // Without authors APA moves the title to the front.
  const head = authors ? join([authors, date, title]) : join([title, date]);
  return join([head, source, link(it)]);
}

// Chicago 17th, bibliography: the first author inverted, the rest in normal order; more than ten → seven and "et al."
function chicagoAuthors(names: CslName[]): string {
  const shown = names.length > 10 ? names.slice(0, 7) : names;
  const parts = shown.map((n, i) => (n.literal ? n.literal : i === 0 ? [family(n), n.given].filter(Boolean).join(', ') : [n.given, family(n)].filter(Boolean).join(' ')));
  // "Ernst, J. B., and M. K. Denko": the inverted first name takes a comma before "and" even for two.
  return names.length > 10 ? `${parts.join(', ')}, et al.` : list(parts, 'and', true);
}

/** "“Title.”" with the closing punctuation inside the quotes, as Chicago and IEEE want it. */
function quoted(title: string | undefined, mark: string): string {
  if (!title) return '';
  const t = title.trim();
  return /[.?!]$/.test(t) ? `“${t}”` : `“${t}${mark}”`;
}

function chicago(it: CslItem): string {
  const authors = it.author?.length ? end(chicagoAuthors(it.author)) : '';
  const year = yearOf(it);
  const c = it['container-title'];
  let rest: string;
  switch (it.type) {
    case 'article-journal': {
      const vol = [it.volume, it.issue && `no. ${it.issue}`].filter(Boolean).join(', ');
      const when = year !== undefined ? ` (${year})` : '';
      rest = join([quoted(it.title, '.'), c ? end(`${join([c, vol])}${when}${it.page ? `: ${dash(it.page)}` : ''}`) : year !== undefined ? `${year}.` : '']);
      break;
    }
    case 'paper-conference':
    case 'chapter':
      rest = join([quoted(it.title, '.'), c ? end(`In ${c}${it.page ? `, ${dash(it.page)}` : ''}`) : '', end(join([it.publisher && `${it.publisher},`, year !== undefined ? String(year) : 'n.d.']).replace(/,$/, ''))]);
      break;
    case 'book':
      rest = join([it.title ? end(it.title) : '', end([it.publisher, year].filter((x) => x !== undefined).join(', ') || 'n.d.')]);
      break;
    case 'article': {
      const ax = arxivOf(it);
      rest = join([quoted(it.title, '.'), end([ax ? `arXiv preprint arXiv:${ax}` : c, year].filter((x) => x !== undefined).join(', ') || 'n.d.')]);
      break;
    }
    default:
      rest = join([quoted(it.title, '.'), end([c ?? it.number, it.publisher, year].filter((x) => x !== undefined).join(', ') || 'n.d.')]);
  }
  const url = link(it);
  return join([authors, rest, url && end(url)]);
}

// IEEE: "J. B. Ernst and M. K. Denko"; more than six authors → the first and "et al."
function ieeeAuthors(names: CslName[]): string {
  const one = (n: CslName) => (n.literal ? n.literal : [initials(n.given), family(n)].filter(Boolean).join(' '));
  if (names.length > 6) return `${one(names[0]!)} et al.`;
  return list(names.map(one), 'and');
}

function ieee(it: CslItem): string {
  const year = yearOf(it);
  const c = it['container-title'];
  const pages = it.page ? (it.page.includes('-') ? `pp. ${dash(it.page)}` : `p. ${it.page}`) : undefined;
  const head = [it.author?.length ? ieeeAuthors(it.author) : undefined, it.type === 'book' ? undefined : quoted(it.title, ',')].filter(Boolean);
  let parts: (string | undefined)[];
  switch (it.type) {
    case 'article-journal':
      parts = [c, it.volume && `vol. ${it.volume}`, it.issue && `no. ${it.issue}`, pages, year?.toString()];
      break;
    case 'paper-conference':
      parts = [c && `in ${c}`, year?.toString(), pages];
      break;
    case 'chapter':
      parts = [c && `in ${c}`, it.publisher, year?.toString(), pages];
      break;
    case 'book':
      parts = [it.title && `${it.title.trim()}.`, [it.publisher, year].filter((x) => x !== undefined).join(', ') || undefined];
      break;
    case 'article':
      parts = [year?.toString(), arxivOf(it) ? `arXiv:${arxivOf(it)}` : c];
      break;
    default:
      parts = [c ?? it.number, it.publisher, year?.toString()];
  }
  // The quoted title already carries its comma; the other parts are joined with commas.
  let text = head.length ? `${head[0]}${head.length > 1 ? `, ${head[1]}` : it.type === 'book' ? ',' : ''}` : '';
  const body = parts.filter((p): p is string => !!p);
  if (it.type === 'book') text = join([text, body[0], body.slice(1).join(', ')]);
  else text = join([text, body.join(', ')]);
  text = end(text.replace(/,$/, ''));
  if (it.DOI) return `${text.replace(/\.$/, '')}, doi: ${it.DOI}.`;
  const url = link(it);
  return url ? `${text} [Online]. Available: ${url}` : text;
}
