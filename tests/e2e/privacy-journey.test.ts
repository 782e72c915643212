// Nothing leaked, over a whole session of use: every request Chromium makes is
// recorded while the extension (a) reads a Google Scholar profile, an ORCID
// record page and a Semantic Scholar author page, (b) runs Collect all on a
// Scholar profile cut into two pages, and (c) exports BibTeX and CSV from the
// popup and from the dashboard. Each request the extension makes must go to
// the visited page's own host or the data host its site serves the page from
// (the README's permissions table names them: pub.orcid.org,
// api.semanticscholar.org); exporting makes no request to the web at all.
//
// Pages: the Scholar profile is page 1 of google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html
// cut as tests/helpers/scholar-slices.ts describes (20 rows, "Show more" on), page 2 its
// remaining 38 rows. ORCID and Semantic Scholar render from data: their page is a SYNTHETIC
// empty shell, the data is the real saved response (as in tests/e2e/sites.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { fixtureBytes } from '../helpers/fixtures';
import { ernstSlices } from '../helpers/scholar-slices';
import { launch, type Harness } from './harness';

const SCHOLAR = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const SCHOLAR_PAGE2 = `${SCHOLAR}&cstart=20&pagesize=80`;
const ORCID = 'https://orcid.org/0000-0003-4423-4370';
const ORCID_DATA = 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record';
const S2 = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
const S2_DATA = /^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?/;
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app"></div></body></html>';
// An API that does not let the page's origin read it: the data can only come through the background.
const NO_CORS = { 'access-control-allow-origin': 'https://elsewhere.example' };

/** The hosts the extension may ask while on a page of this host: its own, and its site's data host. */
const ALLOWED: Record<string, string[]> = {
  'scholar.google.com': ['scholar.google.com'],
  'orcid.org': ['orcid.org', 'pub.orcid.org'],
  'www.semanticscholar.org': ['www.semanticscholar.org', 'api.semanticscholar.org'],
};

type Step = 'browse Scholar' | 'browse ORCID' | 'browse Semantic Scholar' | 'collect all' | 'export from popup' | 'export from dashboard' | 'setup';

interface Seen {
  step: Step;
  url: string;
  type: string;
  by: 'service-worker' | 'extension-page' | 'web-page';
}

function who(r: Request): Seen['by'] {
  if (r.serviceWorker()) return 'service-worker';
  try {
    return r.frame().url().startsWith('chrome-extension://') ? 'extension-page' : 'web-page';
  } catch {
    // Requests without a frame come from a worker: in this browser only the extension's has one.
    return 'service-worker';
  }
}

const isWeb = (u: string) => /^https?:/.test(u);
/** The extension's own requests: its service worker, its pages, and the content script's fetches in the page. */
const byExtension = (s: Seen) => s.by !== 'web-page' || s.type === 'fetch' || s.type === 'xhr';

describe('privacy over a session: browsing, collecting all, exporting', () => {
  let h: Harness;
  let step: Step = 'setup';
  const seen: Seen[] = [];
  const slices = ernstSlices();
  let scholarTab = 0;

  const during = (s: Step) => seen.filter((r) => r.step === s);

  async function statusOf(tabId: number): Promise<string> {
    const popup = await h.popup(tabId);
    const line = popup.locator('p.status').first();
    await line.waitFor();
    await expect.poll(() => line.textContent()).toMatch(/saved|updated/);
    const text = (await line.textContent()) ?? '';
    await popup.close();
    return text;
  }

  async function download(page: Page, button: ReturnType<Page['locator']>): Promise<string> {
    const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return d.suggestedFilename();
  }

  beforeAll(async () => {
    h = await launch();
    h.context.on('request', (r) => seen.push({ step, url: r.url(), type: r.resourceType(), by: who(r) }));
    const html = (body: string) => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
    await h.context.route((u) => u.href === SCHOLAR, (r) => r.fulfill(html(slices.page1)));
    await h.context.route((u) => u.href === SCHOLAR_PAGE2, (r) => r.fulfill(html(slices.page2)));
    await h.context.route(ORCID, (r) => r.fulfill(html(SHELL)));
    await h.context.route(ORCID_DATA, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: fixtureBytes('orcid/record_0000-0003-4423-4370.json') }),
    );
    await h.context.route(S2, (r) => r.fulfill(html(SHELL)));
    await h.context.route(S2_DATA, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: fixtureBytes('semantic_scholar/api_author_2262347_turing.json') }),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) reads a Scholar profile, an ORCID record and a Semantic Scholar author page', async () => {
    step = 'browse Scholar';
    scholarTab = (await h.visit(SCHOLAR)).tabId;
    // Page 1 holds the saved page's first 20 tr.gsc_a_tr rows (scholar-slices.ts).
    expect(await statusOf(scholarTab)).toContain('Google Scholar author page — 20 works');

    step = 'browse ORCID';
    const orcid = await h.visit(ORCID);
    // 26 groups in activities-summary.works.group of the saved record.
    expect(await statusOf(orcid.tabId)).toContain('ORCID author page — 26 works');
    expect(during('browse ORCID').map((r) => r.url)).toContain(ORCID_DATA);

    step = 'browse Semantic Scholar';
    const s2 = await h.visit(S2);
    // The saved record lists 60 papers.
    expect(await statusOf(s2.tabId)).toContain('Semantic Scholar author page — 60 works');
    expect(during('browse Semantic Scholar').some((r) => S2_DATA.test(r.url))).toBe(true);
  });

  it('(b) collects all 58 works of the Scholar profile from its own site', async () => {
    step = 'collect all';
    const popup = await h.popup(scholarTab);
    await popup.getByRole('button', { name: 'Collect all works' }).click();
    // 20 + 38 rows: the 58 tr.gsc_a_tr of the saved page. The default pause between pages (≥ 2 s) is kept.
    await expect.poll(() => popup.locator('.collect p.status').textContent(), { timeout: 30_000 }).toBe('Collected all 58 works from 2 pages.');
    await popup.close();
    expect(during('collect all').filter((r) => isWeb(r.url) && byExtension(r)).map((r) => r.url)).toEqual([SCHOLAR_PAGE2]);
  });

  it('(c) exports BibTeX and CSV from the popup and the dashboard without a request to the web', async () => {
    step = 'export from popup';
    const popup = await h.popup(scholarTab);
    await popup.locator('#person-name').waitFor();
    const files = [
      await download(popup, popup.locator('button[data-format="bibtex"]').first()),
      await download(popup, popup.locator('button[data-format="csv"]').first()),
    ];
    await popup.close();

    step = 'export from dashboard';
    const dash = await h.context.newPage();
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await dash.locator('.dashboard[aria-busy="false"]').waitFor();
    const all = dash.getByRole('group', { name: 'Export every work' });
    files.push(await download(dash, all.locator('button[data-format="bibtex"]')), await download(dash, all.locator('button[data-format="csv"]')));
    await dash.close();
    expect(files.map((f) => f.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual(['jason-ernst-DATE.bib', 'jason-ernst-DATE.csv', expect.stringMatching(/\.bib$/), expect.stringMatching(/\.csv$/)]);

    for (const s of ['export from popup', 'export from dashboard'] as const) {
      expect(during(s).filter((r) => isWeb(r.url))).toEqual([]);
      // What is requested at all is the extension's own files (pages, scripts, the writers loaded on the first click) and the file's blob.
      const other = during(s).filter((r) => !r.url.startsWith(`chrome-extension://${h.extensionId}/`) && !r.url.startsWith('blob:chrome-extension://'));
      expect(other).toEqual([]);
    }
  });

  it('every request the extension made went to the visited page’s own site or its data host', () => {
    const visited: Partial<Record<Step, string>> = { 'browse Scholar': SCHOLAR, 'browse ORCID': ORCID, 'browse Semantic Scholar': S2, 'collect all': SCHOLAR };
    const wrong: string[] = [];
    for (const r of seen.filter((x) => isWeb(x.url) && byExtension(x))) {
      const page = visited[r.step];
      const allowed = page ? ALLOWED[new URL(page).hostname] ?? [] : [];
      if (!allowed.includes(new URL(r.url).hostname)) wrong.push(`${r.step}: ${r.by} ${r.type} ${r.url}`);
    }
    expect(wrong).toEqual([]);
    // The data hosts are asked by the background (the page's CORS would refuse the content script), for the record only.
    const fromWorker = seen.filter((r) => r.by === 'service-worker' && isWeb(r.url)).map((r) => r.url);
    expect(fromWorker.every((u) => u === ORCID_DATA || S2_DATA.test(u)), fromWorker.join(', ')).toBe(true);

    // Figures for the README's "Reliability and privacy" section.
    const steps: Step[] = ['browse Scholar', 'browse ORCID', 'browse Semantic Scholar', 'collect all', 'export from popup', 'export from dashboard'];
    const lines = steps.map((s) => {
      const all = during(s);
      const web = all.filter((r) => isWeb(r.url));
      const ext = web.filter(byExtension);
      const local = s.startsWith('export') ? `; local: ${all.map((r) => r.url.replace(/^chrome-extension:\/\/[^/]+/, '').replace(/^blob:.*/, 'blob')).join(' ')}` : '';
      return `${s}: ${all.length} requests, ${web.length} to the web, ${ext.length} by the extension (${[...new Set(ext.map((r) => new URL(r.url).hostname))].join(', ') || 'none'})${local}`;
    });
    console.log(`privacy journey: ${seen.length} requests recorded\n  ${lines.join('\n  ')}`);
  });
});
