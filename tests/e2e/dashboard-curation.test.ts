// Dashboard curation in real Chromium, on real saved pages served by request
// routing: exports of everything and of a selection, join/split of works,
// deleting one page, restoring a JSON backup into an empty profile, turning
// automatic reading off and on, a non-Latin profile, and keyboard use.
//
// Pages: Jason Ernst's Google Scholar profile (58 rows, SOURCES.tsv) and the
// view_citation page of his most cited paper; Bangar Raju Cherukuri's profile
// (20 rows) for the automatic-reading switch; Doaa Elmatary's profile in the
// Arabic interface for the right-to-left text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { axeViolations } from './axe';
import { docScreenshot } from './screenshots';

const ERNST = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const ERNST_PAPER = 'https://scholar.google.com/citations?view_op=view_citation&hl=en&oe=ASCII&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC';
const CHERUKURI = 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en';
const ELMATARY = 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar';
const ERNST_ID = 'gscholar%3ASbUmSEAAAAAJ';
// #gsc_prf_il of the Arabic-interface profile (grep of the saved page).
const ELMATARY_AFFILIATION = 'مدرس هندسة الاتصالات في معهد الصفوة العالي للهندسة';


async function dashboard(h: Harness, hash = ''): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/dashboard.html${hash}`);
  await page.locator('.dashboard[aria-busy="false"]').waitFor();
  return page;
}

async function reloadDashboard(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.dashboard[aria-busy="false"]').waitFor();
}

/** "1 people · 57 works · 2 pages" as the dashboard's top bar states it. */
async function totals(page: Page): Promise<{ people: number; works: number; pages: number }> {
  const text = (await page.locator('.topbar .muted').textContent()) ?? '';
  const m = /(\d+) people · (\d+) works · (\d+) pages/.exec(text);
  if (!m) throw new Error(`no totals in "${text}"`);
  return { people: Number(m[1]), works: Number(m[2]), pages: Number(m[3]) };
}

/** The count a works table states: "58 of 58 works". */
async function statedWorks(page: Page): Promise<number> {
  const text = (await page.locator('.works-table > p[role="status"]').first().textContent()) ?? '';
  return Number(/of ([\d,]+) works/.exec(text)?.[1]?.replace(/,/g, ''));
}

async function download(page: Page, group: string, format: string, dir: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: group }).locator(`button[data-format="${format}"]`).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function storedDecisions(page: Page): Promise<{ kind: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ kind: string }[]>((resolve, reject) => {
        const open = indexedDB.open('scholar-lens');
        open.onsuccess = () => {
          const req = open.result.transaction('decisions').objectStore('decisions').getAll();
          req.onsuccess = () => resolve(req.result as { kind: string }[]);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

async function storedCaptures(page: Page): Promise<{ key: string; capture: unknown }[]> {
  return page.evaluate(
    () =>
      new Promise<{ key: string; capture: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('scholar-lens');
        open.onsuccess = () => {
          const req = open.result.transaction('captures').objectStore('captures').getAll();
          req.onsuccess = () => resolve((req.result as { key: string; capture: unknown }[]).map((r) => ({ key: r.key, capture: r.capture })));
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('scholar-lens');
        open.onsuccess = () => {
          const req = open.result.transaction('captures').objectStore('captures').getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String));
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

interface Focused {
  tag: string;
  label: string;
  top: number;
  left: number;
  /** Where the previous stop is now: a focused item scrolls its list, so both are measured in the same scroll state. */
  prev?: { top: number; left: number };
  outline: string;
  inDialog: boolean;
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const w = window as unknown as { lastStop?: Element };
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const at = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { top: r.top + scrollY, left: r.left + scrollX };
    };
    const prev = w.lastStop && w.lastStop !== el ? at(w.lastStop) : undefined;
    w.lastStop = el;
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      ...at(el),
      ...(prev ? { prev } : {}),
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth}` : '',
      inDialog: !!el.closest('dialog'),
    };
  });
}

/** Every control a keyboard user should reach, in document order, named as focused() names them. */
async function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')];
    // checkVisibility: the content of a closed <details> has boxes but is not rendered.
    return all
      .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }))
      .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60));
  });
}

/** Tab from the top of the page until focus leaves the page (or has gone round once). */
async function tabThrough(page: Page, max: number): Promise<Focused[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    delete (window as unknown as { lastStop?: Element }).lastStop;
  });
  const seen: Focused[] = [];
  for (let i = 0; i < max + 1; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) break;
    seen.push(f);
  }
  return seen;
}

/** Tab order, focus outline and visual order of a whole page. */
async function checkKeyboard(page: Page): Promise<void> {
  const expected = await controls(page);
  expect(expected.length).toBeGreaterThan(10);
  const stops = await tabThrough(page, expected.length);
  expect(stops.slice(0, expected.length).map((s) => s.label)).toEqual(expected);
  expect(stops.slice(0, expected.length).filter((s) => !s.outline).map((s) => `${s.tag} ${s.label}`)).toEqual([]);
  expect(outOfOrder(stops.slice(0, expected.length))).toEqual([]);
}

/** Visual order: each stop is below the previous one, or on the same line to its right (a wrapped line may start left). */
function outOfOrder(stops: Focused[]): string[] {
  const bad: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!;
    const b = stops[i]!;
    const from = b.prev ?? a;
    const sameLine = Math.abs(from.top - b.top) < 8;
    if (b.top < from.top - 8 || (sameLine && b.left < from.left)) bad.push(`${a.label} → ${b.label}`);
  }
  return bad;
}

describe('dashboard curation', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-curation-'));
  let selectedBib = '';
  let backupFile = '';
  let restoredFrom: { people: number; works: number; pages: number } | undefined;
  let decisionsFrom: unknown[] = [];
  let capturesFrom: unknown[] = [];

  beforeAll(async () => {
    h = await launch();
    await h.serve(ERNST, 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
    await h.serve(ERNST_PAPER, 'google_scholar/view_citation_ernst_ieeeaccess2018.html');
    await h.serve(CHERUKURI, 'google_scholar/profile_amIMrIEAAAAJ_cherukuri.html');
    await h.visit(ERNST);
    await h.visit(ERNST_PAPER);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exports everything and a selection as files that parse, one entry per work', async () => {
    const dash = await dashboard(h);
    const all = await statedWorks(dash);
    // The profile shows 58 rows; the merge folds repeated rows of one paper, so the table states at most 58.
    expect(all).toBeGreaterThan(40);
    expect(all).toBeLessThanOrEqual(58);
    expect((await totals(dash)).works).toBe(all);

    const bib = await download(dash, 'Export every work', 'bibtex', dir);
    expect(bib.name).toMatch(/\.bib$/);
    expect(new Cite(bib.text).data).toHaveLength(all);
    const csv = await download(dash, 'Export every work', 'csv', dir);
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(all);
    const csl = await download(dash, 'Export every work', 'csl', dir);
    const items = JSON.parse(csl.text) as { title?: string }[];
    expect(items).toHaveLength(all);
    // Row 1 of the profile and #gsc_oci_title of the view_citation page.
    expect(items.map((i) => i.title)).toContain('Decentralized applications: The blockchain-empowered software system');

    // Two works picked by their titles as the profile shows them (rows 4 and 16 of the saved page).
    const picks = ['A survey of QoS/QoE mechanisms in heterogeneous wireless networks', 'Naïve creature learns to cross a highway in a simulated CA-like environment'];
    for (const t of picks) await dash.getByRole('checkbox', { name: `Select: ${t}`, exact: true }).check();
    await expect.poll(() => dash.getByRole('group', { name: 'Selected works' }).locator('.small').first().textContent()).toBe('2 selected');
    const selBib = await download(dash, 'Export selected works', 'bibtex', dir);
    expect(selBib.name).toMatch(/selection/);
    const selEntries = new Cite(selBib.text).data as { title?: string }[];
    expect(selEntries.map((e) => e.title).sort()).toEqual([...picks].sort());
    selectedBib = join(dir, 'ernst-two.bib');
    writeFileSync(selectedBib, selBib.text);
    const selCsv = Papa.parse<Record<string, string>>((await download(dash, 'Export selected works', 'csv', dir)).text, { header: true, skipEmptyLines: true });
    expect(selCsv.data).toHaveLength(2);
    expect(JSON.parse((await download(dash, 'Export selected works', 'csl', dir)).text)).toHaveLength(2);
  });

  it('joins two works of a person and splits a record out again; both survive a reload', async () => {
    const dash = await dashboard(h, `#person=${ERNST_ID}`);
    const heading = dash.locator('#pworks-title');
    const before = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(40);
    // Two different papers of the profile (rows 4 and 16): nothing joins them on its own.
    const a = 'A survey of QoS/QoE mechanisms in heterogeneous wireless networks';
    const b = 'Naïve creature learns to cross a highway in a simulated CA-like environment';
    await dash.getByRole('checkbox', { name: `Select: ${a}`, exact: true }).check();
    await dash.getByRole('checkbox', { name: `Select: ${b}`, exact: true }).check();
    await dash.getByRole('button', { name: 'Join selected into one work' }).click();
    await expect.poll(() => heading.textContent()).toBe(`Works (${before - 1})`);
    expect(await statedWorks(dash)).toBe(before - 1);
    // Shown from the join's provisional merge with "Updating…" at the top, which goes once the rebuild is read back.
    await expect.poll(() => dash.locator('.topbar .updating').count(), { timeout: 60_000 }).toBe(0);
    expect(await heading.textContent()).toBe(`Works (${before - 1})`);

    await reloadDashboard(dash);
    expect(await heading.textContent()).toBe(`Works (${before - 1})`);
    expect((await storedDecisions(dash)).map((d) => d.kind)).toContain('join-works');

    // The joined work lists its records with the titles their page gave them; the other paper's is split out.
    const joined = dash.locator('.works-grid tbody tr', { has: dash.locator('.members li', { hasText: b }) });
    expect(await joined.count()).toBe(1);
    await joined.locator('summary').click();
    const members = joined.locator('.members li');
    expect(await members.count()).toBeGreaterThanOrEqual(2);
    expect(await members.filter({ hasText: a }).count()).toBeGreaterThanOrEqual(1);
    expect(await axeViolations(dash)).toEqual([]);
    await members.filter({ hasText: b }).getByRole('button', { name: /split this record out/ }).click();
    await expect.poll(() => heading.textContent()).toBe(`Works (${before})`);
    await reloadDashboard(dash);
    expect(await heading.textContent()).toBe(`Works (${before})`);
    expect((await storedDecisions(dash)).map((d) => d.kind)).toContain('split-works');
    expect(await dash.getByRole('checkbox', { name: `Select: ${a}`, exact: true }).count()).toBe(1);
    expect(await dash.getByRole('checkbox', { name: `Select: ${b}`, exact: true }).count()).toBe(1);
  });

  it('deletes one page of a person after confirmation; the person keeps the other page', async () => {
    // Two of his works as his own bibliography: a second page of the same person.
    const dash = await dashboard(h);
    await dash.getByLabel('Whose bibliography is it?', { exact: false }).fill('Jason Ernst');
    await dash.getByLabel('File to import').setInputFiles(selectedBib);
    await expect.poll(() => dash.locator('.status').textContent()).toContain("ernst-two.bib: 2 works imported as Jason Ernst's");
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html#person=${ERNST_ID}`);
    await dash.locator('#person-name').waitFor();
    // Same name and two shared works: the merge puts both pages under one person by itself.
    await expect.poll(() => dash.locator('.pages li').count()).toBe(2);
    const sources = dash.getByLabel('Source');
    expect(await sources.locator('option').allTextContents()).toContain('Your bibliography');
    const pagesBefore = (await totals(dash)).pages;

    const page = dash.locator('.pages li', { hasText: 'Your bibliography' });
    await page.getByRole('button', { name: 'Delete page…' }).click();
    const dialog = dash.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('The saved Your bibliography page of Jason Ernst will be deleted');
    await dialog.getByRole('button', { name: 'Delete page' }).click();
    await expect.poll(() => dash.locator('.pages li').count()).toBe(1);
    expect(await dash.locator('.pages li').textContent()).toContain('Google Scholar');
    expect(await sources.locator('option').allTextContents()).not.toContain('Your bibliography');
    expect((await totals(dash)).pages).toBe(pagesBefore - 1);
    expect(await storedKeys(dash)).not.toContain('bibliography:ernst-two.bib');
  });

  it('reads nothing while automatic reading is off for Google Scholar, and says so in the popup', async () => {
    const dash = await dashboard(h);
    const keysBefore = await storedKeys(dash);
    await dash.getByRole('checkbox', { name: 'Google Scholar' }).uncheck();
    await dash.getByText('Saved.').waitFor();

    const { page, tabId } = await h.visit(CHERUKURI);
    const popup = await h.popup(tabId);
    await expect.poll(() => popup.locator('.status').textContent()).toBe('Automatic reading is off for Google Scholar: this page was not read.');
    // It offers one reading and says where to turn it back on; the any-site readers are not offered for a site of its own.
    expect(await popup.getByRole('button', { name: 'Save this page once' }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'dashboard', exact: true }).getAttribute('href')).toBe(`chrome-extension://${h.extensionId}/dashboard.html`);
    expect(await popup.getByRole('button', { name: 'Read this page' }).count()).toBe(0);
    expect(await popup.getByText(/Always read article pages/).count()).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    expect(await storedKeys(dash)).toEqual(keysBefore);

    await dash.getByRole('checkbox', { name: 'Google Scholar' }).check();
    await dash.getByText('Saved.').waitFor();
    const sw = h.context.serviceWorkers()[0]!;
    await sw.evaluate(async (id: number) => chrome.storage.session.remove(`tab:${id}`), tabId);
    await page.reload({ waitUntil: 'load' });
    await expect
      .poll(async () => sw.evaluate(async (id: number) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { outcome?: string } | undefined)?.outcome, tabId))
      .toBe('added');
    await popup.reload();
    // 20 rows on the saved profile (SOURCES.tsv: "20 rows").
    await expect.poll(() => popup.locator('.status').textContent()).toBe('Google Scholar author page — 20 works saved');
    // #gsc_prf_in of the saved page.
    expect(await popup.locator('#person-name').textContent()).toBe('Bangar Raju Cherukuri');
    expect((await storedKeys(dash)).length).toBe(keysBefore.length + 1);
  });

  it('reaches every control of the popup and the dashboard with Tab, in visual order, with a visible focus', async () => {
    const { tabId } = await h.visit(ERNST);
    const popup = await h.popup(tabId);
    await popup.locator('#person-name').waitFor();
    await checkKeyboard(popup);
    // Long titles and venues (his list has 58) wrap instead of widening the popup.
    expect(await popup.evaluate(() => document.body.scrollWidth - document.body.clientWidth)).toBeLessThanOrEqual(0);

    const home = await dashboard(h);
    await checkKeyboard(home);
    const dash = await dashboard(h, `#person=${ERNST_ID}`);
    await dash.locator('#person-name').waitFor();
    await checkKeyboard(dash);
    expect(await dash.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // The confirmation dialog keeps focus inside it, and Escape closes it without deleting.
    const opener = dash.getByRole('button', { name: 'Delete person…' });
    await opener.focus();
    await dash.keyboard.press('Enter');
    const dialog = dash.getByRole('dialog');
    await dialog.waitFor();
    expect((await focused(dash))?.label).toBe('Cancel');
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await dash.keyboard.press(key);
      const f = await focused(dash);
      expect(f?.inDialog, `after ${key}: ${f?.label ?? 'nothing'}`).toBe(true);
      expect(f?.outline).not.toBe('');
    }
    await dash.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await dash.evaluate(() => document.activeElement?.textContent)).toBe('Delete person…');
    expect(await dash.locator('#person-name').textContent()).toBe('Jason Ernst');
  });

  it('writes a backup the dashboard offers', async () => {
    const dash = await dashboard(h);
    restoredFrom = await totals(dash);
    decisionsFrom = await storedDecisions(dash);
    capturesFrom = await storedCaptures(dash);
    const [file] = await Promise.all([dash.waitForEvent('download'), dash.locator('button[data-format="json"]').click()]);
    backupFile = join(dir, file.suggestedFilename());
    await file.saveAs(backupFile);
    expect(JSON.parse(readFileSync(backupFile, 'utf8')).format).toBe('scholar-lens.backup');
  });

  describe('in an empty profile', () => {
    let empty: Harness;
    beforeAll(async () => {
      empty = await launch();
      await empty.serve(ELMATARY, 'google_scholar/profile_LZ5D_p4AAAAJ_elmatary_ar.html');
    });
    afterAll(async () => {
      await empty?.close();
    });

    it('restores the backup exactly, and importing it again changes nothing', async () => {
      const dash = await dashboard(empty);
      expect(await dash.locator('.empty h1').textContent()).toBe('Nothing collected yet');
      await dash.getByLabel('File to import').setInputFiles(backupFile);
      await expect.poll(() => dash.locator('.status').textContent()).toMatch(/^Backup imported: \d+ page\(s\) written, 0 already present/);
      await expect.poll(() => totals(dash)).toEqual(restoredFrom);
      const keys = await storedKeys(dash);
      const decisions = await storedDecisions(dash);
      // Ernst's profile and paper page, Cherukuri's profile (the bibliography page was deleted).
      expect(keys.length).toBe(3);
      // The joined work had three records (rows 4 and 49 of the profile are one paper, plus row 16): the join named
      // every record against the first work's first one. Splitting row 16 out is one decision against each of the
      // others, which replaced the join naming row 16; a join left names rows 4 and 49 only (one paper anyway).
      expect(decisions.filter((d) => d.kind === 'split-works')).toHaveLength(2);
      for (const d of decisions.filter((d) => d.kind === 'join-works')) expect((d as { works?: string[] }).works?.join(' ')).not.toMatch(/#16\b/);
      expect(decisions).toEqual(decisionsFrom);
      // Every stored page comes back as it was captured, field for field.
      expect(await storedCaptures(dash)).toEqual(capturesFrom);
      expect(await dash.locator('.people-list li a').allTextContents()).toEqual(['Bangar Raju Cherukuri', 'Jason Ernst']);
      // Google Scholar's switch was turned on again before the backup.
      expect(await dash.getByRole('checkbox', { name: 'Google Scholar' }).isChecked()).toBe(true);

      await dash.getByLabel('File to import').setInputFiles(backupFile);
      await expect.poll(() => dash.locator('.status').textContent()).toBe(`Backup imported: 0 page(s) written, 3 already present, 0 decision(s).`);
      expect(await totals(dash)).toEqual(restoredFrom);
      expect(await storedKeys(dash)).toEqual(keys);
      expect((await storedDecisions(dash)).length).toBe(decisions.length);

      await dash.locator('.people-list li a', { hasText: 'Jason Ernst' }).click();
      await dash.locator('#person-name').waitFor();
      // #gsc_prf_il of his profile; 485 is the "Cited by" of row 1.
      expect(await dash.locator('.person > p[dir="auto"]', { hasText: 'Guelph' }).textContent()).toBe('University of Guelph');
      expect(await dash.locator('.works-grid tbody tr').first().locator('td.num').textContent()).toBe('485');
    });

    it('renders an Arabic affiliation right-to-left in the popup and the dashboard without overflow', async () => {
      const { tabId } = await empty.visit(ELMATARY);
      const popup = await empty.popup(tabId);
      await popup.locator('#person-name').waitFor();
      // #gsc_prf_in of the saved page.
      expect(await popup.locator('#person-name').textContent()).toBe('Doaa Elmatary');
      const aff = popup.locator('.person .affiliation');
      expect(await aff.textContent()).toBe(ELMATARY_AFFILIATION);
      expect(await aff.getAttribute('dir')).toBe('auto');
      expect(await aff.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      const overflow = await popup.evaluate(() => ({ sw: document.body.scrollWidth, cw: document.body.clientWidth }));
      expect(overflow.sw).toBeLessThanOrEqual(overflow.cw);
      await docScreenshot(popup, 'popup-arabic.png', { fullPage: true });

      const dash = await dashboard(empty);
      const row = dash.locator('.people-list li', { hasText: 'Doaa Elmatary' });
      // Each data string of the row in its own <bdi> (issue 14, finding 8), laid out in its own direction.
      const rowAff = row.locator('bdi', { hasText: ELMATARY_AFFILIATION });
      expect(await rowAff.textContent()).toBe(ELMATARY_AFFILIATION);
      expect(await rowAff.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      await row.locator('a').click();
      await dash.locator('#person-name').waitFor();
      const dAff = dash.locator('.person > p[dir="auto"]', { hasText: ELMATARY_AFFILIATION });
      expect(await dAff.count()).toBe(1);
      expect(await dAff.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      const dOverflow = await dash.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
      expect(dOverflow.sw).toBeLessThanOrEqual(dOverflow.cw);
    });
  });
});
