// The kept views' meta record marked behind inside a transaction that writes
// what they are built from (captures or decisions), so the change and the
// mark are seen together or not at all. A module of its own: the popup stores
// decisions and must not load the capture validation put-capture.ts holds.

import type { IDBPObjectStore, StoreNames } from 'idb';
import { VIEWS_META_KEY, type LensSchema } from './schema';

/**
 * Within a transaction that writes captures or decisions: the kept views' meta record, when
 * there is one saying current, marked behind (as src/store/views.ts markViews
 * does), so the change and the mark are seen together or not at all.
 */
export async function markViewsBehind(meta: IDBPObjectStore<LensSchema, ArrayLike<StoreNames<LensSchema>>, 'viewsMeta', 'readwrite'>): Promise<void> {
  const current: unknown = await meta.get(VIEWS_META_KEY);
  if (current && typeof current === 'object' && (current as { dirty?: unknown }).dirty === false) await meta.put({ ...(current as LensSchema['viewsMeta']['value']), dirty: true }, VIEWS_META_KEY);
}
