// The figures taken in Debian's Chromium with the built extension loaded,
// through the same set-up as the end-to-end harness (pages served from the saved fixtures by
// request routing; nothing reaches the network).

import { execFileSync } from 'node:child_process';
import { launchBench } from './browser';
import { chromiumPath } from '../tests/e2e/chromium';
import { extractionFigures } from './extraction-node';
import { measurePageInChromium } from './extraction-chromium';
import { contentScriptWork, longestMainThreadBlock } from './large-pages';
import { pageBundle } from './page-bundle';
import { ERNST, repeatedScholarProfile, type BenchPage } from './pages';
import { popupTimes } from './popup-paint';
import type { Figure } from './stats';

const FRAME_MS = 1000 / 60;
const progress = (s: string) => process.stderr.write(`  ${s}\n`);

export function chromiumVersion(): string {
  return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Pushes figures into `figures` as they are taken, so a later failure keeps the earlier ones. */
export async function chromiumFigures(pages: BenchPage[], runs: number, missing: string[], figures: Figure[]): Promise<void> {
  process.env.BENCH_CHROMIUM_VERSION = chromiumVersion();
  const bundle = await pageBundle();
  const h = await launchBench();
  try {
    // 1. Extraction vs DOMParser, on a blank page with the adapters injected.
    const blank = await h.context.newPage();
    await blank.evaluate(bundle);
    const costs = [];
    for (const p of pages) {
      progress(`chromium extract ${p.fixture}`);
      costs.push(await measurePageInChromium(blank, p, runs));
    }
    await blank.close();
    figures.push(...extractionFigures(costs, 'chromium'));

    // 2. Large pages, loaded from their site URLs; the synthetic one also feeds the popup figure.
    const big = repeatedScholarProfile(1000);
    const bigUrl = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en&bench=repeated';
    await h.serve(bigUrl, big.html);
    const large: Array<{ label: string; url: string; budget: boolean; fixture?: string }> = [
      { label: `Scholar profile, ${big.rows} rows (the real rows of ${ERNST} repeated: synthetic length)`, url: bigUrl, budget: true },
    ];
    for (const f of ['google_scholar/profile_newton_2015.html', ERNST, 'arxiv/search_results_200.html']) {
      const p = pages.find((x) => x.fixture === f);
      if (p) large.push({ label: f, url: p.url.href, budget: false, fixture: f });
      else missing.push(`large page ${f}: no adapter claims it`);
    }
    let bigTab: number | undefined;
    for (const l of large) {
      if (l.fixture) await h.serveFixture(l.url, l.fixture);
      progress(`large page ${l.label}`);
      const { page, tabId } = await h.visit(l.url);
      if (l.url === bigUrl) bigTab = tabId;
      await page.evaluate(bundle);
      // Before the timing loop, so the first (cold) run is seen as a task of its own.
      const block = l.budget ? await longestMainThreadBlock(page, runs) : undefined;
      const c = await contentScriptWork(page, runs);
      // Closing the tab would drop its status, which the popup figure reads.
      if (l.url !== bigUrl) await page.close();
      const per100 = c.rows ? (c.ms * 100) / c.rows : NaN;
      const note = `${c.rows} rows, ${c.works} works; ${c.ms.toFixed(1)} ms in all (capture ${c.captureMs.toFixed(1)} ms, serialize ${c.serializeMs.toFixed(1)} ms)`;
      figures.push({ name: `content script per 100 rows: ${l.label}`, value: per100, unit: 'ms', ...(l.budget ? { budget: Number(FRAME_MS.toFixed(1)) } : {}), note });
      figures.push({ name: `content script, whole page: ${l.label}`, value: c.ms, unit: 'ms', note });
      if (block) {
        const how = !block.observed
          ? 'this Chromium reports no long tasks; the value is the longest run timed in the page'
          : block.longTaskMs === undefined
            ? `no long task (> 50 ms) in ${runs} runs; the value is the longest run timed in the page`
            : `longest of ${block.longTasks} long-task entries in ${runs} runs, one run per task; longest run timed in the page ${block.maxBlockMs.toFixed(1)} ms`;
        figures.push({ name: `content script, longest main-thread block: ${l.label}`, value: block.longTaskMs ?? block.maxBlockMs, unit: 'ms', note: how });
      }
    }

    // 6. The popup for the person on the large page, as the content script stored it.
    if (bigTab !== undefined) {
      progress('popup');
      const t = await popupTimes(h.context, h.extensionId, bigTab, Math.max(3, Math.min(runs, 7)));
      const note = `${t.heading.trim()}; ${t.listed} list items shown; works are the Ernst rows repeated (real titles, synthetic count)`;
      figures.push({ name: `popup, ${big.rows} works: first contentful paint`, value: t.fcpMs, unit: 'ms', note });
      figures.push({ name: `popup, ${big.rows} works: works list rendered`, value: t.worksRenderedMs, unit: 'ms', note });
    }
  } finally {
    await h.close();
  }
}
