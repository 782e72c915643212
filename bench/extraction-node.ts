// Extraction cost against the physical floor in Node: parsing the page into a
// DOM with linkedom (what the command line does) is the least any reader pays;
// the adapter's extract on that DOM is measured against it, in the same run.

import { parseHtml } from '../src/node/dom';
import type { BenchPage } from './pages';
import { median, type Figure } from './stats';

export interface PageCost {
  fixture: string;
  pageKind: string;
  works: number;
  parseMs: number;
  extractMs: number;
  /** Median over runs of extract/parse within each run. */
  ratio: number;
}

export function measurePage(page: BenchPage, runs: number): PageCost {
  const ratios: number[] = [];
  const parse: number[] = [];
  const extract: number[] = [];
  let kind = '';
  let works = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const doc = parseHtml(page.html);
    const t1 = performance.now();
    const x = page.adapter.extract(doc, page.url);
    const t2 = performance.now();
    kind = x.pageKind;
    works = x.works?.length ?? 0;
    if (i < 2) continue; // warm-up: the first runs include compilation
    parse.push(t1 - t0);
    extract.push(t2 - t1);
    ratios.push((t2 - t1) / (t1 - t0));
  }
  return { fixture: page.fixture, pageKind: kind, works, parseMs: median(parse), extractMs: median(extract), ratio: median(ratios) };
}

export function extractionFigures(costs: PageCost[], where: string): Figure[] {
  return costs.map((c) => ({
    name: `extract/parse ${where}: ${c.fixture} (${c.pageKind}, ${c.works} works)`,
    value: c.ratio * 100,
    unit: '%',
    // The budget is for author pages; other kinds are reported.
    ...(c.pageKind === 'author' ? { budget: 10 } : {}),
    note: `parse ${c.parseMs.toFixed(2)} ms, extract ${c.extractMs.toFixed(2)} ms (medians)`,
  }));
}
