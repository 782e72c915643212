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

/** The whole count record (its start too), read in the caller's transaction; undefined when there is none or it is malformed. */
export async function readCount(meta: MetaStore): Promise<ViewsChanges | undefined> {
  const record: unknown = await meta.get(VIEWS_CHANGES_KEY);
  const changes = changesOf(record);
  if (changes === undefined) return undefined;
  const start = (record as { start?: unknown }).start;
  const clean = (record as { clean?: unknown }).clean === true;
  return { changes, ...(typeof start === 'number' && Number.isFinite(start) ? { start } : {}), ...(clean ? { clean: true as const } : {}) };
}

/** A count made anew: a random start, kept in the record as it moves on. */
export function newCount(clean: boolean): ViewsChanges {
  const start = firstChanges();
  return clean ? { changes: start, start, clean: true } : { changes: start, start };
}

/**
 * Whether `stored` is the same count a rebuild read as `read`, moved on or not:
 * false when it is gone, or was made anew since (an erase, then any write that
 * made it again): its start is after `read`, or its value before it. Counts
 * from before `start` was kept are compared by value alone.
 */
export function sameCount(read: number, stored: ViewsChanges | undefined): boolean {
  if (!stored) return false;
  if (stored.start === undefined) return read <= stored.changes;
  return stored.start <= read && read <= stored.changes;
}

/**
 * Whether what a build or fast path read with the count `read` is still
 * vouched for by the `stored` one (sameCount); never when it read none: every
 * reader that writes views reads the count after one was made (mergeInput
 * makes it; a capture, decision or delete makes it before its fast path), so
 * none read means an erase came first.
 */
export function stillCounted(read: number | undefined, stored: ViewsChanges | undefined): boolean {
  return read !== undefined && sameCount(read, stored);
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
  const record = await readCount(meta);
  const next: ViewsChanges = record === undefined ? newCount(false) : { changes: record.changes + 1, ...(record.start !== undefined ? { start: record.start } : {}) };
  // Asked together: when the transaction aborts both reject, and neither is left unawaited.
  const needMeta = record === undefined || record.clean === true;
  const [current] = await Promise.all([needMeta ? (meta.get(VIEWS_META_KEY) as Promise<unknown>) : undefined, meta.put(next, VIEWS_CHANGES_KEY)]);
  if (current && typeof current === 'object' && (current as { dirty?: unknown }).dirty === false) await meta.put({ ...(current as LensSchema['viewsMeta']['value']), dirty: true }, VIEWS_META_KEY);
}

/**
 * Within a transaction that writes the meta record: the count told whether it
 * now says current (`dirty` false), so markViewsBehind knows whether to read it.
 * `count`: the record as the caller read it in this transaction (read here when
 * not given). Made anew when there is none (its new start tells a rebuild in
 * flight that what it read was erased).
 */
export async function noteMeta(meta: IDBPObjectStore<LensSchema, ArrayLike<StoreNames<LensSchema>>, 'viewsMeta', 'readwrite'>, dirty: boolean, count?: ViewsChanges | null): Promise<void> {
  const base = (count === undefined ? await readCount(meta) : (count ?? undefined)) ?? newCount(false);
  const { clean: _, ...rest } = base;
  await meta.put(dirty ? rest : { ...rest, clean: true }, VIEWS_CHANGES_KEY);
}
