// Extraction cost against the physical floor in Chromium: in the page,
// DOMParser builds the document from the saved HTML (the floor), then the
// adapter extracts from it; both timed inside the page, ratio per run.

import type { Page } from 'playwright-core';
import type { BenchPage } from './pages';
import type { LensGlobals } from './page-bundle';
import { median } from './stats';
import type { PageCost } from './extraction-node';

export async function measurePageInChromium(page: Page, p: BenchPage, runs: number): Promise<PageCost> {
  const r = await page.evaluate(
    ({ html, href, runs }) => {
      const g = globalThis as unknown as LensGlobals;
      const url = new URL(href);
      const adapter = g.adapterFor(href);
      if (!adapter) throw new Error(`no adapter for ${href}`);
      const parse: number[] = [];
      const extract: number[] = [];
      let kind = '';
      let works = 0;
      for (let i = 0; i < runs + 2; i++) {
        const t0 = performance.now();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const t1 = performance.now();
        const x = adapter.extract(doc, url);
        const t2 = performance.now();
        kind = x.pageKind;
        works = x.works?.length ?? 0;
        if (i < 2) continue;
        parse.push(t1 - t0);
        extract.push(t2 - t1);
      }
      return { parse, extract, kind, works };
    },
    { html: p.html, href: p.url.href, runs },
  );
  return {
    fixture: p.fixture,
    pageKind: r.kind,
    works: r.works,
    parseMs: median(r.parse),
    extractMs: median(r.extract),
    ratio: median(r.extract.map((e, i) => e / r.parse[i]!)),
  };
}
