// Placing the records a title rule could not place: a title-less record (an
// abstract only, or a translated abstract) and a record on a person's author
// page whose title a site reworded. Two rules make this safe:
// - records are compared with merged *works*, not with records: two records
//   of one work are one candidate, so an abstract identical on both of them is
//   a clear match, not an ambiguity;
// - a record on a person's author page is first compared with that person's
//   works (tens, not the whole library), where a clearly winning weaker
//   similarity decides; against the whole library the bar stays high.
// docs/merging.md states the thresholds; the dev split of the labeled sets
// (tests/data/merge-partial, tests/data/merge-bibliography) tuned them.

import { authorOverlap, yearsCompatible } from './match';
import { abstractSimilarity, contentTerms, isOpening, MIN_PREVIEW_TERMS, mostlyNonLatin, openingWords, signatureOverlap, strongFeatures, TermWeights, titleTermCache, titleTerms, type TermSet } from './similarity';
import type { WorkRecord } from './records';
import type { TitleInfo } from './normalize';
import type { ConstrainedUnionFind } from './union-find';
import { RootMembers } from './cluster';
import type { MatchReason, Placement } from './types';
import { foldName } from '../names';
import { interner } from './intern';

/** Whole library: an abstract this close to one work's, and no other work close. */
export const LIBRARY_ABSTRACT = 0.6;
/** Within the person's works: a clearly winning weaker abstract similarity. */
export const PERSON_ABSTRACT = 0.3;
/** Within the person's works: a clearly winning title similarity. */
export const PERSON_TITLE = 0.6;
/** The runner-up must stay under this share of the winner's score. */
export const LIBRARY_MARGIN = 0.5;
export const PERSON_MARGIN = 0.7;
/** A translated abstract: at least this many numbers and Latin-script names shared, covering half the smaller signature. */
export const SIGNATURE_SHARED = 4;
export const SIGNATURE_SHARE = 0.5;
/**
 * A site's copy of a published text (a record with neither venue nor a
 * publisher's identifier, dated when the copy was found) joins the one
 * published work whose abstract opens with at least this many of its words,
 * word for word.
 */
export const COPY_OPENING = 30;
/**
 * …and whose text it is: the words the two abstracts share from their start
 * cover this share of the shorter one, whole. Two papers of one project may
 * open with the same paragraph (a trial's protocol and its results, a paper
 * and its extension, a thesis reusing a paper's introduction) and then go on
 * apart; a copy is the text, or its first part.
 */
export const COPY_COVER = 0.9;
/** A term on more records than this finds no candidates (it would find everyone). */
const MAX_POSTINGS = 200;
/** Candidates for a reworded title come through its rarest terms, as blocking keys do for exact titles… */
const RARE_TITLE_TERMS = 3;
/** Records scored per placed record, those sharing the most of its rare terms. */
const MAX_CANDIDATES = 64;
/** An abstract finds its candidates through its rarest terms only: a long abstract's every word would reach the whole library. */
const RARE_ABSTRACT_TERMS = 24;
/** …and a title term on more records than this is not rare: it finds no candidates. */
const MAX_TITLE_POSTINGS = 50;

/** What each record brings to placement, computed once per merge. */
export interface RecordText {
  abstract?: Set<string>;
  title?: TermSet;
  /** Numbers and Latin-script names of the abstract. */
  signature: ReadonlySet<string>;
  /** The abstract is in another script than Latin, or the page said it is a translation. */
  translated: boolean;
}

export interface PlacementContext {
  records: WorkRecord[];
  texts: RecordText[];
  weights: TermWeights;
  /** Term → records with that abstract term, title term, signature feature. */
  abstractIndex: Map<string, number[]>;
  titleIndex: Map<string, number[]>;
  signatureIndex: Map<string, number[]>;
  /** The cluster of a record during a round (set by placeRecords). */
  rootOf?: (n: number) => number;
  /** Opening words of a record's abstract, computed when a short preview is compared with it. */
  openings: Map<number, string[]>;
}

export interface Placed {
  /** The record being placed and one record of the work it joins. */
  a: number;
  b: number;
  score: number;
  reason: MatchReason;
  placedBy?: Placement;
}

const NONE: ReadonlySet<string> = new Set();
/** The text of a record with neither title nor abstract (only read). */
const NO_TEXT: RecordText = { signature: NONE, translated: false };

export function placementContext(records: WorkRecord[]): PlacementContext {
  const weights = new TermWeights();
  // One title's terms for every record with that title key (the sets are only read).
  const titleTermsOf = new Map<string, TermSet>();
  // Stems recur across titles: one string per stem (the terms are compared and
  // looked up, never changed), and each title word (one string per word, from
  // buildRecords) is stemmed once for all the titles that have it.
  const termOf = titleTermCache(interner());
  // Records without an abstract (most: a Scholar or DBLP row) have a text
  // that depends on their title key alone: one (only read) per title key, and
  // its terms counted for the weights once, times the records that have it.
  // (By the records' shared TitleInfo, a lookup by identity; texts of one key share its terms.)
  const plainOf = new Map<TitleInfo, number>();
  const plain: RecordText[] = [];
  const plainCount: number[] = [];
  const texts: RecordText[] = records.map((r) => {
    const abs = r.work.abstract?.trim();
    if (!abs) {
      if (!r.title) {
        weights.add(NONE);
        return NO_TEXT;
      }
      let i = plainOf.get(r.title);
      if (i === undefined) {
        let terms = titleTermsOf.get(r.title.key);
        if (!terms) titleTermsOf.set(r.title.key, (terms = titleTerms(r.title.tokens, termOf)));
        plainOf.set(r.title, (i = plain.length));
        plain.push({ signature: NONE, translated: false, title: terms });
        plainCount.push(0);
      }
      plainCount[i]!++;
      return plain[i]!;
    }
    // Most records (a Scholar or DBLP row) have no abstract: their title terms come from the title key already computed.
    const t: RecordText = {
      signature: abs ? strongFeatures(abs) : NONE,
      translated: !!abs && (mostlyNonLatin(abs) || (r.work.flags ?? []).includes('translated-abstract')),
    };
    if (abs) t.abstract = contentTerms(abs);
    if (r.title) {
      let terms = titleTermsOf.get(r.title.key);
      if (!terms) titleTermsOf.set(r.title.key, (terms = titleTerms(r.title.tokens, termOf)));
      t.title = terms;
    }
    // Each term once per record (a Set already when only one of the two is there).
    weights.add(t.abstract && t.title ? new Set([...t.abstract, ...t.title]) : (t.abstract ?? t.title ?? []));
    return t;
  });
  plain.forEach((p, i) => weights.add(p.title!, plainCount[i]));
  const abstractIndex = new Map<string, number[]>();
  const signatureIndex = new Map<string, number[]>();
  const titleIndex = new Map<string, number[]>();
  texts.forEach((t, n) => {
    for (const x of t.abstract ?? []) post(abstractIndex, x, n);
    for (const x of t.title ?? []) post(titleIndex, x, n);
    for (const x of t.signature) post(signatureIndex, x, n);
  });
  return { records, texts, weights, abstractIndex, titleIndex, signatureIndex, openings: new Map() };
}

function opening(ctx: PlacementContext, n: number): string[] {
  let o = ctx.openings.get(n);
  if (!o) ctx.openings.set(n, (o = openingWords(ctx.records[n]!.work.abstract ?? '')));
  return o;
}

/**
 * Similarity of record `r`'s abstract to record `m`'s (both have one): a
 * preview under MIN_PREVIEW_TERMS content words counts as contained in the
 * other only when it is its opening text.
 */
function abstractScore(ctx: PlacementContext, r: number, m: number): number {
  const a = ctx.texts[r]!.abstract!;
  const b = ctx.texts[m]!.abstract!;
  const short = Math.min(a.size, b.size) < MIN_PREVIEW_TERMS;
  const isPreview = () => (a.size <= b.size ? isOpening(opening(ctx, r), opening(ctx, m)) : isOpening(opening(ctx, m), opening(ctx, r)));
  return abstractSimilarity(ctx.weights, a, b, short ? isPreview : undefined);
}

function post(index: Map<string, number[]>, k: string, n: number): void {
  const l = index.get(k);
  if (!l) index.set(k, [n]);
  else if (l.length <= MAX_POSTINGS) l.push(n);
}

/** Postings of a term, none for a term on more than MAX_POSTINGS records (too common to find anything by). */
const postings = (index: Map<string, number[]>, k: string): readonly number[] => {
  const l = index.get(k);
  return !l || l.length > MAX_POSTINGS ? [] : l;
};

/**
 * One round of placement against the clusters as they stand. `personOf`
 * gives the person (any stable id) of an author page's capture key; records
 * of list pages have none. Returns the links to make, strongest first.
 */
export function placeRecords(ctx: PlacementContext, uf: ConstrainedUnionFind, personOf: ReadonlyMap<string, string>): Placed[] {
  const { records } = ctx;
  ctx.rootOf = (n) => uf.find(n);
  const members = new RootMembers(records, uf);
  // The works of each person: roots with a record on one of the person's author pages.
  const worksOf = new Map<string, Set<number>>();
  for (const r of records) {
    const p = personOf.get(r.captureKey);
    if (p === undefined) continue;
    let s = worksOf.get(p);
    if (!s) worksOf.set(p, (s = new Set()));
    s.add(uf.find(r.n));
  }
  const out: Placed[] = [];
  for (const r of records) {
    const own = uf.find(r.n);
    if (members.get(own)!.length > 1) continue; // already part of a work
    const text = ctx.texts[r.n]!;
    const person = personOf.get(r.captureKey);
    const mine = person === undefined ? undefined : worksOf.get(person);
    // A copy's text is a stronger signal than a reworded title: it goes first.
    const found = asCopy(ctx, r, own, members) ?? (mine && inPerson(ctx, r, own, mine, members)) ?? inLibrary(ctx, r, own, members, uf);
    if (found) out.push(found);
    else if (text.translated || text.signature.size) {
      const s = bySignature(ctx, r, own, members, uf, mine);
      if (s) out.push(s);
    }
  }
  return out.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * Works that share a term with the record, through an index, other than its
 * own; never a work that already holds a record of the record's own page (a
 * page lists a work once).
 */
function candidates(
  ctx: PlacementContext,
  r: WorkRecord,
  own: number,
  terms: Iterable<string>,
  index: Map<string, number[]>,
  members: RootMembers,
  keep: (root: number) => boolean = () => true,
): Set<number> {
  // Records by how many of the terms they share, among the works kept (the
  // person's, inside the person); only the best MAX_CANDIDATES are scored.
  const rootOf = ctx.rootOf!;
  const hits = new Map<number, number>();
  for (const x of terms)
    for (const n of postings(index, x)) {
      if (n === r.n) continue;
      const h = hits.get(n);
      if (h !== undefined) hits.set(n, h + 1);
      else if (keep(rootOf(n))) hits.set(n, 1);
    }
  const best = hits.size <= MAX_CANDIDATES ? [...hits.keys()] : [...hits].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES).map(([n]) => n);
  const roots = new Set<number>();
  for (const n of best) roots.add(rootOf(n));
  roots.delete(own);
  for (const root of roots) if (members.get(root)!.some((m) => ctx.records[m]!.captureKey === r.captureKey)) roots.delete(root);
  return roots;
}

/** The `n` rarest terms (highest weight first, then in code-point order). */
function rarest(ctx: PlacementContext, terms: TermSet, n: number): string[] {
  const w = ctx.weights;
  return [...terms].sort((x, y) => w.weight(y) - w.weight(x) || (x < y ? -1 : x > y ? 1 : 0)).slice(0, n);
}

interface Scored {
  root: number;
  /** The member that scored best. */
  m: number;
  score: number;
}

/** Best and runner-up works by a score per member, each work scored by its best member. */
function rank(cands: Iterable<number>, members: RootMembers, score: (m: number) => number): [Scored | undefined, number] {
  const scored: Scored[] = [];
  for (const root of cands) {
    let best: Scored | undefined;
    for (const m of members.get(root) ?? []) {
      const s = score(m);
      if (s > 0 && (!best || s > best.score || (s === best.score && m < best.m))) best = { root, m, score: s };
    }
    if (best) scored.push(best);
  }
  scored.sort((x, y) => y.score - x.score || x.m - y.m);
  return [scored[0], scored[1]?.score ?? 0];
}

/**
 * The winner among works that are established — with a title, or already of
 * two records — and only when none clears the bar, among every candidate.
 * Two title-less copies of one abstract (a portal's and an aggregator's) must
 * not block each other from the titled work they both belong to.
 */
function pick(
  ctx: PlacementContext,
  r: WorkRecord,
  cands: Set<number>,
  members: RootMembers,
  score: (m: number) => number,
  ok: (best: Scored, second: number) => boolean,
): Scored | undefined {
  const established = [...cands].filter((root) => {
    const ms = members.get(root)!;
    return ms.length > 1 || ctx.records[ms[0]!]!.title !== undefined;
  });
  const tiers: Iterable<number>[] = established.length < cands.size ? [established, cands] : [cands];
  // Two versions with one abstract (a conference paper and its journal
  // version) tie; the record's own year, when exactly theirs, is the second signal.
  const year = r.work.year;
  if (year !== undefined) tiers.push(established.filter((root) => members.get(root)!.some((m) => ctx.records[m]!.work.year === year)));
  // Still tied (a paper and a book chapter holding its text, both of its year): the record's own venue, when exactly theirs.
  const venue = venueKey(r);
  if (venue) tiers.push(established.filter((root) => members.get(root)!.some((m) => venueKey(ctx.records[m]!) === venue)));
  for (const set of tiers) {
    const [best, second] = rank(set, members, score);
    if (best && ok(best, second)) return best;
  }
  return undefined;
}

/** A record must not contradict the work it joins: years compatible, author lists not disjoint, and not from the same page. */
function compatible(r: WorkRecord, m: WorkRecord): boolean {
  return r.captureKey !== m.captureKey && yearsCompatible(r, m) && authorOverlap(r, m) !== 0;
}

/** Among the person's own works: the abstract, or for a titled record the title, clearly closer to one work than to any other. */
function inPerson(ctx: PlacementContext, r: WorkRecord, own: number, mine: Set<number>, members: RootMembers): Placed | undefined {
  const { texts, weights, records } = ctx;
  const t = texts[r.n]!;
  if (mine.size < 2) return undefined;
  // A titled record is placed by its title: a long abstract (a thesis's) holds
  // the words of the papers it grew from, so it must not pull a titled record
  // into one of them.
  if (!r.title && t.abstract && !t.translated) {
    const cands = candidates(ctx, r, own, rarest(ctx, t.abstract, RARE_ABSTRACT_TERMS), ctx.abstractIndex, members, (root) => mine.has(root));
    const best = pick(ctx, r, cands, members, (m) => {
      const o = texts[m]!;
      return o.abstract && !o.translated && compatible(r, records[m]!) ? abstractScore(ctx, r.n, m) : 0;
    }, (b, second) => b.score >= PERSON_ABSTRACT && second <= b.score * PERSON_MARGIN);
    if (best)
      return { a: r.n, b: best.m, score: 0.3 + best.score / 10, reason: 'abstract', placedBy: 'abstract' };
  }
  if (t.title) {
    const usable = rarest(ctx, t.title, RARE_TITLE_TERMS).filter((x) => (ctx.titleIndex.get(x)?.length ?? 0) <= MAX_TITLE_POSTINGS);
    const cands = candidates(ctx, r, own, usable, ctx.titleIndex, members, (root) => mine.has(root));
    const [best, second] = rank(cands, members, (m) => {
      const o = texts[m]!;
      return o.title && compatible(r, records[m]!) ? weights.cosine(t.title!, o.title) : 0;
    });
    if (best && best.score >= PERSON_TITLE && second <= best.score * PERSON_MARGIN)
      return { a: r.n, b: best.m, score: 0.3 + best.score / 10, reason: 'in-person' };
  }
  return undefined;
}

/** A title-less record against the whole library: only an abstract that is clearly the same text as one work's. */
function inLibrary(ctx: PlacementContext, r: WorkRecord, own: number, members: RootMembers, uf: ConstrainedUnionFind): Placed | undefined {
  const { texts, weights, records } = ctx;
  const t = texts[r.n]!;
  if (r.title || !t.abstract || t.translated) return undefined;
  const roots = candidates(ctx, r, own, rarest(ctx, t.abstract, RARE_ABSTRACT_TERMS), ctx.abstractIndex, members);
  const best = pick(ctx, r, roots, members, (m) => {
    const o = texts[m]!;
    return o.abstract && !o.translated && compatible(r, records[m]!) ? abstractScore(ctx, r.n, m) : 0;
  }, (b, second) => b.score >= LIBRARY_ABSTRACT && second < b.score * LIBRARY_MARGIN);
  if (best)
    return { a: r.n, b: best.m, score: 0.3 + best.score / 10, reason: 'abstract', placedBy: 'abstract' };
  return undefined;
}

/** A record of a publication: a venue, or an identifier a publisher or an index of publications gives (not only a site's own record id). */
function published(r: WorkRecord): boolean {
  const { ids } = r;
  return !!(r.work.venue?.trim() || ids.doi || ids.arxiv || ids.pmid || ids.pmcid || ids.acl || ids.dblp || ids.openreview);
}

/**
 * A copy of a published text: Semantic Scholar and Scholar keep records of
 * copies of a paper found on the web, with a title the copy's first lines gave
 * ("Turing 1950 1 The Imitation Game"), no venue, no publisher's identifier,
 * and the year the copy was found. Such a record joins a published work when
 * its abstract opens with the same COPY_OPENING words or more as one of the
 * work's records — the same text — and no other published work opens so;
 * the years are not compared (a copy is not older than the text, though),
 * nor the page (a site lists its copies beside the paper). Authors must not
 * be disjoint.
 */
function asCopy(ctx: PlacementContext, r: WorkRecord, own: number, members: RootMembers): Placed | undefined {
  const t = ctx.texts[r.n]!;
  if (!r.title || !t.abstract || t.translated || published(r)) return undefined;
  const mine = opening(ctx, r.n);
  if (mine.length < COPY_OPENING) return undefined;
  // Candidates through the rarest words of the opening (a true copy shares
  // those; its rarest words overall may be its own OCR slips), the copy's own
  // page included.
  const rootOf = ctx.rootOf!;
  const roots = new Set<number>();
  const terms = [...contentTerms(mine.slice(0, COPY_OPENING).join(' '))].filter((x) => t.abstract!.has(x));
  for (const x of rarest(ctx, new Set(terms), RARE_ABSTRACT_TERMS)) for (const n of postings(ctx.abstractIndex, x)) if (n !== r.n) roots.add(rootOf(n));
  roots.delete(own);
  let found: { root: number; m: number; shared: number } | undefined;
  for (const root of [...roots].sort((x, y) => x - y)) {
    let best: { m: number; shared: number } | undefined;
    for (const m of members.get(root)!) {
      const rec = ctx.records[m]!;
      const o = ctx.texts[m]!;
      // A titled published record: a mirror's title-less copy of the same abstract is no publication to join.
      if (!rec.title || !o.abstract || o.translated || !published(rec) || authorOverlap(r, rec) === 0) continue;
      if (r.work.year !== undefined && rec.work.year !== undefined && r.work.year < rec.work.year - 1) continue;
      const theirs = opening(ctx, m);
      let k = 0;
      while (k < mine.length && k < theirs.length && mine[k] === theirs[k]) k++;
      if (k >= COPY_OPENING && (!best || k > best.shared) && sameText(r, rec, k, mine.length === k || theirs.length === k)) best = { m, shared: k };
    }
    if (!best) continue;
    if (found) return undefined; // two published works open with this text: not for a copy to choose
    found = { root, ...best };
  }
  if (!found) return undefined;
  return { a: r.n, b: found.m, score: 0.3 + Math.min(found.shared, 100) / 1000, reason: 'abstract', placedBy: 'abstract' };
}

/**
 * Whether two abstracts that open with the same `k` words are one text (see
 * COPY_COVER): compared whole, past the opening's cap, only for the few pairs
 * that got this far. `ended`: one opening ended within the shared words.
 */
function sameText(a: WorkRecord, b: WorkRecord, k: number, ended: boolean): boolean {
  const x = openingWords(a.work.abstract ?? '', Infinity);
  const y = openingWords(b.work.abstract ?? '', Infinity);
  let shared = k;
  if (!ended) while (shared < x.length && shared < y.length && x[shared] === y[shared]) shared++;
  return shared >= COPY_COVER * Math.min(x.length, y.length);
}

/**
 * A translated abstract shares no word with its original, but keeps its
 * numbers and Latin-script names. That alone could be two papers on one
 * benchmark, so it needs a second signal: the same person's page, the same
 * year, or the same venue.
 */
function bySignature(
  ctx: PlacementContext,
  r: WorkRecord,
  own: number,
  members: RootMembers,
  uf: ConstrainedUnionFind,
  mine: Set<number> | undefined,
): Placed | undefined {
  const { texts, records } = ctx;
  const t = texts[r.n]!;
  if (t.signature.size < SIGNATURE_SHARED) return undefined;
  const roots = candidates(ctx, r, own, t.signature, ctx.signatureIndex, members);
  const best = pick(ctx, r, roots, members, (m) => {
    const o = texts[m]!;
    // Only across languages: two abstracts in one language are compared by their words.
    if (o.translated === t.translated || !compatible(r, records[m]!)) return 0;
    const { shared, share } = signatureOverlap(t.signature, o.signature);
    if (shared < SIGNATURE_SHARED || share < SIGNATURE_SHARE) return 0;
    return secondSignal(r, records[m]!, uf.find(m), mine) ? shared : 0;
  }, (b, second) => second <= b.score * 0.75);
  if (best)
    return { a: r.n, b: best.m, score: 0.3 + Math.min(best.score, 20) / 200, reason: 'translated-abstract', placedBy: 'translated-abstract' };
  return undefined;
}

function secondSignal(r: WorkRecord, m: WorkRecord, root: number, mine: Set<number> | undefined): boolean {
  if (mine?.has(root)) return true;
  if (r.work.year !== undefined && r.work.year === m.work.year) return true;
  const v = venueKey(r);
  return v !== '' && v === venueKey(m);
}

/** A record's venue folded to its letters and digits ("" without one). */
function venueKey(w: WorkRecord): string {
  return w.work.venue ? foldName(w.work.venue).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : '';
}
