// Whether the tab's stored status is about the page the tab shows now. After
// an in-app navigation (single-page apps) the status still describes the
// previous page until the content script has read the new one; the popup must
// not present that as this page's.

import type { TabStatus } from '../../shell/messages';
import { pageAddress } from '../../shell/spa-navigation';

/**
 * - `current`: the status is for the page shown (or the tab's address is unknown);
 * - `pending`: the tab moved on to a page of a supported site, which is being read;
 * - `stale`: the tab moved on to a page nothing reads automatically.
 */
export type Freshness = 'current' | 'pending' | 'stale';

export function statusFreshness(status: TabStatus, tabUrl: string | undefined, onSupportedSite: (url: URL) => boolean): Freshness {
  if (!tabUrl || !status.url || pageAddress(status.url) === pageAddress(tabUrl)) return 'current';
  // A page of a supported site's host: its content script reads it and reports,
  // even when it is no page it understands ("nothing found"), so the status catches up.
  return onSupportedSite(new URL(tabUrl)) ? 'pending' : 'stale';
}

/** How long the popup waits for a pending page before showing the tab as unread (the content script's own limit is 10 s). */
export const PENDING_TRIES = 12;
export const PENDING_RETRY_MS = 1_000;
