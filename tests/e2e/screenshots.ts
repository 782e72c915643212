// The README's screenshots are made by an explicit `npm run docs:screenshots`
// (SCHOLAR_LENS_SCREENSHOTS=1), never by `npm test`: tests must leave the
// working tree as they found it. Without the variable the screenshot is still
// taken (the page must render) but kept in memory only.
import type { Page } from 'playwright-core';

type Options = NonNullable<Parameters<Page['screenshot']>[0]>;

export async function docScreenshot(page: Page, name: string, options: Omit<Options, 'path'> = {}): Promise<void> {
  const write = process.env.SCHOLAR_LENS_SCREENSHOTS === '1';
  await page.screenshot({ ...options, ...(write ? { path: `docs/${name}` } : {}) });
}
