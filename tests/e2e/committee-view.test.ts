// The committee view and the data-table exports in real Chromium, on real
// saved pages served by request routing: everyone's figures side by side,
// sorting both ways, filtering by name and by site, two people compared,
// the table as CSV, and the library as JSON Lines and Parquet files that
// DuckDB reads.
//
// Pages: three Google Scholar profiles as saved (Ernst, all 58 rows;
// Cherukuri, 20 rows; Elmatary in the Arabic interface, 12 rows) and Rui
// Tan's DBLP person, which DBLP renders from its XML: the page is a
// SYNTHETIC empty shell and the data the real saved XML.
// By hand (tests/unit/metrics-scholar.test.ts, formats-data-engines.test.ts):
// Cherukuri 20 works, 425 citations, h 11; Elmatary 56 citations, h 4; Ernst
// 1036 citations once Scholar's duplicate rows are joined; DBLP states no
// citation counts, so Rui Tan's are unknown; his XML holds 135 records.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launch, type Harness } from './harness';

const ERNST = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const CHERUKURI = 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en';
const ELMATARY = 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar';
const DBLP = 'https://dblp.org/pid/00/5179.html';
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>dblp</title></head><body><div id="app"></div></body></html>';

const names = (page: Page) => page.locator('.committee tbody tr[data-person] th.name a').allTextContents();
const cell = (page: Page, person: string, column: string) =>
  page.locator('.committee tbody tr[data-person]', { has: page.getByRole('link', { name: person, exact: true }) }).locator(`td[data-column="${column}"]`).textContent();

describe('committee view', () => {
  let h: Harness;
  let dash: Page;
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-committee-'));

  beforeAll(async () => {
    h = await launch();
    await h.serve(ERNST, 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
    await h.serve(CHERUKURI, 'google_scholar/profile_amIMrIEAAAAJ_cherukuri.html');
    await h.serve(ELMATARY, 'google_scholar/profile_LZ5D_p4AAAAJ_elmatary_ar.html');
    await h.context.route(DBLP, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.serve('https://dblp.org/pid/00/5179.xml', 'dblp/person_00-5179_RuiTan.xml', 'application/xml');
    for (const url of [ERNST, CHERUKURI, ELMATARY, DBLP]) await h.visit(url);
    dash = await h.context.newPage();
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await dash.locator('.dashboard[aria-busy="false"]').waitFor();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows everyone side by side, most cited first, unknown where no page gives counts', async () => {
    await dash.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Committee view' }).click();
    await dash.getByRole('heading', { name: 'Committee view' }).waitFor();
    expect(await names(dash)).toEqual(['Jason Ernst', 'Bangar Raju Cherukuri', 'Doaa Elmatary', 'Rui Tan']);
    expect(await cell(dash, 'Bangar Raju Cherukuri', 'papers')).toBe('20');
    expect(await cell(dash, 'Bangar Raju Cherukuri', 'citations')).toBe('425');
    expect(await cell(dash, 'Bangar Raju Cherukuri', 'hIndex')).toBe('11');
    expect(await cell(dash, 'Doaa Elmatary', 'hIndex')).toBe('4');
    expect(await cell(dash, 'Jason Ernst', 'citations')).toBe('1,036');
    expect(await cell(dash, 'Rui Tan', 'citations')).toBe('unknown');
    expect(await cell(dash, 'Rui Tan', 'hIndex')).toBe('unknown');
    expect(await cell(dash, 'Rui Tan', 'hAIndex')).toBe('unknown');
    expect(await axeViolations(dash)).toEqual([]);
  });

  it('sorts by a column both ways, unknown last either way', async () => {
    const head = dash.locator('button[data-column="hIndex"]');
    await head.click();
    expect(await dash.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    const desc = await names(dash);
    expect(desc.slice(1)).toEqual(['Bangar Raju Cherukuri', 'Doaa Elmatary', 'Rui Tan']);
    await head.click();
    expect(await dash.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const asc = await names(dash);
    expect(asc.slice(0, 2)).toEqual(['Doaa Elmatary', 'Bangar Raju Cherukuri']);
    expect(asc.at(-1)).toBe('Rui Tan');
    await dash.locator('button[data-column="name"]').click();
    expect(await names(dash)).toEqual(['Bangar Raju Cherukuri', 'Doaa Elmatary', 'Jason Ernst', 'Rui Tan']);
  });

  it('filters by name and by site', async () => {
    await dash.getByLabel('Filter by name').fill('cheru');
    expect(await names(dash)).toEqual(['Bangar Raju Cherukuri']);
    await dash.getByLabel('Filter by name').fill('');
    await dash.getByLabel('Site').selectOption({ label: 'DBLP' });
    expect(await names(dash)).toEqual(['Rui Tan']);
    expect(await dash.locator('.committee [role="status"]').textContent()).toBe('1 of 4 people');
    await dash.getByLabel('Site').selectOption({ label: 'Every site' });
  });

  it('compares two people year by year', async () => {
    await dash.getByRole('checkbox', { name: 'Compare Jason Ernst' }).check();
    await dash.getByRole('checkbox', { name: 'Compare Bangar Raju Cherukuri' }).check();
    const charts = dash.locator('.committee-page .chart-grid figure');
    await expect.poll(() => charts.count()).toBe(2);
    for (const fig of await charts.all()) expect(await fig.locator('.legend li').allTextContents()).toEqual(['Jason Ernst', 'Bangar Raju Cherukuri']);
    // Both Scholar profiles chart citations per year; every bar names its person and year.
    const citationBars = charts.first().locator('rect.bar');
    expect(await citationBars.count()).toBeGreaterThan(5);
    expect(await citationBars.first().locator('title').textContent()).toMatch(/^Jason Ernst, \d{4}: [\d,]+$/);
    expect(await axeViolations(dash)).toEqual([]);
  });

  it('exports the table as CSV: unknown is an empty cell', async () => {
    const [file] = await Promise.all([dash.waitForEvent('download'), dash.locator('button[data-format="committee-csv"]').click()]);
    expect(file.suggestedFilename()).toMatch(/^scholar-lens-committee-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.map((r) => r.name)).toEqual(['Bangar Raju Cherukuri', 'Doaa Elmatary', 'Jason Ernst', 'Rui Tan']);
    expect(rows.data[0]).toMatchObject({ citations: '425', h_index: '11', sites: 'Google Scholar' });
    expect(rows.data[3]).toMatchObject({ citations: '', h_index: '', sites: 'DBLP' });
  });

  it('exports the library as JSON Lines and Parquet files DuckDB reads', async () => {
    await dash.getByRole('link', { name: '← Everyone' }).click();
    const group = dash.getByRole('group', { name: 'Export data tables' });
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      for (const format of ['jsonl', 'parquet'] as const) {
        const files: Download[] = [];
        const collect = (d: Download) => files.push(d);
        dash.on('download', collect);
        await group.locator(`button[data-format="${format}"]`).click();
        await expect.poll(() => files.length).toBe(4);
        dash.off('download', collect);
        const paths: Record<string, string> = {};
        for (const f of files) {
          const table = /-(people|works|person_works|metrics)\.(jsonl|parquet)$/.exec(f.suggestedFilename())?.[1];
          expect(table, f.suggestedFilename()).toBeDefined();
          paths[table!] = join(dir, f.suggestedFilename());
          await f.saveAs(paths[table!]!);
        }
        const read = (t: string) => (format === 'jsonl' ? `read_json('${paths[t]}', format = 'newline_delimited')` : `read_parquet('${paths[t]}')`);
        const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();
        expect(await rows(`select count(*)::INTEGER as n from ${read('people')}`)).toEqual([{ n: 4 }]);
        const byName = await rows(`
          select p.name, count(*)::INTEGER as links, any_value(m.citations)::INTEGER as citations, any_value(m.h_index)::INTEGER as h
          from ${read('person_works')} l join ${read('people')} p using (person_id) join ${read('metrics')} m using (person_id)
          group by p.name order by p.name`);
        expect(byName).toEqual([
          { name: 'Bangar Raju Cherukuri', links: 20, citations: 425, h: 11 },
          { name: 'Doaa Elmatary', links: 12, citations: 56, h: 4 },
          { name: 'Jason Ernst', links: 58, citations: 1036, h: expect.any(Number) },
          { name: 'Rui Tan', links: 135, citations: null, h: null },
        ]);
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
