// Text similarity that survives rewording and translation, for records that a
// title rule cannot place: an abstract-only record, another version's
// abstract (conference vs arXiv), a title reworded by a lab page, a machine
// translation. Three ideas, all language-independent:
// - content words, not word triples: a reworded abstract keeps its words but
//   not their order, so triples fall apart (Jaccard 0.14–0.64 between real
//   versions of one paper) while word sets hold;
// - rare words count more (IDF over the library being merged): two papers of
//   one group share "model", "training", "results", not "DP-SGD" and "81.4%";
// - a *signature* of what a translation keeps as it is: numbers with their
//   units and Latin-script names (`81.4%`, `CIFAR-10`, `NFNet-F3`, `TaSe3`).

import { ASCII, foldName } from '../names';
import { INVISIBLE } from '../text';

/** Function words of the languages the sites here write in; IDF discounts the rest of the common words. */
const STOP = new Set(
  (
    'a an the and or but nor of in on at to for from by with without within into onto over under than then that this these those ' +
    'is are was were be been being has have had do does did can could may might must shall should will would not no yes ' +
    'it its we our us they their them he she his her you your i me my which who whom whose what when where why how ' +
    'as also such both each all any some more most other only same so very via per between among about against during ' +
    'while after before through up down out off again further here there once here et al etc ie eg ' +
    'le la les des du de et en un une pour par sur dans avec est sont der die das und ein eine mit von fur ist im zu auf ' +
    'el los las del y con por para una es se que il di della delle dei e per'
  ).split(' '),
);


/**
 * Strong features of a text: numbers that carry a value (a decimal, a
 * percentage, a number of three digits or more, a number with a unit glued
 * on: `81.4%`, `0.5`, `2048`, `10x`) and names written in mixed case or with
 * digits (`ImageNet`, `DP-SGD`, `CIFAR-10`, `TaSe3`, `BERT`). A capitalized
 * first word ("The") is not a name. Lower-cased; NFKC first, so full-width
 * digits and letters in CJK text read as ASCII.
 */
export function strongFeatures(text: string): Set<string> {
  const out = new Set<string>();
  // NFKC and the invisible marks leave ASCII text as it is.
  const t = ASCII.test(text) ? text : text.normalize('NFKC').replace(INVISIBLE, '');
  // The tokens of /[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*%?/g, found by a scan of character codes (the same
  // tokens, leftmost first, without a match object each): a run of ASCII
  // letters and digits, then each `-` or `.` followed by another run, then an
  // optional `%`. A token so never ends with - or .: nothing to trim.
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAlnum(t.charCodeAt(i))) i++;
    for (;;) {
      const c = t.charCodeAt(i);
      if ((c === 45 || c === 46) && i + 1 < n && isAlnum(t.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isAlnum(t.charCodeAt(i))) i++;
      } else break;
    }
    if (i < n && t.charCodeAt(i) === 37) i++;
    // Most words are no feature: tested on the text, cut out only when they are.
    if (isStrong(t, start, i)) out.add(t.slice(start, i).toLowerCase());
  }
  return out;
}

/** [A-Za-z0-9] */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// Character codes rather than regular expressions: every word of every abstract and shown title goes through here.
/** Whether the token `text.slice(start, end)` is a strong feature. */
function isStrong(text: string, start: number, end: number): boolean {
  let digits = 0;
  let letters = 0;
  let dotOrPercent = false;
  let upperAfterFirst = false;
  const length = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) {
      letters++;
      if (i > start) upperAfterFirst = true;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c === 46 || c === 37) dotOrPercent = true;
  }
  if (digits > 0) {
    if (digits === length) return length >= 3;
    return dotOrPercent || letters > 0;
  }
  if (length < 2) return false;
  // Upper case after the first letter: "ImageNet", "DP-SGD", "BERT"; not "The" or "Learning".
  return upperAfterFirst;
}

/** Whether most letters of a text are outside the Latin script (a CJK, Cyrillic, Arabic… abstract). */
export function mostlyNonLatin(text: string): boolean {
  // The first few thousand characters tell. ASCII is decided by its code; only
  // other characters go through the (slow) Unicode script test.
  const end = Math.min(text.length, 4000);
  let latin = 0;
  let other = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) latin++;
    } else if (LATIN_LETTER.test(text[i]!)) latin++;
    else if (LETTER.test(text[i]!)) other++;
  }
  return other > latin;
}
const LETTER = /\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Content words of a text: folded, function words dropped, a light stem
 * (plural and common suffixes off, then the first seven letters) so
 * "networks" = "network" and "optimization" ≈ "optimizing". Strong features
 * are kept whole and marked with a leading `#`.
 */
export function contentTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const f of strongFeatures(text)) out.add(`#${f}`);
  // ASCII text folds to lower case, where the letters are a–z: its words are
  // runs of them, found without the Unicode-property pass (the same words).
  const ascii = ASCII.test(text);
  if (ascii) {
    // The runs of a–z of the lower-cased text, by a scan of character codes (what /[a-z]+/g finds).
    const folded = text.toLowerCase();
    const n = folded.length;
    let i = 0;
    while (i < n) {
      const c = folded.charCodeAt(i);
      if (c < 97 || c > 122) {
        i++;
        continue;
      }
      const start = i;
      while (i < n && folded.charCodeAt(i) >= 97 && folded.charCodeAt(i) <= 122) i++;
      if (i - start < 3) continue;
      const w = folded.slice(start, i);
      if (!STOP.has(w)) out.add(stem(w));
    }
    return out;
  }
  const folded = foldName(text.normalize('NFKC').replace(INVISIBLE, ''));
  for (const m of folded.matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
    const w = m[0];
    if (w.length < 3 || STOP.has(w)) continue;
    // CJK runs have no spaces: they are not words, and the signature handles them.
    if (!ASCII_WORD.test(w) && !SPACED_SCRIPT.test(w)) continue;
    out.add(stem(w));
  }
  return out;
}

/** A title word's term as titleTerms takes it: a word with digits whole as a feature, else its stem; none for a function or short word. */
export function titleTerm(w: string): string | undefined {
  if (/\d/.test(w)) return w.length >= 2 ? `#${w}` : undefined;
  return w.length >= 3 && !STOP.has(w) ? stem(w) : undefined;
}

/**
 * titleTerm with each word's term kept (interned): title words recur across
 * thousands of titles ("learning", "networks"), and each is stemmed once.
 */
export function titleTermCache(intern: (term: string) => string = (t) => t): (w: string) => string | undefined {
  const terms = new Map<string, string | null>();
  return (w) => {
    const k = terms.get(w);
    if (k !== undefined) return k ?? undefined;
    const t = titleTerm(w);
    const v = t === undefined ? null : intern(t);
    terms.set(w, v);
    return v ?? undefined;
  };
}

/**
 * Content terms of a title from its comparison key's words (already folded
 * and split, so no second pass over the text): function words dropped, words
 * stemmed as in contentTerms, words with digits kept whole as features.
 * `termOf`: a word's term (titleTerm, or a titleTermCache).
 */
export function titleTerms(tokens: readonly string[], termOf: (w: string) => string | undefined = titleTerm): TermSet {
  const out: string[] = [];
  for (const w of tokens) {
    const t = termOf(w);
    if (t !== undefined && !out.includes(t)) out.push(t);
  }
  return new TermList(out.slice());
}

/** Distinct terms as the weights read them: a Set, or a TermList. */
export interface TermSet extends Iterable<string> {
  readonly size: number;
  has(term: string): boolean;
}

/**
 * A short set of distinct terms as a list, in the order they came: a title
 * has a dozen terms, where a Set's table (and its growth) cost several times
 * the list, and one is kept per title of the library. Read only.
 */
export class TermList implements TermSet {
  constructor(private readonly terms: readonly string[]) {}
  get size(): number {
    return this.terms.length;
  }
  has(term: string): boolean {
    return this.terms.includes(term);
  }
  [Symbol.iterator](): Iterator<string> {
    return this.terms[Symbol.iterator]();
  }
}

const ASCII_WORD = /^[a-z]+$/;
const SPACED_SCRIPT = /\p{Script=Latin}|\p{Script=Cyrillic}|\p{Script=Greek}/u;

/** Suffixes stem() takes off, longest first: the longest that ends the word goes, as the leftmost match of their alternation would. */
const SUFFIXES = ['ations', 'ements', 'ation', 'ement', 'ities', 'ings', 'ness', 'ally', 'edly', 'ing', 'ity', 'ed', 'ly'];

// String tests rather than regular expressions: every title word of a library goes through here.
function stem(w: string): string {
  let s = w;
  if (s.length > 4) {
    if (s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
    if (s.endsWith('sses')) s = `${s.slice(0, -4)}ss`;
    if (s.length >= 2 && s.endsWith('s') && s[s.length - 2] !== 's') s = s.slice(0, -1);
  }
  if (s.length > 6) {
    for (const suffix of SUFFIXES)
      if (s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        break;
      }
  }
  return s.slice(0, 7);
}

/** Document frequencies of terms over a library, for IDF weights. */
export class TermWeights {
  private df = new Map<string, number>();
  private docs = 0;
  // Squared weights and set norms, computed once: placement compares one
  // record with hundreds of candidates, and a logarithm per term per pair was
  // most of its time.
  private weights = new Map<string, number>();
  private squared = new Map<string, number>();
  private norms = new WeakMap<TermSet, number>();
  /** Set by add(): the cached weights and norms are dropped on the next use (not on every add, as a library is built). */
  private stale = false;

  /** A document of these terms (each once), or `times` documents of them. */
  add(terms: Iterable<string>, times = 1): void {
    this.docs += times;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + times);
    this.stale = true;
  }

  private fresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.weights.clear();
    this.squared.clear();
    this.norms = new WeakMap();
  }

  /**
   * Smoothed IDF; a strong feature weighs double, since it names a result or
   * a model rather than a topic. Never below a floor, so a small library
   * (every word seen twice) still compares by words.
   */
  weight(term: string): number {
    this.fresh();
    let w = this.weights.get(term);
    if (w === undefined) {
      const idf = Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
      this.weights.set(term, (w = term.startsWith('#') ? 2 * idf : idf));
    }
    return w;
  }

  private sq(term: string): number {
    this.fresh();
    let w = this.squared.get(term);
    if (w === undefined) this.squared.set(term, (w = this.weight(term) ** 2));
    return w;
  }

  private norm(set: TermSet): number {
    this.fresh();
    let n = this.norms.get(set);
    if (n === undefined) {
      n = 0;
      for (const t of set) n += this.sq(t);
      this.norms.set(set, n);
    }
    return n;
  }

  private shared(a: TermSet, b: TermSet): number {
    const [s, l] = a.size <= b.size ? [a, b] : [b, a];
    let shared = 0;
    for (const t of s) if (l.has(t)) shared += this.sq(t);
    return shared;
  }

  /** Share of `small`'s weight that `large` holds. */
  containment(small: TermSet, large: TermSet): number {
    const total = this.norm(small);
    return total ? this.shared(small, large) / total : 0;
  }

  /** IDF-weighted cosine of two term sets (binary term frequencies): 1 for the same set, 0 when nothing is shared. */
  cosine(a: TermSet, b: TermSet): number {
    if (!a.size || !b.size) return 0;
    return this.shared(a, b) / Math.sqrt(this.norm(a) * this.norm(b));
  }
}

/** A preview abstract (its first sentences) has at least this many content terms before it counts as contained in a full one. */
export const MIN_PREVIEW_TERMS = 15;

/**
 * A shorter preview — a mirror's or a listing's snippet of the first sentence
 * or two — counts as contained only when it is the other abstract's opening
 * word for word, and at least this many words long: a dozen words shared in
 * any order are a topic, the same dozen words in order at the start of both
 * texts are the same text.
 */
export const MIN_OPENING_WORDS = 12;
/** Words of an abstract's opening compared for that (a snippet is a sentence or two). */
const OPENING_WORDS = 120;

/**
 * The first words of a text, folded, as a snippet of it would show them:
 * letters and digits only, so quotes, dashes, ellipses and line breaks a site
 * changes do not count.
 */
export function openingWords(text: string, limit = OPENING_WORDS): string[] {
  const ascii = ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : foldName(text.normalize('NFKC').replace(INVISIBLE, ''));
  const out: string[] = [];
  for (const m of folded.matchAll(ascii ? /[a-z0-9]+/g : /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)) {
    out.push(m[0]);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Whether `short` is the opening of `long`: the same words in the same order,
 * the last one possibly cut ("…across distrib…"), and `long` goes on.
 */
export function isOpening(short: readonly string[], long: readonly string[]): boolean {
  const n = short.length;
  if (n < MIN_OPENING_WORDS || n >= long.length) return false;
  for (let i = 0; i < n - 1; i++) if (short[i] !== long[i]) return false;
  return long[n - 1]!.startsWith(short[n - 1]!);
}

/**
 * Similarity of two abstracts: their weighted cosine, or — when one is much
 * shorter, as a page's "preview abstract" of the first sentences is — how much
 * of the shorter one's weight the longer one holds, discounted a little, so a
 * preview of fifteen words or more is not penalized for what it left out. A
 * shorter preview gets that only when `opening` says it is the other's
 * opening text (isOpening).
 */
export function abstractSimilarity(w: TermWeights, a: ReadonlySet<string>, b: ReadonlySet<string>, opening?: () => boolean): number {
  const cos = w.cosine(a, b);
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  if (s.size > 0.7 * l.size) return cos;
  if (s.size < MIN_PREVIEW_TERMS && !opening?.()) return cos;
  return Math.max(cos, 0.9 * w.containment(s, l));
}

/** How two signatures agree: the count of shared features and their share of the smaller signature. */
export function signatureOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; share: number } {
  if (!a.size || !b.size) return { shared: 0, share: 0 };
  let shared = 0;
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of s) if (l.has(x)) shared++;
  return { shared, share: shared / s.size };
}
