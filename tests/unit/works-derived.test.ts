// The works table's derived lists after a patch equal the same lists derived
// from scratch (src/ui/model/works-derived.ts). The reference below is the
// table's code before: filter every work, sort the rest, collect each value
// list with a Set and sort it. Works are SYNTHETIC.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightWork, MemberRef } from '../../src/core/merge/types';
import { sourcesOf } from '../../src/ui/model/person-view';
import { compareText, foldQuery, sortWorks, workMatches, type SortDir, type SortKey } from '../../src/ui/model/search';
import { shownWorks, valueLists, worksChange, type ShownWorks, type ValueLists, type WorksFilter } from '../../src/ui/model/works-derived';

const AT = '2026-12-03T10:00:00.000Z';
const SOURCES = ['google-scholar', 'dblp', 'orcid', 'semantic-scholar'] as const;
const TITLES = ['Alpha', 'alpha', 'Beta', 'Äther', 'Gamma ray', 'Delta', 'Mačát notes', ''];
const VENUES = ['ICSE', 'FSE', 'Nature', 'ÉCOLE', undefined];

let made = 0;
const workArb = fc
  .record({
    title: fc.option(fc.constantFrom(...TITLES), { nil: undefined }),
    year: fc.option(fc.constantFrom(0, 1999, 2005, 2020), { nil: undefined }),
    citations: fc.option(fc.constantFrom(0, 1, 5, 12), { nil: undefined }),
    venue: fc.constantFrom(...VENUES),
    sources: fc.subarray([...SOURCES], { minLength: 1 }),
    kinds: fc.subarray(['preprint', 'published'] as const),
    author: fc.constantFrom('Jan Mačát', 'J Schöning', 'Ann Lee'),
  })
  .map((r): LightWork => {
    const id = `w${made++}`;
    const members: MemberRef[] = r.sources.map((source, index) => ({ captureKey: `${source}:${id}`, index, source, capturedAt: AT, pageKind: 'author' }));
    return {
      id,
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.citations !== undefined ? { citations: r.citations } : {}),
      ...(r.venue !== undefined ? { venue: r.venue } : {}),
      authors: [r.author],
      ids: {},
      members,
      versions: r.kinds.map((kind) => ({ kind, members })),
      matchedBy: [],
    } as unknown as LightWork;
  });

const filterArb: fc.Arbitrary<WorksFilter> = fc.record({
  q: fc.constantFrom('', 'macat', 'alpha', 'x'),
  year: fc.constantFrom('', '2005', '0'),
  venue: fc.constantFrom('', 'ICSE', 'ÉCOLE'),
  source: fc.constantFrom('', 'dblp'),
  version: fc.constantFrom('' as const, 'preprint' as const, 'published' as const, 'both' as const),
});
const sortArb = fc.record({ key: fc.constantFrom<SortKey>('citations', 'year', 'title'), dir: fc.constantFrom<SortDir>('asc', 'desc') });

// The table's code before the change, as the reference.
function reference(works: readonly LightWork[], f: WorksFilter, sort: { key: SortKey; dir: SortDir }) {
  const needle = foldQuery(f.q);
  const list = works.filter((w) => {
    if (!workMatches(w, needle)) return false;
    if (f.year && String(w.year) !== f.year) return false;
    if (f.venue && w.venue !== f.venue) return false;
    if (f.source && !sourcesOf(w).includes(f.source)) return false;
    const kinds = new Set(w.versions.map((v) => v.kind));
    if (f.version === 'preprint' && !(kinds.has('preprint') && !kinds.has('published'))) return false;
    if (f.version === 'published' && !kinds.has('published')) return false;
    if (f.version === 'both' && !(kinds.has('preprint') && kinds.has('published'))) return false;
    return true;
  });
  return {
    shown: sortWorks(list, sort),
    years: [...new Set(works.flatMap((w) => (w.year ? [w.year] : [])))].sort((a, b) => b - a),
    venues: [...new Set(works.flatMap((w) => (w.venue ? [w.venue] : [])))].sort(compareText),
    sources: [...new Set(works.flatMap(sourcesOf))].sort(),
  };
}

// A patch as patchResult makes one: some works replaced in place by new objects (or gone), new ones appended; the rest the same objects.
const stepArb = fc.record({
  replace: fc.array(fc.tuple(fc.nat(), fc.option(workArb, { nil: undefined })), { maxLength: 6 }),
  append: fc.array(workArb, { maxLength: 4 }),
  filter: fc.option(filterArb, { nil: undefined }),
  sort: fc.option(sortArb, { nil: undefined }),
});

/** The edit applied by hand: the old list without the items at removedAt, then the new list's items at insertedAt put in. */
function applyEdit<T>(from: readonly T[], edit: { removedAt: number[]; insertedAt: number[] }, list: readonly T[]): T[] {
  expect([...edit.removedAt].sort((a, b) => a - b)).toEqual(edit.removedAt);
  expect([...edit.insertedAt].sort((a, b) => a - b)).toEqual(edit.insertedAt);
  const gone = new Set(edit.removedAt);
  const out = from.filter((_, i) => !gone.has(i));
  for (const at of edit.insertedAt) out.splice(at, 0, list[at]!);
  return out;
}

describe('works table lists derived from a change equal those derived from scratch', () => {
  it('after a sequence of patches, filter and sort changes', () => {
    let edits = 0;
    fc.assert(
      fc.property(fc.array(workArb, { minLength: 0, maxLength: 60 }), filterArb, sortArb, fc.array(stepArb, { minLength: 1, maxLength: 6 }), (start, f0, s0, steps) => {
        let works: readonly LightWork[] = start;
        let filter = f0;
        let sort = s0;
        let lists: ValueLists = valueLists(works);
        let shown: ShownWorks = shownWorks(works, filter, sort);
        for (const step of steps) {
          const next = [...works];
          for (const [at, w] of step.replace) {
            if (!next.length) break;
            const i = at % next.length;
            if (w) next[i] = w;
            else next.splice(i, 1);
          }
          next.push(...step.append);
          const change = worksChange(works, next);
          works = next;
          filter = step.filter ?? filter;
          sort = step.sort ?? sort;
          lists = valueLists(works, lists, change);
          const before = shown.list;
          shown = shownWorks(works, filter, sort, shown, change);
          // When derived from the change, the edit it reports leads from the last list to this one.
          if (shown.edit) {
            edits++;
            expect(shown.edit.from).toBe(before);
            expect(applyEdit(before, shown.edit, shown.list)).toEqual(shown.list);
          }
          const want = reference(works, filter, sort);
          expect(shown.list.map((w) => w.id)).toEqual(want.shown.map((w) => w.id));
          expect(lists.years).toEqual(want.years);
          expect(lists.venues).toEqual(want.venues);
          expect(lists.sources).toEqual(want.sources);
        }
      }),
      { seed: 20261203, numRuns: 300 },
    );
    // The edit was checked on many steps, not only on those derived whole.
    expect(edits).toBeGreaterThan(50);
  });

  it('a change that keeps every value keeps the same list arrays', () => {
    const [a, b, c] = fc.sample(workArb, { seed: 7, numRuns: 3 });
    const works = [a!, b!];
    const lists = valueLists(works);
    // The same values in a new object: a join's work replacing the old one.
    const again = { ...b!, id: `${b!.id}-joined` };
    const next = valueLists([a!, again], lists, worksChange(works, [a!, again]));
    expect(next.years).toBe(lists.years);
    expect(next.venues).toBe(lists.venues);
    expect(next.sources).toBe(lists.sources);
    expect(c).toBeDefined();
  });

  it('a change from another list than the one derived from is not used (derived whole)', () => {
    const ws = fc.sample(workArb, { seed: 9, numRuns: 4 });
    const f: WorksFilter = { q: '', year: '', venue: '', source: '', version: '' };
    const sort = { key: 'title' as const, dir: 'asc' as const };
    const shown = shownWorks(ws.slice(0, 2), f, sort);
    // A change from ws[2..3] to ws: applied to `shown` it would keep ws[0..1] and add nothing.
    const change = worksChange(ws.slice(2), ws)!;
    expect(change.added.map((w) => w.id)).toEqual(ws.slice(0, 2).map((w) => w.id));
    expect(shownWorks(ws, f, sort, shown, change).list.map((w) => w.id)).toEqual(sortWorks([...ws], sort).map((w) => w.id));
  });

  it('works with the same id (their order is the input order) are sorted whole', () => {
    const [x, y] = fc.sample(workArb, { seed: 11, numRuns: 2 });
    const twin = { ...y!, id: x!.id, title: x!.title, citations: x!.citations, year: x!.year } as LightWork;
    const f: WorksFilter = { q: '', year: '', venue: '', source: '', version: '' };
    const sort = { key: 'citations' as const, dir: 'desc' as const };
    const shown = shownWorks([x!], f, sort);
    const next = shownWorks([twin, x!], f, sort, shown, worksChange([x!], [twin, x!]));
    // Stable sort: the twin, first in the input, stays first.
    expect(next.list[0]).toBe(twin);
    expect(next.tieFree).toBe(false);
  });
});
