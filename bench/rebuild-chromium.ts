// The popup while the background runs a full rebuild of the generated library
// (bench/library.ts) in Chromium (issue 16, part 1): how long the background
// takes to answer the popup's first message (`tab-status`) and how long the
// popup takes to show its profile, while the rebuild (a merge of every
// capture) is under way. Before the merge moved to a worker, both waited for
// the merge to end.
//
// Run alone: `npx tsx bench/rebuild-chromium.ts [--build=<dir>] [--runs=N]`
// (a build directory to compare another build, e.g. an older one, side by
// side); in `npm run bench` as the section chromium-rebuild.

import type { Page } from 'playwright-core';
import { launchBench } from './browser';
import { generateLibrary, type Library } from './library';
import { POPUP_PROFILE, seedStore, shownAfter } from './library-chromium';
import { ERNST } from './pages';
import { median, type Figure } from './stats';

const progress = (s: string) => process.stderr.write(`  ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RebuildRun {
  /** ms from the rebuild asked for until the background answered it (views written). */
  rebuildMs: number;
  /** Round trips of tab-status messages sent every 100 ms while the rebuild ran (ms). */
  pings: number[];
  /** The popup opened `popupAtMs` into the rebuild: ms until its profile was shown. */
  popupMs: number;
}

/** One rebuild asked for from `probe`, with the popup opened `popupAtMs` into it and the background pinged meanwhile. */
async function rebuildRun(probe: Page, openPopup: () => Promise<number>, tabId: number, popupAtMs: number): Promise<RebuildRun> {
  // The pinger lives in the probe page: it sends tab-status every 100 ms until told to stop, and keeps each round trip.
  await probe.evaluate((id) => {
    const w = window as unknown as { __pings: number[]; __stop: boolean };
    w.__pings = [];
    w.__stop = false;
    void (async () => {
      while (!w.__stop) {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'tab-status', tabId: id });
        if (!w.__stop) w.__pings.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
  }, tabId);
  const t0 = performance.now();
  const rebuilt = probe.evaluate(async () => {
    const t = performance.now();
    const res = (await chrome.runtime.sendMessage({ type: 'refresh-views', changed: true, stale: false })) as { ok: boolean; error?: string };
    if (!res.ok) throw new Error(res.error);
    return performance.now() - t;
  });
  await sleep(popupAtMs);
  const popupMs = await openPopup();
  const rebuildMs = await rebuilt;
  const pings = await probe.evaluate(() => {
    const w = window as unknown as { __pings: number[]; __stop: boolean };
    w.__stop = true;
    return w.__pings;
  });
  progress(`rebuild ${rebuildMs.toFixed(0)} ms (wall ${(performance.now() - t0).toFixed(0)}); popup ${popupMs.toFixed(0)} ms; ${pings.length} pings, longest ${Math.max(...pings).toFixed(0)} ms`);
  return { rebuildMs, pings, popupMs };
}

export async function rebuildChromiumFigures(runs = 3, lib: Library = generateLibrary(), buildDir?: string, label = 'this build'): Promise<{ figures: Figure[]; runs: RebuildRun[] }> {
  const h = await launchBench(buildDir);
  try {
    progress(`${label}: seeding ${lib.records.length} pages (${lib.rows} rows)`);
    await seedStore(h.context, h.extensionId, lib.records);
    const probe = await h.context.newPage();
    await probe.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const first = await probe.evaluate(async () => {
      const t = performance.now();
      await chrome.runtime.sendMessage({ type: 'refresh-views', changed: false, stale: true });
      return performance.now() - t;
    });
    progress(`first build ${first.toFixed(0)} ms`);
    const url = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
    await h.serveFixture(url, ERNST);
    const { tabId } = await h.visit(url);
    // Its capture's own rebuild, before anything is timed.
    await probe.evaluate(async () => void (await chrome.runtime.sendMessage({ type: 'refresh-views', changed: false, stale: false })));

    const openPopup = async () => {
      const { ms, page } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`, POPUP_PROFILE);
      await page.close();
      return ms;
    };
    const out: RebuildRun[] = [];
    for (let i = 0; i < runs; i++) out.push(await rebuildRun(probe, openPopup, tabId, 1000));
    await probe.close();
    const longest = out.map((r) => Math.max(...r.pings));
    const figures: Figure[] = [
      {
        name: 'popup profile shown, opened 1 s into a full rebuild, 303-researcher library',
        value: median(out.map((r) => r.popupMs)),
        unit: 'ms',
        note: `${label}; the popup for the real Ernst profile opened 1 s after the dashboard's "Rebuild" message (the rebuild: ${out.map((r) => (r.rebuildMs / 1000).toFixed(1)).join(', ')} s); median of ${runs} (${out.map((r) => r.popupMs.toFixed(0)).join(', ')} ms)`,
      },
      {
        name: 'the background\'s answer to the popup\'s first message during a full rebuild: longest wait',
        value: median(longest),
        unit: 'ms',
        note: `${label}; tab-status sent every 100 ms from an extension page for the whole rebuild; the longest round trip of each rebuild, median of ${runs} (${longest.map((x) => x.toFixed(0)).join(', ')} ms); median round trip ${median(out.flatMap((r) => r.pings)).toFixed(0)} ms`,
      },
    ];
    return { figures, runs: out };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const build = arg('build');
  const runs = Number(arg('runs') ?? 3);
  const { figures } = await rebuildChromiumFigures(runs, generateLibrary(), build, build ?? 'this build');
  for (const f of figures) console.log(`${f.name}: ${f.value.toFixed(0)} ${f.unit} — ${f.note}`);
}
