// Whether two work records without a shared identifier are the same work.
// Deliberately conservative: a missed merge shows a duplicate the user can
// join; a false merge silently corrupts citation counts and metrics.

import { endsWithParen, titleInfo, titleKey, type TitleInfo } from './normalize';
import type { WorkRecord } from './records';
import type { MatchReason } from './types';

export interface MatchVerdict {
  reason: MatchReason;
  /** Higher first when edges are applied; ties broken by record keys. */
  score: number;
}

/** Titles shorter than this (in words) are too generic to merge on title alone. */
const MIN_TITLE_WORDS = 4;
const MIN_PREFIX_WORDS = 4;
const MIN_CONTAINED_WORDS = 6;
const FUZZY_DICE = 0.9;
const MIN_FULL_AUTHORS = 2;
/** Where a citation string parsed as a title breaks into parts: after . , ; and before a parenthesis. */
export const SEGMENT_BREAK = /(?<=[.,;])\s+|\s+(?=\()/;

// The verdicts of fixed score, one object each (read only): half a million pairs are scored.
const NOTED: MatchVerdict = Object.freeze({ reason: 'title', score: 0.97 });
const SAME_TITLE: MatchVerdict = Object.freeze({ reason: 'title', score: 1 });
const SAME_SHORT_TITLE: MatchVerdict = Object.freeze({ reason: 'title', score: 0.99 });
const CUT_TITLE: MatchVerdict = Object.freeze({ reason: 'title-prefix', score: 0.95 });
const CITATION_STRING: MatchVerdict = Object.freeze({ reason: 'title', score: 0.9 });
const CITATION_STRING_ANY_YEAR: MatchVerdict = Object.freeze({ reason: 'title', score: 0.85 });

export function matchRecords(a: WorkRecord, b: WorkRecord): MatchVerdict | undefined {
  if (!a.title || !b.title) return undefined;
  // Checked before the one-page and year rules: the note says which paper it is.
  if ((notedAs(a, b) || notedAs(b, a)) && authorOverlap(a, b) !== 0) return NOTED;
  if (listedApart(a, b)) return undefined;
  const overlap = authorOverlap(a, b);
  if (overlap === 0) return undefined; // both list authors, none in common
  if (!yearsCompatible(a, b)) return citationStringMatch(a, b) ? CITATION_STRING_ANY_YEAR : undefined;
  const ta = a.title;
  const tb = b.title;
  if (ta.compact === tb.compact && !ta.truncated && !tb.truncated) {
    if (Math.min(ta.tokens.length, tb.tokens.length) >= MIN_TITLE_WORDS) return SAME_TITLE;
    // "Introduction", "Editorial": only with shared authors and the same year.
    if (overlap !== undefined && overlap >= 0.5 && a.year !== undefined && a.year === b.year)
      return SAME_SHORT_TITLE;
    return undefined;
  }
  const prefix = prefixMatch(ta, tb) || prefixMatch(tb, ta);
  if (prefix && (overlap !== undefined || (a.year !== undefined && a.year === b.year)))
    return CUT_TITLE;
  if (contained(a, b) || contained(b, a)) return CITATION_STRING;
  if (overlap !== undefined && overlap >= 0.5 && Math.min(ta.tokens.length, tb.tokens.length) >= 5) {
    const d = dice(ta.tokens, tb.tokens);
    if (d >= FUZZY_DICE) return { reason: 'title', score: 0.5 + d / 4 };
  }
  return undefined;
}

/**
 * A necessary condition of `matchRecords` on two records' titles alone, in
 * integer operations, for the half million candidate pairs title blocking
 * finds: a pair it refuses gets no verdict, so dropping it before scoring
 * changes no edge. Every verdict but the one on the same compact title needs
 * one of: a closing parenthetical on either title (`notedAs`), a cut title
 * of at least MIN_PREFIX_WORDS words (`prefixMatch`), every distinct word of
 * the shorter title in the longer (`contained`: its key is a run of the
 * other's words), or a Dice of at least FUZZY_DICE over distinct words with
 * both titles at least five words long (the fuzzy rule, the same arithmetic
 * as `dice`).
 */
export class TitlePairFilter {
  private readonly compact: Int32Array;
  private readonly flags: Uint8Array;
  private readonly len: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly words: Int32Array;

  /** `wordIds(r)`: the record's title words as numbers (equal words, equal numbers), shared by records of one TitleInfo. */
  constructor(records: readonly WorkRecord[], wordIds: (r: WorkRecord) => readonly number[] | undefined) {
    const n = records.length;
    this.compact = new Int32Array(n).fill(-1);
    this.flags = new Uint8Array(n);
    this.len = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    const compactId = new Map<string, number>();
    // Each distinct word list once (records of one title share theirs), sorted
    // and without repeats, in one flat list: by the first record that has it.
    const firstWith = new Map<readonly number[], number>();
    let room = 0;
    for (const r of records) {
      const ids = wordIds(r);
      if (r.title && ids && !firstWith.has(ids)) {
        firstWith.set(ids, r.n);
        room += ids.length;
      }
    }
    const words = new Int32Array(room);
    let used = 0;
    for (const r of records) {
      const t = r.title;
      const ids = wordIds(r);
      if (!t || !ids) continue;
      let c = compactId.get(t.compact);
      if (c === undefined) compactId.set(t.compact, (c = compactId.size));
      this.compact[r.n] = c;
      this.len[r.n] = t.tokens.length;
      let f = 0;
      if ((t.truncated && t.tokens.length >= MIN_PREFIX_WORDS) || r.titleEndsInParen) f |= ANY_RULE;
      if (!t.truncated && t.tokens.length >= MIN_CONTAINED_WORDS) f |= MAY_BE_CONTAINED;
      this.flags[r.n] = f;
      const first = firstWith.get(ids)!;
      if (first < r.n) {
        this.start[r.n] = this.start[first]!;
        this.end[r.n] = this.end[first]!;
        continue;
      }
      const list = words.subarray(used, used + ids.length);
      list.set(ids);
      list.sort();
      let m = 0;
      for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[m - 1]) list[m++] = list[i]!;
      this.start[r.n] = used;
      this.end[r.n] = used += m;
    }
    this.words = words;
  }

  /** False only when `matchRecords(records[a], records[b])` is certainly undefined. */
  mayMatch(a: number, b: number): boolean {
    const ca = this.compact[a]!;
    if (ca < 0 || this.compact[b]! < 0) return false;
    if (ca === this.compact[b]) return true;
    const fa = this.flags[a]!;
    const fb = this.flags[b]!;
    if ((fa | fb) & ANY_RULE) return true;
    const la = this.len[a]!;
    const lb = this.len[b]!;
    let i = this.start[a]!;
    const i1 = this.end[a]!;
    let j = this.start[b]!;
    const j1 = this.end[b]!;
    const na = i1 - i;
    const nb = j1 - j;
    // Bounds from the counts alone (the words shared are at most the fewer
    // distinct words): containment needs all of one title's words in the
    // other, Dice is highest when the shorter list is all shared.
    const fuzzy = la >= 5 && lb >= 5 && (2 * Math.min(na, nb)) / (na + nb) >= FUZZY_DICE;
    const containA = (fa & MAY_BE_CONTAINED) !== 0 && lb > la && na <= nb;
    const containB = (fb & MAY_BE_CONTAINED) !== 0 && la > lb && nb <= na;
    if (!fuzzy && !containA && !containB) return false;
    const w = this.words;
    let shared = 0;
    while (i < i1 && j < j1) {
      const x = w[i]!;
      const y = w[j]!;
      if (x === y) {
        shared++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    if (containA && shared === na) return true;
    if (containB && shared === nb) return true;
    return fuzzy && (2 * shared) / (na + nb) >= FUZZY_DICE;
  }
}
const ANY_RULE = 1;
const MAY_BE_CONTAINED = 2;

/**
 * A citation string the page parsed as a title ("Danish Contractor, and Cathy
 * Wu. 2018. It’s time to do something: …", "…. ACM Future of Computing Blog
 * (2018)") comes with a year the site guessed, so the year rule does not apply
 * to it: the shorter title must appear in it as whole segments (at least 6
 * words) and every author of the shorter list, at least two, must be on the
 * other. The same title with the same authors in two different years, as a
 * plain title on both sides (a conference paper and its journal version), stays
 * under the year rule.
 */
function citationStringMatch(a: WorkRecord, b: WorkRecord): boolean {
  if (!(contained(a, b) || contained(b, a))) return false;
  const shorter = Math.min(a.authorKeys.length, b.authorKeys.length);
  return shorter >= MIN_FULL_AUTHORS && authorOverlap(a, b) === 1;
}

/**
 * One page listing the same title twice, in two different years and two
 * different venues, neither a preprint server, lists two works: a conference
 * paper and its journal version, as a researcher's own publication list does. (A site's duplicate
 * row — Scholar's citation string beside the plain title — has no second
 * venue, or the same year.)
 */
function listedApart(a: WorkRecord, b: WorkRecord): boolean {
  // DBLP and ORCID list a paper's CoRR or bioRxiv copy beside it: a preprint is a version, not another work.
  if (a.captureKey !== b.captureKey || a.preprint || b.preprint) return false;
  const ya = a.year;
  const yb = b.year;
  if (ya === undefined || yb === undefined || ya === yb) return false;
  const va = a.venue?.trim().toLowerCase();
  const vb = b.venue?.trim().toLowerCase();
  return !!va && !!vb && va !== vb;
}

/**
 * A title with a note naming where the other record appeared: an owner's list
 * shows a paper presented again as a talk, "Forward Secure Message Franking
 * (from ICISC 2021)", beside the ICISC 2021 paper. The title before the note
 * is the other's title (at least 4 words) and the note holds every word of the
 * other's venue, its year included (a short venue: at most 6 words), so it is
 * that paper, whatever the talk's own year, venue or page. A note that says
 * "version" ("full version of …", "extended version") announces another work
 * (a journal version stays apart) and does not count.
 */
function notedAs(noted: WorkRecord, other: WorkRecord): boolean {
  if (!noted.titleEndsInParen || !noted.title || !other.title || !other.venue) return false;
  const raw = noted.work.title!;
  const parts = noteParts(noted.title, raw);
  if (!parts || parts.base !== other.title.compact) return false;
  const note = parts.note;
  if (/ versions? /.test(note)) return false;
  const venue = titleKey(other.venue).split(' ').filter(Boolean);
  if (!(venue.length > 0 && venue.length <= 6 && venue.some((w) => /\p{L}/u.test(w)) && venue.every((w) => note.includes(` ${w} `)))) return false;
  // Nothing but where it appeared: "(from ICISC 2021)", "(presented at …)", "(to appear in …)". A
  // note that says more ("journal extension of our ICML 2019 paper", "full version of …") names
  // another publication that builds on that one.
  const inVenue = new Set(venue);
  return note
    .split(' ')
    .filter(Boolean)
    .every((w) => inVenue.has(w) || /^\d+$/.test(w) || VENUE_NOTE_WORDS.has(w));
}

/** A title's text before its closing parenthetical (compact key) and the note's key, padded with spaces. */
interface NoteParts {
  base: string;
  note: string;
}
/** By the title's (shared, never modified) TitleInfo: a title is read once, however many pairs it is in. */
const notes = new WeakMap<TitleInfo, NoteParts | null>();

/** The parts of a title ending in a parenthetical, or null (no "(", or fewer than MIN_TITLE_WORDS words before it). */
function noteParts(info: TitleInfo, raw: string): NoteParts | null {
  let parts = notes.get(info);
  if (parts !== undefined) return parts;
  parts = null;
  const t = raw.trimEnd();
  const open = t.lastIndexOf('(');
  if (open > 0) {
    const base = titleInfo(t.slice(0, open));
    if (base && base.tokens.length >= MIN_TITLE_WORDS) parts = { base: base.compact, note: ` ${titleKey(t.slice(open + 1, -1))} ` };
  }
  notes.set(info, parts);
  return parts;
}

/** The words a note of where a paper appeared is made of, beside the venue and the year. */
const VENUE_NOTE_WORDS = new Set(['from', 'at', 'in', 'of', 'the', 'on', 'to', 'appear', 'appears', 'appeared', 'presented', 'published', 'accepted', 'also', 'see', 'talk', 'invited', 'keynote', 'slides', 'poster', 'oral', 'spotlight', 'proc', 'proceedings']);

/** A preprint and its published version may be two years apart; two published records one (online vs issue year). */
export function yearsCompatible(a: WorkRecord, b: WorkRecord): boolean {
  const ya = a.year;
  const yb = b.year;
  if (ya === undefined || yb === undefined) return true;
  return Math.abs(ya - yb) <= (a.preprint || b.preprint ? 2 : 1);
}

/** Shared authors (family name + first initial) over the shorter list; undefined when either list is missing. */
export function authorOverlap(a: WorkRecord, b: WorkRecord): number | undefined {
  if (!a.authorKeys.length || !b.authorKeys.length) return undefined;
  // Author lists are short and keys unique within a list: a scan beats building a set per pair.
  let shared = 0;
  for (const k of b.authorKeys) if (a.authorKeys.includes(k)) shared++;
  return shared / Math.min(a.authorKeys.length, b.authorKeys.length);
}

function prefixMatch(cut: TitleInfo, full: TitleInfo): boolean {
  return cut.truncated && cut.tokens.length >= MIN_PREFIX_WORDS && full.compact.startsWith(cut.compact);
}

/**
 * The shorter title appears in the longer one as whole punctuation-separated
 * segments: Scholar rows like "Danish Contractor, and Cathy Wu. 2018. It’s time
 * to do something: …" or "A survey of …, Physical Communication, v. 13 n"
 * (a citation string parsed as a title). A word glued on without punctuation
 * ("Enhanced Hidden Moving Target Defense…") is a different title.
 */
export function contained(short: WorkRecord, long: WorkRecord): boolean {
  const s = short.title!;
  const l = long.title!;
  if (s.truncated || s.tokens.length < MIN_CONTAINED_WORDS || l.tokens.length <= s.tokens.length) return false;
  // The plain substring first: most pairs fail it, without building the two padded strings.
  if (!l.key.includes(s.key) || !(` ${l.key} `).includes(` ${s.key} `)) return false;
  const segments = (long.work.title ?? '').split(SEGMENT_BREAK);
  for (let i = 0; i < segments.length; i++) {
    let joined = '';
    for (let j = i; j < segments.length; j++) {
      joined = joined ? `${joined} ${segments[j]!}` : segments[j]!;
      const k = titleKey(joined);
      if (k === s.key) return true;
      if (k.length > s.key.length) break;
    }
  }
  return false;
}

function dice(a: string[], b: string[]): number {
  // Over the distinct words of each title; titles are short, so scans beat two Sets per pair.
  let na = 0;
  for (let i = 0; i < a.length; i++) if (a.indexOf(a[i]!) === i) na++;
  let nb = 0;
  let both = 0;
  for (let j = 0; j < b.length; j++) {
    if (b.indexOf(b[j]!) !== j) continue;
    nb++;
    if (a.includes(b[j]!)) both++;
  }
  return (2 * both) / (na + nb);
}
