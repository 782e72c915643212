// "Popup profile shown" alone: the chromium-library section's popup figure
// (bench/library-chromium.ts) without the rest of that section, so two builds
// can be compared side by side in turn. The generated library seeded, the
// background's first build, the real Ernst Scholar profile read in a tab,
// then the popup opened on that tab N times (the first open, which also
// compiles the popup's scripts, reported apart). Prints one JSON line per
// open: ms from the popup's navigation start until the person's name is in
// the DOM, the end of the popup's script download, and the phases the popup
// marks (`popup:*`, src/ui/popup/marks.ts), when the build has them, and the
// popup renderer's main-thread time until the name (openTimed).
// `npx tsx bench/popup-shown.ts [--build=DIR] [--opens=N]`
// (DIR: a copy of .output/chrome-mv3; default the current build).

import { loadavg } from 'node:os';
import { launchBench } from './browser';
import { BUILD_DIR } from './bundle-size';
import { generateLibrary } from './library';
import type { BrowserContext, Page } from 'playwright-core';
import { POPUP_PROFILE, probePage, refreshViews, seedStore, viewsCurrent } from './library-chromium';
import { ERNST } from './pages';
import { median } from './stats';
import { DB_NAME } from '../src/store/schema';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const buildDir = arg('build') ?? BUILD_DIR;
const opens = Number(arg('opens') ?? 7);
const say = (s: string) => process.stderr.write(`  ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * shownAfter (bench/library-chromium.ts) for the person's name, with the
 * popup renderer's main-thread time (the DevTools protocol's TaskDuration,
 * ScriptDuration, LayoutDuration, RecalcStyleDuration, in ms) counted from
 * before the navigation until the name is there: steadier than wall time on
 * a shared machine.
 */
async function openTimed(context: BrowserContext, url: string): Promise<{ ms: number; page: Page; cpu: Record<string, number> }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  const t0 = await metrics();
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __shown?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelector(sel)) {
        w.__shown = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, POPUP_PROFILE);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, null, { timeout: 60_000, polling: 'raf' });
  const t1 = await metrics();
  const ms = await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  const d = (k: string) => Math.round(((t1[k] ?? 0) - (t0[k] ?? 0)) * 1000);
  await cdp.detach();
  return { ms, page, cpu: { task: d('TaskDuration'), script: d('ScriptDuration'), layout: d('LayoutDuration'), style: d('RecalcStyleDuration') } };
}

async function main(): Promise<void> {
  const lib = generateLibrary();
  const h = await launchBench(buildDir);
  try {
    say(`seeding ${lib.records.length} pages`);
    await seedStore(h.context, h.extensionId, lib.records);
    const probe = await probePage(h.context, h.extensionId);
    const first = await refreshViews(probe, { stale: true });
    if (!(await viewsCurrent(probe, DB_NAME)).current) throw new Error('the kept views are not current after the first build');
    say(`first build ${first.toFixed(0)} ms`);
    const url = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
    await h.serveFixture(url, ERNST);
    const { tabId } = await h.visit(url);
    for (let i = 0; i < 300 && !(await viewsCurrent(probe, DB_NAME)).current; i++) await sleep(500);
    if (!(await viewsCurrent(probe, DB_NAME)).current) throw new Error('the kept views never included the real page');
    await probe.close();
    const shown: number[] = [];
    const busy: number[] = [];
    for (let i = 0; i < opens + 1; i++) {
      const load = loadavg()[0]!;
      const { ms, page, cpu } = await openTimed(h.context, `chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
      const info = await page.evaluate(() => {
        const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((e) => e.name.startsWith('popup:')).map((e) => [e.name.slice(6), Math.round(e.startTime)]));
        const scripts = performance.getEntriesByType('resource').filter((e) => /\.js$/.test(e.name)) as PerformanceResourceTiming[];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const paint = performance.getEntriesByName('first-paint')[0]?.startTime;
        return {
          // The html's response ends, its parse ends (module scripts run after), the first paint (the "loading" state).
          nav: nav ? { response: Math.round(nav.responseEnd), interactive: Math.round(nav.domInteractive), dcl: Math.round(nav.domContentLoadedEventEnd) } : undefined,
          firstPaint: paint === undefined ? undefined : Math.round(paint),
          marks,
          scriptsLoaded: Math.round(Math.max(0, ...scripts.map((s) => s.responseEnd))),
          name: document.querySelector('#person-name')?.textContent ?? '',
        };
      });
      await page.close();
      if (i > 0) shown.push(ms);
      if (i > 0) busy.push(cpu.task!);
      console.log(JSON.stringify({ open: i === 0 ? 'first' : i, ms: Math.round(ms), load, cpu, ...info }));
    }
    console.log(JSON.stringify({ build: buildDir, shownMedian: Math.round(median(shown)), shown: shown.map(Math.round), mainThreadMedian: Math.round(median(busy)), load: loadavg() }));
  } finally {
    await h.close();
  }
}

await main();
