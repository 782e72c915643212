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
// once its views are written, so no worker holds its memory between rebuilds.

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

/**
 * A rebuild where it was made: the merge's counts and every view's print at
 * once, the views themselves on request, so only the views that changed
 * cross to the background (decoding all of them there would hold its thread
 * for a second or more at 59k rows).
 */
export interface RebuildSource {
  stats: MergeResult['stats'];
  /** Every view's id → print, in the build's order. */
  prints: Map<string, string>;
  views(ids: readonly string[] | 'all'): Promise<PreparedView[]>;
  close(): void;
}

const pick = (views: readonly PreparedView[], ids: readonly string[] | 'all'): PreparedView[] => {
  if (ids === 'all') return [...views];
  const want = new Set(ids);
  return views.filter((v) => want.has(v.stored.id));
};

/** A rebuild made on this thread, as a source. */
export function localSource(rebuilt: RebuiltViews): RebuildSource {
  return { stats: rebuilt.stats, prints: new Map(rebuilt.views.map((v) => [v.stored.id, v.print])), views: async (ids) => pick(rebuilt.views, ids), close() {} };
}

export type MergeRequest = { type: 'rebuild'; id: number; records: CaptureRecord[]; decisions: DecisionRecord[] } | { type: 'views'; id: number; ids: string[] | 'all' };
export type MergeReply =
  | { type: 'ready' }
  | { type: 'rebuilt'; id: number; stats: MergeResult['stats']; prints: [string, string][]; ms: number }
  | { type: 'views'; id: number; views: PreparedView[] }
  | { type: 'failed'; id?: number; error: string };

/** One end of a channel to a merge worker, whatever carries it (a Worker, a MessagePort). */
export interface MergePort {
  post(m: MergeRequest): void;
  /** Every message from the other side, and `failed` when it could not start or crashed. */
  listen(onMessage: (m: unknown) => void, failed: (why: string) => void): void;
  close(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

// ----- the worker's side -----

/**
 * Serve requests arriving on `port` (the worker's global scope or a port
 * handed to it); says `ready` first. The last rebuild's views are held until
 * the background has asked for those it needs (the channel is then closed).
 */
export function serveRebuilds(port: { postMessage(m: MergeReply): void }, merge: Merge, now: () => number = () => performance.now()): (data: unknown) => void {
  port.postMessage({ type: 'ready' });
  let held: { id: number; views: PreparedView[] } | undefined;
  return (data: unknown) => {
    // Checked, not trusted: only the background sends here, but a malformed request gets a reason, never a throw.
    const m = data as { type?: unknown; id?: unknown; records?: unknown; decisions?: unknown; ids?: unknown } | null;
    if (!m || typeof m !== 'object' || (m.type !== 'rebuild' && m.type !== 'views')) return;
    const id = typeof m.id === 'number' ? m.id : undefined;
    const malformed = () => port.postMessage({ type: 'failed', ...(id !== undefined ? { id } : {}), error: `a malformed ${String(m.type)} request` });
    if (id === undefined) return malformed();
    if (m.type === 'views') {
      if (m.ids !== 'all' && !(Array.isArray(m.ids) && m.ids.every((x) => typeof x === 'string'))) return malformed();
      if (held?.id !== id) return port.postMessage({ type: 'failed', id, error: 'no such rebuild here' });
      return port.postMessage({ type: 'views', id, views: pick(held.views, m.ids as string[] | 'all') });
    }
    if (!Array.isArray(m.records) || !Array.isArray(m.decisions)) return malformed();
    const t0 = now();
    try {
      const rebuilt = rebuildViews(m.records as CaptureRecord[], m.decisions as DecisionRecord[], merge);
      held = { id, views: rebuilt.views };
      port.postMessage({ type: 'rebuilt', id, stats: rebuilt.stats, prints: rebuilt.views.map((v) => [v.stored.id, v.print]), ms: now() - t0 });
    } catch (err) {
      port.postMessage({ type: 'failed', id, error: `the merge failed in the worker (${message(err)})` });
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

const isPrints = (p: unknown): p is [string, string][] => Array.isArray(p) && p.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string');
const isPrepared = (vs: unknown): vs is PreparedView[] =>
  Array.isArray(vs) && vs.every((v) => !!v && typeof v === 'object' && !!(v as PreparedView).stored && typeof (v as PreparedView).stored.id === 'string' && typeof (v as PreparedView).print === 'string');

/**
 * The keeper's off-thread rebuild: opens a channel (`open`), sends the
 * records, resolves with the rebuild as a source once the worker has merged
 * (its views are asked for then; `close` ends the channel). Rejects with the
 * reason when the worker cannot start, fails or takes too long; the keeper
 * then merges on its own thread.
 */
export function offThreadRebuild(open: () => Promise<MergePort>, o: OffThreadOptions = {}): (records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]) => Promise<RebuildSource> {
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
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      try {
        port.close();
      } catch {
        // already gone
      }
    };
    // What waits for the worker: the rebuild first, then each request for views, one at a time.
    let waiting: { resolve(m: MergeReply): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> } | undefined;
    let broken: Error | undefined;
    const fail = (e: Error) => {
      broken ??= e;
      const w = waiting;
      waiting = undefined;
      if (w) (clearTimeout(w.timer), w.reject(e));
    };
    const awaitReply = (ms: number, what: string) =>
      new Promise<MergeReply>((resolve, reject) => {
        if (broken) return reject(broken);
        waiting = { resolve, reject, timer: setTimeout(() => fail(new Error(`the merge worker ${what}`)), ms) };
      });
    port.listen(
      (data) => {
        const m = data as Partial<MergeReply> | null;
        if (!m || typeof m !== 'object') return;
        if (m.type === 'failed' && (m.id === undefined || m.id === id)) return fail(new Error(typeof m.error === 'string' ? m.error : 'the merge worker failed'));
        if (m.type !== 'ready' && (m as { id?: unknown }).id !== id) return;
        const w = waiting;
        waiting = undefined;
        if (w) (clearTimeout(w.timer), w.resolve(m as MergeReply));
      },
      (why) => fail(new Error(`the merge worker failed (${why})`)),
    );
    try {
      const ready = await awaitReply(readyMs, `did not start within ${readyMs / 1000} s`);
      if (ready.type !== 'ready') throw new Error('the merge worker did not say it was ready');
      const answer = awaitReply(rebuildMs, `took more than ${rebuildMs / 1000} s`);
      port.post({ type: 'rebuild', id, records: records as CaptureRecord[], decisions: decisions as DecisionRecord[] });
      const rebuilt = await answer;
      if (rebuilt.type !== 'rebuilt' || !isPrints(rebuilt.prints) || !rebuilt.stats) throw new Error('the merge worker answered something else than a rebuild');
      return {
        stats: rebuilt.stats,
        prints: new Map(rebuilt.prints),
        async views(want) {
          const got = awaitReply(rebuildMs, `did not send the views within ${rebuildMs / 1000} s`);
          port.post({ type: 'views', id, ids: want === 'all' ? 'all' : [...want] });
          const m = await got;
          if (m.type !== 'views' || !isPrepared(m.views)) throw new Error('the merge worker answered something else than views');
          return m.views;
        },
        close,
      };
    } catch (err) {
      close();
      throw err;
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
