// The fast half of keeping views when a capture arrives: merge only the
// captures it concerns and show the result at once, marked provisional, until
// the full rebuild (src/shell/view-keeper.ts) replaces it.
//
// Why not update the kept state exactly, record by record: the merge uses
// statistics of the whole library it is given (src/core/merge): title words'
// document frequencies choose the blocking keys and order the large blocks
// (cluster.ts), IDF weights and the "no other work close" margins decide
// placement by abstract or reworded title (placement.ts, similarity.ts), and a
// work on more than 50 pages stops counting as shared between people
// (people.ts). A merge of a subset therefore cannot promise the rebuild's
// result, only a close one, which is why it is shown as "updating".
//
// What keeps a provisional view from showing people joined that the rebuild
// keeps apart: people are made only from author pages read whole. A page that
// is in the subset for some of its works only (a co-author's profile sharing a
// paper) goes in as a list page: its rows still join works, but it makes no
// person and cannot link two people through a shortened list of works (two
// shared works out of a list cut to two would pass the 30 % rule).

import type { Capture } from './capture';
import { keptViews, type CaptureNotes, type KeptView } from './kept-views';
import { PERSON_ID_KEYS, WORK_ID_KEYS, type WorkIdKey } from './capture';
import { normalizeWorkId } from './merge/normalize';
import type { LightResult, LightWork, MergedPerson, MergedWork, MergeResult, UserDecision } from './merge/types';
import { isPersonKey, personKeys, workKeys, type ViewKeys } from './view-keys';

export interface CaptureLike extends CaptureNotes {
  key: string;
  capture: Capture;
}

/** The keys a stored capture may share with kept views. */
export function captureKeys(r: CaptureLike): string[] {
  const out = new Set<string>();
  for (const w of r.capture.works ?? []) for (const k of workKeys(w)) out.add(k);
  if (r.capture.pageKind === 'author' && r.capture.person) for (const k of personKeys(r.capture.person)) out.add(k);
  return [...out];
}

/** What a provisional merge reads: captures whole, and of others only some rows (by index in `capture.works`). */
export interface Concerned {
  whole: Set<string>;
  partial: Map<string, Set<number>>;
}

/**
 * The captures a provisional merge needs, from the new captures and the keys
 * records of the kept views that share exact keys with them (found through
 * the index):
 * - the new captures, whole;
 * - a person the new captures name (an id or name key of an author page in
 *   common, or a paper page's work among theirs): their author pages whole and
 *   every row of their works, so the person comes out complete;
 * - any other view: the rows of its works that share a key, only.
 */
export function concernedCaptures(fresh: readonly CaptureLike[], matched: readonly ViewKeys[], keysOf?: ReadonlyMap<string, readonly string[]>): Concerned {
  const whole = new Set(fresh.map((r) => r.key));
  const partial = new Map<string, Set<number>>();
  const keysFor = (r: CaptureLike) => keysOf?.get(r.key) ?? captureKeys(r);
  const freshKeys = new Set(fresh.flatMap(keysFor));
  // A paper page's keys are its works' keys (captureKeys adds a person's only for an author page).
  const paperKeys = new Set(fresh.filter((r) => r.capture.pageKind === 'paper').flatMap(keysFor));
  const addRows = (w: ViewKeys['works'][number]) => {
    for (const row of w.rows) {
      const hash = row.lastIndexOf('#');
      const key = row.slice(0, hash);
      const index = Number(row.slice(hash + 1));
      const s = partial.get(key);
      if (s) s.add(index);
      else partial.set(key, new Set([index]));
    }
  };
  const seen = new Set<string>();
  for (const v of matched) {
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    const named = v.pages.length > 0 && (v.person.some((k) => freshKeys.has(k)) || v.works.some((w) => w.keys.some((k) => paperKeys.has(k))));
    if (named) {
      for (const pg of v.pages) whole.add(pg);
      v.works.forEach(addRows);
      continue;
    }
    for (const w of v.works) if (w.keys.some((k) => !isPersonKey(k) && freshKeys.has(k))) addRows(w);
  }
  for (const k of whole) partial.delete(k);
  return { whole, partial };
}

/** A partly read capture's rows: the index in the subset's capture → the index in the stored one. */
export type RowMap = ReadonlyMap<string, readonly number[]>;

/**
 * The records a provisional merge is given: whole captures as stored; partly
 * read ones with only the rows concerned and, for an author page, read as a
 * list page (see the top of this file). Their rows are renumbered; `rows`
 * maps them back (subsetDecisions and provisionalViews use it).
 */
export function subsetRecords<R extends CaptureLike>(concerned: Concerned, stored: ReadonlyMap<string, R>): { records: R[]; demoted: Set<string>; rows: Map<string, number[]> } {
  const records: R[] = [];
  const demoted = new Set<string>();
  const rows = new Map<string, number[]>();
  for (const k of concerned.whole) {
    const r = stored.get(k);
    if (r) records.push(r);
  }
  for (const [k, wanted] of concerned.partial) {
    const r = stored.get(k);
    if (!r) continue;
    const all = r.capture.works ?? [];
    const kept = [...wanted].filter((i) => i < all.length).sort((a, b) => a - b);
    if (!kept.length) continue;
    const capture: Capture = { ...r.capture, works: kept.map((i) => all[i]!) };
    if (capture.pageKind === 'author') {
      capture.pageKind = 'list';
      delete capture.person;
      demoted.add(k);
    }
    rows.set(k, kept);
    records.push({ ...r, capture });
  }
  return { records, demoted, rows };
}

/** A decision naming one row ("rec:<key>#<index>") of a partly read capture names it by its index in the subset, or nothing when the row is left out. */
export function subsetDecisions<D extends UserDecision>(decisions: readonly D[], rows: RowMap): D[] {
  const ref = (r: string): string => {
    if (!r.startsWith('rec:')) return r;
    const hash = r.lastIndexOf('#');
    const map = hash > 4 ? rows.get(r.slice(4, hash)) : undefined;
    if (!map) return r;
    const at = map.indexOf(Number(r.slice(hash + 1)));
    return `${r.slice(0, hash)}#${at < 0 ? 'left-out' : at}`;
  };
  return decisions.map((d) => {
    if (d.kind === 'join-works' || d.kind === 'split-works') return { ...d, works: [ref(d.works[0]), ref(d.works[1])] };
    if (d.kind === 'confirm-work' || d.kind === 'remove-work') return { ...d, work: ref(d.work) };
    return d;
  });
}

/** A work id made from a row ("rec:<key>#<i>", or "<id>~<key>#<i>" when two works share an id) with the row's stored index. */
function storedId(id: string, rows: RowMap): string {
  const hash = id.lastIndexOf('#');
  if (hash < 0) return id;
  const tilde = id.lastIndexOf('~');
  const start = tilde >= 0 ? tilde + 1 : id.startsWith('rec:') ? 4 : -1;
  const map = start >= 0 ? rows.get(id.slice(start, hash)) : undefined;
  const i = map?.[Number(id.slice(hash + 1))];
  return i === undefined ? id : `${id.slice(0, hash)}#${i}`;
}

/**
 * Rows of partly read captures get their stored index back, in the works'
 * members and in the ids made from them, and author pages read as lists their
 * page kind, as the rebuild will show them. In place, each object once.
 */
export function renumberResult(result: Pick<MergeResult, 'works' | 'people'>, demoted: ReadonlySet<string>, rows: RowMap): void {
  if (!rows.size) return;
  for (const w of result.works) {
    w.id = storedId(w.id, rows);
    for (const m of new Set([...w.members, ...w.versions.flatMap((x) => x.members)])) {
      const map = rows.get(m.captureKey);
      if (!map) continue;
      m.index = map[m.index] ?? m.index;
      if (demoted.has(m.captureKey)) m.pageKind = 'author';
    }
  }
  for (const p of result.people) {
    p.workIds = p.workIds.map((id) => storedId(id, rows));
    if (p.removedWorkIds) p.removedWorkIds = p.removedWorkIds.map((id) => storedId(id, rows));
    for (const f of p.flaggedWorks ?? []) f.workId = storedId(f.workId, rows);
  }
}

/**
 * The views of the given pages (the new captures', or those a decision
 * concerns) from a merge of the subset, marked provisional; the result is
 * renumbered first (renumberResult).
 */
export function provisionalViews(result: MergeResult, records: readonly CaptureLike[], freshKeys: readonly string[], demoted: ReadonlySet<string>, rows: RowMap = new Map()): KeptView<MergedWork>[] {
  renumberResult(result, demoted, rows);
  return renumberedViews(result, records, freshKeys);
}

/** provisionalViews of a result already renumbered (a decision's fast path answers with the result before it makes the views). */
export function renumberedViews(result: MergeResult, records: readonly CaptureLike[], freshKeys: readonly string[]): KeptView<MergedWork>[] {
  const wanted = new Set(freshKeys);
  const views = keptViews(result, records).filter((v) => v.keys.some((k) => wanted.has(k)));
  for (const v of views) v.provisional = true;
  return views;
}

/** What a decision names: rows ("<capture key>#<index>"), author pages (capture keys) and exact keys (ids, as view-keys.ts writes them). */
export interface DecisionTargets {
  rows: string[];
  pages: string[];
  keys: string[];
}

export function decisionTargets(decisions: readonly UserDecision[]): DecisionTargets {
  const rows = new Set<string>();
  const pages = new Set<string>();
  const keys = new Set<string>();
  const work = (ref: string) => {
    if (ref.startsWith('rec:')) return void rows.add(ref.slice(4));
    const colon = ref.indexOf(':');
    const kind = ref.slice(0, colon);
    if (colon < 0 || !(WORK_ID_KEYS as readonly string[]).includes(kind)) return;
    const id = normalizeWorkId(kind as WorkIdKey, ref.slice(colon + 1));
    if (id) keys.add(`id:${id.kind}:${id.id}`);
  };
  const person = (ref: string) => {
    if (ref.startsWith('page:')) return void pages.add(ref.slice(5));
    const colon = ref.indexOf(':');
    if (colon > 0 && (PERSON_ID_KEYS as readonly string[]).includes(ref.slice(0, colon))) keys.add(`p:${ref}`);
  };
  for (const d of decisions) {
    if (d.kind === 'join-works' || d.kind === 'split-works') d.works.forEach(work);
    else if (d.kind === 'link-people' || d.kind === 'unlink-people') d.people.forEach(person);
    else {
      person(d.person);
      work(d.work);
    }
  }
  return { rows: [...rows], pages: [...pages], keys: [...keys] };
}

/**
 * What a provisional merge after a decision reads: of every kept view that
 * holds a row, a page or an id the decision names, its author pages whole and
 * every row of its works (the person comes out complete, as for a capture), and
 * the rows the decision names themselves (a work no view holds: list pages
 * only). `views` are the candidates found through the keys index.
 */
export function decisionConcerned(targets: DecisionTargets, views: readonly ViewKeys[]): { concerned: Concerned; views: ViewKeys[] } {
  const rows = new Set(targets.rows);
  const pages = new Set(targets.pages);
  const keys = new Set(targets.keys);
  const hit = views.filter(
    (v, i) =>
      views.findIndex((o) => o.id === v.id) === i &&
      (v.pages.some((p) => pages.has(p)) || v.match.some((k) => keys.has(k)) || v.works.some((w) => w.rows.some((r) => rows.has(r)))),
  );
  const whole = new Set<string>();
  const partial = new Map<string, Set<number>>();
  const addRow = (row: string) => {
    const hash = row.lastIndexOf('#');
    const key = row.slice(0, hash);
    const index = Number(row.slice(hash + 1));
    if (hash < 0 || !Number.isInteger(index)) return;
    const s = partial.get(key);
    if (s) s.add(index);
    else partial.set(key, new Set([index]));
  };
  for (const v of hit) {
    for (const pg of v.pages) whole.add(pg);
    for (const w of v.works) w.rows.forEach(addRow);
  }
  rows.forEach(addRow);
  for (const k of whole) partial.delete(k);
  return { concerned: { whole, partial }, views: hit };
}

/**
 * What a provisional merge after a delete reads: of every kept view that
 * showed a deleted page or held one of its rows, its remaining author pages
 * whole and every remaining row of its works; nothing of the deleted captures.
 */
export function deleteConcerned(views: readonly ViewKeys[], gone: ReadonlySet<string>): Concerned {
  const whole = new Set<string>();
  const partial = new Map<string, Set<number>>();
  for (const v of views) {
    for (const pg of v.pages) if (!gone.has(pg)) whole.add(pg);
    for (const w of v.works)
      for (const row of w.rows) {
        const hash = row.lastIndexOf('#');
        const key = row.slice(0, hash);
        const index = Number(row.slice(hash + 1));
        if (hash < 0 || gone.has(key) || !Number.isInteger(index)) continue;
        const s = partial.get(key);
        if (s) s.add(index);
        else partial.set(key, new Set([index]));
      }
  }
  for (const k of whole) partial.delete(k);
  return { whole, partial };
}

/** What the dashboard patches its merged library with after a decision or a delete: the subset merge's works and people, renumbered. */
export interface ResultPatch {
  works: LightWork[];
  people: MergedPerson[];
  /** Capture keys deleted: their rows and pages leave the library before the patch goes in. */
  gone?: string[];
  /** Milliseconds per step of the background's fast path (find, read, merge, write), for the bench. */
  ms?: Record<string, number>;
}

/**
 * The merged library without these captures: their rows leave every work
 * (a work left with none is gone, and so are the ids naming it), their pages
 * every person (a person left with none is gone). Works and people they did
 * not touch stay the same objects.
 */
export function withoutCaptures(result: LightResult, keys: ReadonlySet<string>): LightResult {
  if (!keys.size) return result;
  const goneWorks = new Set<string>();
  const works: LightWork[] = [];
  for (const w of result.works) {
    if (!w.members.some((m) => keys.has(m.captureKey))) {
      works.push(w);
      continue;
    }
    const members = w.members.filter((m) => !keys.has(m.captureKey));
    if (!members.length) {
      goneWorks.add(w.id);
      continue;
    }
    const versions = w.versions.map((v) => ({ ...v, members: v.members.filter((m) => !keys.has(m.captureKey)) })).filter((v) => v.members.length);
    works.push({ ...w, members, versions });
  }
  const keep = (ids: string[]) => ids.filter((id) => !goneWorks.has(id));
  const people: MergedPerson[] = [];
  for (const p of result.people) {
    const touched = p.pages.some((pg) => keys.has(pg.captureKey)) || p.workIds.some((id) => goneWorks.has(id));
    if (!touched) {
      people.push(p);
      continue;
    }
    const pages = p.pages.filter((pg) => !keys.has(pg.captureKey));
    if (!pages.length) continue;
    people.push({
      ...p,
      pages,
      stated: p.stated.filter((f) => !keys.has(f.captureKey)),
      workIds: keep(p.workIds),
      ...(p.removedWorkIds ? { removedWorkIds: keep(p.removedWorkIds) } : {}),
      ...(p.flaggedWorks ? { flaggedWorks: p.flaggedWorks.filter((f) => !goneWorks.has(f.workId)) } : {}),
    });
  }
  return { ...result, works, people, stats: { ...result.stats, works: works.length, people: people.length } };
}

/**
 * Where things stand in a merged library, for patchResult: by capture key the
 * positions of the works holding one of its rows, by work id the positions of
 * the people listing it. Built once per library (the dashboard builds it
 * while idle after loading one, src/ui/dashboard/Dashboard.tsx), so a patch
 * reads only the works and people it may replace, not 22 000 works' rows.
 */
export interface ResultIndex {
  works: readonly LightWork[];
  people: readonly MergedPerson[];
  worksOf: Map<string, number[]>;
  peopleOf: Map<string, number[]>;
}

const indexes = new WeakMap<LightResult, ResultIndex>();

function add(m: Map<string, number[]>, k: string, i: number): void {
  const at = m.get(k);
  if (!at) m.set(k, [i]);
  else if (at[at.length - 1] !== i) at.push(i);
}

/** An index being built in slices: the next work and person to read. */
interface Partial extends ResultIndex {
  w: number;
  p: number;
}
const partials = new WeakMap<LightResult, Partial>();

const started = (result: LightResult): Partial => {
  let b = partials.get(result);
  if (!b || b.works !== result.works || b.people !== result.people) {
    b = { works: result.works, people: result.people, worksOf: new Map(), peopleOf: new Map(), w: 0, p: 0 };
    partials.set(result, b);
  }
  return b;
};

/** How many works (or people) are read between two looks at the clock. */
const CHECK_EVERY = 64;

/**
 * One slice of the library's index: reads works, then people, until
 * `timeLeft()` (looked at every few hundred) is not above zero. True when the
 * index is whole (resultIndex then answers it at once). A slice always reads
 * at least one batch, so the index gets built however short the slices.
 */
export function resultIndexSlice(result: LightResult, timeLeft: () => number): boolean {
  if (indexes.get(result)?.works === result.works && indexes.get(result)?.people === result.people) return true;
  const b = started(result);
  for (;;) {
    const end = b.w < b.works.length ? Math.min(b.works.length, b.w + CHECK_EVERY) : b.p < b.people.length ? Math.min(b.people.length, b.p + CHECK_EVERY) : -1;
    if (end < 0) break;
    if (b.w < b.works.length) {
      for (; b.w < end; b.w++) for (const m of b.works[b.w]!.members) add(b.worksOf, m.captureKey, b.w);
    } else {
      for (; b.p < end; b.p++) for (const id of b.people[b.p]!.workIds) add(b.peopleOf, id, b.p);
    }
    if (b.w >= b.works.length && b.p >= b.people.length) break;
    if (timeLeft() <= 0) return false;
  }
  partials.delete(result);
  indexes.set(result, { works: b.works, people: b.people, worksOf: b.worksOf, peopleOf: b.peopleOf });
  return true;
}

/**
 * The library's index, built on first use (see ResultIndex), or finished
 * now when slices of it were built (resultIndexSlice); the same library
 * object must not be changed in place after.
 */
export function resultIndex(result: LightResult): ResultIndex {
  resultIndexSlice(result, () => Infinity);
  return indexes.get(result)!;
}

/**
 * Schedules one slice of work: `run` is called later with how many
 * milliseconds it may take; answers a cancel. The dashboard's is
 * requestIdleCallback's; the tests' a fake.
 */
export type SliceScheduler = (run: (timeLeft: () => number) => void) => () => void;

/**
 * The library's index built in slices, each scheduled by `schedule`, so the
 * page answers a click between two of them; a patch that comes before the
 * last slice finishes the index itself (patchResult → resultIndex), exactly.
 * `done` is called once it is whole; answers a cancel.
 */
export function resultIndexInSlices(result: LightResult, schedule: SliceScheduler, done?: (slices: number) => void): () => void {
  let cancel: () => void = () => {};
  let slices = 0;
  const next = () => {
    cancel = schedule((timeLeft) => {
      slices++;
      if (resultIndexSlice(result, timeLeft)) done?.(slices);
      else next();
    });
  };
  next();
  return () => cancel();
}

/** What a patch changed in a library's works, by identity: the works before, those it put in, those it took out. */
export interface WorksPatched {
  from: readonly LightWork[];
  added: LightWork[];
  removed: Set<LightWork>;
}

const patchedWorks = new WeakMap<readonly LightWork[], WorksPatched>();

/** The change patchResult made to get these works (undefined for works it did not make, or made with deletes): the dashboard's table re-derives from it alone. */
export const worksPatchedFrom = (works: readonly LightWork[]): WorksPatched | undefined => patchedWorks.get(works);

/**
 * The merged library with a subset merge's works and people in place of those
 * they replace: an old work whose rows the patch holds gives way to the
 * patch's works holding them (in its place in the order), an old person whose
 * author page the patch holds to the patch's person; other people's work ids
 * follow the works they named. Provisional, like the views it comes from: the
 * rebuild's result replaces it.
 */
export function patchResult(before: LightResult, patch: ResultPatch): LightResult {
  const result = patch.gone?.length ? withoutCaptures(before, new Set(patch.gone)) : before;
  // Capture key → row index → the patch's work holding it: an old work's members are looked up without making a string each.
  const newOfRow = new Map<string, Map<number, LightWork>>();
  for (const w of patch.works)
    for (const m of w.members) {
      const rows = newOfRow.get(m.captureKey);
      if (rows) rows.set(m.index, w);
      else newOfRow.set(m.captureKey, new Map([[m.index, w]]));
    }
  // Only the works holding a row of a capture the patch holds can be replaced: found through the index, in order.
  const ix = resultIndex(result);
  const candidates = new Set<number>();
  for (const k of newOfRow.keys()) for (const i of ix.worksOf.get(k) ?? []) candidates.add(i);
  const renamed = new Map<string, string>();
  const works: LightWork[] = [];
  const placed = new Set<LightWork>();
  const replaced = new Set<LightWork>();
  let from = 0;
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const w = result.works[i]!;
    let hits: LightWork[] | undefined;
    for (const m of w.members) {
      const h = newOfRow.get(m.captureKey)?.get(m.index);
      if (h) (hits ??= []).push(h);
    }
    if (!hits) continue;
    for (let j = from; j < i; j++) works.push(result.works[j]!);
    from = i + 1;
    replaced.add(w);
    renamed.set(w.id, hits[0]!.id);
    for (const h of hits)
      if (!placed.has(h)) {
        placed.add(h);
        works.push(h);
      }
  }
  for (let j = from; j < result.works.length; j++) works.push(result.works[j]!);
  for (const w of patch.works) if (!placed.has(w)) works.push(w);
  if (result === before && patch.works.every((w) => w.members.length)) patchedWorks.set(works, { from: before.works, added: [...new Set(patch.works)], removed: replaced });
  const newOfPage = new Map<string, MergedPerson>();
  for (const p of patch.people) for (const pg of p.pages) newOfPage.set(pg.captureKey, p);
  const rename = (ids: string[]) => [...new Set(ids.map((id) => renamed.get(id) ?? id))];
  const people: MergedPerson[] = [];
  const placedPeople = new Set<MergedPerson>();
  // The people listing a renamed work: their work ids follow it.
  const listing = new Set<number>();
  for (const id of renamed.keys()) for (const i of ix.peopleOf.get(id) ?? []) listing.add(i);
  for (const [i, p] of result.people.entries()) {
    const hits = newOfPage.size ? p.pages.flatMap((pg) => newOfPage.get(pg.captureKey) ?? []) : [];
    if (!hits.length) {
      people.push(listing.has(i) ? { ...p, workIds: rename(p.workIds) } : p);
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
