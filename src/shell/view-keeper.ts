// The background's keeper of the merged library: after every capture or
// decision it rebuilds the kept views (src/core/kept-views.ts) from the store,
// off the popup's thread, so the popup reads one page's view through an index.
//
// Changes are counted, not queued: a burst of captures (Collect all, a
// hundred tabs) waits `settleMs` and makes one build, and a change arriving
// during a build makes exactly one more. A build that fails keeps the last
// good views and records why, so the popup can say so and offer the way out.

import { keptViews, type ViewsMeta } from '../core/kept-views';
import type { MergeResult } from '../core/merge/types';
import { allCaptures, allDecisions, type CaptureRecord, type DecisionRecord, type LensDB } from '../store/store';
import { clearViews, markViews, replaceViews, viewsMeta, type WrittenViews } from '../store/views';

export interface KeeperDeps {
  db(): Promise<LensDB>;
  now(): Date;
  merge(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]): MergeResult;
  /** Quiet time before a build, so a burst of changes makes one build. */
  settleMs?: number;
  sleep?(ms: number): Promise<void>;
}

export interface ViewKeeper {
  /** The store changed (a capture was stored, a decision or an import written). */
  changed(): void;
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

  async function build(upTo: number): Promise<void> {
    const db = await deps.db();
    const [records, decisions] = await Promise.all([allCaptures(db), allDecisions(db)]);
    if (!records.length && !decisions.length && wanted === upTo) {
      // An empty library (just erased, or never used) keeps no views and no meta: nothing remains.
      await clearViews(db);
      written = undefined;
      return;
    }
    let result: MergeResult;
    try {
      result = deps.merge(records, decisions);
    } catch (err) {
      await markViews(db, { dirty: true, error: `the saved pages could not be merged (${message(err)})` });
      return;
    }
    const captures: Record<string, string> = {};
    for (const r of records) captures[r.key] = r.capture.capturedAt;
    // Still behind when more changes arrived while this one was built: the next build clears it.
    const builtAt = deps.now().toISOString();
    const meta: ViewsMeta & { build: string } = { builtAt, build: `${builtAt}#${name}.${++builds}`, captures, dirty: wanted > upTo, stats: result.stats };
    const views = keptViews(result, records);
    try {
      written = await replaceViews(db, views, meta, written);
    } catch (err) {
      written = undefined;
      throw err;
    }
  }

  async function loop(): Promise<void> {
    while (done < wanted) {
      await sleep(settleMs);
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

  function changed(): void {
    wanted++;
    // Marked at once, so a popup opened before the build ends knows the view is behind.
    void deps
      .db()
      .then((db) => markViews(db, { dirty: true }))
      .catch(() => undefined);
    start();
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

  return { changed, settled, resume };
}
