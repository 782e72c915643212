// "Erase everything" leaves nothing: pages are stored by browsing (a Google
// Scholar profile, an ORCID record page) and by importing a bibliography, a
// link decision is made in the popup, a site setting is changed, then the
// dashboard's button is used with its confirmation, and everything the
// extension could keep is read back from its service worker and its pages:
// every IndexedDB database and object store, chrome.storage.local and
// .session, Cache Storage, and the extension origin's localStorage.
//
// Pages: google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html as saved; ORCID renders from data,
// so its page is a SYNTHETIC empty shell and the data the real saved v3.0 record.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { held, type Held } from './browser';

const SCHOLAR = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const ORCID = 'https://orcid.org/0000-0003-4423-4370';
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app"></div></body></html>';

describe('Erase everything', () => {
  let h: Harness;
  let after: Held | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-erase-'));
  beforeAll(async () => {
    h = await launch();
    await h.serve(SCHOLAR, 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
    await h.context.route(ORCID, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.serve('https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', 'orcid/record_0000-0003-4423-4370.json', 'application/json');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function dashboard(): Promise<Page> {
    const dash = await h.context.newPage();
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await dash.locator('.dashboard[aria-busy="false"]').waitFor();
    return dash;
  }

  it('stores pages, a decision and a setting, erases them through the dashboard’s confirmation, and nothing remains', async () => {
    const scholar = await h.visit(SCHOLAR);
    const orcid = await h.visit(ORCID);
    // A decision, as tests/e2e/popup-dashboard.test.ts makes one: one entry of the popup's own BibTeX
    // export imported as Jason Ernst's bibliography, then "Same person" confirmed in the popup.
    const popup = await h.popup(scholar.tabId);
    await popup.locator('#person-name').waitFor();
    const [bib] = await Promise.all([popup.waitForEvent('download'), popup.locator('button[data-format="bibtex"]').first().click()]);
    const bibFile = join(dir, 'ernst.bib');
    await bib.saveAs(bibFile);
    const entry = readFileSync(bibFile, 'utf8').split(/\n(?=@)/).find((e) => e.includes('Decentralized applications'));
    expect(entry).toBeDefined();
    writeFileSync(join(dir, 'ernst-own.bib'), entry!);
    const dash = await dashboard();
    await dash.getByLabel('Whose bibliography is it?', { exact: false }).fill('Jason Ernst');
    await dash.getByLabel('File to import').setInputFiles(join(dir, 'ernst-own.bib'));
    await expect.poll(() => dash.locator('.status').textContent()).toContain('1 works imported');
    await popup.reload();
    await popup.getByRole('button', { name: 'Same person' }).click();
    await expect.poll(() => popup.locator('.sources li').count()).toBe(2);
    await popup.close();
    await dash.getByRole('checkbox', { name: 'Google Scholar' }).uncheck();
    await dash.getByText('Saved.').waitFor();

    const before = await held(h);
    // Three pages (two browsed, one imported), the decision, the setting in the store (for backups) and in
    // storage.local (for the content scripts), a status per open tab in storage.session: the test sees what it then expects to be gone.
    expect(before.databases.find((d) => d.name === 'scholar-lens')?.stores).toMatchObject({ captures: 3, decisions: 1, settings: 1 });
    expect(Object.keys(before.local)).toContain('siteSettings');
    expect(Object.keys(before.session).sort()).toEqual([`tab:${scholar.tabId}`, `tab:${orcid.tabId}`].sort());

    await dash.reload();
    await dash.locator('.dashboard[aria-busy="false"]').waitFor();
    await dash.getByRole('button', { name: 'Erase everything…' }).click();
    const dialog = dash.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Erase everything' }).click();
    await expect.poll(() => dash.locator('.storage-used').textContent()).toContain('0 pages');
    const pageStorage = await dash.evaluate(() => ({ localStorage: localStorage.length, sessionStorage: sessionStorage.length }));
    await dash.close();

    after = await held(h);
    console.log(`erase e2e: before ${JSON.stringify(before.databases)}, local ${Object.keys(before.local).join(',')}, session ${Object.keys(before.session).join(',')}; after ${JSON.stringify({ ...after, session: Object.keys(after.session) })}`);
    // The database itself stays (its schema is the extension's, not the user's data); every store in it is empty.
    expect(after.databases.map((d) => d.name)).toContain('scholar-lens');
    for (const d of after.databases) for (const [store, n] of Object.entries(d.stores)) expect(n, `${d.name}/${store}`).toBe(0);
    expect(after.local).toEqual({});
    expect(after.caches).toEqual([]);
    expect(pageStorage).toEqual({ localStorage: 0, sessionStorage: 0 });
  });

  // The background's per-tab statuses hold each open tab's address and what was stored from it.
  it('leaves no tab status in storage.session either', () => {
    expect(after?.session).toEqual({});
  });
});
