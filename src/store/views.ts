// The kept views (src/core/kept-views.ts) in IndexedDB: written whole by the
// background's rebuild, read one page at a time by the popup.

import { isKeptView, isViewsMeta, LIBRARY_VIEW, type KeptView, type ViewsMeta } from '../core/kept-views';
import type { CaptureRecord, DecisionRecord, LensDB } from './schema';
import { allDecisions, getCapture } from './store';

const META = 'current';

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
  return ((await db.getAll('views')) as unknown[]).filter(isKeptView);
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
export async function replaceViews(db: LensDB, views: readonly KeptView[], meta: ViewsMeta & { build: string }, previous?: WrittenViews): Promise<WrittenViews> {
  const prints = new Map(views.map((v) => [v.id, fingerprint(v)]));
  const tx = db.transaction(['views', 'viewsMeta'], 'readwrite');
  const store = tx.objectStore('views');
  const metaStore = tx.objectStore('viewsMeta');
  const stored: unknown = await metaStore.get(META);
  const same = previous !== undefined && isViewsMeta(stored) && stored.build === previous.build;
  const writes: Promise<unknown>[] = [];
  if (same) {
    for (const id of previous.prints.keys()) if (!prints.has(id)) writes.push(store.delete(id));
    for (const v of views) if (previous.prints.get(v.id) !== prints.get(v.id)) writes.push(store.put(v));
  } else {
    writes.push(store.clear(), ...views.map((v) => store.put(v)));
  }
  await Promise.all([...writes, metaStore.put(meta, META), tx.done]);
  return { build: meta.build, prints };
}

/** FNV-1a over the view's JSON: equal views, equal prints (a changed view is rewritten; a collision only skips a rewrite of equal-looking data). */
function fingerprint(v: KeptView): string {
  const s = JSON.stringify(v);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${s.length.toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
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
  await Promise.all([tx.store.put(next, META), tx.done]);
}

/** What the popup reads for one page: its capture, its kept view, what the views were built from, and the decisions. */
export async function storedProfile(
  db: LensDB,
  key: string,
): Promise<{ record?: CaptureRecord; view?: KeptView; meta?: ViewsMeta; decisions: DecisionRecord[] }> {
  const [record, view, meta, decisions] = await Promise.all([getCapture(db, key), viewForKey(db, key), viewsMeta(db), allDecisions(db)]);
  return { ...(record ? { record } : {}), ...(view ? { view } : {}), ...(meta ? { meta } : {}), decisions };
}

/** Nothing is stored: nothing derived from it may remain either (Erase everything leaves an empty database). */
export async function clearViews(db: LensDB): Promise<void> {
  const tx = db.transaction(['views', 'viewsMeta'], 'readwrite');
  await Promise.all([tx.objectStore('views').clear(), tx.objectStore('viewsMeta').clear(), tx.done]);
}
