// Every message exchanged between content scripts, injected scripts, the
// popup and the background, with the reply each one gets. One union, so a new
// message is added in one place and the compiler finds every sender and the
// handler that must learn it. The background trusts none of them: it checks
// the sender and parses payloads (parse-message.ts) before acting.

import type { Capture, PageKind } from '../core/capture';
import type { UserDecision } from '../core/merge/types';
import type { ResultPatch } from '../core/provisional-views';
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

/**
 * Is this a tab's status as the background stores it, for that tab? The popup
 * reads it from the session storage area itself (entrypoints/popup/main.tsx);
 * anything else there is taken as no status.
 */
export function isTabStatusOf(v: unknown, tabId: number): v is TabStatus {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<Record<keyof TabStatus, unknown>>;
  return (
    s.tabId === tabId &&
    typeof s.url === 'string' &&
    typeof s.source === 'string' &&
    typeof s.siteName === 'string' &&
    typeof s.pageKind === 'string' &&
    typeof s.outcome === 'string' &&
    typeof s.works === 'number' &&
    Array.isArray(s.notes) &&
    typeof s.at === 'string' &&
    (s.key === undefined || typeof s.key === 'string')
  );
}

/** A content script asks the background to fetch data from a sibling host of its page (see fetch-data.ts). */
export interface FetchDataMessage {
  type: 'fetch-data';
  url: string;
  as: 'json' | 'xml' | 'text';
  headers?: Record<string, string>;
}

/** Messages to the background (runtime.sendMessage). */
export type BackgroundMessage =
  /** A tab read its page (content script, "Save this page", a confirmed "Read this page", "Collect all"). */
  | { type: 'capture'; capture: Capture }
  /** A tab's page yielded nothing: replaces its status so the previous page's is not shown. The address is the tab's, as the browser reports it. */
  | { type: 'nothing-found'; reason: string; /** The site whose reader found nothing (its id), when one tried: taken only when it is the tab's site. */ site?: string }
  /** The popup got the host permission: read this origin's article pages from now on (extension pages only; the permission must be granted). */
  | { type: 'enable-host'; origin: string }
  | FetchDataMessage
  /** A "Collect all" run in a tab reports how far it is. */
  | { type: 'collect-progress'; progress: CollectProgress }
  /** The popup asks what happened in a tab (a tab may ask only about itself). */
  | { type: 'tab-status'; tabId: number }
  /**
   * An extension page asks for the kept views (src/shell/view-keeper.ts) to be
   * current: `changed`, it wrote the store (a decision, a delete, an import);
   * `stale`, it read a view older than the store. Answered when they are.
   */
  | { type: 'refresh-views'; changed: boolean; stale: boolean }
  /**
   * The dashboard stored these decisions (a join, a split…): the views they
   * concern are merged again alone and written provisional, and answered with
   * that merge's works and people; the full rebuild follows (ask with
   * refresh-views to wait for it). Extension pages only.
   */
  | { type: 'decided'; decisions: UserDecision[] }
  /**
   * The dashboard deleted these captures (a page, or a person's pages): the
   * views that showed them or held their rows are merged again alone without
   * them, written provisional, and answered with that merge (its `gone` naming
   * the keys); the full rebuild follows. Extension pages only.
   */
  | { type: 'deleted'; keys: string[] }
  /**
   * The dashboard may soon decide on these records (`captureKey#index`: a
   * work selected for a join, a record about to be split out): the captures
   * that decision would read are read ahead and kept. Answered at once.
   * Extension pages only.
   */
  | { type: 'prefetch'; rows: string[] };

/** Messages from the popup to a tab's content script (tabs.sendMessage). */
export type TabMessage = { type: 'collect-all-start' } | { type: 'collect-all-cancel' };

export type Message = BackgroundMessage | TabMessage;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** What each message is answered with (inside a Response). */
export interface Replies {
  capture: TabStatus;
  'nothing-found': TabStatus;
  /** The origin now read automatically. */
  'enable-host': string;
  /** The response body. */
  'fetch-data': string;
  'collect-progress': CollectProgress;
  /** null when nothing was reported for that tab yet. */
  'tab-status': TabStatus | null;
  /** When the views were built and, if the last build failed, why; null when none was ever built. */
  'refresh-views': { builtAt: string; error?: string } | null;
  /** null: no kept view was concerned, or the fast path failed; the rebuild decides alone. */
  decided: ResultPatch | null;
  /** null: no kept view held anything of them, or the fast path failed; the rebuild decides alone. */
  deleted: ResultPatch | null;
  prefetch: null;
  'collect-all-start': 'started';
  'collect-all-cancel': 'cancelling';
}

export type Reply<T extends MessageType> = Replies[T];

export type Response<T> = { ok: true; value: T } | { ok: false; error: string };

export const BACKGROUND_MESSAGE_TYPES = ['capture', 'nothing-found', 'enable-host', 'fetch-data', 'collect-progress', 'tab-status', 'refresh-views', 'decided', 'deleted', 'prefetch'] as const satisfies readonly BackgroundMessage['type'][];
export const TAB_MESSAGE_TYPES = ['collect-all-start', 'collect-all-cancel'] as const satisfies readonly TabMessage['type'][];
