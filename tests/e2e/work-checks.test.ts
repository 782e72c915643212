// The works the user is asked to check, in real Chromium: a possible
// namesake's work flagged on a person with pages on two sites ("It's theirs" /
// "Not theirs", the removed note and its Undo, "includes 1 flagged work" beside
// the figures) and a title-less record placed into a work by its abstract
// ("placed by abstract"), in the dashboard and the popup, light and dark.
//
// Pages, read by the real adapters in the browser: Rui Tan's DBLP person XML
// (behind an empty page shell, as DBLP renders its page from that XML) and the
// arXiv abstract page of EMPIR (2004.10162). The second site of Rui Tan is his
// own bibliography, imported in the dashboard as his.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture, Work } from '../../src/core/capture';
import { captureData } from '../../src/adapters/run';
import { dblpAdapter } from '../../src/sites/dblp';
import { FIXED_NOW, fixtureText } from '../helpers/fixtures';
import { launch, type Harness } from './harness';
import { axeViolations } from './axe';

const DBLP = 'https://dblp.org/pid/00/5179.html';
const DBLP_XML = 'https://dblp.org/pid/00/5179.xml';
const ARXIV = 'https://arxiv.org/abs/2004.10162';
// SYNTHETIC: DBLP renders its person page from the person XML; the page is this empty shell, the XML the real fixture.
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>dblp</title></head><body><div id="app"></div></body></html>';

// SYNTHETIC: a namesake's paper appended to his real DBLP page (the one of the last test of
// tests/unit/merge-cli.test.ts): another field, no co-author, venue or title word in common with his works.
const NAMESAKE = 'Hydrothermal alteration of basaltic oceanic crust';
const NAMESAKE_ENTRY = [
  '<r><article key="journals/synthetic/TanP21" mdate="2021-06-01">',
  '<author pid="00/5179">Rui Tan</author>',
  '<author>Olga Petrov</author>',
  `<title>${NAMESAKE}.</title>`,
  '<year>2021</year>',
  '<journal>Geochimica et Cosmochimica Acta</journal>',
  '</article>',
  '</r>',
  '',
].join('\n');
// h1.title / citation_title of the saved arXiv page.
const EMPIR = 'EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks';
// SYNTHETIC list page (a portal listing outputs by abstract only): its one record is the arXiv page's abstract, read at test time.
const PORTAL = 'https://research-portal.example/outputs';

/** The real person XML with the namesake's entry before the co-author list (where DBLP's records end). */
function dblpXml(): string {
  const xml = fixtureText('dblp/person_00-5179_RuiTan.xml');
  const at = xml.indexOf('<coauthors');
  if (at < 0) throw new Error('no <coauthors> in the DBLP fixture');
  return xml.slice(0, at) + NAMESAKE_ENTRY + xml.slice(at);
}

/** SYNTHETIC bibliography of Rui Tan, typed from the first three records of his real DBLP page. */
function tanBib(): string {
  const dblp = captureData(dblpAdapter, fixtureText('dblp/person_00-5179_RuiTan.xml'), new URL(DBLP_XML), 'xml', { now: FIXED_NOW });
  const entry = (k: string, w: Work) => `@inproceedings{${k},\n  title={${w.title}},\n  author={${w.authors!.join(' and ')}},\n  year={${w.year}}\n}\n`;
  return dblp.works!.slice(0, 3).map((w, i) => entry(`tan${i + 1}`, w)).join('\n');
}

/** A backup holding only the SYNTHETIC list page whose one record has an abstract and nothing else. */
function portalBackup(abstract: string): string {
  const capture: Capture = {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'generic-list',
    pageKind: 'list',
    url: PORTAL,
    capturedAt: FIXED_NOW.toISOString(),
    // As the list reader marks a record it found no title for.
    works: [{ abstract, flags: ['no-title'] }],
  };
  const at = FIXED_NOW.toISOString();
  return JSON.stringify({
    format: 'scholar-lens.backup',
    version: 1,
    exportedAt: at,
    captures: [{ key: `generic-list:${PORTAL}`, firstSeen: at, lastSeen: at, capture }],
    decisions: [],
    settings: {},
  });
}

async function storedCapture(h: Harness, key: string): Promise<Capture | undefined> {
  return h.context.serviceWorkers()[0]!.evaluate(async (k: string) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('scholar-lens');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rec = await new Promise<{ capture: Capture } | undefined>((res, rej) => {
      const r = db.transaction('captures').objectStore('captures').get(k);
      r.onsuccess = () => res(r.result as { capture: Capture } | undefined);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rec?.capture;
  }, key);
}

async function tabKey(h: Harness, tabId: number): Promise<string> {
  return h.context.serviceWorkers()[0]!.evaluate(async (id: number) => {
    const k = `tab:${id}`;
    return ((await chrome.storage.session.get(k))[k] as { key: string }).key;
  }, tabId);
}

async function storedDecisions(page: Page): Promise<{ kind: string; work?: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ kind: string; work?: string }[]>((resolve, reject) => {
        const open = indexedDB.open('scholar-lens');
        open.onsuccess = () => {
          const req = open.result.transaction('decisions').objectStore('decisions').getAll();
          req.onsuccess = () => resolve(req.result as { kind: string; work?: string }[]);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

async function dashboard(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
  await page.locator('.dashboard[aria-busy="false"]').waitFor();
  return page;
}

/** The DBLP page and the arXiv page visited, his bibliography and the portal list imported. Returns the DBLP tab. */
async function seed(h: Harness): Promise<number> {
  await h.context.route(DBLP, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
  const xml = dblpXml();
  await h.context.route(DBLP_XML, (r) => r.fulfill({ status: 200, contentType: 'application/xml', body: xml }));
  await h.serve(ARXIV, 'arxiv/abs_2004.10162.html');
  const dblp = await h.visit(DBLP);
  const arxiv = await h.visit(ARXIV);
  const abstract = (await storedCapture(h, await tabKey(h, arxiv.tabId)))?.works?.[0]?.abstract;
  if (!abstract || abstract.length < 200) throw new Error(`the arXiv page's abstract was not read: ${abstract}`);

  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-checks-'));
  const bib = join(dir, 'tan.bib');
  writeFileSync(bib, tanBib());
  const portal = join(dir, 'portal-backup.json');
  writeFileSync(portal, portalBackup(abstract));
  const dash = await dashboard(h);
  await dash.getByLabel('Whose bibliography is it?', { exact: false }).fill('Rui Tan');
  await dash.getByLabel('File to import').setInputFiles(bib);
  // Waits, not expect.poll: this runs in beforeAll.
  await dash.locator('.status', { hasText: "tan.bib: 3 works imported as Rui Tan's" }).waitFor();
  await dash.getByLabel('Whose bibliography is it?', { exact: false }).fill('');
  await dash.getByLabel('File to import').setInputFiles(portal);
  await dash.locator('.status', { hasText: /^Backup imported: 1 page\(s\) written/ }).waitFor();
  await dash.close();
  return dblp.tabId;
}

/** Rui Tan's page in the dashboard, reached from the people list. */
async function tanPage(h: Harness): Promise<Page> {
  const dash = await dashboard(h);
  // One person: the DBLP page and the bibliography share three works under the same name.
  expect(await dash.locator('.people-list li a').allTextContents()).toEqual(['Rui Tan']);
  await dash.locator('.people-list li a', { hasText: 'Rui Tan' }).click();
  await dash.locator('#person-name').waitFor();
  await expect.poll(() => dash.locator('.pages li').count()).toBe(2);
  return dash;
}

const worksCount = async (page: Page) => Number(/\((\d+)\)/.exec((await page.locator('#pworks-title').textContent()) ?? '')?.[1]);
/** Works in the whole library, as the top bar states them ("1 people · 137 works · 4 pages"). */
async function totalWorks(page: Page): Promise<number> {
  return Number(/ (\d+) works /.exec((await page.locator('.topbar .muted').textContent()) ?? '')?.[1]);
}
const figuresNote = (page: Page) => page.locator('.metrics > p.muted').textContent();

describe('works to check (light)', () => {
  let h: Harness;
  let dblpTab = 0;
  beforeAll(async () => {
    h = await launch();
    dblpTab = await seed(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('flags the namesake\'s work on the person page, with both answers, and the figures say they include it', async () => {
    const dash = await tanPage(h);
    const checks = dash.getByRole('region', { name: 'Works to check' });
    const item = checks.locator('.flagged li');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.title').textContent()).toBe(NAMESAKE);
    expect(await item.locator('.meta').textContent()).toBe('Geochimica et Cosmochimica Acta · 2021');
    expect(await item.locator('.flag-text').textContent()).toBe('only on DBLP — check that it is theirs');
    expect(await item.getByRole('button', { name: `It's theirs: ${NAMESAKE}` }).textContent()).toBe("It's theirs");
    expect(await item.getByRole('button', { name: `Not theirs: ${NAMESAKE}` }).textContent()).toBe('Not theirs');
    // Nothing was removed yet.
    expect(await checks.locator('.removed-works').count()).toBe(0);
    // DBLP and the bibliography: two sites.
    expect(await figuresNote(dash)).toMatch(/ across 2 sites; includes 1 flagged work[;.]/);
    // The works table (a page of it at a time: searched) marks the flagged work, its tooltip the flag's text.
    await dash.getByLabel('Search works').fill('Hydrothermal');
    const marks = dash.locator('.works-grid .mark--flag');
    await expect.poll(() => marks.count()).toBe(1);
    expect(await marks.getAttribute('title')).toBe('Only on DBLP — check that it is theirs.');
    expect(await dash.locator('.works-grid summary', { has: dash.locator('.mark--flag') }).textContent()).toBe(`${NAMESAKE} flagged`);
    expect(await axeViolations(dash)).toEqual([]);
  });

  it('marks the work the title-less record joined "placed by abstract", on the work and on the record, which splits out', async () => {
    const dash = await dashboard(h);
    await dash.getByLabel('Search works').fill('EMPIR');
    const row = dash.locator('.works-grid tbody tr', { has: dash.locator('summary', { hasText: EMPIR }) });
    await expect.poll(() => row.count()).toBe(1);
    const mark = row.locator('summary .mark--placement');
    expect(await mark.textContent()).toBe('placed by abstract');
    expect(await mark.getAttribute('title')).toBe('Joined by its abstract.');
    await row.locator('summary').first().click();
    const members = row.locator('.members li');
    expect(await members.count()).toBe(2);
    // The arXiv page's record keeps its title; the portal's has none and carries the mark.
    const page = members.filter({ hasText: 'arXiv (paper page' });
    expect(await page.textContent()).toContain(`“${EMPIR}”`);
    expect(await page.locator('.mark').count()).toBe(0);
    const placed = members.filter({ hasText: 'Generic list reader (list page' });
    expect(await placed.locator('.mark--placement').textContent()).toBe('placed by abstract');
    expect(await placed.textContent()).not.toContain('“');
    expect(await row.locator('details > p.muted').textContent()).toBe('Joined by: abstract');
    expect(await axeViolations(dash)).toEqual([]);

    // The work is nobody's (a list page's record is attributed to no one): it is split in the list of all works.
    const works = await totalWorks(dash);
    await placed.getByRole('button', { name: 'split this record out' }).click();
    await expect.poll(() => totalWorks(dash)).toBe(works + 1);
    await dash.getByLabel('Search works').fill('EMPIR');
    await expect.poll(() => row.locator('.mark').count()).toBe(0);
    expect((await storedDecisions(dash)).map((d) => d.kind)).toEqual(['split-works']);
    // The portal's record is a work of its own again, title-less.
    await dash.getByLabel('Search works').fill('');
    expect(await dash.locator('.works-grid summary', { hasText: '(untitled)' }).count()).toBe(1);
  });

  it('shows the flag in the popup opened on his DBLP page', async () => {
    const popup = await h.popup(dblpTab);
    // <dblpperson n="135">: the 135 records of the page plus the synthetic one.
    await expect.poll(() => popup.locator('.status').textContent()).toContain('DBLP author page — 136 works saved');
    expect(await popup.locator('#person-name').textContent()).toBe('Rui Tan');
    const item = popup.getByRole('region', { name: 'Works to check' }).locator('.flagged li');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.title').textContent()).toBe(NAMESAKE);
    expect(await item.locator('.flag-text').textContent()).toBe('only on DBLP — check that it is theirs');
    expect(await item.getByRole('button').allTextContents()).toEqual(["It's theirs", 'Not theirs']);
    expect(await figuresNote(popup)).toMatch(/; includes 1 flagged work[;.]/);
    expect(await axeViolations(popup)).toEqual([]);
    // The flag's buttons fit the popup's width.
    expect(await popup.evaluate(() => document.body.scrollWidth - document.body.clientWidth)).toBeLessThanOrEqual(0);
    await popup.close();
  });

  it('"Not theirs" removes the work, with a note and an Undo that puts it back unflagged', async () => {
    const dash = await tanPage(h);
    const before = await worksCount(dash);
    const checks = dash.getByRole('region', { name: 'Works to check' });
    await checks.getByRole('button', { name: `Not theirs: ${NAMESAKE}` }).click();
    await expect.poll(() => worksCount(dash)).toBe(before - 1);
    expect(await checks.locator('.flagged li').count()).toBe(0);
    expect(await checks.locator('.removed-works summary').textContent()).toBe('1 work removed as not theirs');
    expect(await figuresNote(dash)).not.toContain('flagged');
    await dash.getByLabel('Search works').fill('Hydrothermal');
    await expect.poll(() => dash.locator('.works-table > p[role="status"]').textContent()).toMatch(/^0 of /);

    // Stored: it stays removed after a reload.
    await dash.reload();
    await dash.locator('#person-name').waitFor();
    expect(await worksCount(dash)).toBe(before - 1);
    // The split of the test before, and the answer for this person and work.
    expect((await storedDecisions(dash)).map((d) => d.kind).sort()).toEqual(['remove-work', 'split-works']);
    const note = dash.locator('.work-checks .removed-works');
    await note.locator('summary').click();
    expect(await note.locator('li [dir="auto"]').textContent()).toBe(NAMESAKE);
    expect(await axeViolations(dash)).toEqual([]);

    await note.getByRole('button', { name: `Undo removing: ${NAMESAKE}` }).click();
    await expect.poll(() => worksCount(dash)).toBe(before);
    // Undo is a confirm: the work is back and no longer flagged, so nothing is left to check.
    expect(await dash.locator('.work-checks').count()).toBe(0);
    await dash.getByLabel('Search works').fill('Hydrothermal');
    await expect.poll(() => dash.locator('.works-grid summary').allTextContents()).toEqual([NAMESAKE]);
    expect(await figuresNote(dash)).not.toContain('flagged');
    // One answer per person and work is kept, the latest: Undo's confirm replaced the removal.
    expect((await storedDecisions(dash)).map((d) => d.kind).sort()).toEqual(['confirm-work', 'split-works']);

    // The popup agrees.
    const popup = await h.popup(dblpTab);
    await popup.locator('#person-name').waitFor();
    expect(await popup.locator('.work-checks').count()).toBe(0);
    expect(await figuresNote(popup)).not.toContain('flagged');
  });
});

describe('works to check (dark)', () => {
  let h: Harness;
  let dblpTab = 0;
  beforeAll(async () => {
    h = await launch({ colorScheme: 'dark' });
    dblpTab = await seed(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the flag and the marks without serious accessibility problems', async () => {
    const dash = await tanPage(h);
    expect(await dash.locator('.work-checks .flagged li').count()).toBe(1);
    await dash.getByLabel('Search works').fill('Hydrothermal');
    await expect.poll(() => dash.locator('.works-grid .mark--flag').count()).toBe(1);
    expect(await axeViolations(dash)).toEqual([]);
    const home = await dashboard(h);
    await home.getByLabel('Search works').fill('EMPIR');
    await expect.poll(() => home.locator('.works-grid summary .mark--placement').count()).toBe(1);
    expect(await axeViolations(home)).toEqual([]);
    const popup = await h.popup(dblpTab);
    await popup.locator('.work-checks .flagged li').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
  });
});
