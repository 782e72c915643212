// The content script's work on large pages, in Chromium on the live document
// as loaded from the site's URL: finding the adapter, detect, extract and
// validate (capturePage), and serializing the capture for the message to the
// background. Budget: one animation frame (16.7 ms) per 100 rows.

import type { Page } from 'playwright-core';
import type { LensGlobals } from './page-bundle';
import { median } from './stats';

export interface LargePageCost {
  rows: number;
  ms: number;
  captureMs: number;
  serializeMs: number;
  works: number;
}

export async function contentScriptWork(page: Page, runs: number): Promise<LargePageCost> {
  const r = await page.evaluate((runs) => {
    const g = globalThis as unknown as LensGlobals;
    const total: number[] = [];
    const capture: number[] = [];
    const serialize: number[] = [];
    let works = 0;
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      const url = new URL(location.href);
      const adapter = g.adapterFor(url.href);
      if (!adapter || adapter.detect(document, url) === undefined) throw new Error(`not recognized: ${url.href}`);
      const c = g.capturePage(adapter, document, url);
      const t1 = performance.now();
      JSON.stringify(c);
      const t2 = performance.now();
      works = c.works?.length ?? 0;
      if (i < 2) continue;
      total.push(t2 - t0);
      capture.push(t1 - t0);
      serialize.push(t2 - t1);
    }
    const rows = document.querySelectorAll('tr.gsc_a_tr, li.arxiv-result').length;
    return { total, capture, serialize, works, rows };
  }, runs);
  return { rows: r.rows, works: r.works, ms: median(r.total), captureMs: median(r.capture), serializeMs: median(r.serialize) };
}

export interface MainThreadBlock {
  /** Longest 'longtask' entry Chromium reported while the work ran, one run per task; undefined when none passed the 50 ms threshold. */
  longTaskMs?: number;
  longTasks: number;
  /** Longest single run measured around the work itself (performance.now), cold first run included. */
  maxBlockMs: number;
  /** False when this Chromium does not report long tasks. */
  observed: boolean;
}

/**
 * How long the content script's work holds the page's main thread at once: each
 * run (find adapter, detect, capturePage, serialize) is one task of its own, as
 * on a real page load, and Chromium's own long-task entries say how long the
 * longest one blocked. The first run is kept: the real content script runs cold.
 */
export async function longestMainThreadBlock(page: Page, runs: number): Promise<MainThreadBlock> {
  return page.evaluate(async (runs) => {
    const g = globalThis as unknown as LensGlobals;
    const observed = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;
    const entries: number[] = [];
    const obs = observed ? new PerformanceObserver((list) => list.getEntries().forEach((e) => entries.push(e.duration))) : undefined;
    obs?.observe({ type: 'longtask' });
    let maxBlockMs = 0;
    for (let i = 0; i < runs; i++) {
      await new Promise<void>((done) =>
        setTimeout(() => {
          const t0 = performance.now();
          const url = new URL(location.href);
          const adapter = g.adapterFor(url.href);
          if (adapter && adapter.detect(document, url) !== undefined) JSON.stringify(g.capturePage(adapter, document, url));
          maxBlockMs = Math.max(maxBlockMs, performance.now() - t0);
          done();
        }, 50),
      );
    }
    // Long-task entries are delivered after the task ends: give the observer a moment, then take what is left.
    await new Promise((r) => setTimeout(r, 200));
    obs?.takeRecords().forEach((e) => entries.push(e.duration));
    obs?.disconnect();
    return { observed, longTasks: entries.length, maxBlockMs, ...(entries.length ? { longTaskMs: Math.max(...entries) } : {}) };
  }, runs);
}
