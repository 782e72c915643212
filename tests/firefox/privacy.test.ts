// Nothing leaked, in Firefox, for both builds: every request the browser made
// — the pages', the content scripts', the background's and Firefox's own, all
// of them through the test's loopback proxy — while the extension reads a
// Google Scholar profile, an ORCID record page and a Semantic Scholar author
// page, collects all of the profile, and exports from the popup. As in
// tests/e2e/privacy-journey.test.ts: each request goes to the visited page's
// own host or the data host its site serves the page from (the README's
// permissions table: pub.orcid.org, api.semanticscholar.org); exporting makes
// none. Two kinds of request are not the extension's and are told apart by
// what they are, not let through by host:
// - the saved page's own subresources (its <img> on scholar.googleusercontent.com):
//   allowed only when that exact URL is written in the page the test served;
// - Firefox's own settings service, which the harness points at
//   remote-settings.invalid (a name that cannot exist anywhere).
//
// Pages as in the Chromium test: page 1 of the cut Scholar profile
// (tests/helpers/scholar-slices.ts) and its page 2; ORCID and Semantic Scholar
// render from data, so their page is a SYNTHETIC empty shell and the data the
// real saved response, served so that the page's origin may not read it.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../helpers/fixtures';
import { ernstSlices } from '../helpers/scholar-slices';
import { click, clickButton, text } from '../e2e/browser';
import { FIREFOX_BUILDS, launchFirefox, type FirefoxBrowser } from './firefox';

const SCHOLAR = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const SCHOLAR_PAGE2 = `${SCHOLAR}&cstart=20&pagesize=80`;
const ORCID = 'https://orcid.org/0000-0003-4423-4370';
const ORCID_DATA = 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record';
const S2 = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
const S2_DATA = /^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?/;
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app"></div></body></html>';
const NO_CORS = { 'access-control-allow-origin': 'https://elsewhere.example' };
const FIREFOX_SETTINGS_HOST = 'remote-settings.invalid';

/** The hosts that may be asked while on a page of this host: its own, and its site's data host. */
const ALLOWED: Record<string, string[]> = {
  'scholar.google.com': ['scholar.google.com'],
  'orcid.org': ['orcid.org', 'pub.orcid.org'],
  'www.semanticscholar.org': ['www.semanticscholar.org', 'api.semanticscholar.org'],
};

type Step = 'start' | 'browse Scholar' | 'browse ORCID' | 'browse Semantic Scholar' | 'collect all' | 'export from popup';

/** A logged request as a URL (CONNECT tunnels are logged as `connect:host:port`). */
const hostOf = (logged: string) => (logged.startsWith('connect:') ? logged.slice('connect:'.length).replace(/:\d+$/, '') : new URL(logged).hostname);

describe.each(FIREFOX_BUILDS)('Firefox (%s): every request of a session, from the proxy’s log', (build) => {
  let b: FirefoxBrowser;
  const slices = ernstSlices();
  const steps: { step: Step; from: number }[] = [];
  const mark = (step: Step) => steps.push({ step, from: b.requests.length });
  const during = (step: Step) => {
    const i = steps.findIndex((s) => s.step === step);
    return b.requests.slice(steps[i]!.from, steps[i + 1]?.from ?? b.requests.length);
  };
  // What each served page says of itself: its subresources are written in it.
  const served = new Map<string, string>();

  beforeAll(async () => {
    b = await launchFirefox(build);
    steps.push({ step: 'start', from: 0 });
    const html = (url: string, body: string) => {
      served.set(url, body);
      return b.reply(url, () => ({ contentType: 'text/html; charset=utf-8', body }));
    };
    await html(SCHOLAR, slices.page1);
    await html(SCHOLAR_PAGE2, slices.page2);
    await html(ORCID, SHELL);
    await html(S2, SHELL);
    await b.reply(ORCID_DATA, () => ({ contentType: 'application/json', headers: NO_CORS, body: fixtureBytes('orcid/record_0000-0003-4423-4370.json') }));
    await b.reply(S2_DATA, () => ({ contentType: 'application/json', headers: NO_CORS, body: fixtureBytes('semantic_scholar/api_author_2262347_turing.json') }));
  });
  afterAll(async () => {
    await b?.close();
  });

  async function statusOf(tabId: number): Promise<string> {
    const popup = await b.popup(tabId);
    await expect.poll(() => text(popup, 'p.status')).toMatch(/saved|updated/);
    const line = (await text(popup, 'p.status')) ?? '';
    await popup.close();
    return line;
  }

  let scholarTab = 0;
  it('reads a Scholar profile, an ORCID record and a Semantic Scholar author page', async () => {
    mark('browse Scholar');
    scholarTab = (await b.visit(SCHOLAR)).tabId;
    expect(await statusOf(scholarTab)).toContain('Google Scholar author page — 20 works');
    mark('browse ORCID');
    expect(await statusOf((await b.visit(ORCID)).tabId)).toContain('ORCID author page — 26 works');
    expect(during('browse ORCID')).toContain(ORCID_DATA);
    mark('browse Semantic Scholar');
    // The saved record lists 60 papers.
    expect(await statusOf((await b.visit(S2)).tabId)).toContain('Semantic Scholar author page — 60 works');
    expect(during('browse Semantic Scholar').some((u) => S2_DATA.test(u))).toBe(true);
  });

  it('collects all 58 works with one request to the page the profile’s own button names', async () => {
    mark('collect all');
    const popup = await b.popup(scholarTab);
    await expect.poll(() => clickButton(popup, 'Collect all works')).toBe(true);
    // The default pause between pages (at least 2 s) is kept here.
    await expect.poll(() => text(popup, '.collect p.status'), { timeout: 30_000 }).toBe('Collected all 58 works from 2 pages.');
    await popup.close();
    expect(during('collect all').filter((u) => !u.startsWith('connect:') && hostOf(u) !== FIREFOX_SETTINGS_HOST)).toEqual([SCHOLAR_PAGE2]);
  });

  it('exports BibTeX and CSV from the popup without a request to the web', async () => {
    const popup = await b.popup(scholarTab);
    await expect.poll(() => text(popup, '#person-name')).toBe('Jason Ernst');
    mark('export from popup');
    expect(await click(popup, 'button[data-format="bibtex"]')).toBe(true);
    expect(await click(popup, 'button[data-format="csv"]')).toBe(true);
    // Both files are written before the log is read (Firefox names them from the person).
    await expect.poll(() => readdirSync(b.downloads).filter((f) => /^jason-ernst-.*\.(bib|csv)$/.test(f)).sort()).toHaveLength(2);
    await popup.close();
    expect(during('export from popup').filter((u) => hostOf(u) !== FIREFOX_SETTINGS_HOST)).toEqual([]);
  });

  it('every request went to the visited page’s own site or its data host', () => {
    const visited: Partial<Record<Step, string>> = { 'browse Scholar': SCHOLAR, 'browse ORCID': ORCID, 'browse Semantic Scholar': S2, 'collect all': SCHOLAR };
    const wrong: string[] = [];
    const lines: string[] = [];
    let subresources = 0;
    let firefoxOwn = 0;
    for (const { step } of steps) {
      const page = visited[step];
      const allowed = page ? (ALLOWED[new URL(page).hostname] ?? []) : [];
      const pagesOfStep = step === 'collect all' ? [SCHOLAR, SCHOLAR_PAGE2] : page ? [page] : [];
      const log = during(step);
      for (const u of log) {
        const host = hostOf(u);
        if (host === FIREFOX_SETTINGS_HOST) {
          firefoxOwn++;
          continue;
        }
        if (allowed.includes(host)) continue;
        // A subresource of the page shown (an <img src="…"> of the saved page), its tunnel included.
        const named = (url: string) => pagesOfStep.some((p) => (served.get(p) ?? '').replace(/&amp;/g, '&').includes(url));
        if (u.startsWith('connect:') ? pagesOfStep.some((p) => (served.get(p) ?? '').includes(`//${host}/`)) : named(u)) {
          subresources++;
          continue;
        }
        wrong.push(`${step}: ${u}`);
      }
      lines.push(`${step}: ${log.length} (${[...new Set(log.map(hostOf))].join(', ') || 'none'})`);
    }
    expect(wrong).toEqual([]);
    // Figures for the README's "Reliability and privacy" section.
    console.log(
      `firefox privacy (${build}): ${b.requests.length} requests logged, ${subresources} of them the saved pages' own subresources, ${firefoxOwn} Firefox's settings service\n  ${lines.join('\n  ')}`,
    );
  });
});
