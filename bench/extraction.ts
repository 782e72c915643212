// `npm run bench:extraction`: the extract/parse figures alone, without the
// bundle, store, merge and popup parts of `npm run bench` (minutes long) and
// without a build: Chromium here is a plain headless browser with the adapter
// bundle injected into a blank page, which is all the extraction figure uses.
// Prints the table; writes nothing.
//
// Options: --runs=N (default 15), --only=SUBSTRING (fixture paths containing
// it), --kind=author (pages of that kind), --no-chromium.

import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/chromium';
import { extractionFigures, measurePage } from './extraction-node';
import { measurePageInChromium } from './extraction-chromium';
import { pageBundle } from './page-bundle';
import { benchPages } from './pages';
import { table, type Figure } from './stats';

const args = process.argv.slice(2);
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(opt('runs') ?? 15);
const ONLY = opt('only');
const KIND = opt('kind');

const all = benchPages().pages.filter((p) => !ONLY || p.fixture.includes(ONLY));
// The kind is known only after one extraction; a single untimed read tells it.
const pages = KIND ? all.filter((p) => measurePage(p, 0).pageKind === KIND) : all;

const figures: Figure[] = extractionFigures(pages.map((p) => measurePage(p, RUNS)), 'node');

if (!args.includes('--no-chromium')) {
  const bundle = await pageBundle();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage();
    await page.evaluate(bundle);
    const costs = [];
    for (const p of pages) costs.push(await measurePageInChromium(page, p, RUNS));
    figures.push(...extractionFigures(costs, 'chromium'));
  } finally {
    await browser.close();
  }
}

console.log(table(figures.map((f) => ({ ...f, name: `${f.name}  [${f.note}]` }))));
console.log(`\nMedian of ${RUNS} runs per page (after 2 warm-up runs); ratio = median of extract/parse within each run.`);
