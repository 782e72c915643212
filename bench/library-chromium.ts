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
import { extensionRendererMemory } from './renderer-memory';
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
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, null, { timeout: timeoutMs, polling: 100 });
  const ms = await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  return { ms, page };
}

/** The popup shows a merged profile once the person's name heading is there. */
export const POPUP_PROFILE = '#person-name';
/** The dashboard's list of people, with at least one person. */
export const DASHBOARD_LIST = '.people-list li';

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

    // A real page read by the content script gives the popup its tab: its person is merged with the library.
    const url = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
    await h.serveFixture(url, ERNST);
    const { tabId } = await h.visit(url);
    const popup: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`popup ${i + 1}/${runs}`);
      const { ms, page } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`, POPUP_PROFILE);
      popup.push(ms);
      await page.close();
    }
    figures.push({ name: 'popup profile shown, 303-researcher library in the store', value: median(popup), unit: 'ms', budget: 150, note: `${what}; the tab is ${ERNST}, read by the content script; median of ${runs} opens (${popup.map((x) => x.toFixed(0)).join(', ')} ms)` });

    const dash: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`dashboard ${i + 1}/${runs}`);
      const { ms, page } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/dashboard.html`, DASHBOARD_LIST);
      dash.push(ms);
      await page.close();
    }
    figures.push({ name: 'dashboard list shown, 303-researcher library in the store', value: median(dash), unit: 'ms', budget: 300, note: `${what}; median of ${runs} opens (${dash.map((x) => x.toFixed(0)).join(', ')} ms)` });

    const mem = extensionRendererMemory(h.userDataDir);
    if (mem)
      figures.push({
        name: 'extension renderer memory (peak), 303-researcher library, after the popup and dashboard',
        value: mem.peakMiB,
        unit: 'MiB',
        budget: 250,
        note: `VmHWM of the extension process (background, popup and dashboard share it); resident now ${mem.rssMiB.toFixed(0)} MiB`,
      });
    else throw new Error('the extension renderer process was not found in /proc');
  } finally {
    await h.close();
  }
  return figures;
}
