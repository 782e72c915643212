// "A new capture merged" in Chromium: the same measurement as
// bench/provisional-figures.ts (a page of the generated library stored as new
// on the rest, the keeper's fast path timed), but the store code, the merge
// and the fast path bundled for a web page and run on Chromium's own
// IndexedDB and V8, as the extension's background runs them. The page is a
// blank one on a routed origin (IndexedDB needs one); nothing is fetched.
// `npx tsx bench/provisional-chromium.ts [pages]`.

import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/chromium';
import { generateLibrary, type Library } from './library';
import { samplePages } from './provisional-figures';
import { median, type Figure } from './stats';

const ENTRY = `
import { keptViews } from './src/core/kept-views';
import { provisionalUpdate } from './src/shell/provisional-update';
import { openStore } from './src/store/store';
import { replaceViews, viewForKey } from './src/store/views';
import { mergeRecords } from './src/ui/model/merged-library';
globalThis.lens = { keptViews, provisionalUpdate, openStore, replaceViews, viewForKey, mergeRecords };
`;

interface Run {
  key: string;
  ms: number;
  rebuildMs: number;
  rows: number;
  works: number;
  provisional: boolean;
  steps?: { find: number; read: number; merge: number; write: number };
}

export async function newCaptureInChromium(lib: Library, count = 6): Promise<{ runs: Run[] }> {
  const bundle = (await build({ stdin: { contents: ENTRY, resolveDir: resolve('.'), loader: 'ts' }, bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' })).outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--max-old-space-size=4096'] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto('http://bench.invalid/');
    await page.addScriptTag({ content: bundle });
    await page.evaluate(async (records) => {
      const g = globalThis as unknown as { lens: any; records: unknown[]; db: any };
      g.records = records;
      g.db = await g.lens.openStore('bench-provisional');
      const tx = g.db.transaction('captures', 'readwrite');
      await Promise.all([...records.map((r: unknown) => tx.store.put(r)), tx.done]);
    }, lib.records as unknown[]);
    const runs: Run[] = [];
    for (const sample of samplePages(lib, count)) {
      runs.push(
        await page.evaluate(async (key) => {
          const g = globalThis as unknown as { lens: any; records: { key: string }[]; db: any };
          const rest = g.records.filter((r) => r.key !== key);
          const t0 = performance.now();
          const base = g.lens.mergeRecords(rest, []);
          const rebuildMs = performance.now() - t0;
          await g.lens.replaceViews(g.db, g.lens.keptViews(base, rest), { builtAt: 'base', build: `base-${key}`, captures: {}, dirty: true, stats: base.stats });
          const t1 = performance.now();
          const u = await g.lens.provisionalUpdate(g.db, [key], g.lens.mergeRecords);
          const ms = performance.now() - t1;
          const v = await g.lens.viewForKey(g.db, key);
          return { key, ms, rebuildMs, rows: u?.rows ?? 0, works: v?.slice.works.length ?? 0, provisional: v?.provisional === true, steps: u?.ms };
        }, sample.key),
      );
    }
    return { runs };
  } finally {
    await browser.close();
  }
}

export async function newCaptureChromiumFigures(lib: Library, count = 6): Promise<Figure[]> {
  const { runs } = await newCaptureInChromium(lib, count);
  const ms = runs.map((r) => r.ms);
  return [
    {
      name: 'a new capture merged in Chromium (provisional view written)',
      value: median(ms),
      unit: 'ms',
      budget: 100,
      note: `${runs.length} pages of the ${lib.researchers}-researcher library each stored as new on the rest; the store, merge and fast path bundled in a page on Chromium's IndexedDB; median of the pages, slowest ${Math.round(Math.max(...ms))} ms; ${runs.filter((r) => r.provisional).length} of ${runs.length} views written provisional; exact after the rebuild (mergeAll ${(median(runs.map((r) => r.rebuildMs)) / 1000).toFixed(1)} s in the same page)`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lib = generateLibrary();
  const { runs } = await newCaptureInChromium(lib, Number(process.argv[2] ?? 6));
  for (const r of runs) console.log(JSON.stringify(r));
  console.log(`fast path median ${median(runs.map((r) => r.ms)).toFixed(0)} ms; rebuild median ${(median(runs.map((r) => r.rebuildMs)) / 1000).toFixed(1)} s`);
}
