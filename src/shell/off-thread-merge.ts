// A full rebuild's merge off the background's thread (issue 16, part 1). The
// background reads the captures and decisions, hands them to a dedicated
// worker by structured clone, and gets the kept views back ready to store
// (src/core/prepared-views.ts); the store's transactions stay in the
// background (src/shell/view-keeper.ts). Meanwhile the background answers
// messages: the popup's reads, the dashboard's, new captures' fast paths.
//
// Where the worker runs is the entrypoint's business: Firefox's background
// page starts it itself; Chromium's service worker cannot, so an offscreen
// document starts it and hands it a MessageChannel port to the background
// (entrypoints/offscreen, entrypoints/background.ts). Both ends speak the
// messages below over a MergePort. Each rebuild opens a channel and closes it
// after, so no worker holds its memory between rebuilds.

import type { MergeResult } from '../core/merge/types';
import { keptViews } from '../core/kept-views';
import { prepareViews, type PreparedView } from '../core/prepared-views';
import type { CaptureRecord, DecisionRecord } from '../store/schema';

/** What a rebuild makes: the views ready for writeViews, and the merge's counts for the meta record. */
export interface RebuiltViews {
  views: PreparedView[];
  stats: MergeResult['stats'];
}

export type Merge = (records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]) => MergeResult;

/** A rebuild's pure part, the same on either thread. */
export function rebuildViews(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[], merge: Merge): RebuiltViews {
  const result = merge(records, decisions);
  return { views: prepareViews(keptViews(result, records)), stats: result.stats };
}

export type MergeRequest = { type: 'rebuild'; id: number; records: CaptureRecord[]; decisions: DecisionRecord[] };
export type MergeReply = { type: 'ready' } | { type: 'rebuilt'; id: number; rebuilt: RebuiltViews; ms: number } | { type: 'failed'; id?: number; error: string };

/** One end of a channel to a merge worker, whatever carries it (a Worker, a MessagePort). */
export interface MergePort {
  post(m: MergeRequest): void;
  /** Every message from the other side, and `failed` when it could not start or crashed. */
  listen(onMessage: (m: unknown) => void, failed: (why: string) => void): void;
  close(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

// ----- the worker's side -----

/** Serve rebuild requests arriving on `port` (the worker's global scope or a port handed to it); says `ready` first. */
export function serveRebuilds(port: { postMessage(m: MergeReply): void }, merge: Merge, now: () => number = () => performance.now()): (data: unknown) => void {
  port.postMessage({ type: 'ready' });
  return (data: unknown) => {
    // Checked, not trusted: only the background sends here, but a malformed request gets a reason, never a throw.
    const m = data as Partial<MergeRequest> | null;
    if (!m || typeof m !== 'object' || m.type !== 'rebuild') return;
    if (typeof m.id !== 'number' || !Array.isArray(m.records) || !Array.isArray(m.decisions)) return port.postMessage({ type: 'failed', ...(typeof m.id === 'number' ? { id: m.id } : {}), error: 'a malformed rebuild request' });
    const t0 = now();
    try {
      const rebuilt = rebuildViews(m.records, m.decisions, merge);
      port.postMessage({ type: 'rebuilt', id: m.id, rebuilt, ms: now() - t0 });
    } catch (err) {
      port.postMessage({ type: 'failed', id: m.id, error: `the merge failed in the worker (${message(err)})` });
    }
  };
}

// ----- the background's side -----

export interface OffThreadOptions {
  /** How long a channel may take to say `ready` (the worker started, its code loaded). */
  readyMs?: number;
  /** How long a rebuild may take in the worker before the background gives up on it and merges itself. */
  rebuildMs?: number;
}

const isRebuilt = (r: unknown): r is RebuiltViews =>
  !!r && typeof r === 'object' && Array.isArray((r as RebuiltViews).views) && !!(r as RebuiltViews).stats && (r as RebuiltViews).views.every((v) => !!v && typeof v === 'object' && !!v.stored && typeof v.stored.id === 'string' && typeof v.print === 'string');

/**
 * The keeper's off-thread rebuild: opens a channel (`open`), sends the
 * records, resolves with the views, closes the channel. Rejects with the
 * reason when the worker cannot start, fails or takes too long; the keeper
 * then merges on its own thread.
 */
export function offThreadRebuild(open: () => Promise<MergePort>, o: OffThreadOptions = {}): (records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]) => Promise<RebuiltViews> {
  const readyMs = o.readyMs ?? 15_000;
  const rebuildMs = o.rebuildMs ?? 10 * 60_000;
  let ids = 0;
  return async (records, decisions) => {
    let port: MergePort;
    try {
      port = await open();
    } catch (err) {
      throw new Error(`the merge worker could not start (${message(err)})`);
    }
    const id = ++ids;
    try {
      return await new Promise<RebuiltViews>((resolve, reject) => {
        let timer = setTimeout(() => reject(new Error(`the merge worker did not start within ${readyMs / 1000} s`)), readyMs);
        port.listen(
          (data) => {
            const m = data as Partial<MergeReply> | null;
            if (!m || typeof m !== 'object') return;
            if (m.type === 'ready') {
              clearTimeout(timer);
              timer = setTimeout(() => reject(new Error(`the merge worker took more than ${rebuildMs / 1000} s`)), rebuildMs);
              port.post({ type: 'rebuild', id, records: records as CaptureRecord[], decisions: decisions as DecisionRecord[] });
            } else if (m.type === 'failed' && (m.id === undefined || m.id === id)) {
              clearTimeout(timer);
              reject(new Error(typeof m.error === 'string' ? m.error : 'the merge worker failed'));
            } else if (m.type === 'rebuilt' && m.id === id) {
              clearTimeout(timer);
              if (isRebuilt(m.rebuilt)) resolve(m.rebuilt);
              else reject(new Error('the merge worker answered something else than views'));
            }
          },
          (why) => {
            clearTimeout(timer);
            reject(new Error(`the merge worker failed (${why})`));
          },
        );
      });
    } finally {
      try {
        port.close();
      } catch {
        // already gone
      }
    }
  };
}

/** A MergePort over a dedicated Worker the background started itself (Firefox's background page). */
export function workerPort(worker: Worker): MergePort {
  return {
    post: (m) => worker.postMessage(m),
    listen(onMessage, failed) {
      worker.addEventListener('message', (e) => onMessage(e.data));
      worker.addEventListener('messageerror', () => failed('a message could not be read'));
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        failed(e.message || 'it could not load or crashed');
      });
    },
    close: () => worker.terminate(),
  };
}

/**
 * A MergePort over the ports an offscreen document was handed (Chromium):
 * `data` goes to the worker, `control` stays with the document, which reports
 * there a worker that could not load or crashed. `close` closes the document.
 */
export function channelPort(data: MessagePort, control: MessagePort, close: () => void): MergePort {
  return {
    post: (m) => data.postMessage(m),
    listen(onMessage, failed) {
      data.addEventListener('message', (e) => onMessage(e.data));
      data.addEventListener('messageerror', () => failed('a message could not be read'));
      control.addEventListener('message', (e) => {
        const m = e.data as { type?: string; error?: unknown } | null;
        if (m?.type === 'failed') failed(typeof m.error === 'string' ? m.error : 'the worker failed');
      });
      data.start();
      control.start();
    },
    close() {
      data.close();
      control.close();
      close();
    },
  };
}
