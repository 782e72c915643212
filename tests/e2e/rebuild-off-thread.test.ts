// A full rebuild of a large library merges off the background's thread
// (issue 16, part 1), in real Chromium with the built extension: the service
// worker opens an offscreen document whose worker merges, and meanwhile the
// popup is answered (its tab's status from the background, its profile from
// the kept views). The claim is an order, not a time: the popup shows the
// profile while the rebuild is still running, and the rebuild then finishes
// with views made in the worker.
//
// Library: the generated one of bench/library.ts (303 researchers, 1 124
// pages, 59 090 rows, from the real saved captures), seeded into the
// extension's store past the background; the popup's tab is the real saved
// Scholar profile of Jason Ernst, read by the content script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedStore } from '../../bench/library-chromium';
import { generateLibrary } from '../../bench/library';
import { ERNST } from '../../bench/pages';
import { DB_NAME } from '../../src/store/schema';
import { launch, type Harness } from './harness';

const URL_ERNST = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';

/** Ask the background for a rebuild (or only to be current) from an extension page; resolves with its answer. */
const refresh = (probe: Page, changed: boolean) =>
  probe.evaluate(async (c) => (await chrome.runtime.sendMessage({ type: 'refresh-views', changed: c, stale: !c })) as { ok: boolean; error?: string }, changed);

/** The meta record of the kept views, read from the store. */
const meta = (probe: Page) =>
  probe.evaluate(
    (name) =>
      new Promise<{ dirty: boolean; error?: string; builtAt: string; merged?: { in: string; why?: string } } | undefined>((res, rej) => {
        const req = indexedDB.open(name);
        req.onerror = () => rej(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('viewsMeta').objectStore('viewsMeta').get('current');
          get.onsuccess = () => (req.result.close(), res(get.result));
          get.onerror = () => (req.result.close(), rej(get.error));
        };
      }),
    DB_NAME,
  );

/** Is the offscreen document (where the worker merges) open now? Asked from an extension page, not the service worker. */
const offscreenOpen = (probe: Page) =>
  probe.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length > 0);

describe('a full rebuild of a large library runs off the background\'s thread', () => {
  let h: Harness;
  let probe: Page;
  let tabId: number;

  beforeAll(async () => {
    h = await launch();
    const lib = generateLibrary();
    await seedStore(h.context, h.extensionId, lib.records);
    probe = await h.extensionPage('popup.html');
    // The first build of the seeded library, as the dashboard asks when it finds the views behind.
    expect(await refresh(probe, false)).toMatchObject({ ok: true });
    await h.serve(URL_ERNST, ERNST);
    ({ tabId } = await h.visit(URL_ERNST));
    // Its capture's fast path and rebuild, before the rebuild under test.
    for (let i = 0; i < 240 && (await meta(probe))?.dirty !== false; i++) await new Promise((r) => setTimeout(r, 500));
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the popup shows its profile while the rebuild merges, and the views come from the worker', async () => {
    const before = (await meta(probe))!;
    expect(before.merged?.in).toBe('worker');
    let rebuilt = false;
    const rebuild = refresh(probe, true).then((r) => ((rebuilt = true), r));
    // The merge has started in the worker once the offscreen document is open.
    await expect.poll(() => offscreenOpen(probe), { timeout: 60_000, interval: 50 }).toBe(true);
    const popup = await h.popup(tabId);
    await popup.waitForSelector('#person-name', { timeout: 120_000 });
    const shownDuringRebuild = !rebuilt;
    // The background answers a tab's status while the worker is still merging.
    const status = await probe.evaluate(async (id) => (await chrome.runtime.sendMessage({ type: 'tab-status', tabId: id })) as { ok: boolean }, tabId);
    const answeredDuringRebuild = !rebuilt;
    expect(status.ok).toBe(true);
    expect(shownDuringRebuild).toBe(true);
    expect(answeredDuringRebuild).toBe(true);
    expect(await rebuild).toMatchObject({ ok: true });
    const after = (await meta(probe))!;
    expect(after.builtAt > before.builtAt).toBe(true);
    expect(after).toMatchObject({ dirty: false, merged: { in: 'worker' } });
    expect(after.error).toBeUndefined();
    // The document is closed after each rebuild: no worker holds memory between them.
    await expect.poll(() => offscreenOpen(probe), { timeout: 10_000 }).toBe(false);
    expect(await popup.textContent('#person-name')).toMatch(/Ernst/);
    await popup.close();
  });
});
