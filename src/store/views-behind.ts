// The kept views' meta record marked behind inside a transaction that writes
// what they are built from (captures or decisions), so the change and the
// mark are seen together or not at all. A module of its own: the popup stores
// decisions and must not load the capture validation put-capture.ts holds.
//
// Each such write also counts itself, in a small record of its own beside the
// meta record (VIEWS_CHANGES_KEY, so a capture stored does not rewrite the
// meta record, which lists every capture): a rebuild reads the count with the
// captures and decisions it merges, in one transaction, and its views are
// written as current only if the count is still the same in the transaction
// that writes them (src/store/views.ts writeViews). A change stored meanwhile
// leaves them behind, whenever the background hears of it.

import type { IDBPObjectStore, StoreNames } from 'idb';
import { VIEWS_CHANGES_KEY, VIEWS_META_KEY, type LensSchema, type ViewsChanges } from './schema';

type MetaStore = IDBPObjectStore<LensSchema, ArrayLike<StoreNames<LensSchema>>, 'viewsMeta', 'readwrite' | 'readonly'>;

/** The stored change count; undefined when there is none (a new store, or everything erased). */
export function changesOf(record: unknown): number | undefined {
  const n = record && typeof record === 'object' ? (record as { changes?: unknown }).changes : undefined;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The change count, read in the caller's transaction. */
export async function readChanges(meta: MetaStore): Promise<number | undefined> {
  return changesOf(await meta.get(VIEWS_CHANGES_KEY));
}

/**
 * Where a count made anew (none there: a new store, or erased) starts: a
 * random number, so a count made again after an erase never gives back the
 * one a rebuild read before it.
 */
export const firstChanges = (): number => 1 + Math.floor(Math.random() * 2 ** 40);

/**
 * Within a transaction that writes (or deletes) captures or decisions: the kept
 * views' meta record, when there is one saying current, marked behind (as
 * src/store/views.ts markViews does), and the change count moved on, so the
 * change, the mark and the count are seen together or not at all. The meta
 * record (it lists every capture) is read only when the count says it may say
 * current (`clean`), or when there is no count: a burst of captures reads
 * and writes only the count.
 */
export async function markViewsBehind(meta: IDBPObjectStore<LensSchema, ArrayLike<StoreNames<LensSchema>>, 'viewsMeta', 'readwrite'>): Promise<void> {
  const record: unknown = await meta.get(VIEWS_CHANGES_KEY);
  const count = changesOf(record);
  const next: ViewsChanges = { changes: count === undefined ? firstChanges() : count + 1 };
  // Asked together: when the transaction aborts both reject, and neither is left unawaited.
  const needMeta = count === undefined || (record as ViewsChanges).clean === true;
  const [current] = await Promise.all([needMeta ? (meta.get(VIEWS_META_KEY) as Promise<unknown>) : undefined, meta.put(next, VIEWS_CHANGES_KEY)]);
  if (current && typeof current === 'object' && (current as { dirty?: unknown }).dirty === false) await meta.put({ ...(current as LensSchema['viewsMeta']['value']), dirty: true }, VIEWS_META_KEY);
}

/**
 * Within a transaction that writes the meta record: the count told whether it
 * now says current (`dirty` false), so markViewsBehind knows whether to read it.
 * Made when there is none.
 */
export async function noteMeta(meta: IDBPObjectStore<LensSchema, ArrayLike<StoreNames<LensSchema>>, 'viewsMeta', 'readwrite'>, dirty: boolean, count?: number): Promise<void> {
  const changes = count ?? (await readChanges(meta)) ?? firstChanges();
  await meta.put(dirty ? { changes } : { changes, clean: true }, VIEWS_CHANGES_KEY);
}
