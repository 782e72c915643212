// "Read this page" in real Chromium: a real saved page is served at an address
// no adapter claims; the popup runs the generic list reader in the tab, shows
// the preview, and stores nothing until the user confirms — as an author page
// only when the user ticks "This is <name>'s list of works", otherwise as a list.
//
// The pages sit on dblp.org paths that no adapter's rules match: the extension
// has host permission there, which stands in for the `activeTab` grant a click
// on the toolbar button gives (a popup opened as a tab in a test gets none,
// and optional permissions need a user's answer to a browser dialog).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Capture } from '../../src/core/capture';
import { adapterFor } from '../../src/adapters/registry';
import { launch, type Harness } from './harness';
import { storedCaptures } from './browser';
import { axeViolations } from './axe';
import { docScreenshot } from './screenshots';



const LAB_PAGE = 'https://dblp.org/lab/andreas-madsack.html';
const READING_LIST = 'https://dblp.org/lab/reading-list.html';

describe('Read this page: preview, owner, confirm or cancel', () => {
  let h: Harness;

  async function open(url: string): Promise<number> {
    const page = await h.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const sw = h.context.serviceWorkers()[0]!;
    for (let i = 0; i < 50; i++) {
      const id = await sw.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
      if (id >= 0) return id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no tab for ${url}`);
  }

  beforeAll(async () => {
    h = await launch();
    await h.serve(LAB_PAGE, 'acl_anthology/author_andreas-madsack_2021.html');
    await h.serve(READING_LIST, 'arxiv/search_results_200.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the test pages are at addresses no adapter claims', () => {
    expect(adapterFor(LAB_PAGE)).toBeUndefined();
    expect(adapterFor(READING_LIST)).toBeUndefined();
  });

  it('cancel stores nothing; confirming the owner stores an author capture', async () => {
    const tabId = await open(LAB_PAGE);
    const popup = await h.popup(tabId);
    await popup.getByRole('button', { name: 'Read this page' }).click();
    // The ACL Anthology author page (2021) lists 5 papers, under <h4>2019/2018/2017</h4>
    // (counted by hand in the HTML); <title> is "Andreas Madsack - ACL Anthology".
    await popup.getByRole('heading', { name: 'Found 5 works on this page' }).waitFor();
    await expect.poll(() => popup.locator('.read-list .found').textContent()).toContain('titles (5)');
    await expect.poll(() => popup.locator('.read-list .found').textContent()).toContain('abstracts (4)');
    await expect.poll(() => popup.locator('.preview-works li').count()).toBe(5);
    await expect.poll(() => popup.locator('.preview-works li .title').first().textContent()).toBe('AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task');
    const name = popup.getByRole('textbox', { name: 'Whose list is this?' });
    expect(await name.inputValue()).toBe('Andreas Madsack');
    expect(await popup.getByRole('checkbox').isChecked()).toBe(false);

    expect(await axeViolations(popup)).toEqual([]);
    mkdirSync('docs', { recursive: true });
    await docScreenshot(popup, 'read-this-page.png', { fullPage: true });

    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('button', { name: 'Read this page' }).waitFor();
    expect(await storedCaptures(h)).toEqual([]);

    // Again, correct the name, confirm whose list it is, save.
    await popup.getByRole('button', { name: 'Read this page' }).click();
    await name.fill('Andreas Madsack (AX Semantics)');
    await popup.getByText("This is Andreas Madsack (AX Semantics)'s list of works").waitFor();
    await popup.getByRole('checkbox').check();
    await popup.getByRole('button', { name: 'Save 5 works' }).click();
    await expect.poll(() => popup.locator('.status').first().textContent()).toContain('Generic list reader author page — 5 works saved');

    const all = await storedCaptures(h);
    expect(all.map((r) => r.key)).toEqual([`generic-list:${LAB_PAGE}`]);
    const c = all[0]!.capture;
    expect(c).toMatchObject({ source: 'generic-list', pageKind: 'author', url: LAB_PAGE, person: { name: 'Andreas Madsack (AX Semantics)' } });
    expect(c.works).toHaveLength(5);
    expect(c.works![0]).toMatchObject({ title: 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task', year: 2019, authors: ['Andreas Madsack', 'Robert Weißgraeber'] });
    await popup.close();
  });

  it('without the owner ticked the page is saved as a list of works', async () => {
    const tabId = await open(READING_LIST);
    const popup = await h.popup(tabId);
    await popup.getByRole('button', { name: 'Read this page' }).click();
    // The arXiv search page holds 200 li.arxiv-result (counted by hand); its <h1> is not a name.
    await popup.getByRole('heading', { name: 'Found 200 works on this page' }).waitFor();
    expect(await popup.getByRole('textbox', { name: 'Whose list is this?' }).inputValue()).toBe('');
    await expect.poll(() => popup.locator('.preview-works li').count()).toBe(5);
    await popup.getByRole('button', { name: 'Save 200 works' }).click();
    await expect.poll(() => popup.locator('.status').first().textContent()).toContain('Generic list reader list of works — 200 works saved');
    const rec = (await storedCaptures(h)).find((r) => r.key === `generic-list:${READING_LIST}`);
    expect(rec?.capture).toMatchObject({ source: 'generic-list', pageKind: 'list' });
    expect(rec?.capture.person).toBeUndefined();
    expect(rec?.capture.works).toHaveLength(200);
    await popup.close();
  });
});
