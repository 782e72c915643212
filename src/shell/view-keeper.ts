// The background's keeper of the merged library: after every capture or
// decision it rebuilds the kept views (src/core/kept-views.ts) from the store,
// off the popup's thread, so the popup reads one page's view through an index.
//
// Changes are counted, not queued: a burst of captures (Collect all, a
// hundred tabs) waits `settleMs` and makes one build, and a change arriving
// during a build makes exactly one more. A build that fails keeps the last
// good views and records why, so the popup can say so and offer the way out.
//
// A stored capture or a decision also takes a fast path at once
// (src/shell/provisional-update.ts): the captures it concerns are merged alone
// and the views written, marked provisional, while the full rebuild waits its
// turn (it starts only once the fast path is done). Writes of both
// paths are serialized, and a rebuild that was read before a fast update
// (and so overwrote it) is followed by the fast update again, so a new page
// never goes back to showing nothing while the next rebuild runs.
//
// A rebuild's merge may run off this thread (`offThread`, a worker: see
// src/shell/off-thread-merge.ts): the worker reads the store, merges and
// writes the views itself, in the same transactions, when this keeper gives
// it its turn among the writes; while it merges this thread answers messages
// and runs fast paths, and it never holds the library's records or views
// (only each view's print). A worker that cannot start or fails is recorded
// in the meta record (`merged`), and the store is read and the merge runs
// here as before.

import type { ViewsMeta } from '../core/kept-views';
import type { MergeResult, UserDecision } from '../core/merge/types';
import { allDecisions, mergeInput, type CaptureRecord, type DecisionRecord, type LensDB } from '../store/store';
import { clearViews, markViews, viewsMeta, viewsToSend, writeViews, type WrittenViews } from '../store/views';
import { localSource, rebuildViews, type RebuildSource } from './off-thread-merge';
import { captureCache, invalidate, prefetchDecision, provisionalDecisionUpdate, provisionalDeleteUpdate, provisionalUpdate, type DecisionUpdate, type ProvisionalUpdate } from './provisional-update';
import { decisionTargets, type ResultPatch } from '../core/provisional-views';

/** How long a decision waits for the read-aheads asked before it, at most (ms). */
export const PREFETCH_WAIT_MS = 300;
/** How long a read-ahead may hold the next ones back (ms). */
const AHEAD_TIMEOUT_MS = 5000;

export interface KeeperDeps {
  db(): Promise<LensDB>;
  now(): Date;
  merge(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]): MergeResult;
  /**
   * A full rebuild made off this thread from what is stored (src/shell/off-thread-merge.ts: read, merged
   * and written there); rejects with the reason when it cannot, and the rebuild then reads and merges here with `merge`.
   */
  offThread?(): Promise<RebuildSource>;
  /** Quiet time before a build, so a burst of changes makes one build. */
  settleMs?: number;
  sleep?(ms: number): Promise<void>;
  /** Off: every change waits for the full rebuild (the provisional path is skipped). */
  provisional?: boolean;
  /** Told of each provisional update (the bench times it; a failure is reported as the error). */
  onProvisional?(u: ProvisionalUpdate | undefined, error?: unknown): void;
}

/**
 * What `decided` and `deleted` answer: the subset merge's patch and the fast
 * path's phases, or undefined (the rebuild decides alone). A decision is
 * answered as soon as its patch is made, its views written after (`written`:
 * whether they were); a delete once its views are written.
 */
export type DecisionAnswer = { patch: ResultPatch; ms: Record<string, number>; written: Promise<boolean> } | undefined;

export interface ViewKeeper {
  /** The store changed (a capture was stored, a decision or an import written); `key`: the capture stored, which takes the fast path. */
  changed(key?: string): void;
  /**
   * Decisions were stored: the views they concern are merged again alone and
   * written provisional first (resolves then, with what was written), and a
   * full rebuild follows as for any change.
   */
  decided(decisions: readonly UserDecision[]): Promise<DecisionAnswer>;
  /**
   * Captures were deleted (a page, or a person's pages): the views that showed
   * them or held their rows are merged again alone without them and written
   * provisional first (resolves then, with what was written, its patch naming
   * the deleted keys), and a full rebuild follows as for any change.
   */
  deleted(keys: readonly string[]): Promise<DecisionAnswer>;
  /**
   * A decision on these rows may follow (a work selected for a join, a record
   * about to be split out): the captures its fast path would read are read
   * now and kept, so the decision does not wait for them. Reads only; a
   * decision that arrives meanwhile waits for it (at most PREFETCH_WAIT_MS).
   */
  prefetch(rows: readonly string[]): Promise<void>;
  /**
   * Resolves with the meta record once every change seen so far is in a
   * finished build. `stale`: the caller saw views older than the store with
   * nothing pending here (a worker restarted between a write and its mark, or
   * the store was just upgraded), so a build is started.
   */
  settled(o?: { stale?: boolean }): Promise<ViewsMeta | undefined>;
  /** On start: build when the stored views are missing, marked behind, or from a failed build. */
  resume(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));
const withMerged = <M extends ViewsMeta>(meta: M, merged: ViewsMeta['merged']): M => (merged ? { ...meta, merged } : meta);

export function createViewKeeper(deps: KeeperDeps): ViewKeeper {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const settleMs = deps.settleMs ?? 150;
  let wanted = 0;
  let done = 0;
  let running: Promise<void> | undefined;
  const waiters: { upTo: number; resolve(): void }[] = [];
  // What this keeper last wrote, so the next build writes only the views that changed.
  let written: WrittenViews | undefined;
  const name = Math.random().toString(36).slice(2, 10);
  let builds = 0;
  // Writes to the views, one at a time: a rebuild's and the fast path's.
  let writing: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(f: () => Promise<T>): Promise<T> => {
    const run = writing.then(f);
    writing = run.catch(() => undefined);
    return run;
  };
  // Captures stored since the last finished rebuild began (key → the change's number), and
  // the number each one's fast update was applied at since the views were last written whole.
  const fresh = new Map<string, number>();
  const applied = new Map<string, number>();
  let fastRunning: Promise<void> | undefined;
  // Decisions stored since the last finished rebuild began, the same way (by their change's number), and who waits for the first answer.
  // Deletes wait in the same list (`gone`: the capture keys deleted), and take their own fast path.
  const decisions: { seq: number; ds: readonly UserDecision[]; gone?: readonly string[]; answer?(a: DecisionAnswer): void }[] = [];
  let decisionsApplied = 0;
  // The captures the last decisions' fast paths and read-aheads read, CACHE_ROWS rows at most (src/shell/provisional-update.ts
  // CaptureCache): what the next decision takes without reading them again; emptied on every change of the captures.
  const cache = captureCache();
  // Read-aheads (prefetch), one after another; the rows of those asked and not done (a row → how many hold it), and
  // each one's rows as asked, so one asked again while it waits or runs is not queued twice.
  let prefetching: Promise<unknown> = Promise.resolve();
  const aheadRows = new Map<string, number>();
  const aheadAsked = new Set<string>();

  function pendingFast(): string[] {
    return [...fresh].filter(([k, seq]) => (applied.get(k) ?? 0) < seq).map(([k]) => k);
  }
  const pendingDecisions = () => decisions.filter((d) => d.seq > decisionsApplied);

  /** Written views the fast path changed: the rebuild's memory no longer vouches for them (the next one rewrites or deletes them). */
  function forget(u: ProvisionalUpdate | undefined): void {
    if (!u?.write || !written) return;
    for (const id of u.write.put) written.prints.set(id, 'provisional');
    for (const id of u.write.deleted) written.prints.delete(id);
  }

  async function fastDecisions(): Promise<void> {
    const due = pendingDecisions();
    if (!due.length) return;
    const upTo = Math.max(...due.map((d) => d.seq));
    const run = async (f: () => Promise<DecisionUpdate | undefined>): Promise<DecisionUpdate | undefined> => {
      try {
        const update = await f();
        forget(update);
        deps.onProvisional?.(update);
        return update;
      } catch (err) {
        deps.onProvisional?.(undefined, err);
        return undefined;
      }
    };
    const answer = (list: typeof due, a: DecisionAnswer) => {
      for (const d of list) {
        d.answer?.(a);
        delete d.answer;
      }
    };
    const deletes = due.filter((d) => d.gone);
    const decided = due.filter((d) => !d.gone);
    const db = await deps.db();
    // Deletes first: a decision's subset merge then reads the views without the deleted pages.
    if (deletes.length) {
      const gone = await run(() => provisionalDeleteUpdate(db, deletes.flatMap((d) => d.gone ?? []), deps.merge));
      answer(deletes, gone && { patch: gone.patch, ms: gone.ms, written: Promise.resolve(!!gone.write) });
    }
    if (decided.length) {
      // A read-ahead of rows these decisions name not done yet: its reads are the decisions' own, so it is waited for
      // (then they come from the cache), not done twice at once. Not past PREFETCH_WAIT_MS: read-aheads run one
      // after another, and those asked before it may be of other works.
      if (decided.some((d) => decisionTargets(d.ds).rows.some((r) => aheadRows.has(r)))) await Promise.race([prefetching, new Promise((r) => setTimeout(r, PREFETCH_WAIT_MS))]);
      // Answered with the patch as soon as it is made; the views are written after, before anything else here.
      let wrote: (w: boolean) => void = () => {};
      const written = new Promise<boolean>((r) => (wrote = r));
      const update = await run(() => provisionalDecisionUpdate(db, decided.flatMap((d) => d.ds), deps.merge, (patch, ms) => answer(decided, { patch, ms, written }), cache));
      wrote(!!update?.write);
      // Not answered yet: the merge failed, or nothing was concerned.
      answer(decided, undefined);
    }
    decisionsApplied = Math.max(decisionsApplied, upTo);
    answer(due, undefined);
  }

  async function fastLoop(): Promise<void> {
    while (pendingFast().length || pendingDecisions().length)
      await exclusive(async () => {
        await fastDecisions();
        // Chosen once the writes before are done: a rebuild written meanwhile may already include them.
        const keys = pendingFast();
        if (!keys.length) return;
        const at = new Map(keys.map((k) => [k, fresh.get(k)!]));
        try {
          const db = await deps.db();
          const u = await provisionalUpdate(db, keys, deps.merge);
          forget(u);
          deps.onProvisional?.(u);
        } catch (err) {
          // The rebuild that follows makes the views whole; the fast path only showed them sooner.
          deps.onProvisional?.(undefined, err);
        }
        for (const [k, seq] of at) applied.set(k, Math.max(applied.get(k) ?? 0, seq));
      });
  }

  function startFast(): void {
    if (fastRunning || deps.provisional === false) return;
    fastRunning = fastLoop().finally(() => {
      fastRunning = undefined;
      if (pendingFast().length || pendingDecisions().length) startFast();
    });
  }

  async function build(upTo: number): Promise<void> {
    const db = await deps.db();
    if (!(await db.count('captures')) && !(await allDecisions(db)).length && wanted === upTo) {
      // An empty library (just erased, or never used) keeps no views and no meta: nothing remains.
      await exclusive(() => clearViews(db));
      written = undefined;
      afterWrite(upTo);
      return;
    }
    let source: RebuildSource;
    let merged: ViewsMeta['merged'];
    // Today's merge on this thread, as before the worker: the store read here, slower to answer meanwhile, never no views.
    const here = async (why?: string): Promise<RebuildSource> => {
      // In one transaction with the change count, as the worker reads them (writeViews checks the count).
      const { records, decisions, changes } = await mergeInput(db);
      if (why === undefined) return localSource(rebuildViews(records, decisions, deps.merge), records, changes);
      console.warn(`Scholar Lens: the rebuild merges in the background instead (${why})`);
      const t1 = Date.now();
      const s = localSource(rebuildViews(records, decisions, deps.merge), records, changes);
      merged = { in: 'background', ms: Date.now() - t1, why };
      return s;
    };
    const t0 = Date.now();
    try {
      if (deps.offThread) {
        try {
          source = await deps.offThread();
          merged = { in: 'worker', ms: Date.now() - t0 };
        } catch (err) {
          source = await here(message(err));
        }
      } else source = await here();
    } catch (err) {
      await markViews(db, { dirty: true, error: `the saved pages could not be merged (${message(err)})` });
      return;
    }
    // Still behind when more changes arrived while this one was built: the next build clears it.
    const builtAt = deps.now().toISOString();
    const build = `${builtAt}#${name}.${++builds}`;
    const metaOf = (s: RebuildSource): ViewsMeta & { build: string } => withMerged({ builtAt, build, captures: s.captures, dirty: wanted > upTo, stats: s.stats }, merged);
    // The views that changed since the build this keeper last wrote (or all) written over it: where they were made
    // (a worker writes them itself) or here. Undefined when the store holds another build than `previous`, or was
    // erased since the build read it. Either way the write checks the change count the build read: a capture or
    // decision stored since (whether or not this keeper has heard of it yet) leaves the views behind (`behind`).
    let behind = false;
    const writeOnce = async (previous: WrittenViews | undefined): Promise<WrittenViews | undefined> => {
      const ids = viewsToSend(source.prints, previous);
      if (source.write) {
        const meta = metaOf(source);
        const w = await source.write(ids, meta, previous);
        if (!w) return undefined;
        behind = w.behind;
        // Written on the worker's own connection after `dirty` was chosen here: a change counted here meanwhile (one
        // the count does not see: a store written past the store's functions) is marked behind again, after it.
        if (!meta.dirty && !w.behind && wanted > upTo) await markViews(db, { dirty: true });
        return { build, prints: new Map(source.prints) };
      }
      const w = await writeViews(db, { prints: source.prints, views: await source.views(ids), complete: ids === 'all', read: { changes: source.changes } }, metaOf(source), previous);
      behind = w?.behind ?? false;
      return w;
    };
    // A worker that fails to write them (or send them) is replaced by the merge here, as when it fails to merge.
    const writeOrMergeHere = async (previous: WrittenViews | undefined): Promise<WrittenViews | undefined> => {
      try {
        return await writeOnce(previous);
      } catch (err) {
        if (merged?.in !== 'worker') throw err;
        source.close();
        source = await here(message(err));
        return writeOnce(previous);
      }
    };
    try {
      await exclusive(async () => {
        try {
          // Chosen inside the writes' turn: a fast update written meanwhile changed what this keeper remembers.
          // The store holds another build than remembered (erased, or written by another keeper): all the views, then.
          written = (await writeOrMergeHere(written)) ?? (await writeOrMergeHere(undefined));
        } catch (err) {
          written = undefined;
          throw err;
        }
        // Written behind, or not at all (erased since): the store changed after this build read it. Its writer tells
        // this keeper, but perhaps not yet (or never: a page closed first); the next build is owed either way.
        if ((behind || !written) && wanted === upTo) changed();
        afterWrite(upTo);
      });
    } finally {
      source.close();
    }
  }

  /** The views were written whole from changes up to `upTo`: later captures' fast updates are applied again. */
  function afterWrite(upTo: number): void {
    for (const [k, seq] of fresh) if (seq <= upTo) fresh.delete(k);
    applied.clear();
    // Decisions a finished build read are in its views; the others are applied again on top.
    for (let i = decisions.length - 1; i >= 0; i--) if (decisions[i]!.seq <= upTo) decisions.splice(i, 1)[0]!.answer?.(undefined);
    decisionsApplied = 0;
    startFast();
  }

  async function loop(): Promise<void> {
    while (done < wanted) {
      await sleep(settleMs);
      // The fast path goes first: a build's read of every capture and its merge (one long task on this thread)
      // would otherwise hold a decision's or a capture's few hundred rows back until the rebuild is done.
      while (fastRunning) await fastRunning;
      const upTo = wanted;
      try {
        await build(upTo);
      } catch (err) {
        // The store itself failed (quota, closed): recorded when possible; the views stay as they were.
        await deps
          .db()
          .then((db) => markViews(db, { dirty: true, error: `the merged view could not be saved (${message(err)})` }))
          .catch(() => undefined);
      }
      done = upTo;
      for (let i = waiters.length - 1; i >= 0; i--)
        if (waiters[i]!.upTo <= done) {
          waiters[i]!.resolve();
          waiters.splice(i, 1);
        }
    }
  }

  function start(): void {
    if (running) return;
    running = loop().finally(() => {
      running = undefined;
      if (done < wanted) start();
    });
  }

  function changed(key?: string): void {
    // Anything but a decision may have changed the stored captures.
    invalidate(cache);
    counted(key);
  }

  function counted(key?: string): void {
    wanted++;
    if (key !== undefined) {
      fresh.set(key, wanted);
      startFast();
    }
    // Marked at once, so a popup opened before the build ends knows the view is behind.
    void deps
      .db()
      .then((db) => markViews(db, { dirty: true }))
      .catch(() => undefined);
    start();
  }

  function decided(ds: readonly UserDecision[]): Promise<DecisionAnswer> {
    // The number the change below takes: a build that starts from it or later has read these decisions.
    const seq = wanted + 1;
    const answered = new Promise<DecisionAnswer>((resolve) => {
      if (deps.provisional === false) return resolve(undefined);
      decisions.push({ seq, ds, answer: resolve });
      startFast();
    });
    // The rebuild's count goes up at once (a `settled` asked now waits for it), its build after the fast path's merge
    // has had its turn: the sleep before a build is where the fast path runs. The captures did not change.
    counted();
    return answered;
  }

  function deleted(keys: readonly string[]): Promise<DecisionAnswer> {
    const seq = wanted + 1;
    const answered = new Promise<DecisionAnswer>((resolve) => {
      if (deps.provisional === false || !keys.length) return resolve(undefined);
      decisions.push({ seq, ds: [], gone: [...keys], answer: resolve });
      startFast();
    });
    changed();
    return answered;
  }

  function prefetch(rows: readonly string[]): Promise<void> {
    const asked = [...rows].sort().join(' ');
    if (deps.provisional === false || !rows.length || aheadAsked.has(asked)) return prefetching as Promise<void>;
    aheadAsked.add(asked);
    for (const r of rows) aheadRows.set(r, (aheadRows.get(r) ?? 0) + 1);
    const done = () => {
      aheadAsked.delete(asked);
      for (const r of rows) {
        const n = (aheadRows.get(r) ?? 1) - 1;
        if (n > 0) aheadRows.set(r, n);
        else aheadRows.delete(r);
      }
    };
    // Read again when asked again later: what is kept is only checked against the store (its keys), and the views
    // that hold the rows may have changed since.
    prefetching = prefetching
      // One that hangs (a stuck transaction) does not hold the later ones back past AHEAD_TIMEOUT_MS.
      .then(() => Promise.race([deps.db().then((db) => prefetchDecision(db, rows, cache)), new Promise((r) => setTimeout(r, AHEAD_TIMEOUT_MS))]))
      .catch(() => undefined)
      .finally(done);
    return prefetching as Promise<void>;
  }

  async function settled(o: { stale?: boolean } = {}): Promise<ViewsMeta | undefined> {
    if (o.stale && done === wanted && !running) changed();
    if (done < wanted) {
      const upTo = wanted;
      await new Promise<void>((resolve) => waiters.push({ upTo, resolve }));
    }
    return viewsMeta(await deps.db());
  }

  async function resume(): Promise<void> {
    const meta = await viewsMeta(await deps.db());
    if (!meta || meta.dirty || meta.error !== undefined) changed();
  }

  return { changed, decided, deleted, prefetch, settled, resume };
}
