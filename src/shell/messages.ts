// Messages between content scripts, the popup and the background. The
// background trusts none of them: it checks the sender and validates payloads.

import type { Capture, PageKind } from '../core/capture';
import type { CollectProgress } from './collect-progress';

/** What the popup shows for a tab: what was recognized and what became of it. */
export interface TabStatus {
  tabId: number;
  url: string;
  source: string;
  siteName: string;
  pageKind: PageKind;
  /** Store key of the capture, when it was stored. */
  key?: string;
  outcome: 'added' | 'updated' | 'not-stored' | 'rejected' | 'error';
  works: number;
  notes: string[];
  /** Why a capture was rejected or could not be written. */
  reason?: string;
  at: string;
  /** The latest "Collect all" report for this tab, if one ran. */
  collect?: CollectProgress;
  /** The stored capture is a cut list its site can page through ("Collect all"); total when the site states it. */
  collectOffer?: { total?: number };
}

export type Request =
  | { type: 'capture'; capture: Capture }
  | { type: 'tab-status'; tabId: number };

export type Response<T> = { ok: true; value: T } | { ok: false; error: string };
