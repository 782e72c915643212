// Where a join or split's time goes in the dashboard, from the click until the
// works count changes ("shown"): the dashboard page's CPU profile (Chrome
// DevTools Protocol, sampled every 0.1 ms) cut at the marks the dashboard sets
// (decision:start, stored, answered, patched) and at "shown"; per phase its
// idle time (waiting for the background), the browser's own work (style,
// layout, paint, GC: "(program)", "(garbage collector)") and the functions
// with the most time in it. The background's phases come from its answer.
// Functions have names only in an unminified build: `npx wxt build` with
// `build.minify` off, or read the minified names against the source.
// `npx tsx bench/decision-profile.ts [--build=DIR] [--runs=N]`

import type { Page } from 'playwright-core';
import { launchBench } from './browser';
import { DASHBOARD_LIST, probePage, refreshViews, seedStore, selectTwoToJoin, shownAfter, viewsCurrent, WORKS_COUNT } from './library-chromium';
import { generateLibrary } from './library';
import { DB_NAME } from '../src/store/schema';
import { BUILD_DIR } from './bundle-size';
import { loadavg } from 'node:os';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const buildDir = arg('build') ?? BUILD_DIR;
const runs = Number(arg('runs') ?? 4);
const say = (s: string) => process.stderr.write(`  ${s}\n`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The click (as bench/library-chromium.ts changeShown makes it), resolved at "shown": ms from the click, in the page's clock. */
async function clickUntilShown(page: Page, action: 'join' | 'split'): Promise<{ t0: number; shown: number }> {
  if (action === 'join') await selectTwoToJoin(page);
  return page.evaluate(
    ({ action, sel }) =>
      new Promise<{ t0: number; shown: number }>((res, rej) => {
        const before = document.querySelector(sel)?.textContent ?? '';
        let t0 = 0;
        const obs = new MutationObserver(() => {
          if ((document.querySelector(sel)?.textContent ?? '') !== before) {
            obs.disconnect();
            res({ t0, shown: performance.now() });
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => (obs.disconnect(), rej(new Error('nothing changed'))), 120_000);
        const button =
          action === 'join'
            ? [...document.querySelectorAll<HTMLButtonElement>('.selection button')].find((b) => /^Join selected/.test(b.textContent ?? ''))
            : document.querySelector<HTMLButtonElement>('.works-grid .members button.link');
        if (!button) return rej(new Error(`no button to ${action}`));
        t0 = performance.now();
        button.click();
      }),
    { action, sel: WORKS_COUNT },
  );
}

/** Samples between two page times (ms), self time by function, and inclusive time of the functions named. */
function summarize(p: Profile, offset: number, from: number, to: number) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let t = p.startTime;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]!;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const at = t / 1000 - offset;
    if (at < from || at >= to) continue;
    total += dt;
    const leaf = byId.get(p.samples[i]!)!;
    const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = name(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1)} ${k}`);
  return { ms: Math.round(total), self: top(self, 14), inclusive: top(incl, 30) };
}

async function main(): Promise<void> {
  const lib = generateLibrary();
  const h = await launchBench(buildDir);
  try {
    say(`seeding ${lib.records.length} pages`);
    await seedStore(h.context, h.extensionId, lib.records);
    const probe = await probePage(h.context, h.extensionId);
    await refreshViews(probe, { stale: true });
    if (!(await viewsCurrent(probe, DB_NAME)).current) throw new Error('the kept views are not current after the first build');
    const { page } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/dashboard.html`, DASHBOARD_LIST);
    await page.waitForSelector('.works-grid tbody tr', { timeout: 180_000 });
    await page.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    for (let i = 0; i < runs; i++) {
      const action = i % 2 ? 'split' : 'join';
      await page.evaluate(() => performance.clearMarks());
      const load = loadavg()[0]!;
      await cdp.send('Profiler.start');
      // The profile's clock (µs, monotonic) against the page's performance.now(): read just after the start.
      const { profile: p0 } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const now0 = await page.evaluate(() => performance.now());
      const offset = p0.endTime / 1000 - now0;
      await cdp.send('Profiler.start');
      const { t0, shown } = await clickUntilShown(page, action);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const marks = await page.evaluate(() => {
        const m = performance.getEntriesByType('mark').filter((e) => e.name.startsWith('decision:'));
        const detail = (m.find((e) => e.name === 'decision:answered') as PerformanceMark | undefined)?.detail as Record<string, number> | undefined;
        // The dashboard's row index (patchResult's), built while idle after each library shown: its last cost.
        // Built in slices since decide7: its span from the library shown, and the slices' own time (busy, longest) in detail.
        const last = performance.getEntriesByName('dashboard:row-index').pop() as PerformanceMeasure | undefined;
        const index = last && { span: last.duration, ...(last.detail as object | undefined) };
        return { at: Object.fromEntries(m.map((e) => [e.name, e.startTime])), background: detail, index };
      });
      const cut = [
        ['click → stored', t0, marks.at['decision:stored']],
        ['stored → answered', marks.at['decision:stored'], marks.at['decision:answered']],
        ['answered → patched', marks.at['decision:answered'], marks.at['decision:patched']],
        ['patched → shown', marks.at['decision:patched'], shown],
      ] as const;
      const phases = cut.map(([name, a, b]) => ({ name, wall: a !== undefined && b !== undefined ? Math.round(b - a) : undefined, ...(a !== undefined && b !== undefined ? summarize(profile, offset, a, b) : {}) }));
      console.log(JSON.stringify({ action, shownMs: Math.round(shown - t0), load, background: marks.background, rowIndexMs: marks.index, phases }, null, 1));
      // The next click from exact views.
      await page.waitForFunction(() => !document.querySelector('.topbar .updating'), null, { timeout: 180_000, polling: 200 });
    }
    await page.close();
    await probe.close();
  } finally {
    await h.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
