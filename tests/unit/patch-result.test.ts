// patchResult through its index (src/core/provisional-views.ts: only the
// works holding a row of a capture the patch holds are read) gives what the
// scan of every work gave before. The reference below is that scan, as it
// was. Libraries and patches are SYNTHETIC: works of rows "<capture>#<i>",
// people of author pages, patches replacing rows and pages at random.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightResult, LightWork, MergedPerson } from '../../src/core/merge/types';
import { patchResult, resultIndex, resultIndexInSlices, worksPatchedFrom, type ResultPatch, type SliceScheduler } from '../../src/core/provisional-views';

const AT = '2026-12-03T10:00:00.000Z';
const CAPTURES = ['a', 'b', 'c', 'd', 'e'];

const work = (id: string, rows: [string, number][]): LightWork =>
  ({ id, title: id, authors: [], ids: {}, versions: [], matchedBy: [], members: rows.map(([captureKey, index]) => ({ captureKey, index, source: 'dblp', capturedAt: AT, pageKind: 'author' })) }) as unknown as LightWork;
const person = (id: string, pages: string[], workIds: string[]): MergedPerson => ({ id, name: id, pages: pages.map((captureKey) => ({ captureKey })), workIds }) as unknown as MergedPerson;

// The scan of every work and every person's work ids, as patchResult did it before its index.
function reference(result: LightResult, patch: ResultPatch): LightResult {
  const newOfRow = new Map<string, Map<number, LightWork>>();
  for (const w of patch.works)
    for (const m of w.members) {
      const rows = newOfRow.get(m.captureKey);
      if (rows) rows.set(m.index, w);
      else newOfRow.set(m.captureKey, new Map([[m.index, w]]));
    }
  const renamed = new Map<string, string>();
  const works: LightWork[] = [];
  const placed = new Set<LightWork>();
  for (const w of result.works) {
    let hits: LightWork[] | undefined;
    for (const m of w.members) {
      const h = newOfRow.get(m.captureKey)?.get(m.index);
      if (h) (hits ??= []).push(h);
    }
    if (!hits) {
      works.push(w);
      continue;
    }
    renamed.set(w.id, hits[0]!.id);
    for (const h of hits)
      if (!placed.has(h)) {
        placed.add(h);
        works.push(h);
      }
  }
  for (const w of patch.works) if (!placed.has(w)) works.push(w);
  const newOfPage = new Map<string, MergedPerson>();
  for (const p of patch.people) for (const pg of p.pages) newOfPage.set(pg.captureKey, p);
  const rename = (ids: string[]) => [...new Set(ids.map((id) => renamed.get(id) ?? id))];
  const people: MergedPerson[] = [];
  const placedPeople = new Set<MergedPerson>();
  for (const p of result.people) {
    const hits = newOfPage.size ? p.pages.flatMap((pg) => newOfPage.get(pg.captureKey) ?? []) : [];
    if (!hits.length) {
      people.push(renamed.size && p.workIds.some((id) => renamed.has(id)) ? { ...p, workIds: rename(p.workIds) } : p);
      continue;
    }
    for (const h of hits)
      if (!placedPeople.has(h)) {
        placedPeople.add(h);
        people.push(h);
      }
  }
  for (const p of patch.people) if (!placedPeople.has(p)) people.push(p);
  return { ...result, works, people, stats: { ...result.stats, works: works.length, people: people.length } };
}

const rowArb = fc.tuple(fc.constantFrom(...CAPTURES), fc.nat({ max: 5 }));
const rowsArb = fc.uniqueArray(rowArb, { minLength: 1, maxLength: 3, selector: ([c, i]) => `${c}#${i}` });
const libraryArb = fc
  .record({
    works: fc.array(rowsArb, { maxLength: 14 }),
    people: fc.array(fc.tuple(fc.subarray(CAPTURES, { minLength: 1, maxLength: 2 }), fc.array(fc.nat(), { maxLength: 5 })), { maxLength: 4 }),
  })
  .map(({ works, people }): LightResult => {
    const ws = works.map((rows, i) => work(`w${i}`, rows));
    return {
      works: ws,
      people: people.map(([pages, picks], i) => person(`p${i}`, pages, ws.length ? picks.map((k) => ws[k % ws.length]!.id) : [])),
      unresolvedDecisions: [],
      stats: { captures: CAPTURES.length, records: 0, works: ws.length, people: people.length },
    };
  });
const patchArb = fc
  .record({
    works: fc.array(rowsArb, { maxLength: 5 }),
    people: fc.array(fc.subarray(CAPTURES, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
  })
  .map(({ works, people }): ResultPatch => ({ works: works.map((rows, i) => work(`n${i}`, rows)), people: people.map((pages, i) => person(`q${i}`, pages, [])) }));

describe('patchResult through its index equals the scan of every work', () => {
  it('random libraries and patches, the index built before or on first use, patches in a row', () => {
    fc.assert(
      fc.property(libraryArb, fc.array(patchArb, { minLength: 1, maxLength: 3 }), fc.boolean(), (lib, patches, prepared) => {
        if (prepared) resultIndex(lib);
        let got = lib;
        let want = lib;
        for (const p of patches) {
          const before = got;
          got = patchResult(got, p);
          // What it says it changed: the works before without those it took out, with those it put in, are the works after.
          const change = worksPatchedFrom(got.works)!;
          expect(change.from).toBe(before.works);
          const after = new Set([...before.works.filter((w) => !change.removed.has(w)), ...change.added]);
          expect(after).toEqual(new Set(got.works));
          expect(after.size).toBe(got.works.length);
          want = reference(want, p);
          // The same objects in the same places (works and people not replaced stay the same objects).
          expect(got.works).toEqual(want.works);
          got.works.forEach((w, i) => expect(w).toBe(want.works[i]));
          expect(got.people).toEqual(want.people);
          expect(got.stats).toEqual(want.stats);
        }
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });
});

// The index built in slices (resultIndexInSlices, as the dashboard does while idle): a FAKE scheduler holds the
// slices and runs them when the test says, each with a fake clock that allows one look (a few hundred works).
describe('the index built in slices', () => {
  const fakeScheduler = () => {
    const queue: ((timeLeft: () => number) => void)[] = [];
    const schedule: SliceScheduler = (run) => {
      queue.push(run);
      return () => queue.splice(queue.indexOf(run) >>> 0, 1);
    };
    // One slice, its clock running out at the first look.
    const step = () => queue.shift()?.(() => 0);
    return { schedule, step, pending: () => queue.length };
  };
  const big = (n: number): LightResult => {
    const ws = Array.from({ length: n }, (_, i) => work(`w${i}`, [[CAPTURES[i % CAPTURES.length]!, i]]));
    return {
      works: ws,
      people: CAPTURES.map((c, i) => person(`p${i}`, [c], ws.filter((_, j) => j % CAPTURES.length === i).map((w) => w.id))),
      unresolvedDecisions: [],
      stats: { captures: CAPTURES.length, records: 0, works: n, people: CAPTURES.length },
    };
  };

  it('yields between slices and ends whole: the same index as one built at once', () => {
    const lib = big(1000);
    const s = fakeScheduler();
    let doneAfter = 0;
    resultIndexInSlices(lib, s.schedule, (n) => (doneAfter = n));
    let slices = 0;
    while (s.pending()) {
      s.step();
      slices++;
    }
    // 1000 works read 64 at a time (16 slices: 15 of 64, one of 40), then the 5 people in a 17th.
    expect(slices).toBe(17);
    expect(doneAfter).toBe(17);
    const ix = resultIndex(lib);
    const once = resultIndex({ ...lib });
    expect(ix.worksOf).toEqual(once.worksOf);
    expect(ix.peopleOf).toEqual(once.peopleOf);
    expect(ix.worksOf.get('a')).toEqual(Array.from({ length: 200 }, (_, i) => i * 5));
  });

  it('a patch before the last slice is exact (it finishes the index), and the slices left then end at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(patchArb, { minLength: 1, maxLength: 3 }), (before, patches) => {
        const lib = big(900);
        const s = fakeScheduler();
        let done = false;
        resultIndexInSlices(lib, s.schedule, () => (done = true));
        for (let i = 0; i < before; i++) s.step();
        expect(done).toBe(false);
        let got = lib;
        let want = lib;
        for (const p of patches) {
          got = patchResult(got, p);
          want = reference(want, p);
          got.works.forEach((w, i) => expect(w).toBe(want.works[i]));
          expect(got.people).toEqual(want.people);
        }
        s.step();
        expect(done).toBe(true);
        expect(s.pending()).toBe(0);
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });

  it('cancelled, nothing more runs', () => {
    const s = fakeScheduler();
    let done = false;
    const cancel = resultIndexInSlices(big(600), s.schedule, () => (done = true));
    s.step();
    cancel();
    expect(s.pending()).toBe(0);
    expect(done).toBe(false);
  });
});
