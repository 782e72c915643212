// The generated library (bench/library.ts) in the built extension, in
// Chromium: the store seeded with its records, then how long the popup takes
// to show a profile and the dashboard its list of people, and the memory of
// the extension's renderer. Two small generic steps, so the figures survive
// changes to how the popup reads its profile: seedStore() writes records
// into the extension's IndexedDB as the store keeps them, shownAfter() times
// an extension page until a selector is in its DOM.

import type { BrowserContext, Page } from 'playwright-core';
import type { CaptureRecord } from '../src/store/schema';
import { DB_NAME } from '../src/store/schema';
import { launchBench } from './browser';
import { chromiumVersion } from './chromium-figures';
import { generateLibrary, type Library } from './library';
import { ERNST } from './pages';
import { extensionRendererMemory, resetRendererPeak } from './renderer-memory';
import { median, type Figure } from './stats';

const progress = (s: string) => process.stderr.write(`  ${s}\n`);

/**
 * Write records into the extension's store, from one of its own pages (the
 * dashboard, whose opening creates the store at its current version), in
 * transactions of `batch` records.
 */
export async function seedStore(context: BrowserContext, extensionId: string, records: CaptureRecord[], batch = 500): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await page.waitForFunction(
      (name) =>
        new Promise<boolean>((res) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => {
            const ok = req.result.objectStoreNames.contains('captures');
            req.result.close();
            res(ok);
          };
          req.onerror = () => res(false);
        }),
      DB_NAME,
      { timeout: 30_000 },
    );
    for (let i = 0; i < records.length; i += batch) {
      await page.evaluate(
        ({ name, chunk }) =>
          new Promise<void>((res, rej) => {
            const req = indexedDB.open(name);
            req.onerror = () => rej(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction('captures', 'readwrite');
              for (const r of chunk) tx.objectStore('captures').put(r);
              tx.oncomplete = () => (db.close(), res());
              tx.onerror = () => (db.close(), rej(tx.error));
            };
          }),
        { name: DB_NAME, chunk: records.slice(i, i + batch) },
      );
    }
  } finally {
    await page.close();
  }
}

/**
 * Open an extension page and wait until `selector` is in its DOM; milliseconds
 * from the page's navigation start (a MutationObserver installed before the
 * page's own scripts marks the moment). The page is returned open.
 */
export async function shownAfter(context: BrowserContext, url: string, selector: string, timeoutMs = 180_000): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage();
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __shown?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelector(sel)) {
        w.__shown = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  // What else the page shows later (the dashboard's table of every work), timed the same way.
  await page.addInitScript(() => {
    const w = window as unknown as { __works?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelector('.works-grid tbody tr')) {
        w.__works = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, null, { timeout: timeoutMs, polling: 100 });
  const ms = await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  return { ms, page };
}

/** The popup shows a merged profile once the person's name heading is there. */
export const POPUP_PROFILE = '#person-name';
/** The dashboard's list of people, with at least one person. */
export const DASHBOARD_LIST = '.people-list li';
/** The line above the dashboard's table of every work: "N of M works", which a join or split changes. */
export const WORKS_COUNT = '.works-table p[role=status]';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An extension page to ask the background from and read the store in: the
 * popup opened on no tab (it finds nothing to show and stays light).
 */
export async function probePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/** Ask the background to bring its kept views up to date, as the dashboard does when it finds them behind; ms until it answers. */
export async function refreshViews(probe: Page, o: { changed?: boolean; stale?: boolean }): Promise<number> {
  return probe.evaluate(async (m) => {
    const t0 = performance.now();
    const res = (await chrome.runtime.sendMessage({ type: 'refresh-views', changed: m.changed === true, stale: m.stale === true })) as { ok: boolean; error?: string };
    if (!res.ok) throw new Error(res.error);
    return performance.now() - t0;
  }, o);
}

/**
 * Are the kept views built from exactly what is stored, with nothing pending
 * (src/core/kept-views.ts, viewsAreCurrent)? Read from the store, as a reader
 * of the views would judge them.
 */
export async function viewsCurrent(probe: Page, name: string): Promise<{ current: boolean; captures: number; viewed: number }> {
  return probe.evaluate(
    (db) =>
      new Promise((res, rej) => {
        const req = indexedDB.open(db);
        req.onerror = () => rej(req.error);
        req.onsuccess = () => {
          const d = req.result;
          const tx = d.transaction(['captures', 'viewsMeta'], 'readonly');
          const all = tx.objectStore('captures').getAll();
          const meta = tx.objectStore('viewsMeta').get('current');
          tx.oncomplete = () => {
            d.close();
            const records = all.result as { key: string; capture: { capturedAt: string } }[];
            const m = meta.result as { dirty: boolean; error?: string; captures: Record<string, string> } | undefined;
            const viewed = m ? Object.keys(m.captures).length : 0;
            const current = !!m && !m.dirty && m.error === undefined && viewed === records.length && records.every((r) => m.captures[r.key] === r.capture.capturedAt);
            res({ current, captures: records.length, viewed });
          };
        };
      }),
    name,
  );
}

/**
 * Reload a tab whose page the content script reads, and time from the new
 * capture (its capturedAt, stamped in the tab when read) until the kept
 * views include it, polled from the probe page every 20 ms.
 */
async function captureMerged(tab: Page, probe: Page, key: string, name: string, timeoutMs = 300_000): Promise<number> {
  const capturedAt = () =>
    probe.evaluate(
      ({ db, key }) =>
        new Promise<string | undefined>((res, rej) => {
          const req = indexedDB.open(db);
          req.onerror = () => rej(req.error);
          req.onsuccess = () => {
            const d = req.result;
            const get = d.transaction('captures').objectStore('captures').get(key);
            get.onsuccess = () => (d.close(), res((get.result as { capture: { capturedAt: string } } | undefined)?.capture.capturedAt));
            get.onerror = () => (d.close(), rej(get.error));
          };
        }),
      { db: name, key },
    );
  const before = await capturedAt();
  await tab.reload({ waitUntil: 'load' });
  // No named functions inside: the page gets the function's text, without the bundler's helpers.
  return probe.evaluate(
    async ({ db, key, before, timeoutMs }) => {
      const t0 = Date.now();
      for (;;) {
        const seen = await new Promise<{ at?: string; meta?: { dirty: boolean; error?: string; captures: Record<string, string> } }>((res, rej) => {
          const req = indexedDB.open(db);
          req.onerror = () => rej(req.error);
          req.onsuccess = () => {
            const d = req.result;
            const tx = d.transaction(['captures', 'viewsMeta'], 'readonly');
            const rec = tx.objectStore('captures').get(key);
            const meta = tx.objectStore('viewsMeta').get('current');
            tx.oncomplete = () => (d.close(), res({ at: (rec.result as { capture: { capturedAt: string } } | undefined)?.capture.capturedAt, meta: meta.result }));
            tx.onerror = () => (d.close(), rej(tx.error));
          };
        });
        const now = Date.now();
        const { at, meta: m } = seen;
        if (at && at !== before && m && !m.dirty && m.error === undefined && m.captures[key] === at) return now - Date.parse(at);
        if (now - t0 > timeoutMs) throw new Error('the new capture never reached the kept views');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { db: name, key, before, timeoutMs },
  );
}

/**
 * Ticks two works of one record each and no DOI or arXiv id among the drawn
 * rows, as a user would (kept as before, so the figure compares with earlier
 * runs; works with two different arXiv ids now join too): the timed click is
 * then the join.
 */
export async function selectTwoToJoin(page: Page): Promise<void> {
  const rows = await page.$$eval('.works-grid tbody tr:not(.spacer)', (trs) =>
    trs.flatMap((tr, i) => (!tr.querySelector('.members') && !/ · (doi|arxiv):/.test(tr.querySelector('.versions')?.textContent ?? '') ? [i] : [])),
  );
  if (rows.length < 2) throw new Error('no two single-record works to join among the drawn rows of the table');
  for (const i of rows.slice(0, 2)) await page.locator('.works-grid tbody tr:not(.spacer)').nth(i).locator('input[type=checkbox]').check();
  await page.waitForFunction(() => /^2 selected/.test(document.querySelector('.selection')?.textContent ?? ''));
}

/**
 * On the dashboard's table of every work, do something (select and join, or
 * split a record out) and time from the click until the works count above the
 * table changes (the decision stored, the views it concerns merged again
 * alone in the background, the dashboard patched: shown, "Updating…"), and
 * until "Updating…" is gone again (the full rebuild done and read back: exact).
 */
export async function changeShown(page: Page, action: 'join' | 'split', timeoutMs = 300_000): Promise<{ ms: number; exactMs: number; provisional: boolean; before: string; after: string }> {
  if (action === 'join') await selectTwoToJoin(page);
  return page.evaluate(
    ({ action, sel, timeoutMs }) =>
      new Promise<{ ms: number; exactMs: number; provisional: boolean; before: string; after: string }>((res, rej) => {
        const status = document.querySelector(sel)!;
        const before = status.textContent ?? '';
        let t0 = 0;
        let shown: { ms: number; after: string } | undefined;
        let provisional = false;
        // No named functions in here (the page gets this function's text, without the bundler's helpers).
        const obs = new MutationObserver(() => {
          const updating = !!document.querySelector('.topbar .updating');
          provisional ||= updating;
          const now = document.querySelector(sel)?.textContent ?? '';
          if (!shown && now !== before) shown = { ms: performance.now() - t0, after: now };
          if (shown && !updating) {
            obs.disconnect();
            res({ ...shown, exactMs: performance.now() - t0, provisional, before });
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => (obs.disconnect(), rej(new Error(`nothing changed after the ${action}`))), timeoutMs);
        const button =
          action === 'join'
            ? [...document.querySelectorAll<HTMLButtonElement>('.selection button')].find((b) => /^Join selected/.test(b.textContent ?? ''))
            : document.querySelector<HTMLButtonElement>('.works-grid .members button.link');
        if (!button) return rej(new Error(`no button to ${action}`));
        t0 = performance.now();
        button.click();
      }),
    { action, sel: WORKS_COUNT, timeoutMs },
  );
}

export async function libraryChromiumFigures(runs = 3, lib: Library = generateLibrary()): Promise<Figure[]> {
  process.env.BENCH_CHROMIUM_VERSION ??= chromiumVersion();
  const h = await launchBench();
  const figures: Figure[] = [];
  try {
    progress(`seeding the store with ${lib.records.length} pages (${lib.rows} rows)`);
    const t0 = performance.now();
    await seedStore(h.context, h.extensionId, lib.records);
    const seedS = (performance.now() - t0) / 1000;
    const what = `${lib.researchers} researchers, ${lib.records.length.toLocaleString('en')} pages, ${lib.rows.toLocaleString('en')} rows, ${lib.works.toLocaleString('en')} works generated; seeded in ${seedS.toFixed(0)} s`;
    // The seeding (from an extension page, 777–825 MiB of the renderer alone) is the bench's, not the extension's: its peak is not counted.
    resetRendererPeak(h.userDataDir);

    // seedStore wrote past the background: it builds its kept views once asked, as the dashboard asks when it finds them behind.
    const probe = await probePage(h.context, h.extensionId);
    progress('the background builds its kept views of the seeded library');
    const firstBuild = await refreshViews(probe, { stale: true });
    const after = await viewsCurrent(probe, DB_NAME);
    progress(`built in ${firstBuild.toFixed(0)} ms`);
    if (!after.current) throw new Error(`the kept views are not current after the first build (${after.viewed} of ${after.captures} captures)`);

    // A real page read by the content script gives the popup its tab: its person is merged with the library.
    const url = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
    await h.serveFixture(url, ERNST);
    const { page: tab, tabId } = await h.visit(url);
    const key = await h.context.serviceWorkers()[0]!.evaluate(async (id: number) => {
      const k = `tab:${id}`;
      return ((await chrome.storage.session.get(k))[k] as { key?: string } | undefined)?.key;
    }, tabId);
    if (!key) throw new Error('the real page was not stored');
    // Its capture's own rebuild, before anything is timed on top of it.
    for (let i = 0; i < 300 && !(await viewsCurrent(probe, DB_NAME)).current; i++) await sleep(500);

    const merged: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`new capture merged ${i + 1}/${runs}`);
      merged.push(await captureMerged(tab, probe, key, DB_NAME));
      progress(`${merged[i]!.toFixed(0)} ms`);
    }
    figures.push({
      name: 'new capture merged into the kept views, 303-researcher library in the store',
      value: median(merged),
      unit: 'ms',
      budget: 100,
      note: `${what}; from a capture of ${ERNST} (its capturedAt, stamped in the tab; the tab reloaded) until the stored views include it, polled every 20 ms; today every capture makes the background wait 150 ms for more and then rebuild every view from all captures (a full merge); median of ${runs} (${merged.map((x) => x.toFixed(0)).join(', ')} ms); the first build of the seeded library took ${firstBuild.toFixed(0)} ms`,
    });

    const popup: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`popup ${i + 1}/${runs}`);
      const { ms, page } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`, POPUP_PROFILE);
      popup.push(ms);
      progress(`${ms.toFixed(0)} ms`);
      await page.close();
    }
    figures.push({ name: 'popup profile shown, 303-researcher library in the store', value: median(popup), unit: 'ms', budget: 150, note: `${what}; the kept views current; the tab is ${ERNST}, read by the content script; median of ${runs} opens (${popup.map((x) => x.toFixed(0)).join(', ')} ms)` });

    const dash: number[] = [];
    const table: number[] = [];
    let dashboard: Page | undefined;
    for (let i = 0; i < runs; i++) {
      progress(`dashboard ${i + 1}/${runs}`);
      const { ms, page } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/dashboard.html`, DASHBOARD_LIST);
      dash.push(ms);
      await page.waitForSelector('.works-grid tbody tr', { timeout: 180_000 });
      table.push(await page.evaluate(() => (window as unknown as { __works: number }).__works));
      progress(`${ms.toFixed(0)} ms, every work ${table[i]!.toFixed(0)} ms`);
      if (i < runs - 1) await page.close();
      else dashboard = page;
    }
    figures.push({ name: 'dashboard list shown, 303-researcher library in the store', value: median(dash), unit: 'ms', budget: 300, note: `${what}; the kept views current; the people list; median of ${runs} opens (${dash.map((x) => x.toFixed(0)).join(', ')} ms)` });
    figures.push({ name: 'dashboard table of every work shown, the same', value: median(table), unit: 'ms', note: `the first rows of the table of all works, same opens (${table.map((x) => x.toFixed(0)).join(', ')} ms)` });

    // The last dashboard stays open: joins and splits are made on its table of every work, a join then a split, in turn.
    await dashboard!.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
    const changes: { action: string; ms: number; exactMs: number; provisional: boolean; before: string; after: string }[] = [];
    for (let i = 0; i < runs; i++) {
      const action = i % 2 ? 'split' : 'join';
      progress(`${action} shown ${i + 1}/${runs}`);
      changes.push({ action, ...(await changeShown(dashboard!, action)) });
      progress(`${changes[i]!.ms.toFixed(0)} ms (${changes[i]!.before} → ${changes[i]!.after}), exact after ${changes[i]!.exactMs.toFixed(0)} ms`);
      // changeShown waited for the rebuild to be read back ("Updating…" gone): the next click starts from exact views.
      await dashboard!.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
    }
    figures.push({
      name: 'a join or split shown in the dashboard, 303-researcher library in the store',
      value: median(changes.map((c) => c.ms)),
      unit: 'ms',
      budget: 150,
      note: `${what}; from the click (Join selected on the first two works of one record without a DOI or arXiv id, or "split this record out" on the first work with several records) until the works count above the table changes (${changes.filter((c) => c.provisional).length} of ${runs} shown from the decision's provisional merge, "Updating…" meanwhile); each after the previous one was exact; median of ${runs} (${changes.map((c) => `${c.action} ${c.ms.toFixed(0)} ms`).join(', ')})`,
    });
    figures.push({
      name: 'a join or split exact in the dashboard (full rebuild read back), the same',
      value: median(changes.map((c) => c.exactMs)) / 1000,
      unit: 's',
      note: `same clicks, until "Updating…" is gone: the background's full rebuild (one merge of every capture) and the dashboard's reload of every view (${changes.map((c) => `${c.action} ${(c.exactMs / 1000).toFixed(1)} s`).join(', ')})`,
    });
    await dashboard!.close();
    await probe.close();

    const mem = extensionRendererMemory(h.userDataDir);
    if (mem)
      figures.push({
        name: 'extension renderer memory (peak), 303-researcher library, after the popup and dashboard',
        value: mem.peakMiB,
        unit: 'MiB',
        budget: 250,
        note: `VmHWM of the extension process (background with its rebuilds, popup and dashboard share it), from after the seeding; resident now ${mem.rssMiB.toFixed(0)} MiB`,
      });
    else throw new Error('the extension renderer process was not found in /proc');
  } finally {
    await h.close();
  }
  return figures;
}
