// "A join or split shown" alone: the chromium-library section's changeShown
// (bench/library-chromium.ts) without the rest of that section, so two builds
// can be compared side by side in turn. The generated library seeded, the
// background's first build, the dashboard opened, then joins and splits in
// turn, each from exact views; prints one JSON line per change (shown and
// exact ms, and the phases the dashboard marks, when the build has them).
// `npx tsx bench/decision-shown.ts [--build=DIR] [--runs=N] [--deletes=N]`
// (DIR: a copy of .output/chrome-mv3; default the current build).

import { launchBench } from './browser';
import { changeShown, DASHBOARD_LIST, probePage, refreshViews, seedStore, shownAfter, viewsCurrent, WORKS_COUNT } from './library-chromium';
import { generateLibrary } from './library';
import { DB_NAME } from '../src/store/schema';
import { BUILD_DIR } from './bundle-size';
import { loadavg } from 'node:os';
import { median } from './stats';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const buildDir = arg('build') ?? BUILD_DIR;
const runs = Number(arg('runs') ?? 4);
const say = (s: string) => process.stderr.write(`  ${s}\n`);

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
    const { page, ms } = await shownAfter(h.context, `chrome-extension://${h.extensionId}/dashboard.html`, DASHBOARD_LIST);
    await page.waitForSelector('.works-grid tbody tr', { timeout: 180_000 });
    await page.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
    const table = await page.evaluate(() => (window as unknown as { __works: number }).__works);
    say(`dashboard people ${ms.toFixed(0)} ms, table ${table.toFixed(0)} ms`);
    const out: { action: string; ms: number; exactMs: number; marks: Record<string, unknown> }[] = [];
    for (let i = 0; i < runs; i++) {
      const action = i % 2 ? 'split' : 'join';
      await page.evaluate(() => performance.clearMarks());
      const load = loadavg()[0]!;
      const c = await changeShown(page, action);
      // Marks the dashboard sets along a decision (none in builds without them), ms from the first.
      const marks = await page.evaluate(() => {
        const m = performance.getEntriesByType('mark').filter((e) => e.name.startsWith('decision:'));
        const t0 = m[0]?.startTime ?? 0;
        const out: Record<string, unknown> = Object.fromEntries(m.map((e) => [e.name, Math.round(e.startTime - t0)]));
        // The background's own phases, as its answer carried them.
        const detail = (m.find((e) => e.name === 'decision:answered') as PerformanceMark | undefined)?.detail as Record<string, number> | undefined;
        if (detail) out.background = Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, Math.round(v)]));
        return out;
      });
      out.push({ action, ms: c.ms, exactMs: c.exactMs, marks });
      console.log(JSON.stringify({ action, ms: Math.round(c.ms), exactMs: Math.round(c.exactMs), before: c.before, after: c.after, provisional: c.provisional, load, marks }));
      await page.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
    }
    console.log(JSON.stringify({ build: buildDir, shownMedian: Math.round(median(out.map((c) => c.ms))), exactMedian: Math.round(median(out.map((c) => c.exactMs))), table: Math.round(table), people: Math.round(ms), load: loadavg() }));
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
