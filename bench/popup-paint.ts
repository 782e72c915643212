// The popup for a person with 1 000+ works: first contentful paint, and the
// moment the works list is in the DOM (a MutationObserver installed before
// the popup's own scripts marks it), both from the popup's navigation start.

import type { BrowserContext } from 'playwright-core';
import { median } from './stats';

export interface PopupTimes {
  fcpMs: number;
  worksRenderedMs: number;
  listed: number;
  heading: string;
}

export async function popupTimes(context: BrowserContext, extensionId: string, tabId: number, runs: number): Promise<PopupTimes> {
  const fcp: number[] = [];
  const rendered: number[] = [];
  let listed = 0;
  let heading = '';
  for (let i = 0; i < runs + 1; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.addInitScript(() => {
      const w = window as unknown as { __worksRendered?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelector('.works li')) {
          w.__worksRendered = performance.now();
          performance.mark('works-rendered');
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await page.waitForFunction(() => (window as unknown as { __worksRendered?: number }).__worksRendered !== undefined, null, { timeout: 30_000 });
    // FCP is reported after the paint; give it a frame to be recorded.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 });
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      rendered: (window as unknown as { __worksRendered: number }).__worksRendered,
      listed: document.querySelectorAll('.works li').length,
      heading: document.querySelector('#works-title')?.textContent ?? '',
    }));
    await page.close();
    if (i === 0) continue; // the first open also compiles the popup's scripts
    fcp.push(t.fcp);
    rendered.push(t.rendered);
    listed = t.listed;
    heading = t.heading;
  }
  return { fcpMs: median(fcp), worksRenderedMs: median(rendered), listed, heading };
}
