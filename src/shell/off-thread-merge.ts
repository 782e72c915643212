// A full rebuild's merge off the background's thread (issue 16, part 1). A
// dedicated worker reads the captures and decisions out of the store itself,
// merges them, makes the kept views ready to store
// (src/core/prepared-views.ts) and, when the background's keeper says so
// (src/shell/view-keeper.ts, in its turn among the writes), writes them in
// one transaction: the library's records and views never cross to the
// background, which holds only each view's print (issue 16, renderer memory:
// the background's copy of every capture and of every view at a first build
// were a third of the process's peak). Meanwhile the background answers
// messages: the popup's reads, the dashboard's, new captures' fast paths.
//
// Where the worker runs is the entrypoint's business: Firefox's background
// page starts it itself; Chromium's service worker cannot, so an offscreen
// document starts it and hands it a MessageChannel port to the background
// (entrypoints/offscreen, entrypoints/background.ts). Both ends speak the
// messages below over a MergePort. Each rebuild opens a channel and closes it
// once its views are written, so no worker holds its memory between rebuilds.

import type { MergeResult } from '../core/merge/types';
import { keptViews, type ViewsMeta } from '../core/kept-views';
import { prepareViews, type PreparedView } from '../core/prepared-views';
import type { CaptureRecord, DecisionRecord, LensDB } from '../store/schema';
import { mergeInput } from '../store/store';
import { writeViews, type WrittenViews } from '../store/views';

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
  /** What the rebuild read: each capture's key → its capturedAt (the meta record's `captures`). */
  captures: Record<string, string>;
  /** The views' change count read with them (src/store/store.ts mergeInput), for writeViews' check. */
  changes: number | undefined;
  views(ids: readonly string[] | 'all'): Promise<PreparedView[]>;
  /**
   * writeViews of these views where they were made (a worker: they never cross
   * here), checked against the change count the rebuild read: `behind` when
   * written marked behind (the store changed since); undefined when nothing
   * was written (the store holds another build than `previous` and the set
   * is not complete, or it was erased since).
   */
  write?(ids: readonly string[] | 'all', meta: ViewsMeta & { build: string }, previous?: WrittenViews): Promise<{ behind: boolean } | undefined>;
  close(): void;
}

const pick = (views: readonly PreparedView[], ids: readonly string[] | 'all'): PreparedView[] => {
  if (ids === 'all') return [...views];
  const want = new Set(ids);
  return views.filter((v) => want.has(v.stored.id));
};

/** Each record's key → capturedAt: what a build read, for its meta record. */
export function capturesRead(records: readonly CaptureRecord[]): Record<string, string> {
  const captures: Record<string, string> = {};
  for (const r of records) captures[r.key] = r.capture.capturedAt;
  return captures;
}

/** A rebuild made on this thread, as a source; `changes`: the count read with `records` (mergeInput). */
export function localSource(rebuilt: RebuiltViews, records: readonly CaptureRecord[], changes: number | undefined): RebuildSource {
  return { stats: rebuilt.stats, prints: new Map(rebuilt.views.map((v) => [v.stored.id, v.print])), captures: capturesRead(records), changes, views: async (ids) => pick(rebuilt.views, ids), close() {} };
}

/** A WrittenViews as it crosses a port (its prints as pairs). */
type PreviousBuild = { build: string; prints: [string, string][] };

export type MergeRequest =
  | { type: 'rebuild'; id: number }
  | { type: 'views'; id: number; ids: string[] | 'all' }
  | { type: 'write'; id: number; ids: string[] | 'all'; meta: ViewsMeta & { build: string }; previous?: PreviousBuild };
export type MergeReply =
  | { type: 'ready' }
  | { type: 'rebuilt'; id: number; stats: MergeResult['stats']; prints: [string, string][]; captures: Record<string, string>; changes: number | null; ms: number }
  | { type: 'views'; id: number; views: PreparedView[] }
  | { type: 'written'; id: number; written: boolean; behind: boolean }
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
 * handed to it); says `ready` first. A rebuild reads every capture and
 * decision from the store (`db`, the worker's own connection); its views are
 * held until the background has had them written, or asked for those it
 * needs (the channel is then closed).
 */
export function serveRebuilds(port: { postMessage(m: MergeReply): void }, merge: Merge, db: () => Promise<LensDB>, now: () => number = () => performance.now()): (data: unknown) => void {
  port.postMessage({ type: 'ready' });
  let held: { id: number; views: PreparedView[]; prints: Map<string, string>; changes: number | undefined } | undefined;
  return (data: unknown) => {
    // Checked, not trusted: only the background sends here, but a malformed request gets a reason, never a throw.
    const m = data as { type?: unknown; id?: unknown; ids?: unknown; meta?: unknown; previous?: unknown } | null;
    if (!m || typeof m !== 'object' || (m.type !== 'rebuild' && m.type !== 'views' && m.type !== 'write')) return;
    const id = typeof m.id === 'number' ? m.id : undefined;
    const malformed = () => port.postMessage({ type: 'failed', ...(id !== undefined ? { id } : {}), error: `a malformed ${String(m.type)} request` });
    if (id === undefined) return malformed();
    if (m.type === 'views' || m.type === 'write') {
      if (m.ids !== 'all' && !(Array.isArray(m.ids) && m.ids.every((x) => typeof x === 'string'))) return malformed();
      if (m.type === 'write' && (!isWriteMeta(m.meta) || (m.previous !== undefined && !isPrevious(m.previous)))) return malformed();
      if (held?.id !== id) return port.postMessage({ type: 'failed', id, error: 'no such rebuild here' });
      const views = pick(held.views, m.ids as string[] | 'all');
      if (m.type === 'views') return port.postMessage({ type: 'views', id, views });
      const previous = m.previous as PreviousBuild | undefined;
      const h = held;
      void db()
        // Checked against the count this worker read with what it merged.
        .then((d) => writeViews(d, { prints: h.prints, views, complete: m.ids === 'all', read: { changes: h.changes } }, m.meta as ViewsMeta & { build: string }, previous && { build: previous.build, prints: new Map(previous.prints) }))
        .then(
          (w) => port.postMessage({ type: 'written', id, written: w !== undefined, behind: w?.behind === true }),
          (err: unknown) => port.postMessage({ type: 'failed', id, error: `the views could not be written in the worker (${message(err)})` }),
        );
      return;
    }
    // A new rebuild: the last one's views are let go before the store is read again.
    held = undefined;
    const t0 = now();
    void (async () => {
      try {
        const d = await db();
        // The captures, the decisions and the change count in one transaction: what the count vouches for is what was merged.
        const { records, decisions, changes } = await mergeInput(d);
        const rebuilt = rebuildViews(records, decisions, merge);
        const prints = rebuilt.views.map((v): [string, string] => [v.stored.id, v.print]);
        held = { id, views: rebuilt.views, prints: new Map(prints), changes };
        port.postMessage({ type: 'rebuilt', id, stats: rebuilt.stats, prints, captures: capturesRead(records), changes: changes ?? null, ms: now() - t0 });
      } catch (err) {
        port.postMessage({ type: 'failed', id, error: `the merge failed in the worker (${message(err)})` });
      }
    })();
  };
}

const isWriteMeta = (m: unknown): m is ViewsMeta & { build: string } => !!m && typeof m === 'object' && typeof (m as { build?: unknown }).build === 'string' && typeof (m as { builtAt?: unknown }).builtAt === 'string';
const isPrevious = (p: unknown): p is PreviousBuild => !!p && typeof p === 'object' && typeof (p as PreviousBuild).build === 'string' && isPrints((p as PreviousBuild).prints);

// ----- the background's side -----

export interface OffThreadOptions {
  /** How long a channel may take to say `ready` (the worker started, its code loaded). */
  readyMs?: number;
  /** How long a rebuild may take in the worker before the background gives up on it and merges itself. */
  rebuildMs?: number;
}

const isCaptures = (c: unknown): c is Record<string, string> => !!c && typeof c === 'object' && Object.values(c).every((v) => typeof v === 'string');
const isPrints = (p: unknown): p is [string, string][] => Array.isArray(p) && p.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string');
const isPrepared = (vs: unknown): vs is PreparedView[] =>
  Array.isArray(vs) && vs.every((v) => !!v && typeof v === 'object' && !!(v as PreparedView).stored && typeof (v as PreparedView).stored.id === 'string' && typeof (v as PreparedView).print === 'string');

/**
 * The keeper's off-thread rebuild: opens a channel (`open`), asks for a
 * rebuild of what is stored, resolves with it as a source once the worker has
 * read and merged (its views are written there, or asked for, then; `close`
 * ends the channel). Rejects with the reason when the worker cannot start,
 * fails or takes too long; the keeper then merges on its own thread.
 */
export function offThreadRebuild(open: () => Promise<MergePort>, o: OffThreadOptions = {}): () => Promise<RebuildSource> {
  const readyMs = o.readyMs ?? 15_000;
  const rebuildMs = o.rebuildMs ?? 10 * 60_000;
  let ids = 0;
  return async () => {
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
      port.post({ type: 'rebuild', id });
      const rebuilt = await answer;
      if (rebuilt.type !== 'rebuilt' || !isPrints(rebuilt.prints) || !rebuilt.stats || !isCaptures(rebuilt.captures) || (rebuilt.changes !== null && typeof rebuilt.changes !== 'number'))
        throw new Error('the merge worker answered something else than a rebuild');
      return {
        stats: rebuilt.stats,
        prints: new Map(rebuilt.prints),
        captures: rebuilt.captures,
        changes: rebuilt.changes ?? undefined,
        async write(want, meta, previous) {
          const got = awaitReply(rebuildMs, `did not write the views within ${rebuildMs / 1000} s`);
          port.post({ type: 'write', id, ids: want === 'all' ? 'all' : [...want], meta, ...(previous ? { previous: { build: previous.build, prints: [...previous.prints] } } : {}) });
          const m = await got;
          if (m.type !== 'written' || typeof m.written !== 'boolean') throw new Error('the merge worker answered something else than a write');
          return m.written ? { behind: m.behind === true } : undefined;
        },
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
