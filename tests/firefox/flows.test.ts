// The user flows of the Chromium end-to-end tests (tests/e2e/*.test.ts), in
// real Firefox, for both Firefox builds (Manifest V2, the default, and V3):
// a Google Scholar profile read with its stated and computed figures; an ORCID
// record page whose data the background fetches; Collect all on a two-page
// profile; Read this page on an address no adapter claims; BibTeX export from
// the popup; Erase everything from the dashboard. Expected values are the
// Chromium tests' own, checked by hand against the saved pages there (the
// comments say where each comes from).
//
// Pages: google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html as saved, and
// cut into two pages as tests/helpers/scholar-slices.ts describes (page 1
// served at the profile's address for the Collect all test only); ORCID
// renders from data, so its page is a SYNTHETIC empty shell and the data the
// real saved v3.0 record; the Read this page addresses serve the saved ACL
// Anthology author page and arXiv search page on dblp.org paths no adapter matches.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/adapters/registry';
import { fixtureBytes } from '../helpers/fixtures';
import { ERNST_FIXTURE, ernstSlices } from '../helpers/scholar-slices';
import {
  click,
  clickButton,
  count,
  fillLabeled,
  held,
  storedCaptureOf,
  storedCaptures,
  storedViewsMeta,
  text,
  texts,
  type ExtensionPage,
} from '../e2e/browser';
import { FIREFOX_BUILDS, launchFirefox, type FirefoxBrowser } from './firefox';

const ERNST = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const SORRY = 'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en';
const PAGE2 = `${ERNST}&cstart=20&pagesize=80`;
const ORCID = 'https://orcid.org/0000-0003-4423-4370';
const ORCID_DATA = 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record';
const LAB_PAGE = 'https://dblp.org/lab/andreas-madsack.html';
const READING_LIST = 'https://dblp.org/lab/reading-list.html';
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app"></div></body></html>';
// An API that does not let the page's origin read it: the data can only come through the background.
const NO_CORS = { 'access-control-allow-origin': 'https://elsewhere.example' };

describe.each(FIREFOX_BUILDS)('Firefox (%s): the user flows', (build) => {
  let b: FirefoxBrowser;
  const slices = ernstSlices();
  // The profile as saved (58 rows), or page 1 of its cut (20 rows) while Collect all is tested.
  let profile: string | Uint8Array = fixtureBytes(ERNST_FIXTURE);
  beforeAll(async () => {
    b = await launchFirefox(build);
    await b.reply(ERNST, () => ({ contentType: 'text/html; charset=utf-8', body: profile }));
    await b.serve(SORRY, 'google_scholar/blocked_sorry_page.html');
    await b.reply(PAGE2, () => ({ contentType: 'text/html; charset=utf-8', body: slices.page2 }));
    await b.reply(ORCID, () => ({ body: SHELL }));
    await b.reply(ORCID_DATA, () => ({ body: fixtureBytes('orcid/record_0000-0003-4423-4370.json'), contentType: 'application/json', headers: NO_CORS }));
    await b.serve(LAB_PAGE, 'acl_anthology/author_andreas-madsack_2021.html');
    await b.serve(READING_LIST, 'arxiv/search_results_200.html');
  });
  afterAll(async () => {
    await b?.close();
  });

  const status = (p: ExtensionPage) => text(p, 'p.status');

  it('a Google Scholar profile: the person, the counts, the stated and the computed metrics', async () => {
    const { tabId } = await b.visit(ERNST);
    const popup = await b.popup(tabId);
    // As in tests/e2e/scholar-profile.test.ts: #gsc_prf_in, the stats table (1083/806, 14/8, 17/7) and 58 rows.
    await expect.poll(() => status(popup)).toContain('Google Scholar author page — 58 works saved');
    expect(await text(popup, '#person-name')).toBe('Jason Ernst');
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll('.metrics tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
    const num = (t: string | undefined) => Number((t ?? '').replace(/,/g, ''));
    const [cit, hIdx, i10] = rows;
    expect(cit?.slice(0, 3)).toEqual(['Citations', '1,083', '806']);
    expect(hIdx?.slice(0, 3)).toEqual(['h-index', '14', '8']);
    expect(i10?.slice(0, 3)).toEqual(['i10-index', '17', '7']);
    // Computed, bounded by hand (scholar-profile.test.ts): between every labeled duplicate joined (1036, 13, 16) and none (1083, 14, 17).
    expect(num(cit?.[3])).toBeGreaterThanOrEqual(1036);
    expect(num(cit?.[3])).toBeLessThanOrEqual(1083);
    expect(num(hIdx?.[3])).toBeGreaterThanOrEqual(13);
    expect(num(hIdx?.[3])).toBeLessThanOrEqual(14);
    expect(num(i10?.[3])).toBeGreaterThanOrEqual(16);
    expect(num(i10?.[3])).toBeLessThanOrEqual(17);
    expect(await count(popup, '.works li')).toBe(58);
    await popup.close();
    // The full rebuild behind it merged in a worker the background page started (src/shell/off-thread-merge.ts).
    await expect.poll(async () => (await storedViewsMeta(b))?.dirty, { timeout: 60_000 }).toBe(false);
    expect((await storedViewsMeta(b))?.merged).toMatchObject({ in: 'worker' });

    // Visiting again updates the stored capture instead of adding a second one.
    const again = await b.visit(ERNST);
    const popup2 = await b.popup(again.tabId);
    await expect.poll(() => status(popup2)).toContain('58 works updated');
    await popup2.close();
  });

  it('a blocked Scholar page is said to be blocked and stores nothing', async () => {
    const { tabId } = await b.visit(SORRY);
    const popup = await b.popup(tabId);
    await expect.poll(() => status(popup)).toMatch(/Google Scholar: blocked/);
    expect(await count(popup, '.person')).toBe(0);
    await popup.close();
  });

  it('an ORCID record page: the record comes from pub.orcid.org through the background', async () => {
    const { tabId } = await b.visit(ORCID);
    const popup = await b.popup(tabId);
    // 26 groups in activities-summary.works.group of the saved record (tests/e2e/sites.test.ts).
    await expect.poll(() => status(popup)).toContain('ORCID author page — 26 works saved');
    await popup.close();
    const { capture } = await storedCaptureOf(b, tabId);
    expect(capture?.person?.ids?.orcid).toBe('0000-0003-4423-4370');
    expect(b.requests).toContain(ORCID_DATA);
  });

  it('Collect all reads page 2 of a two-page profile into one capture of 58 works', async () => {
    // The pause between pages, set as a user sets it: in the dashboard's site settings (the default is at least 2 s).
    const dash = await b.extensionPage('dashboard.html');
    await expect.poll(() => dash.evaluate(() => document.querySelector('.dashboard')?.getAttribute('aria-busy'))).toBe('false');
    const label = 'Pause between pages when collecting a long list (milliseconds)';
    const pause = () => dash.evaluate((l: string) => ([...document.querySelectorAll('label')].find((e) => e.textContent?.trim().startsWith(l))?.control as HTMLInputElement | null)?.value ?? null, label);
    await expect.poll(pause).not.toBeNull();
    expect(Number(await pause())).toBeGreaterThanOrEqual(2000);
    expect(await fillLabeled(dash, label, '50')).toBe(true);
    await expect.poll(() => text(dash, 'body')).toContain('Saved.');
    await dash.close();
    expect(await b.background(async () => ((globalThis as { browser?: typeof chrome }).browser ?? chrome).storage.local.get('siteSettings'))).toMatchObject({
      siteSettings: { collectAllDelayMs: 50 },
    });

    profile = slices.page1;
    const { tabId } = await b.visit(ERNST);
    const popup = await b.popup(tabId);
    await expect.poll(() => status(popup)).toMatch(/Google Scholar author page — 20 works (saved|updated)/);
    const asked = () => b.requests.filter((u) => u.includes('cstart='));
    expect(asked()).toEqual([]);
    await expect.poll(() => clickButton(popup, 'Collect all works')).toBe(true);
    await expect.poll(() => text(popup, '.collect p.status'), { timeout: 30_000 }).toBe('Collected all 58 works from 2 pages.');
    await expect.poll(() => status(popup)).toContain('Google Scholar author page — 58 works updated');
    // One request, to the URL the page's own button asks for.
    expect(asked()).toEqual([PAGE2]);
    const { key, capture } = await storedCaptureOf(b, tabId);
    expect(key).toBe('google-scholar:user=SbUmSEAAAAAJ');
    expect(capture?.works).toHaveLength(58);
    // Rows 1 and 58 of the saved page (gsc_a_at).
    expect(capture?.works?.[0]?.title).toBe('Decentralized applications: The blockchain-empowered software system');
    expect(capture?.works?.[57]?.title).toBe('CWECS 2015');
    expect(capture?.notes).toContain('Collected from 2 pages of Google Scholar: all 58 works of the profile');
    expect(await clickButton(popup, 'Collect all works')).toBe(false);
    await popup.close();
    profile = fixtureBytes(ERNST_FIXTURE);
  });

  it('Read this page: a preview, then an author capture once the owner is confirmed', async () => {
    expect(adapterFor(LAB_PAGE)).toBeUndefined();
    expect(adapterFor(READING_LIST)).toBeUndefined();
    const { tabId } = await b.open(LAB_PAGE);
    const popup = await b.popup(tabId);
    await expect.poll(() => clickButton(popup, 'Read this page')).toBe(true);
    // The ACL Anthology author page (2021) lists 5 papers (tests/e2e/read-this-page.test.ts).
    await expect.poll(() => texts(popup, 'h2, h3')).toContain('Found 5 works on this page');
    await expect.poll(() => count(popup, '.preview-works li')).toBe(5);
    expect(await text(popup, '.preview-works li .title')).toBe('AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task');
    expect(await popup.evaluate(() => (document.querySelector('.owner-field input') as HTMLInputElement).value)).toBe('Andreas Madsack');
    // Cancel stores nothing.
    expect(await clickButton(popup, 'Cancel')).toBe(true);
    await expect.poll(() => clickButton(popup, 'Read this page')).toBe(true);
    await expect.poll(() => count(popup, '.owner-check input')).toBe(1);
    expect((await storedCaptures(b)).filter((r) => r.key.startsWith('generic-list:'))).toEqual([]);
    // Tick "This is Andreas Madsack's list of works", save.
    expect(await click(popup, '.owner-check input')).toBe(true);
    await expect.poll(() => clickButton(popup, 'Save 5 works')).toBe(true);
    await expect.poll(() => status(popup)).toContain('Generic list reader author page — 5 works saved');
    await popup.close();
    const rec = (await storedCaptures(b)).find((r) => r.key === `generic-list:${LAB_PAGE}`);
    expect(rec?.capture).toMatchObject({ source: 'generic-list', pageKind: 'author', url: LAB_PAGE, person: { name: 'Andreas Madsack' } });
    expect(rec?.capture.works).toHaveLength(5);

    // Without the owner ticked: a list of works (the arXiv search page's 200 li.arxiv-result).
    const list = await b.open(READING_LIST);
    const popup2 = await b.popup(list.tabId);
    await expect.poll(() => clickButton(popup2, 'Read this page')).toBe(true);
    await expect.poll(() => clickButton(popup2, 'Save 200 works')).toBe(true);
    await expect.poll(() => status(popup2)).toContain('Generic list reader list of works — 200 works saved');
    await popup2.close();
    const rec2 = (await storedCaptures(b)).find((r) => r.key === `generic-list:${READING_LIST}`);
    expect(rec2?.capture).toMatchObject({ source: 'generic-list', pageKind: 'list' });
    expect(rec2?.capture.works).toHaveLength(200);
  });

  it('exports BibTeX from the popup into a file that citation-js reads back', async () => {
    const { tabId } = await b.visit(ERNST);
    const popup = await b.popup(tabId);
    await expect.poll(() => text(popup, '#person-name')).toBe('Jason Ernst');
    const n = Number(/Export (\d+) works/.exec((await text(popup, '#export-title')) ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(await click(popup, 'button[data-format="bibtex"]')).toBe(true);
    // Firefox saves an <a download> Blob into the download folder (a .part file until it is complete).
    const done = () => readdirSync(b.downloads).filter((f) => /^jason-ernst-\d{4}-\d{2}-\d{2}\.bib$/.test(f) && !existsSync(join(b.downloads, `${f}.part`)));
    await expect.poll(() => done().filter((f) => statSync(join(b.downloads, f)).size > 0)).toHaveLength(1);
    await popup.close();
    const bibtex = readFileSync(join(b.downloads, done()[0]!), 'utf8');
    const entries = plugins.input.chain(bibtex, { generateGraph: false }) as { title?: string }[];
    expect(entries).toHaveLength(n);
    expect(entries.map((e) => e.title)).toContain('Decentralized applications: The blockchain-empowered software system');
  });

  it('Erase everything in the dashboard leaves nothing behind', async () => {
    const before = await held(b);
    // What the flows above stored: Scholar, ORCID, two generic lists (the collected profile is the Scholar one), and the pause setting.
    expect(before.databases.find((d) => d.name === 'scholar-lens')?.stores.captures).toBe(4);
    expect(Object.keys(before.local)).toContain('siteSettings');
    expect(Object.keys(before.session).length).toBeGreaterThan(0);

    const dash = await b.extensionPage('dashboard.html');
    await expect.poll(() => dash.evaluate(() => document.querySelector('.dashboard')?.getAttribute('aria-busy'))).toBe('false');
    await expect.poll(() => clickButton(dash, 'Erase everything…')).toBe(true);
    await expect.poll(() => clickButton(dash, 'Erase everything', 'dialog[open]')).toBe(true);
    await expect.poll(() => text(dash, '.storage-used')).toContain('0 pages');
    const pageStorage = await dash.evaluate(() => ({ localStorage: localStorage.length, sessionStorage: sessionStorage.length }));
    await dash.close();

    const after = await held(b);
    expect(after.databases.map((d) => d.name)).toContain('scholar-lens');
    for (const d of after.databases) for (const [store, n] of Object.entries(d.stores)) expect(n, `${d.name}/${store}`).toBe(0);
    expect(after.local).toEqual({});
    expect(after.session).toEqual({});
    expect(after.caches).toEqual([]);
    expect(pageStorage).toEqual({ localStorage: 0, sessionStorage: 0 });
  });
});
