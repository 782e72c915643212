// The user-decision algorithm shared by works and people (src/core/merge/decisions.ts),
// on synthetic decisions about letters: each test isolates one rule of it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constrainSplits, latestPerPair, resolveDecisions, SPLIT_TAG, type PairRules } from '../../src/core/merge/decisions';
import { ConstrainedUnionFind } from '../../src/core/merge/union-find';
import { isUserDecision, toUserDecision } from '../../src/core/merge/decision-check';
import type { Capture } from '../../src/core/capture';
import { mergeAll } from '../../src/core/merge';
import type { MergedWork } from '../../src/core/merge/types';
import { joinWorks } from '../../src/ui/model/new-decisions';

interface D {
  split: boolean;
  pair: [string, string];
  at: string;
  id: string;
}
const MEMBERS: Record<string, number[]> = { a: [0], b: [1], c: [2], d: [3], ab: [0, 1] };
const rules: PairRules<D, number> = {
  refs: (d) => d.pair,
  isSplit: (d) => d.split,
  resolve: (ref) => MEMBERS[ref] ?? [],
};
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
const join = (x: string, y: string, day: number, id = `${x}${y}${day}j`): D => ({ split: false, pair: [x, y], at: at(day), id });
const split = (x: string, y: string, day: number, id = `${x}${y}${day}s`): D => ({ split: true, pair: [x, y], at: at(day), id });

/** Union-find groups after applying decisions the way both clusterings do. */
function groups(decisions: D[]): number[][] {
  const uf = new ConstrainedUnionFind(4);
  const r = resolveDecisions(decisions, rules);
  constrainSplits(uf, r.splits);
  for (const [x, y] of r.joins) uf.union(x, y, SPLIT_TAG);
  const by = new Map<number, number[]>();
  for (let i = 0; i < 4; i++) by.set(uf.find(i), [...(by.get(uf.find(i)) ?? []), i]);
  return [...by.values()];
}

describe('user decisions: the latest per unordered pair wins', () => {
  it('a later split undoes an earlier join of the same pair, whichever way round the pair is written', () => {
    expect(latestPerPair([join('a', 'b', 1), split('b', 'a', 2)], rules).map(([, d]) => d.id)).toEqual(['ba2s']);
    expect(latestPerPair([split('b', 'a', 2), join('a', 'b', 1)], rules).map(([, d]) => d.id)).toEqual(['ba2s']);
    expect(groups([join('a', 'b', 1), split('b', 'a', 2)])).toEqual([[0], [1], [2], [3]]);
  });
  it('a later join undoes an earlier split', () => {
    expect(groups([split('a', 'b', 1), join('b', 'a', 2)])).toEqual([[0, 1], [2], [3]]);
  });
  it('at the same instant a split wins, in either input order', () => {
    expect(groups([join('a', 'b', 1), split('a', 'b', 1)])).toEqual([[0], [1], [2], [3]]);
    expect(groups([split('a', 'b', 1), join('a', 'b', 1)])).toEqual([[0], [1], [2], [3]]);
  });
  it('does not depend on the order the decisions arrive in', () => {
    const pool = [join('a', 'b', 1), split('a', 'b', 3), join('b', 'c', 2), join('c', 'd', 4), split('a', 'd', 5), join('d', 'a', 2), split('c', 'b', 1)];
    const want = resolveDecisions(pool, rules);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (shuffled) => {
        expect(resolveDecisions(shuffled, rules)).toEqual(want);
      }),
    );
  });
});

describe('user decisions: splits constrain every union, joins included', () => {
  it('a split keeps two members apart even when joins of other pairs would chain them', () => {
    // a–b and b–c joined, a–c split: the chain stops where it would break the split.
    expect(groups([join('a', 'b', 1), join('b', 'c', 1), split('a', 'c', 1)])).toEqual([[0, 1], [2], [3]]);
    // The split is decided earlier than the joins: it still holds.
    expect(groups([split('a', 'c', 1), join('a', 'b', 2), join('b', 'c', 3)])).toEqual([[0, 1], [2], [3]]);
  });
  it('a ref naming several members joins all of them, and a split tags all of them', () => {
    expect(resolveDecisions([join('ab', 'c', 1)], rules).joins).toEqual([[0, 1], [0, 2]]);
    expect(resolveDecisions([split('ab', 'c', 1)], rules).splits).toEqual([{ tag: `${SPLIT_TAG}0`, a: [0, 1], b: [2] }]);
  });
  it('decisions whose refs match nothing are returned unresolved, never dropped', () => {
    const r = resolveDecisions([join('a', 'zz', 1), split('yy', 'b', 1), join('a', 'b', 1)], rules);
    expect(r.unresolved.map((d) => d.id)).toEqual(['azz1j', 'yyb1s']);
    expect(r.joins).toEqual([[0, 1]]);
  });
  it('split tags are numbered by the pair order, so the same decisions always give the same tags', () => {
    const r = resolveDecisions([split('c', 'd', 1), join('a', 'zz', 1), split('a', 'b', 1)], rules);
    // Sorted pairs: a|b, a|zz, c|d — the unresolved a|zz still takes its number.
    expect(r.splits.map((s) => s.tag)).toEqual([`${SPLIT_TAG}0`, `${SPLIT_TAG}2`]);
  });
});

describe('the runtime check where decisions enter', () => {
  const at = '2026-11-01T00:00:00.000Z';
  it('rebuilds a decision from its own fields only', () => {
    expect(toUserDecision({ id: 'x', kind: 'join-works', works: ['doi:10.1/a', 'rec:k#0'], at, extra: 1 })).toEqual({ kind: 'join-works', works: ['doi:10.1/a', 'rec:k#0'], at });
    expect(toUserDecision({ kind: 'unlink-people', people: ['page:a', 'orcid:0000-0001-2345-6789'], at })).toEqual({ kind: 'unlink-people', people: ['page:a', 'orcid:0000-0001-2345-6789'], at });
  });
  it('rejects anything else', () => {
    for (const bad of [
      null,
      [],
      'link-people',
      { kind: 'link-people', at },
      { kind: 'link-people', works: ['page:a', 'page:b'], at },
      { kind: 'join-works', people: ['doi:1', 'doi:2'], at },
      { kind: 'link-people', people: ['page:a', 'page:b', 'page:c'], at },
      { kind: 'link-people', people: ['page:a', ''], at },
      { kind: 'link-people', people: ['page:a', 7], at },
      { kind: 'link-people', people: ['page:a', 'page:b'], at: 'soon' },
      { kind: 'link-people', people: ['page:a', 'page:b'] },
      { kind: 'constructor', people: ['page:a', 'page:b'], at },
      { kind: 'toString', works: ['page:a', 'page:b'], at },
      // References of no known form (issue 14: a reference is user data, checked where it comes in).
      { kind: 'link-people', people: ['constructor:x', 'page:a'], at },
      { kind: 'unlink-people', people: ['page:a', '__proto__:x'], at },
      { kind: 'link-people', people: ['page:', 'page:a'], at },
      { kind: 'join-works', works: ['page:a', 'rec:k#0'], at },
      { kind: 'split-works', works: ['rec:k#x', 'doi:10.1/a'], at },
      { kind: 'join-works', works: ['hasOwnProperty:y', 'doi:10.1/a'], at },
    ])
      expect(isUserDecision(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('"Join selected into one work" when the works carry different arXiv ids (synthetic records)', () => {
  // Two works the merge keeps apart: each has two records (a list page and a co-author's list) with its own arXiv id.
  const list = (key: string, works: Capture['works']): { key: string; capture: Capture } => ({
    key,
    capture: { source: 'dblp', url: `https://dblp.org/pid/${key}.html`, pageKind: 'list', capturedAt: '2026-01-01T00:00:00.000Z', works } as Capture,
  });
  const captures = [
    list('p1', [{ title: 'Sparse attention for long documents', ids: { arxiv: '2001.00001' }, year: 2020 }]),
    list('p2', [{ title: 'Sparse attention for long documents', ids: { arxiv: '2001.00001v2' }, year: 2020 }, { title: 'Long-document attention made sparse', ids: { arxiv: '2002.00002' }, year: 2020 }]),
    list('p3', [{ title: 'Long-document attention made sparse', ids: { arxiv: '2002.00002' }, year: 2021 }]),
  ];
  const at = '2026-02-01T00:00:00.000Z';
  const rows = (w: MergedWork) => w.members.map((m) => `${m.captureKey}#${m.index}`).sort();
  const before = mergeAll(captures);

  it('the two works are apart to begin with, two records each', () => {
    expect(before.works.map(rows).sort()).toEqual([['p1#0', 'p2#0'], ['p2#1', 'p3#0']]);
  });
  it('a join of one record of each leaves the other record of the second work apart (its arXiv id conflicts): not what the button does', () => {
    const one = mergeAll(captures, [{ kind: 'join-works', works: ['rec:p1#0', 'rec:p2#1'], at }]);
    expect(one.works.length).toBe(2);
  });
  it('joinWorks names every record of the works: they become one work, holding both arXiv ids', () => {
    const ds = joinWorks(before.works, at);
    const after = mergeAll(captures, ds);
    expect(after.works.map(rows)).toEqual([['p1#0', 'p2#0', 'p2#1', 'p3#0']]);
    expect(after.works[0]!.fields.ids.filter((f) => f.value.kind === 'arxiv').map((f) => f.value.id).sort()).toEqual(expect.arrayContaining(['2001.00001', '2002.00002']));
    expect(after.works[0]!.matchedBy).toContain('user');
  });
  it('a later split of one record still takes it out of the joined work', () => {
    const joined = joinWorks(before.works, at);
    const split = { kind: 'split-works' as const, works: ['rec:p3#0', 'rec:p1#0'] as [string, string], at: '2026-02-02T00:00:00.000Z' };
    const others = ['p1#0', 'p2#0', 'p2#1'].map((r) => ({ ...split, works: ['rec:p3#0', `rec:${r}`] as [string, string] }));
    const after = mergeAll(captures, [...joined, split, ...others]);
    expect(after.works.map(rows).sort()).toEqual([['p1#0', 'p2#0', 'p2#1'], ['p3#0']]);
  });
});
