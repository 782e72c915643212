// Kept views made ready for the store: each view light (storedView), its keys
// record (viewKeysOf, from the view as built, with its works' fields) and a
// fingerprint, so a writer rewrites only the views that changed. Pure: the
// background's rebuild makes them on its own thread or in a worker
// (src/shell/off-thread-merge.ts), and they cross to the background by
// structured clone; only the store's transaction is left to it.

import { LIBRARY_VIEW, storedView, type KeptView } from './kept-views';
import type { MergedWork } from './merge/types';
import { viewKeysOf, type ViewKeys } from './view-keys';

export interface PreparedView {
  /** The view as stored: works light. */
  stored: KeptView;
  /** Its keys record; none for the library view. */
  keys?: ViewKeys;
  /** fingerprint(stored). */
  print: string;
}

export function prepareViews(built: readonly KeptView<MergedWork>[]): PreparedView[] {
  return built.map((v) => {
    const stored = storedView(v);
    return { stored, ...(v.id !== LIBRARY_VIEW ? { keys: viewKeysOf(v) } : {}), print: fingerprint(stored) };
  });
}

/** FNV-1a over the stored view's JSON: equal views, equal prints (a changed view is rewritten; a collision only skips a rewrite of equal-looking data). */
export function fingerprint(v: KeptView): string {
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
