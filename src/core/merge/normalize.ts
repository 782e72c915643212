// Normalizers used to compare records from different sites. Every function
// here is idempotent (f(f(x)) === f(x)); a property test checks it, because
// the merge re-normalizes values that may already have been normalized.

import { ASCII, foldName } from '../names';
import type { WorkIdKey } from '../capture';
import type { WorkIds } from './types';
import { canonicalArxiv, canonicalDoi } from '../ids';
import { INVISIBLE } from '../text';

const ELLIPSIS_END = /(?:\u2026|\.{3})\s*$/;

/**
 * Comparison key of a title: NFKC, LaTeX math and markup unwrapped, invisible
 * marks removed, diacritics and case folded, apostrophes dropped ("It’s" and
 * "Its" agree), other punctuation and hyphens turned into single spaces.
 * Returns "" for a title with no letters or digits.
 */
export function titleKey(title: string): string {
  // An ASCII title (most of them) stays ASCII through every step, where NFKC
  // and the invisible marks are no-ops and letters and digits are [A-Za-z0-9]:
  // the same key without the Unicode passes.
  const ascii = ASCII.test(title);
  if (ascii && !title.includes('\\') && !title.includes('{')) return asciiTitleKey(title);
  let t = ascii ? title : title.normalize('NFKC').replace(INVISIBLE, '');
  // LaTeX: \emph{x} → x, \log → log, $…$ and braces dropped. Keeping the words
  // of formulas lets "$O(n \log n)$" match a site that printed "O(n log n)".
  if (t.includes('\\')) t = t.replace(/\\[a-zA-Z]+\s*/g, (m) => ` ${m.replace(/^\\|\s+$/g, '')} `).replace(/\\(.)/g, '$1');
  if (t.includes('{')) t = t.replace(/\b(?:emph|textit|textbf|textrm|texttt|mathrm|mathbf|mathit|mathcal|text)\s+(?=\{)/g, ' ');
  t = t.replace(/[${}^_~]/g, ' ');
  t = foldName(t);
  t = t.replace(/['’‘`´]/g, '');
  t = t.replace(ascii ? /[^A-Za-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ').trim();
  return t;
}

/**
 * titleKey of an ASCII title with no LaTeX command or brace (most titles), in
 * one scan instead of five regular-expression passes: letters and digits
 * lower-cased, apostrophes and backticks dropped, every other run of
 * characters one space, none at either end. The same key as the passes give
 * (tests/unit/merge-title-key.test.ts compares the two on real titles).
 */
function asciiTitleKey(title: string): string {
  const s = title.toLowerCase();
  let out = '';
  // Start of the current run of kept characters in `s`, or -1; whether a space is owed before the next word.
  let from = -1;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum) {
      if (from < 0) {
        if (gap && out !== '') out += ' ';
        gap = false;
        from = i;
      }
      continue;
    }
    if (from >= 0) {
      out += s.slice(from, i);
      from = -1;
    }
    // An apostrophe joins what is around it ("it's" → "its"); anything else separates.
    if (c !== 39 && c !== 96) gap = true;
  }
  if (from >= 0) out += s.slice(from);
  return out;
}

export interface TitleInfo {
  key: string;
  /** The key without spaces: "multi-hop" and "multihop" agree. */
  compact: string;
  tokens: string[];
  /** The page cut the title ("…"); only its prefix can be compared. */
  truncated: boolean;
}

export function titleInfo(title: string | undefined): TitleInfo | undefined {
  if (!title) return undefined;
  const truncated = ELLIPSIS_END.test(title.trim());
  const raw = titleKey(title.trim().replace(ELLIPSIS_END, ''));
  if (!raw) return undefined;
  // Its words joined again: a replaced string is a chain of its pieces, so the
  // key and its compact form are made flat, as `join` makes them (a merge
  // keeps one of each per title text to its end). The key has single spaces.
  const tokens = raw.split(' ');
  return { key: tokens.join(' '), compact: tokens.join(''), tokens, truncated };
}

/** `text.trimEnd().endsWith(')')`, without trimming the usual title that ends in neither a space nor a parenthesis. */
export function endsWithParen(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 41) return true;
  // Only a space-like character (ASCII control or space, or anything outside ASCII) can be trimmed.
  if (last > 32 && last < 127) return false;
  return text.trimEnd().endsWith(')');
}

/** Canonical DOI and arXiv id: the capture format's own rules (src/core/ids.ts). */
export const normalizeDoi = (s: string | undefined) => canonicalDoi(s);
export const normalizeArxiv = (s: string | undefined) => canonicalArxiv(s);

/** arXiv's DataCite DOI 10.48550/arXiv.X names arXiv id X. */
export function arxivFromDoi(doi: string): string | undefined {
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
  return m ? normalizeArxiv(m[1]) : undefined;
}

// Preprint servers that mint DOIs. Their DOI names the preprint, so a record
// carrying one may still be the same work as a record with the publisher's DOI.
// bioRxiv/medRxiv share 10.1101 with Cold Spring Harbor journals, whose DOIs
// have letters (10.1101/gr.…), so only the numeric forms count.
const PREPRINT_DOI = [
  /^10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{5,}(?:v\d+)?$/,
  /^10\.21203\/rs\./, // Research Square
  /^10\.26434\/chemrxiv/,
  /^10\.20944\/preprints/,
  /^10\.3123[1-5]\/osf\.io/, // OSF, PsyArXiv, SocArXiv…
  /^10\.31219\/osf\.io/,
  /^10\.2139\/ssrn/,
  /^10\.22541\/au\./, // Authorea
  /^10\.36227\/techrxiv/,
  /^10\.1002\/essoar/,
  /^10\.48550\/arxiv/,
];

/** The registrant part ("10.1101") of every DOI above: any other DOI is no preprint's, without running the expressions. */
const PREPRINT_REGISTRANTS = new Set(['10.1101', '10.21203', '10.26434', '10.20944', '10.31231', '10.31232', '10.31233', '10.31234', '10.31235', '10.31219', '10.2139', '10.22541', '10.36227', '10.1002', '10.48550']);

export function isPreprintDoi(doi: string): boolean {
  const slash = doi.indexOf('/');
  if (slash < 0 || !PREPRINT_REGISTRANTS.has(doi.slice(0, slash))) return false;
  return PREPRINT_DOI.some((re) => re.test(doi));
}

/**
 * Canonical work identifiers. The arXiv DataCite DOI becomes the arXiv id
 * (and is dropped as a DOI, so it never conflicts with a publisher DOI).
 */
export function normalizeWorkIds(ids: WorkIds | undefined): WorkIds {
  const out: WorkIds = {};
  if (!ids) return out;
  for (const [k, v] of Object.entries(ids) as [WorkIdKey, string | undefined][]) {
    if (!v) continue;
    const id = normalizeWorkId(k, v);
    if (id) out[id.kind] ??= id.id;
  }
  return out;
}

export function normalizeWorkId(kind: WorkIdKey, raw: string): { kind: WorkIdKey; id: string } | undefined {
  const v = raw.trim();
  switch (kind) {
    case 'doi': {
      const d = normalizeDoi(v);
      if (!d) return undefined;
      const ax = arxivFromDoi(d);
      return ax ? { kind: 'arxiv', id: ax } : { kind: 'doi', id: d };
    }
    case 'arxiv': {
      const a = normalizeArxiv(v);
      return a ? { kind, id: a } : undefined;
    }
    case 'pmid': {
      const m = /\d+/.exec(v);
      return m ? { kind, id: String(Number(m[0])) } : undefined;
    }
    case 'pmcid': {
      const m = /\d+/.exec(v);
      return m ? { kind, id: `PMC${Number(m[0])}` } : undefined;
    }
    case 's2':
      return v ? { kind, id: v.toLowerCase() } : undefined;
    default:
      return v ? { kind, id: v } : undefined;
  }
}
