// Storing a capture (src/store/store.ts re-exports it): validated first, so
// nothing invalid is ever written. Apart from the rest of the store because of
// that validation code, which the popup (it stores no capture) does not load.

import type { Capture } from '../core/capture';
import { validateCapture } from '../core/validate';
import { markViewsBehind } from './views-behind';
import type { CaptureRecord, LensDB } from './schema';

export { markViewsBehind };

export interface PutResult {
  status: 'added' | 'updated';
  record: CaptureRecord;
}

export function personIdsOf(capture: Capture): string[] {
  const ids = capture.person?.ids ?? {};
  return Object.entries(ids).map(([k, v]) => `${k}:${v}`);
}

/**
 * Store a capture under its page key, in one transaction: a page captured
 * again replaces its earlier capture and keeps when it was first seen.
 * Blocked and unrecognized captures are never stored (they carry nothing),
 * and nothing invalid is ever written.
 */
export async function putCapture(db: LensDB, key: string, capture: Capture): Promise<PutResult> {
  const check = validateCapture(capture);
  if (!check.ok) throw new Error(`invalid capture: ${check.errors.join('; ')}`);
  if (capture.pageKind === 'blocked' || capture.pageKind === 'unrecognized')
    throw new Error(`a ${capture.pageKind} page is not stored`);
  // The kept views marked behind in the same transaction: no reader sees the new page with views that say they are current
  // for the old one (the dashboard's reload keeps the pages it holds on that word, src/ui/dashboard/load.ts samePages).
  const tx = db.transaction(['captures', 'viewsMeta'], 'readwrite');
  const captures = tx.objectStore('captures');
  // Seen to, whichever request fails first: an abort rejects every request and tx.done (awaited below).
  tx.done.catch(() => undefined);
  const [existing] = await Promise.all([captures.get(key), markViewsBehind(tx.objectStore('viewsMeta'))]);
  const record: CaptureRecord = {
    key,
    source: capture.source,
    pageKind: capture.pageKind,
    url: capture.url,
    firstSeen: existing ? earlier(existing.firstSeen, capture.capturedAt) : capture.capturedAt,
    lastSeen: existing ? later(existing.lastSeen, capture.capturedAt) : capture.capturedAt,
    timesSeen: (existing?.timesSeen ?? 0) + 1,
    personIds: personIdsOf(capture),
    // An older capture arriving late (a slow tab) must not replace a newer one.
    capture: existing && existing.capture.capturedAt > capture.capturedAt ? existing.capture : capture,
  };
  // Awaited together: when the transaction aborts (quota, disk) both reject, and
  // awaiting only the put would leave tx.done's rejection unhandled.
  await Promise.all([captures.put(record), tx.done]);
  return { status: existing ? 'updated' : 'added', record };
}


function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}
function later(a: string, b: string): string {
  return a >= b ? a : b;
}
