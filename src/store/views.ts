// The kept views (src/core/kept-views.ts) in IndexedDB: written whole by the
// background's rebuild, read one page at a time by the popup. Written light
// (storedView: works without their field provenance); their keys records
// (viewKeys) are made from the views as built, before that.

import { isKeptView, isViewsMeta, libraryFold, LIBRARY_VIEW, storedView, type KeptView, type ViewsMeta } from '../core/kept-views';
import { prepareViews, type PreparedView } from '../core/prepared-views';
import type { LightResult, MergedWork } from '../core/merge/types';
import { isViewKeys, viewKeysOf, type ViewKeys } from '../core/view-keys';
import { VIEWS_META_KEY, type CaptureRecord, type DecisionRecord, type LensDB } from './schema';
import { inBatches, isDecisionRecord } from './store';
import { noteMeta, readCount, stillCounted } from './views-behind';

const META = VIEWS_META_KEY;

/** The view a page shows, through the byKey index; undefined when none, or when what is stored is malformed (a rebuild replaces it). */
export async function viewForKey(db: LensDB, key: string): Promise<KeptView | undefined> {
  const v: unknown = await db.getFromIndex('views', 'byKey', key);
  return isKeptView(v) ? v : undefined;
}

export async function viewsMeta(db: LensDB): Promise<ViewsMeta | undefined> {
  const m: unknown = await db.get('viewsMeta', META);
  return isViewsMeta(m) ? m : undefined;
}

/** Every kept view (tests, and the dashboard when it reads the kept state). */
export async function allViews(db: LensDB): Promise<KeptView[]> {
  return ((await inBatches(db, 'views', VIEW_BATCH)) as unknown[]).filter(isKeptView);
}

/**
 * How many views a read of every view asks for at a time: fewer than captures
 * (READ_BATCH), a view being larger (a person's every work; at 300 researchers
 * 100 views were up to 18 MB of JSON in one answer, 20 are about 5 MB), so
 * what a batch decodes before the fold lets it go stays small next to the
 * library the dashboard holds (issue 16, renderer memory).
 */
export const VIEW_BATCH = 20;

/**
 * The library the kept views hold (libraryOf) and their meta record, in one
 * transaction, the views read a batch at a time and folded as they come
 * (libraryFold): not every view held at once, each shared work once.
 */
export async function keptResult(db: LensDB, batch = VIEW_BATCH): Promise<{ result?: LightResult; meta?: ViewsMeta }> {
  const tx = db.transaction(['views', 'viewsMeta'], 'readonly');
  const store = tx.objectStore('views');
  const fold = libraryFold();
  for (let after: string | undefined; ; ) {
    const got: unknown[] = await store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch);
    for (const v of got) if (isKeptView(v)) fold.add(v);
    if (got.length < batch) break;
    after = (got[got.length - 1] as { id: string }).id;
  }
  const meta: unknown = await tx.objectStore('viewsMeta').get(META);
  await tx.done;
  const result = fold.result();
  return { ...(result ? { result } : {}), ...(isViewsMeta(meta) ? { meta } : {}) };
}

/**
 * What the dashboard shows first: the library view alone (every person, small),
 * what the views were built from, and how many pages are stored (a count, no
 * page read). A fraction of allViews, which holds every merged work.
 */
export async function keptLibrary(db: LensDB): Promise<{ view?: KeptView; meta?: ViewsMeta; pages: number }> {
  const tx = db.transaction(['views', 'viewsMeta', 'captures'], 'readonly');
  const [view, meta, pages] = await Promise.all([tx.objectStore('views').get(LIBRARY_VIEW), tx.objectStore('viewsMeta').get(META), tx.objectStore('captures').count(), tx.done]);
  return { ...(isKeptView(view) ? { view } : {}), ...(isViewsMeta(meta) ? { meta } : {}), pages };
}

/** What a writer remembers of the build it last wrote: the build's name and a fingerprint of each view. */
export interface WrittenViews {
  build: string;
  prints: Map<string, string>;
}

/**
 * Write a build's views and meta record in one transaction: a reader sees the
 * old build or the new one, never half of each. When the stored views are
 * still those `previous` describes (nothing erased or rewrote them since), only
 * the views that changed are written and the ones gone deleted, so a capture
 * that touches one person rewrites one person; otherwise all are replaced.
 * Returns what was written, for the next call.
 */
export async function replaceViews(db: LensDB, built: readonly KeptView<MergedWork>[], meta: ViewsMeta & { build: string }, previous?: WrittenViews): Promise<ViewsWritten> {
  const views = prepareViews(built);
  return (await writeViews(db, { prints: new Map(views.map((v) => [v.stored.id, v.print])), views, complete: true }, meta, previous))!;
}

/**
 * What a rebuild hands writeViews: every view's print (id → print) and the
 * views themselves, all of them (`complete`) or at least those whose print
 * differs from the `previous` build's (a rebuild made in a worker sends
 * only those across). `read`: the views' change count the build read with
 * what it merged (src/store/store.ts mergeInput); when given, the views say
 * current only if it is still the stored one.
 */
export interface ViewsToWrite {
  prints: ReadonlyMap<string, string>;
  views: readonly PreparedView[];
  complete: boolean;
  read?: { changes: number | undefined };
}

/** What writeViews wrote: the build, and `behind` when the store changed since the build read it (written marked behind). */
export type ViewsWritten = WrittenViews & { behind: boolean };

/**
 * replaceViews of views already prepared (src/core/prepared-views.ts). A set
 * that is not complete is written only over the build `previous` describes;
 * when the store holds another one, nothing is written and undefined returned
 * (the caller gets the complete set and writes again).
 *
 * With `build.read`, the change count is checked in this transaction: when a
 * capture or decision was written (or deleted) since the build read the store,
 * the views are written marked behind (`behind`), never current; when the
 * count is gone since (everything erased), or the build read none (an
 * erase between mergeInput's making it and its read), nothing is written and
 * undefined returned, complete or not: the views of erased pages never come back.
 */
export async function writeViews(db: LensDB, build: ViewsToWrite, meta: ViewsMeta & { build: string }, previous?: WrittenViews): Promise<ViewsWritten | undefined> {
  const { prints, views } = build;
  const tx = db.transaction(['views', 'viewsMeta', 'viewKeys'], 'readwrite');
  const store = tx.objectStore('views');
  const metaStore = tx.objectStore('viewsMeta');
  const keyStore = tx.objectStore('viewKeys');
  const [stored, count] = await Promise.all([metaStore.get(META) as Promise<unknown>, readCount(metaStore)]);
  const now = count?.changes;
  const same = previous !== undefined && isViewsMeta(stored) && stored.build === previous.build;
  // Gone, or made anew since the build read it (an erase, then a write or a mark that made it again); or none read
  // (mergeInput makes one before it reads: an erase came between), so nothing vouches for what the build merged.
  const erased = build.read !== undefined && !stillCounted(build.read.changes, count);
  if ((!same && !build.complete) || erased) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const behind = build.read !== undefined && now !== build.read.changes;
  const writes: Promise<unknown>[] = [];
  // A view's keys go with it: written, rewritten and deleted together (the library view has none).
  const put = (v: PreparedView) => {
    writes.push(store.put(v.stored));
    if (v.keys) writes.push(keyStore.put(v.keys));
  };
  if (same) {
    for (const id of previous.prints.keys()) if (!prints.has(id)) writes.push(store.delete(id), keyStore.delete(id));
    for (const v of views) if (previous.prints.get(v.stored.id) !== v.print) put(v);
  } else {
    writes.push(store.clear(), keyStore.clear());
    views.forEach(put);
  }
  const next = behind ? { ...meta, dirty: true } : meta;
  await Promise.all([...writes, metaStore.put(next, META), noteMeta(metaStore, next.dirty, count ?? null), tx.done]);
  return { build: meta.build, prints: new Map(prints), behind };
}

/** The ids of the views a build must send for writeViews over `previous` (all when there is none). */
export function viewsToSend(prints: ReadonlyMap<string, string>, previous: WrittenViews | undefined): string[] | 'all' {
  if (!previous) return 'all';
  return [...prints].filter(([id, print]) => previous.prints.get(id) !== print).map(([id]) => id);
}

/**
 * Mark the kept views as behind the store (a capture or a decision arrived)
 * or record why a rebuild failed; the views themselves stay as they were.
 */
export async function markViews(db: LensDB, change: { dirty: boolean; error?: string }): Promise<void> {
  const tx = db.transaction('viewsMeta', 'readwrite');
  const current: unknown = await tx.store.get(META);
  const base: ViewsMeta = isViewsMeta(current) ? current : { builtAt: '', captures: {}, dirty: true, stats: { captures: 0, records: 0, works: 0, people: 0 } };
  const next: ViewsMeta = { ...base, dirty: change.dirty };
  if (change.error !== undefined) next.error = change.error;
  await Promise.all([tx.store.put(next, META), noteMeta(tx.store, next.dirty), tx.done]);
}

/** What the popup reads for one page: its capture, its kept view, what the views were built from, and the decisions. */
export async function storedProfile(
  db: LensDB,
  key: string,
): Promise<{ record?: CaptureRecord; view?: KeptView; meta?: ViewsMeta; decisions: DecisionRecord[] }> {
  // One transaction for the four reads: one round trip to the database, and a view and meta record of the same build.
  const tx = db.transaction(['captures', 'views', 'viewsMeta', 'decisions'], 'readonly');
  const [record, view, meta, decisions] = await Promise.all([
    tx.objectStore('captures').get(key),
    tx.objectStore('views').index('byKey').get(key) as Promise<unknown>,
    tx.objectStore('viewsMeta').get(META) as Promise<unknown>,
    tx.objectStore('decisions').getAll() as Promise<unknown[]>,
    tx.done,
  ]);
  return {
    ...(record ? { record } : {}),
    ...(isKeptView(view) ? { view } : {}),
    ...(isViewsMeta(meta) ? { meta } : {}),
    // A malformed decision is skipped, as allDecisions does.
    decisions: decisions.filter((d): d is DecisionRecord => isDecisionRecord(d)),
  };
}

/** The stored captures of these keys (those found), in one transaction: what a view's works' provenance is recomputed from (src/core/provenance.ts). */
export async function capturesOf(db: LensDB, keys: readonly string[]): Promise<CaptureRecord[]> {
  const tx = db.transaction('captures', 'readonly');
  const got = await Promise.all(keys.map((k) => tx.store.get(k)));
  await tx.done;
  return got.filter((r): r is CaptureRecord => r !== undefined);
}

/** Nothing is stored: nothing derived from it may remain either (Erase everything leaves an empty database). */
export async function clearViews(db: LensDB): Promise<void> {
  const tx = db.transaction(['views', 'viewsMeta', 'viewKeys'], 'readwrite');
  await Promise.all([tx.objectStore('views').clear(), tx.objectStore('viewsMeta').clear(), tx.objectStore('viewKeys').clear(), tx.done]);
}

/** A key on more views than this ties nothing (a common title like "Introduction", a frequent name key): not followed. */
const MAX_VIEWS_PER_KEY = 50;

/** The keys records (src/core/view-keys.ts) of the views sharing any of these exact keys, through the byMatch index; never a view or a capture. */
export async function keysMatching(db: LensDB, keys: readonly string[]): Promise<ViewKeys[]> {
  const tx = db.transaction('viewKeys', 'readonly');
  const index = tx.store.index('byMatch');
  const idLists = await Promise.all(keys.map((k) => index.getAllKeys(k, MAX_VIEWS_PER_KEY + 1)));
  const ids = new Set<string>();
  for (const l of idLists) if (l.length <= MAX_VIEWS_PER_KEY) for (const id of l) ids.add(id);
  const found = await Promise.all([...ids].map((id) => tx.store.get(id)));
  await tx.done;
  return (found as unknown[]).filter(isViewKeys);
}

/** What a provisional write changed, so the keeper's memory of its last build stops vouching for those views. */
export interface ProvisionalWrite {
  /** Views written or rewritten (the provisional ones, and older ones that lost a page to them). */
  put: string[];
  deleted: string[];
}

/**
 * Write provisional views (src/core/provisional-views.ts) in one transaction
 * with the meta record, which stays dirty and lists the captures they
 * include. A stored view that shows one of their pages gives that page up
 * (and is deleted when it has none left), so a page still maps to one view.
 * Refused (undefined, nothing written) when a stored view of the same id
 * holds a page the provisional one lacks: the rebuild decides that one.
 * `gone`: pages deleted, given up by the stored views that show them.
 * `read`: the views' change count the fast path read first (with the
 * captures it merged); refused too when it is gone or made anew since, or
 * none was read: an erase meanwhile, and the views of erased pages would
 * come back. A count merely moved on (a page stored or a decision since) is
 * no refusal: the meta record stays dirty, and that change's own fast path
 * and the rebuild follow.
 */
export async function writeProvisional(db: LensDB, views: readonly KeptView<MergedWork>[], included: Record<string, string>, gone: readonly string[], read: { changes: number | undefined }): Promise<ProvisionalWrite | undefined> {
  // Relaxed: derived data that the rebuild rewrites anyway need not wait for the disk.
  const tx = db.transaction(['views', 'viewsMeta', 'viewKeys'], 'readwrite', { durability: 'relaxed' });
  const store = tx.objectStore('views');
  const metaStore = tx.objectStore('viewsMeta');
  const keyStore = tx.objectStore('viewKeys');
  // Pages deleted (`gone`) are given up by the views showing them, as those the new views show.
  const covered = new Set([...views.flatMap((v) => v.keys), ...gone]);
  const ids = new Set(views.map((v) => v.id));
  // Which stored views show these pages, from their small keys records; a view without one (stored before v4) is read whole.
  const [idLists, count] = await Promise.all([Promise.all([...covered].map((k) => store.index('byKey').getAllKeys(k))), readCount(metaStore)]);
  if (!stillCounted(read.changes, count)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const candidates = [...new Set([...idLists.flat(), ...ids])];
  const records = (await Promise.all(candidates.map((id) => keyStore.get(id)))) as unknown[];
  const overlapping: { id: string; keys: string[]; record?: ViewKeys }[] = [];
  await Promise.all(
    candidates.map(async (id, i) => {
      const k = records[i];
      if (isViewKeys(k)) return overlapping.push({ id, keys: k.keys, record: k });
      const v: unknown = await store.get(id);
      if (isKeptView(v)) overlapping.push({ id, keys: v.keys });
    }),
  );
  const writes: Promise<unknown>[] = [];
  const out: ProvisionalWrite = { put: [...ids], deleted: [] };
  for (const old of overlapping) {
    const left = old.keys.filter((k) => !covered.has(k));
    if (ids.has(old.id)) {
      if (left.length) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return undefined;
      }
      continue;
    }
    if (left.length) {
      // Rare (the subset merge split what a stored view holds): that view keeps its other pages, and its keys record
      // its keys (a stored view is light, so the record is not made again from it; without one, the rebuild writes it).
      const v: unknown = await store.get(old.id);
      if (isKeptView(v)) {
        writes.push(store.put({ ...v, keys: left }));
        if (old.record) writes.push(keyStore.put({ ...old.record, keys: left }));
        out.put.push(old.id);
      }
    } else {
      writes.push(store.delete(old.id), keyStore.delete(old.id));
      out.deleted.push(old.id);
    }
  }
  for (const v of views) writes.push(store.put(storedView(v)), keyStore.put(viewKeysOf(v)));
  const current: unknown = await metaStore.get(META);
  const base: ViewsMeta = isViewsMeta(current) ? current : { builtAt: '', captures: {}, dirty: true, stats: { captures: 0, records: 0, works: 0, people: 0 } };
  writes.push(metaStore.put({ ...base, dirty: true, provisional: { ...base.provisional, ...included } }, META));
  await Promise.all([...writes, tx.done]);
  return out;
}
