// The user's decisions about pairs, applied once for works and for people
// alike: only the latest decision about a pair counts, joins are unioned
// before any automatic rule, and splits are constraints that every union —
// the user's own joins included — respects. Written once here so the two
// clusterings cannot drift apart.

import { compareCodePoints } from '../order';
import type { ConstrainedUnionFind } from './union-find';

/** Tag-name prefix of split constraints; a user's join checks only these (it overrides id conflicts). */
export const SPLIT_TAG = 'split:';

/** What a clustering tells the shared algorithm about its own decisions and members. */
export interface PairRules<D extends { at: string }, M> {
  /** The two refs a decision is about (in either order: a pair is unordered). */
  refs(d: D): readonly [string, string];
  /** A split keeps the pair apart; anything else joins it. */
  isSplit(d: D): boolean;
  /** The members a ref points at (none when the ref matches nothing in this input). */
  resolve(ref: string): readonly M[];
}

export interface Split<M> {
  /** The constraint's tag name, unique per pair. */
  tag: string;
  a: readonly M[];
  b: readonly M[];
}

export interface ResolvedDecisions<D, M> {
  /** Pairs of members to union, in a fixed order. */
  joins: [M, M][];
  splits: Split<M>[];
  /** Latest decisions whose refs matched nothing (kept for the user, not dropped). */
  unresolved: D[];
}

/**
 * For each unordered pair of refs the decision with the latest `at` wins; at
 * the same instant a split wins (keeping apart is the safer reading). The
 * winners are walked in code-point order of their pair, so the result does not
 * depend on the order decisions were stored in.
 */
export function latestPerPair<D extends { at: string }>(decisions: readonly D[], rules: Pick<PairRules<D, unknown>, 'refs' | 'isSplit'>): [string, D][] {
  const latest = new Map<string, D>();
  for (const d of decisions) {
    const pair = [...rules.refs(d)].sort().join('\u0000');
    const old = latest.get(pair);
    if (!old || d.at > old.at || (d.at === old.at && rules.isSplit(d))) latest.set(pair, d);
  }
  return [...latest.entries()].sort((x, y) => compareCodePoints(x[0], y[0]));
}

/** The latest decision per pair, resolved to members: joins to union, splits to constrain by, the rest unresolved. */
export function resolveDecisions<D extends { at: string }, M>(decisions: readonly D[], rules: PairRules<D, M>): ResolvedDecisions<D, M> {
  const out: ResolvedDecisions<D, M> = { joins: [], splits: [], unresolved: [] };
  latestPerPair(decisions, rules).forEach(([, d], i) => {
    const [ra, rb] = rules.refs(d);
    const a = rules.resolve(ra);
    const b = rules.resolve(rb);
    if (!a.length || !b.length) return void out.unresolved.push(d);
    // The tag is numbered by the pair's place among all winners (resolved or not), as it always was.
    if (rules.isSplit(d)) out.splits.push({ tag: `${SPLIT_TAG}${i}`, a, b });
    else for (const m of [...a.slice(1), ...b]) out.joins.push([a[0]!, m]);
  });
  return out;
}

/**
 * Tag both sides of every split before any union, so no later union — a
 * user's join, an identifier, a title match — can bring them together.
 */
export function constrainSplits(uf: ConstrainedUnionFind, splits: readonly Split<number>[]): void {
  for (const s of splits) {
    for (const n of s.a) uf.tag(n, s.tag, 'a');
    for (const n of s.b) uf.tag(n, s.tag, 'b');
  }
}
