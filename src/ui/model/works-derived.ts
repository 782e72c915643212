// What the works table derives from its works (src/ui/dashboard/WorksTable.tsx):
// the filters' value lists (years, venues, sources) and the works shown
// (filtered, sorted). A join or split patches a few hundred of 22 000 works
// (src/core/provisional-views.ts patchResult: the others stay the same
// objects), so each is derived again from the change alone when it can be,
// and always equals what a derivation from scratch gives (tests/unit/works-derived.test.ts):
// - the value lists from counts of each value, the same arrays kept while
//   their values stay the same (their menus are then not drawn again);
// - the works shown: the previous order without the works gone, the new ones
//   that pass the filter sorted and merged in. The order is total when ids
//   are distinct (workOrder ends on the id); when two works compare equal the
//   sort's own tie order (the input's) would be needed, so the list is sorted
//   again whole.

import type { LightWork } from '../../core/merge/types';
import { sourcesOf } from './person-view';
import { compareText, foldQuery, sortWorks, workMatches, workOrder, type SortDir, type SortKey } from './search';

export type VersionFilter = '' | 'preprint' | 'published' | 'both';

export interface WorksFilter {
  q: string;
  year: string;
  venue: string;
  source: string;
  version: VersionFilter;
}

export interface WorksChange<W> {
  /** The list the change is from: only what was derived from it can be derived again from the change. */
  from: readonly W[];
  added: W[];
  removed: Set<W>;
}

/** A change "small" enough to derive from: past this many works added or removed (or a quarter of the list), derived again whole. */
const MAX_CHANGE = 2000;

/** The works added and removed between two lists, by identity; undefined when the change is large (or there was no list before). */
export function worksChange<W extends object>(prev: readonly W[] | undefined, next: readonly W[]): WorksChange<W> | undefined {
  if (!prev) return undefined;
  const limit = Math.min(MAX_CHANGE, Math.max(50, next.length >> 2));
  const removed = new Set(prev);
  const added: W[] = [];
  for (const w of next) {
    if (removed.delete(w)) continue;
    added.push(w);
    if (added.length > limit) return undefined;
  }
  return removed.size > limit ? undefined : { from: prev, added, removed };
}

/** Does a work pass the table's filters? (Search on title, authors and venue, ignoring case and accents.) */
export function workFilter(f: WorksFilter): (w: LightWork) => boolean {
  const needle = foldQuery(f.q);
  const { year, venue, source, version } = f;
  return (w) => {
    if (needle && !workMatches(w, needle)) return false;
    if (year && String(w.year) !== year) return false;
    if (venue && w.venue !== venue) return false;
    if (source && !sourcesOf(w).includes(source)) return false;
    if (version) {
      const kinds = new Set(w.versions.map((v) => v.kind));
      if (version === 'preprint' && !(kinds.has('preprint') && !kinds.has('published'))) return false;
      if (version === 'published' && !kinds.has('published')) return false;
      if (version === 'both' && !(kinds.has('preprint') && kinds.has('published'))) return false;
    }
    return true;
  };
}

export interface ValueLists {
  works: readonly LightWork[];
  /** Years (newest first), venues (as compareText orders them) and sources (code-unit order) of the works, each once. */
  years: number[];
  venues: string[];
  sources: string[];
  counts: { years: Map<number, number>; venues: Map<string, number>; sources: Map<string, number> };
}

const yearsOf = (w: LightWork): number[] => (w.year ? [w.year] : []);
const venuesOf = (w: LightWork): string[] => (w.venue ? [w.venue] : []);

function count<T>(m: Map<T, number>, values: readonly T[], by: number, touched?: Set<T>): void {
  for (const v of new Set(values)) {
    const n = (m.get(v) ?? 0) + by;
    if (n > 0) m.set(v, n);
    else m.delete(v);
    touched?.add(v);
  }
}

/** Does a value touched by the change stand in one count and not in the other? */
const keysChanged = <T>(before: Map<T, number>, after: Map<T, number>, touched: Set<T>) => [...touched].some((v) => before.has(v) !== after.has(v));

const sortYears = (m: Map<number, number>) => [...m.keys()].sort((a, b) => b - a);
const sortVenues = (m: Map<string, number>) => [...m.keys()].sort(compareText);
const sortSources = (m: Map<string, number>) => [...m.keys()].sort();

/** The filters' value lists of `works`, from `prev` and the change when given (its arrays kept where their values did not change). */
export function valueLists(works: readonly LightWork[], prev?: ValueLists, change?: WorksChange<LightWork>): ValueLists {
  if (!prev || !change || prev.works !== change.from) {
    const counts = { years: new Map<number, number>(), venues: new Map<string, number>(), sources: new Map<string, number>() };
    for (const w of works) {
      count(counts.years, yearsOf(w), 1);
      count(counts.venues, venuesOf(w), 1);
      count(counts.sources, sourcesOf(w), 1);
    }
    return { works, counts, years: sortYears(counts.years), venues: sortVenues(counts.venues), sources: sortSources(counts.sources) };
  }
  const counts = { years: new Map(prev.counts.years), venues: new Map(prev.counts.venues), sources: new Map(prev.counts.sources) };
  const touched = { years: new Set<number>(), venues: new Set<string>(), sources: new Set<string>() };
  const apply = (w: LightWork, by: number) => {
    count(counts.years, yearsOf(w), by, touched.years);
    count(counts.venues, venuesOf(w), by, touched.venues);
    count(counts.sources, sourcesOf(w), by, touched.sources);
  };
  for (const w of change.removed) apply(w, -1);
  for (const w of change.added) apply(w, 1);
  const years = keysChanged(prev.counts.years, counts.years, touched.years);
  const venues = keysChanged(prev.counts.venues, counts.venues, touched.venues);
  const sources = keysChanged(prev.counts.sources, counts.sources, touched.sources);
  return {
    works,
    counts,
    years: years ? sortYears(counts.years) : prev.years,
    venues: venues ? sortVenues(counts.venues) : prev.venues,
    sources: sources ? sortSources(counts.sources) : prev.sources,
  };
}

export interface ShownWorks {
  works: readonly LightWork[];
  filter: WorksFilter;
  sort: { key: SortKey; dir: SortDir };
  /** The works that pass the filter, in order. */
  list: LightWork[];
  /** No two neighbours of `list` with the same id (so no two compare equal): a change can be merged in. */
  tieFree: boolean;
  /** When `list` was derived from a change: how it differs from the last list (what the row offsets are carried over by). */
  edit?: ListEdit;
}

/**
 * How a sorted list was made from the one before (`from`): the items at
 * `removedAt` (indices in `from`, ascending) left out, new items put in at
 * `insertedAt` (indices in the new list, ascending); every other item is the
 * same, in the same order.
 */
export interface ListEdit {
  from: readonly LightWork[];
  removedAt: number[];
  insertedAt: number[];
}

const sameFilter = (a: WorksFilter, b: WorksFilter) => a.q === b.q && a.year === b.year && a.venue === b.venue && a.source === b.source && a.version === b.version;

function tieFree(list: readonly LightWork[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.id === list[i]!.id) return false;
  return true;
}

/**
 * The works that pass `filter`, sorted as sortWorks sorts them: from `prev`
 * and the change when the filter and the order are the same and the change
 * can be merged in, else filtered and sorted whole.
 */
export function shownWorks(works: readonly LightWork[], filter: WorksFilter, sort: { key: SortKey; dir: SortDir }, prev?: ShownWorks, change?: WorksChange<LightWork>): ShownWorks {
  const pass = workFilter(filter);
  if (prev && change && prev.works === change.from && prev.tieFree && sameFilter(prev.filter, filter) && prev.sort.key === sort.key && prev.sort.dir === sort.dir) {
    const merged = mergeIn(prev.list, change, pass, workOrder<LightWork>(sort));
    if (merged) return { works, filter, sort, list: merged.list, tieFree: true, edit: { from: prev.list, removedAt: merged.removedAt, insertedAt: merged.insertedAt } };
  }
  const list = sortWorks(works.filter(pass), sort);
  return { works, filter, sort, list, tieFree: tieFree(list) };
}

/**
 * The sorted list without the works removed, with those added that pass, each
 * put in its place by binary search (a few hundred added among 22 000: far
 * fewer comparisons than a walk along the list); undefined when two works
 * compare equal (the input's order would decide).
 */
function mergeIn(
  list: readonly LightWork[],
  change: WorksChange<LightWork>,
  pass: (w: LightWork) => boolean,
  cmp: (a: LightWork, b: LightWork) => number,
): { list: LightWork[]; removedAt: number[]; insertedAt: number[] } | undefined {
  const added = change.added.filter(pass).sort(cmp);
  for (let i = 1; i < added.length; i++) if (cmp(added[i - 1]!, added[i]!) === 0) return undefined;
  const insertedAt: number[] = [];
  // Where the removed works stand, by binary search (the list is tie-free: the one work comparing equal to a
  // removed one is it, or it is not in the list): no look at the 22 000 others.
  const removedAt: number[] = [];
  for (const w of change.removed) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(list[mid]!, w) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (list[lo] === w) removedAt.push(lo);
  }
  removedAt.sort((a, b) => a - b);
  const kept: LightWork[] = new Array(list.length - removedAt.length);
  let k = 0;
  let at = 0;
  for (const r of [...removedAt, list.length]) {
    for (; at < r; at++) kept[k++] = list[at]!;
    at = r + 1;
  }
  if (!added.length) return { list: kept, removedAt, insertedAt };
  const out: LightWork[] = new Array(kept.length + added.length);
  let n = 0;
  let from = 0;
  for (const w of added) {
    // The first kept work after w (added is sorted, so no earlier than the last one's).
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = cmp(kept[mid]!, w);
      if (c === 0) return undefined;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    // The first kept work not before w, probed or not: equal to it means a tie.
    if (lo < kept.length && cmp(kept[lo]!, w) === 0) return undefined;
    for (let i = from; i < lo; i++) out[n++] = kept[i]!;
    insertedAt.push(n);
    out[n++] = w;
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out[n++] = kept[i]!;
  return { list: out, removedAt, insertedAt };
}
