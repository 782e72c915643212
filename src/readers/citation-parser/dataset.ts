// AnyStyle's hand-labeled reference strings (res/parser/*.xml, BSD-2): read
// into sequences of labeled parts, the gold fields scored against, and the
// deterministic train/dev/test split. Pure: the caller reads the files.

import { cleanText, parseYear } from '../../core/text';

export interface LabeledPart {
  /** The dataset's own tag (author, title, container-title, journal, …). */
  tag: string;
  text: string;
}

export interface LabeledSequence {
  parts: LabeledPart[];
  /** The citation string as it appeared: the parts joined by spaces. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Every `<sequence>` of one AnyStyle dataset file. */
export function readDataset(xml: string): LabeledSequence[] {
  const out: LabeledSequence[] = [];
  for (const seq of xml.matchAll(/<sequence>([\s\S]*?)<\/sequence>/g)) {
    const parts: LabeledPart[] = [];
    for (const p of seq[1]!.matchAll(/<([a-z-]+)>([\s\S]*?)<\/\1>/g)) {
      const text = cleanText(decode(p[2]!));
      if (text) parts.push({ tag: p[1]!, text });
    }
    if (parts.length) out.push({ parts, text: parts.map((p) => p.text).join(' ') });
  }
  return out;
}

/** The token labels the parser uses; the dataset's tags map onto them (LABEL_OF_TAG). */
export const LABELS = ['author', 'editor', 'title', 'container', 'date', 'volume', 'pages', 'publisher', 'location', 'number', 'id', 'other'] as const;
export type Label = (typeof LABELS)[number];

// Translators, directors and producers are people beside the authors, like
// editors; a journal and a container-title are both where the work appeared.
const LABEL_OF_TAG: Record<string, Label> = {
  author: 'author', editor: 'editor', translator: 'editor', director: 'editor', producer: 'editor',
  title: 'title', journal: 'container', 'container-title': 'container',
  date: 'date', volume: 'volume', pages: 'pages', publisher: 'publisher', location: 'location',
  'citation-number': 'number', doi: 'id', url: 'id', isbn: 'id',
};

export function labelOfTag(tag: string): Label {
  return LABEL_OF_TAG[tag] ?? 'other';
}

/** FNV-1a, 32 bits: the split and the feature hashing need a stable hash, nothing more. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type SplitPart = 'train' | 'dev' | 'test';

/**
 * The split, by a hash of the string itself so that a string that occurs in two
 * files (or twice) always falls in the same part: fnv1a(text) mod 10 — 0–6
 * train, 7 dev, 8–9 test. Recorded in split.md.
 */
export function splitOf(text: string): SplitPart {
  const r = fnv1a(text) % 10;
  return r < 7 ? 'train' : r === 7 ? 'dev' : 'test';
}

// ---- normalizations applied to gold and predicted values alike ----

/**
 * Title as scored: surrounding quotes and trailing punctuation stripped,
 * whitespace normalized; also a separator standing apart at either end (GOST
 * "Title //", "Title. –", a leading "- " or "> ") and the "In" that follows a
 * closing quote ("Title.” In", "Title », in") or a stop or comma ("Title. In",
 * "Title, in"): AnyStyle's labels put these in the title now and then, and no
 * style counts them as part of it.
 */
export function normTitle(s: string | undefined): string | undefined {
  let t = cleanText(s);
  if (!t) return undefined;
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/([”"»’'])\s*,?\s*(?:in|dans|en|im)\s*:?$/iu, '$1')
      .replace(/([.,;])\s+(?:in|dans|en|im)\s*:?$/iu, '$1')
      .replace(/(?:\s+[-–—/>]+|\/\/)+$/u, '')
      .replace(/^[-–—>]+\s+/u, '')
      .replace(/[\s.,;:]+$/u, '')
      .replace(/^["“”„«»‘’'`]+|["“”„«»‘’'`]+$/gu, '')
      .replace(/[\s.,;:]+$/u, '')
      .trim();
  }
  return t || undefined;
}

/** A volume as scored: its first number ("Vol. 3, Part A," and "3" both give "3"; "5(3)" gives "5"). */
export function normVolume(s: string | undefined): string | undefined {
  const m = /\d+/.exec(s ?? '');
  return m?.[0];
}

/** Pages as scored: the digits (or roman numerals) of first–last, dashes unified. */
export function normPages(s: string | undefined): string | undefined {
  if (!s) return undefined;
  // A range wins over a lone number before it ("No. 2, pp. 10–20" is 10-20).
  const PAGE = '([A-Za-z]?\\d+[A-Za-z]?)';
  const range = new RegExp(`${PAGE}\\s*[-–—‐‑−]+\\s*${PAGE}`).exec(s);
  if (range) return `${range[1]}-${range[2]}`;
  return new RegExp(PAGE).exec(s)?.[1];
}

export interface GoldFields {
  title?: string;
  year?: number;
  /** The raw author part, split by the caller's own name splitter. */
  authorText?: string;
  venue?: string;
  volume?: string;
  pages?: string;
}

/** The gold fields of one sequence: the first part of each tag (container-title or journal for the venue). */
export function goldOf(seq: LabeledSequence): GoldFields {
  const first = (tags: string[]): string | undefined => seq.parts.find((p) => tags.includes(p.tag))?.text;
  const date = first(['date']);
  return {
    title: normTitle(first(['title'])),
    year: date ? parseYear(date) : undefined,
    authorText: first(['author']),
    venue: normTitle(first(['container-title', 'journal'])),
    volume: normVolume(first(['volume'])),
    pages: normPages(first(['pages'])),
  };
}
