// The merged library cut into what the popup shows for one page: a person
// with their works (kept, flagged and removed) and the people suggested as the
// same, or, for a paper page nobody claims, that paper's work. The background
// writes these after every change (src/shell/view-keeper.ts) so the popup reads
// one view through an index instead of merging the whole library on open.
// Pure over a MergeResult: the rebuild and the tests share it.
//
// Built views hold the merge's works whole; the stores keep them light
// (storedView: each work without its field provenance, which is most of a
// view's size and no list shows), and what a reader gets back is a light view.
// The provenance is recomputed from the captures where it is used
// (src/core/provenance.ts).

import type { LightResult, LightWork, MergedPerson, MergedWork, MergeResult } from './merge/types';
import { lightWork } from './light-work';

/** The part of a merge result one view needs; the popup's models take exactly this. Works without provenance by default (a stored view's). */
export interface ResultSlice<W extends LightWork = LightWork> {
  works: W[];
  people: MergedPerson[];
}


/** `W`: MergedWork for a view just built (keptViews), LightWork for one stored or read back. */
export interface KeptView<W extends LightWork = LightWork> {
  /** `person:<person id>` or `work:<work id>`. */
  id: string;
  /** The capture keys whose page shows this view (a person's author pages, and the paper pages only they claim). */
  keys: string[];
  /** The person, first of `slice.people`; absent for a paper page nobody claims. */
  personId?: string;
  slice: ResultSlice<W>;
  /** Notes of the captures behind the view (e.g. "first 100 of 201 listed"), by capture key; only non-empty ones. */
  notes: Record<string, string[]>;
  /**
   * Set on a view the keeper wrote from a merge of the concerned captures only
   * (a capture just arrived, src/core/provisional-views.ts); the full rebuild
   * that follows replaces it.
   */
  provisional?: true;
  /** Only on the `library` view: the merge's work order and what else the whole result holds. */
  library?: { workIds: string[]; unresolvedDecisions: MergeResult['unresolvedDecisions']; stats: MergeResult['stats'] };
}

/**
 * The view of the whole library, for the dashboard: every person (small: their
 * pages, ids and work ids) and the works no person view holds (list pages'
 * records nobody's author page lists). Found by id, never by a page key.
 */
export const LIBRARY_VIEW = 'library';

/** What a rebuild was made from, so a reader can tell a view that misses a newer capture. */
export interface ViewsMeta {
  builtAt: string;
  /** Names the build that wrote the views (a keeper trusts its memory of what it wrote only while this is still its own). */
  build?: string;
  /** capturedAt of every capture the build read, by key. */
  captures: Record<string, string>;
  /** A change arrived that no finished build includes yet. */
  dirty: boolean;
  /** Why the last rebuild failed; the views are then those of the last good build. */
  error?: string;
  /**
   * Captures (key → capturedAt) that provisional views already include,
   * merged with the captures they concern only; `dirty` stays set until the
   * full rebuild includes them.
   */
  provisional?: Record<string, string>;
  stats: MergeResult['stats'];
  /**
   * Where the build's merge ran, when the background can merge off its thread
   * (src/shell/off-thread-merge.ts): in the worker, or in the background
   * because the worker could not (`why`); `ms` from the request to the views.
   */
  merged?: { in: 'worker' | 'background'; ms: number; why?: string };
}

export interface CaptureNotes {
  key: string;
  capture: { notes?: string[] };
}

/**
 * Every view of a merge result. A capture key maps to at most one view, by the
 * rule the popup has always used (personForKey): the person whose author page
 * it is, else the one person whose works include that paper, else the paper's
 * own work. List pages nobody owns have no view.
 */
export function keptViews(result: ResultSlice<MergedWork> & Partial<Pick<MergeResult, 'unresolvedDecisions' | 'stats'>>, records: readonly CaptureNotes[]): KeptView<MergedWork>[] {
  const works = new Map(result.works.map((w) => [w.id, w]));
  const people = new Map(result.people.map((p) => [p.id, p]));
  const notesByKey = new Map<string, string[]>();
  for (const r of records) if (r.capture.notes?.length) notesByKey.set(r.key, r.capture.notes);

  // The person whose author page a key is: the first in result order, as `find` would.
  const pageOwner = new Map<string, MergedPerson>();
  for (const p of result.people) for (const pg of p.pages) if (!pageOwner.has(pg.captureKey)) pageOwner.set(pg.captureKey, p);
  const ownersOfWork = new Map<string, MergedPerson[]>();
  for (const p of result.people)
    for (const id of new Set(p.workIds)) {
      const list = ownersOfWork.get(id);
      if (list) list.push(p);
      else ownersOfWork.set(id, [p]);
    }
  const worksOfKey = new Map<string, MergedWork[]>();
  // Only paper pages look for a person through their works; a list page shows its own reading.
  for (const w of result.works)
    for (const m of w.members) {
      if (m.pageKind !== 'paper') continue;
      const list = worksOfKey.get(m.captureKey);
      if (!list) worksOfKey.set(m.captureKey, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }

  const keysOf = new Map<string, string[]>();
  const add = (viewId: string, key: string) => {
    const list = keysOf.get(viewId);
    if (list) list.push(key);
    else keysOf.set(viewId, [key]);
  };
  const allKeys = new Set<string>([...pageOwner.keys(), ...worksOfKey.keys()]);
  for (const key of [...allKeys].sort()) {
    const own = pageOwner.get(key);
    if (own) {
      add(`person:${own.id}`, key);
      continue;
    }
    const ws = worksOfKey.get(key) ?? [];
    const owners = new Set(ws.flatMap((w) => ownersOfWork.get(w.id) ?? []));
    if (owners.size === 1) add(`person:${[...owners][0]!.id}`, key);
    else if (ws.length) add(`work:${ws[0]!.id}`, key);
  }

  const views: KeptView<MergedWork>[] = [];
  for (const [id, keys] of keysOf) {
    if (id.startsWith('person:')) {
      const person = people.get(id.slice('person:'.length))!;
      const workIds = new Set([...person.workIds, ...(person.removedWorkIds ?? []), ...(person.flaggedWorks ?? []).map((f) => f.workId)]);
      const mine = [...workIds].flatMap((w) => works.get(w) ?? []);
      const others = person.suggestions.flatMap((s) => (s.personId !== person.id ? (people.get(s.personId) ?? []) : []));
      views.push({ id, keys, personId: person.id, slice: { works: mine, people: [person, ...new Set(others)] }, notes: notesFor(mine, person, notesByKey) });
    } else {
      const work = works.get(id.slice('work:'.length))!;
      views.push({ id, keys, slice: { works: [work], people: [] }, notes: notesFor([work], undefined, notesByKey) });
    }
  }
  const held = new Set(views.flatMap((v) => v.slice.works.map((w) => w.id)));
  const rest = result.works.filter((w) => !held.has(w.id));
  views.push({
    id: LIBRARY_VIEW,
    keys: [],
    slice: { works: rest, people: result.people },
    notes: notesFor(rest, undefined, notesByKey),
    library: { workIds: result.works.map((w) => w.id), unresolvedDecisions: result.unresolvedDecisions ?? [], stats: result.stats ?? { captures: 0, records: 0, works: result.works.length, people: result.people.length } },
  });
  return views;
}

/**
 * What a store keeps of a view: the same view with each work light (no
 * `fields`). Works shared by several views of one build stay shared objects.
 */
export function storedView(v: KeptView): KeptView {
  return { ...v, slice: { ...v.slice, works: v.slice.works.map(lightWork) } };
}

/** The whole merge result again from the kept views (the dashboard reads them instead of merging), works light; undefined when they do not add up. */
export function libraryOf(views: readonly KeptView[]): LightResult | undefined {
  const fold = libraryFold();
  for (const v of views) fold.add(v);
  return fold.result();
}

/**
 * libraryOf one view at a time: what a view adds is kept (its works not seen
 * yet, the library view), the rest of it can be let go at once, so a reader of
 * every view (the dashboard) need not hold them all (issue 16, renderer memory).
 */
export function libraryFold(): { add(v: KeptView): void; result(): LightResult | undefined } {
  let lib: KeptView | undefined;
  const works = new Map<string, LightWork>();
  return {
    add(v) {
      if (v.id === LIBRARY_VIEW && !lib) lib = v;
      for (const w of v.slice.works) if (!works.has(w.id)) works.set(w.id, w);
    },
    result() {
      if (!lib?.library) return undefined;
      const ordered: LightWork[] = [];
      for (const id of lib.library.workIds) {
        const w = works.get(id);
        if (!w) return undefined;
        ordered.push(w);
      }
      return { works: ordered, people: lib.slice.people, unresolvedDecisions: lib.library.unresolvedDecisions, stats: lib.library.stats };
    },
  };
}

/** Were the views built from exactly these captures, with no change pending? */
export function viewsAreCurrent(meta: ViewsMeta | undefined, records: readonly { key: string; capture: { capturedAt: string } }[]): boolean {
  if (!meta || meta.dirty || meta.error !== undefined) return false;
  const keys = Object.keys(meta.captures);
  if (keys.length !== records.length) return false;
  return records.every((r) => viewIsCurrent(meta, r.key, r.capture.capturedAt));
}

function notesFor(works: readonly LightWork[], person: MergedPerson | undefined, notesByKey: ReadonlyMap<string, string[]>): Record<string, string[]> {
  const keys = new Set<string>(person?.pages.map((p) => p.captureKey) ?? []);
  for (const w of works) for (const m of w.members) keys.add(m.captureKey);
  const out: Record<string, string[]> = {};
  for (const k of [...keys].sort()) {
    const n = notesByKey.get(k);
    if (n) out[k] = n;
  }
  return out;
}

/** A stored view read back is checked, not trusted: a hand-edited or older record is rebuilt, never rendered. */
export function isKeptView(v: unknown): v is KeptView {
  if (!v || typeof v !== 'object') return false;
  const o = v as Partial<KeptView>;
  const slice = o.slice as Partial<ResultSlice> | undefined;
  return (
    typeof o.id === 'string' &&
    Array.isArray(o.keys) &&
    o.keys.every((k) => typeof k === 'string') &&
    (o.personId === undefined || typeof o.personId === 'string') &&
    !!slice &&
    Array.isArray(slice.works) &&
    Array.isArray(slice.people) &&
    slice.works.every((w) => !!w && typeof w === 'object' && typeof (w as MergedWork).id === 'string' && Array.isArray((w as MergedWork).members)) &&
    slice.people.every((p) => !!p && typeof p === 'object' && typeof (p as MergedPerson).id === 'string' && Array.isArray((p as MergedPerson).pages) && Array.isArray((p as MergedPerson).workIds)) &&
    (o.personId === undefined || slice.people[0]?.id === o.personId) &&
    (o.library === undefined || (Array.isArray(o.library.workIds) && Array.isArray(o.library.unresolvedDecisions) && !!o.library.stats)) &&
    !!o.notes &&
    typeof o.notes === 'object'
  );
}

export function isViewsMeta(v: unknown): v is ViewsMeta {
  if (!v || typeof v !== 'object') return false;
  const o = v as Partial<ViewsMeta>;
  return typeof o.builtAt === 'string' && typeof o.dirty === 'boolean' && !!o.captures && typeof o.captures === 'object' && (o.error === undefined || typeof o.error === 'string');
}

/** Is the kept view of this page as new as its stored capture? */
export function viewIsCurrent(meta: ViewsMeta | undefined, key: string, capturedAt: string): boolean {
  return !!meta && !meta.dirty && meta.error === undefined && Object.prototype.hasOwnProperty.call(meta.captures, key) && meta.captures[key] === capturedAt;
}
