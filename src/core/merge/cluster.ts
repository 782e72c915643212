// Work clustering, strong phase: identifiers first, then scored title matches
// found through blocking keys (never all pairs), all under the "never merge"
// constraints and the user's decisions. Weaker records are placed on top of
// this by placement.ts, work by work.

import { conflictTags, ID_STRENGTH, type WorkRecord } from './records';
import { matchRecords, SEGMENT_BREAK, TitlePairFilter } from './match';
import { normalizeWorkId, titleKey, type TitleInfo } from './normalize';
import { ConstrainedUnionFind } from './union-find';
import { constrainSplits, resolveDecisions, SPLIT_TAG, type ResolvedDecisions } from './decisions';
import type { MatchReason, UserDecision, WorkRef } from './types';
import { WORK_ID_KEYS, type WorkIdKey } from '../capture';
import { compareCodePoints } from '../order';

/** Blocks larger than this are compared only with sorted neighbours, to stay near-linear. */
const MAX_BLOCK = 50;
const NEIGHBOURS = 12;
const RARE_KEYS = 2;
const MAX_SEGMENTS = 6;
const WORK_KINDS: ReadonlySet<string> = new Set(WORK_ID_KEYS);
/** Text where SEGMENT_BREAK matches: punctuation before a space, or a space before a parenthesis. */
const HAS_BREAK = /[.,;]\s|\s\(/;
const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'using', 'via', 'towards', 'toward', 'based', 'des', 'les', 'der', 'und', 'die']);

export interface Clustering {
  /** Record numbers per cluster, each sorted; clusters sorted by their first record. */
  clusters: number[][];
  /** The reasons each cluster of two records or more was joined for, sorted (by its first record). */
  reasons: Map<number, MatchReason[]>;
  unresolved: UserDecision[];
}

/** The clustering under way: later phases (placement) add links to it. */
export interface WorkLinks {
  uf: ConstrainedUnionFind;
  /** Link two records' clusters unless a constraint forbids it; true when they were joined. */
  join(a: number, b: number, r: MatchReason, only?: string): boolean;
  /** The reasons a cluster's records were joined for, sorted (by the cluster's root). */
  reasonsOf(root: number): MatchReason[];
  unresolved: UserDecision[];
  /**
   * The group a record would be in by the automatic links alone (every link
   * but the user's joins). A work the user joined keeps each joined work's
   * versions apart (shown.ts), instead of folding one into the other's.
   */
  versionGroup(n: number): number;
}

/**
 * The strong phase: the user's joins, then identifiers, then title rules,
 * strongest first, each refused if it would break a "never merged" pair or a
 * user's split. Placement of weaker records (placement.ts) runs on top.
 */
export function linkWorks(records: WorkRecord[], decisions: UserDecision[]): WorkLinks {
  const uf = new ConstrainedUnionFind(records.length);
  // Untagged, so every union holds: the automatic links only, for the versions of a user's join.
  const auto = new ConstrainedUnionFind(records.length);
  // The reasons of each cluster as bits of a number per root (a handful of
  // reasons exist): no Set per join, made and dropped as clusters grow.
  const reasonBits = new Int32Array(records.length);
  const reasonNames: MatchReason[] = [];
  const bitOf = new Map<MatchReason, number>();
  const join = (a: number, b: number, r: MatchReason, only?: string): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) {
      if (r !== 'user') auto.union(a, b);
      return false;
    }
    if (!uf.union(a, b, only)) return false;
    if (r !== 'user') auto.union(a, b);
    let bit = bitOf.get(r);
    if (bit === undefined) {
      bitOf.set(r, (bit = reasonNames.length));
      reasonNames.push(r);
      if (bit > 30) throw new Error('too many match reasons');
    }
    const merged = reasonBits[ra]! | reasonBits[rb]! | (1 << bit);
    reasonBits[ra] = 0;
    reasonBits[rb] = 0;
    reasonBits[uf.find(a)] = merged;
    return true;
  };
  const reasonsOf = (root: number): MatchReason[] => {
    const bits = reasonBits[root]!;
    const out: MatchReason[] = [];
    for (let i = 0; i < reasonNames.length; i++) if (bits & (1 << i)) out.push(reasonNames[i]!);
    return out.sort();
  };
  for (const r of records) for (const [k, v] of conflictTags(r)) uf.tag(r.n, k, v);

  const { joins, splits, unresolved } = workDecisions(records, decisions);
  constrainSplits(uf, splits);
  for (const [a, b] of joins) join(a, b, 'user', SPLIT_TAG);

  idEdges(records, (a, b, reason) => join(a, b, reason));
  // A title edge between records the automatic links already hold together
  // would change nothing when applied (join() finds one root in both
  // clusterings), so such pairs are not scored.
  const scored = titleEdges(records, (a, b) => auto.find(a) === auto.find(b));
  const order = new Int32Array(scored.a.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => scored.score[y]! - scored.score[x]! || scored.a[x]! - scored.a[y]! || scored.b[x]! - scored.b[y]!);
  for (const i of order) join(scored.a[i]!, scored.b[i]!, scored.reason[i]!);
  return { uf, join, reasonsOf, unresolved, versionGroup: (n) => auto.find(n) };
}

/**
 * Record numbers per cluster root as one flat list (three typed arrays, not
 * a list per cluster): `get(root)` gives the root's records in record order.
 */
export class RootMembers {
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  private readonly flat: Int32Array;
  constructor(records: readonly WorkRecord[], uf: ConstrainedUnionFind) {
    const n = records.length;
    const rootOf = new Int32Array(n);
    this.count = new Int32Array(n);
    for (let i = 0; i < n; i++) this.count[(rootOf[i] = uf.find(i))]!++;
    this.start = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.start[i] = at;
      at += this.count[i]!;
    }
    const fill = this.start.slice();
    this.flat = new Int32Array(n);
    for (let i = 0; i < n; i++) this.flat[fill[rootOf[i]!]!++] = i;
  }

  /** The cluster's records, or undefined for a number that is no cluster's root. */
  get(root: number): Int32Array | undefined {
    const c = this.count[root];
    return c ? this.flat.subarray(this.start[root]!, this.start[root]! + c) : undefined;
  }
}

/** The clusters as they stand, each with the reasons its records were joined. */
export function clustersOf(records: WorkRecord[], links: WorkLinks): Clustering {
  const { uf, unresolved } = links;
  // A cluster's root is its smallest record (unions keep the smaller root), so
  // the roots in record order give the clusters in order of their first record.
  const members = new RootMembers(records, uf);
  const clusters: number[][] = [];
  for (let root = 0; root < records.length; root++) {
    const m = members.get(root);
    if (m) clusters.push(Array.from(m));
  }
  const out = new Map<number, MatchReason[]>();
  for (const c of clusters) {
    if (c.length < 2) continue;
    const s = links.reasonsOf(uf.find(c[0]!));
    if (s.length) out.set(c[0]!, s);
  }
  return { clusters, reasons: out, unresolved };
}

/** Records with the same identifier, strongest kind first, each joined to the kind's first record with it: `link` in that order. */
function idEdges(records: WorkRecord[], link: (a: number, b: number, reason: MatchReason) => void): void {
  for (const kind of ID_STRENGTH) {
    const reason: MatchReason = `id:${kind}`;
    const first = new Map<string, number>();
    for (const r of records) {
      const id = r.ids[kind];
      if (!id) continue;
      const f = first.get(id);
      if (f === undefined) first.set(id, r.n);
      else link(f, r.n, reason);
    }
  }
}

/** Scored title edges as parallel lists (no object per edge). */
interface Edges {
  a: number[];
  b: number[];
  score: number[];
  reason: MatchReason[];
}

function titleEdges(records: WorkRecord[], together: (a: number, b: number) => boolean): Edges {
  // Title words as numbers, once: document frequencies and each record's
  // rarest words come from them without a Set or a sort per record.
  const tokenId = new Map<string, number>();
  const tokenText: string[] = [];
  // Records with one title text share its TitleInfo (records.ts): its words are numbered once.
  const idsOfInfo = new Map<TitleInfo, number[]>();
  const idsOf = records.map((r) => {
    if (!r.title) return undefined;
    let ids = idsOfInfo.get(r.title);
    if (ids) return ids;
    ids = r.title.tokens.map((t) => {
      let id = tokenId.get(t);
      if (id === undefined) {
        tokenId.set(t, (id = tokenText.length));
        tokenText.push(t);
      }
      return id;
    });
    idsOfInfo.set(r.title, ids);
    return ids;
  });
  const df = new Int32Array(tokenText.length);
  const stamp = new Int32Array(Math.max(tokenText.length, records.length)).fill(-1);
  for (const r of records) for (const id of idsOf[r.n] ?? []) if (stamp[id] !== r.n) {
    stamp[id] = r.n;
    df[id]!++;
  }
  const eligible = tokenText.map((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
  // Fewer records first, then code-point order: the order blocking keys are taken in.
  const rarer = (x: number, y: number) => df[x]! - df[y]! || compareCodePoints(tokenText[x]!, tokenText[y]!);
  const blocks = new Map<string | number, number[]>();
  const blockOf = (k: string | number): number[] => {
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = []));
    return b;
  };
  stamp.fill(-1);
  // A record's blocks depend on its title text alone, and records with one
  // title text share its TitleInfo (a work's title recurs on its sites'
  // records): each title's blocks are found once, in the order they were
  // always added in, and its records are pushed straight into them.
  const blocksOfInfo = new Map<TitleInfo, number[][]>();
  for (const r of records) {
    const t = r.title;
    if (!t) continue;
    let mine = blocksOfInfo.get(t);
    if (!mine) {
      mine = [];
      const first = firstWords(t.key);
      mine.push(blockOf(first));
      // A citation string parsed as a title ("Danish Contractor, and Cathy Wu.
      // 2018. It’s time to …") starts its real title after a segment boundary.
      for (const start of segmentStarts(r.work.title ?? '')) if (start !== first) mine.push(blockOf(start));
      // The RARE_KEYS (two) rarest distinct eligible words, as numbers (word blocks, apart from prefix blocks).
      let best = -1;
      let second = -1;
      for (const id of idsOf[r.n]!) {
        if (stamp[id] === r.n || !eligible[id]) continue;
        stamp[id] = r.n;
        if (best < 0 || rarer(id, best) < 0) {
          second = best;
          best = id;
        } else if (second < 0 || rarer(id, second) < 0) second = id;
      }
      if (best >= 0) mine.push(blockOf(best));
      if (second >= 0 && RARE_KEYS > 1) mine.push(blockOf(second));
      // At its length: kept for every title text until the blocks are walked.
      blocksOfInfo.set(t, (mine = mine.slice()));
    }
    for (const b of mine) b.push(r.n);
  }
  // Authors as numbers per record (offsets into one array). A pair whose two
  // author lists share no one is never a match (matchRecords' first refusal),
  // so such pairs are dropped as they are found; of the rest, repeats (a pair
  // found through two blocks) are dropped once all are found.
  const authorId = new Map<string, number>();
  const authorStart = new Int32Array(records.length + 1);
  let authorCount = 0;
  for (const r of records) authorCount += r.authorKeys.length;
  const authorIds = new Int32Array(authorCount);
  let authorAt = 0;
  // Each record's authors also as a 64-bit signature (two words, a bit per
  // author id): two lists whose signatures share no bit share no author, so
  // most pairs without a common author are dropped without the scan.
  const maskLo = new Int32Array(records.length);
  const maskHi = new Int32Array(records.length);
  for (const r of records) {
    for (const k of r.authorKeys) {
      let id = authorId.get(k);
      if (id === undefined) authorId.set(k, (id = authorId.size));
      authorIds[authorAt++] = id;
      const bit = Math.imul(id, 0x9e3779b1) >>> 26;
      if (bit < 32) maskLo[r.n]! |= 1 << bit;
      else maskHi[r.n]! |= 1 << (bit - 32);
    }
    authorStart[r.n + 1] = authorAt;
  }
  const mayMatch = (a: number, b: number): boolean => {
    const a0 = authorStart[a]!;
    const a1 = authorStart[a + 1]!;
    const b0 = authorStart[b]!;
    const b1 = authorStart[b + 1]!;
    if (a0 === a1 || b0 === b1) return true;
    if (((maskLo[a]! & maskLo[b]!) | (maskHi[a]! & maskHi[b]!)) === 0) return false;
    for (let x = a0; x < a1; x++) for (let y = b0; y < b1; y++) if (authorIds[x] === authorIds[y]) return true;
    return false;
  };
  // Large blocks are walked in title order: one sort of the records in them by
  // compact title gives each a rank, and a block is then sorted by rank (the
  // same order as sorting it by title and record number, for far less).
  const inLarge = new Uint8Array(records.length);
  for (const members of blocks.values()) if (members.length > MAX_BLOCK) for (const n of members) inLarge[n] = 1;
  // Records of one compact title share a rank, in record order: the distinct
  // titles are sorted once by the engine's own string sort (code units, as
  // compareCodePoints), far cheaper than sorting records through a comparator.
  const byCompact = new Map<string, number[]>();
  for (const r of records) {
    if (!inLarge[r.n]) continue;
    const c = r.title!.compact;
    const l = byCompact.get(c);
    if (l) l.push(r.n);
    else byCompact.set(c, [r.n]);
  }
  const rank = new Int32Array(records.length);
  // Rank → record, so a block is sorted as a typed list of its ranks (no comparator called per comparison).
  const atRank = new Int32Array(records.length);
  let next = 0;
  for (const c of [...byCompact.keys()].sort()) for (const n of byCompact.get(c)!) {
    atRank[next] = n;
    rank[n] = next++;
  }
  // Pairs whose titles alone rule out every title rule are dropped as found, too.
  const titles = new TitlePairFilter(records, (r) => idsOf[r.n]);
  const found = new PairList();
  const n = records.length;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    const large = block.length > MAX_BLOCK;
    const members = large ? byRank(block, rank, atRank) : block;
    const reach = large ? NEIGHBOURS + 1 : members.length;
    for (let x = 0; x < members.length; x++) {
      const i = members[x]!;
      const end = Math.min(members.length, x + reach);
      for (let y = x + 1; y < end; y++) {
        const j = members[y]!;
        if (i === j) continue;
        const a = i < j ? i : j;
        const b = i < j ? j : i;
        if (mayMatch(a, b) && titles.mayMatch(a, b)) found.push(a * n + b);
      }
    }
  }
  // Each pair once (a·n + b stays an exact integer for any library); edges are sorted by the caller.
  const edges: Edges = { a: [], b: [], score: [], reason: [] };
  found.forEachDistinct(n, (a, b) => {
    if (together(a, b)) return;
    const v = matchRecords(records[a]!, records[b]!);
    if (!v) return;
    edges.a.push(a);
    edges.b.push(b);
    edges.score.push(v.score);
    edges.reason.push(v.reason);
  });
  return edges;
}

/** A large block's records in rank order (ranks are distinct): its ranks sorted as numbers, then read back as records. */
function byRank(block: readonly number[], rank: Int32Array, atRank: Int32Array): Int32Array {
  const out = new Int32Array(block.length);
  for (let i = 0; i < block.length; i++) out[i] = rank[block[i]!]!;
  out.sort();
  for (let i = 0; i < out.length; i++) out[i] = atRank[out[i]!]!;
  return out;
}

/** The first three words of a title key (its words are joined by single spaces). */
function firstWords(key: string): string {
  const a = key.indexOf(' ');
  if (a < 0) return key;
  const b = key.indexOf(' ', a + 1);
  if (b < 0) return key;
  const c = key.indexOf(' ', b + 1);
  return c < 0 ? key : key.slice(0, c);
}

/**
 * Candidate pairs as numbers (a·n + b) in typed chunks of a fixed size, each
 * sorted when full and read back merged, each distinct pair once: no boxed
 * array of a million pairs, no copies of a doubling array, no second array
 * of them all to sort.
 */
class PairList {
  private static readonly CHUNK = 1 << 18;
  private chunks: Float64Array[] = [];
  private last = new Float64Array(PairList.CHUNK);
  private used = 0;
  push(p: number): void {
    if (this.used === PairList.CHUNK) {
      this.chunks.push(this.last.sort());
      this.last = new Float64Array(PairList.CHUNK);
      this.used = 0;
    }
    this.last[this.used++] = p;
  }
  /** Each distinct pair once, in increasing order, as its two record numbers (`n`: records). */
  forEachDistinct(n: number, f: (a: number, b: number) => void): void {
    const lists = [...this.chunks, this.last.subarray(0, this.used).sort()];
    this.chunks = [];
    const at = new Int32Array(lists.length);
    let prev = -1;
    for (;;) {
      let best = -1;
      let min = Infinity;
      for (let i = 0; i < lists.length; i++) {
        const l = lists[i]!;
        if (at[i]! < l.length && l[at[i]!]! < min) {
          min = l[at[i]!]!;
          best = i;
        }
      }
      if (best < 0) return;
      at[best]!++;
      if (min !== prev) {
        const a = Math.floor(min / n);
        f(a, min - a * n);
      }
      prev = min;
    }
  }
}

/** First three title words after each punctuation boundary that `contained` in match.ts splits on. */
function segmentStarts(title: string): string[] {
  // Only a title with a boundary splits (the split's regex is slow to run on every title).
  if (!HAS_BREAK.test(title)) return [];
  const parts = title.split(SEGMENT_BREAK);
  if (parts.length < 2) return [];
  const out = new Set<string>();
  for (let i = 1; i < parts.length && i <= MAX_SEGMENTS; i++) {
    const words = titleKey(parts.slice(i).join(' ')).split(' ').filter(Boolean);
    if (words.length >= 3) out.add(words.slice(0, 3).join(' '));
  }
  return [...out];
}

/** Records a work ref points at: every record with that identifier, or one record by key. */
export function resolveWorkRef(ref: WorkRef, records: WorkRecord[], byKey: Map<string, number>): number[] {
  if (ref.startsWith('rec:')) {
    const n = byKey.get(ref.slice(4));
    return n === undefined ? [] : [n];
  }
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon);
  // User data: only a known id kind is looked up ("constructor:x" matches nothing).
  if (colon < 0 || !WORK_KINDS.has(kind)) return [];
  const id = normalizeWorkId(kind as WorkIdKey, ref.slice(colon + 1));
  if (!id) return [];
  return records.filter((r) => r.ids[id.kind] === id.id).map((r) => r.n);
}

type WorkDecision = Extract<UserDecision, { kind: 'join-works' | 'split-works' }>;

/** The user's join-works / split-works decisions, resolved to record numbers. */
function workDecisions(records: WorkRecord[], decisions: UserDecision[]): ResolvedDecisions<WorkDecision, number> {
  const mine = decisions.filter((d): d is WorkDecision => d.kind === 'join-works' || d.kind === 'split-works');
  let byKey: Map<string, number> | undefined;
  return resolveDecisions(mine, {
    refs: (d) => d.works,
    isSplit: (d) => d.kind === 'split-works',
    resolve: (ref) => resolveWorkRef(ref, records, (byKey ??= new Map(records.map((r) => [r.key, r.n])))),
  });
}
