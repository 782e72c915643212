// A single-page app navigating in place, in real Chromium: the tab's status
// and the store must end up with the page actually shown, never the previous
// page's data.
//
// SYNTHETIC page: Semantic Scholar's HTML is not saved, so the page at the
// first author's address is a small shell whose script, after 2 s,
// history.pushState's to a second author's address and, 1 s later, redraws
// (canonical link and heading) — the way the app is assumed to behave. The
// first author's Graph API response is the real fixture
// (semantic_scholar/api_author_2262347_turing.json), answered slowly (4 s) so
// that it arrives after the navigation; the second author's response is a
// minimal JSON shaped like the Graph API's author response (SYNTHETIC: no
// second real author record is saved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { fixtureBytes } from '../helpers/fixtures';
import { launch, type Harness } from './harness';

const FIRST = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
const SECOND_PATH = '/author/Test-Author-Two/1000001';
const SECOND = `https://www.semanticscholar.org${SECOND_PATH}`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>A. Turing</title>
<link rel="canonical" href="${FIRST}"></head>
<body><div id="app"><h1>A. Turing</h1></div>
<script>
setTimeout(() => {
  history.pushState({}, '', '${SECOND_PATH}');
  setTimeout(() => {
    document.querySelector('link[rel="canonical"]').href = '${SECOND}';
    document.title = 'Test Author Two';
    document.getElementById('app').innerHTML = '<h1>Test Author Two</h1>';
  }, 1000);
}, 2000);
</script></body></html>`;

// SYNTHETIC, shaped like GET /graph/v1/author/{id}?fields=name,paperCount,citationCount,hIndex,papers.title,…
const SECOND_JSON = JSON.stringify({
  authorId: '1000001',
  name: 'Test Author Two',
  affiliations: [],
  paperCount: 2,
  citationCount: 5,
  hIndex: 1,
  papers: [
    { paperId: '0000000000000000000000000000000000000001', title: 'A synthetic first paper', year: 2020, authors: [{ authorId: '1000001', name: 'Test Author Two' }] },
    { paperId: '0000000000000000000000000000000000000002', title: 'A synthetic second paper', year: 2021, authors: [{ authorId: '1000001', name: 'Test Author Two' }] },
  ],
});

const NO_CORS = { 'access-control-allow-origin': 'https://elsewhere.example' };

describe('single-page app navigation (history.pushState)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('captures the author navigated to, and drops the first author\'s late data', async () => {
    await h.context.route(FIRST, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: PAGE }));
    await h.context.route(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?/, async (r) => {
      await new Promise((res) => setTimeout(res, 4000));
      await r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: fixtureBytes('semantic_scholar/api_author_2262347_turing.json') });
    });
    await h.context.route(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/1000001\?/, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: SECOND_JSON }),
    );

    const { page, tabId } = await h.visit(FIRST);
    // Past the first author's slow answer (2 s + 4 s after load), so a stale result would have landed.
    await page.waitForTimeout(6000);
    expect(page.url()).toBe(SECOND);

    const sw = h.context.serviceWorkers()[0]!;
    const { status, captures } = await sw.evaluate(async (id: number) => {
      const k = `tab:${id}`;
      const status = (await chrome.storage.session.get(k))[k] as { url: string; key?: string; works: number };
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('scholar-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const captures = await new Promise<{ key: string; capture: Capture }[]>((res, rej) => {
        const r = db.transaction('captures').objectStore('captures').getAll();
        r.onsuccess = () => res(r.result as { key: string; capture: Capture }[]);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return { status, captures };
    }, tabId);

    expect(status.url).toBe(SECOND);
    // Two papers in SECOND_JSON.
    expect(status.works).toBe(2);
    expect(captures.map((c) => c.capture.person?.name)).toEqual(['Test Author Two']);
    expect(captures[0]?.capture.person?.ids?.s2).toBe('1000001');
    // The first author's data was asked for (and answered late), and nothing of it was kept.
    expect(h.requests.some((u) => u.startsWith('https://api.semanticscholar.org/graph/v1/author/2262347?'))).toBe(true);

    const popup = await h.popup(tabId);
    await expect.poll(() => popup.locator('.status').textContent()).toContain('Semantic Scholar author page — 2 works saved');
    await popup.close();
  });
});

// The same SYNTHETIC shell, this time with the first author read in time: between the
// navigation and the second capture the popup must not present the first author as this page.
describe('the popup while an in-app navigation is being read', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows "Reading this tab…", then the page navigated to — never the previous page\'s status', async () => {
    const first = 'https://www.semanticscholar.org/author/2262347';
    const page = PAGE.replace(FIRST, first).replace('}, 2000);', '}, 3000);').replace('}, 1000);', '}, 2500);');
    await h.context.route(first, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: page }));
    await h.context.route(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?/, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: fixtureBytes('semantic_scholar/api_author_2262347_turing.json') }),
    );
    await h.context.route(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/1000001\?/, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: SECOND_JSON }),
    );
    const { page: tab, tabId } = await h.visit(first);
    const before = await h.popup(tabId);
    // The real record has 60 papers ("paperCount": 60).
    await expect.poll(() => before.locator('.status').textContent()).toContain('Semantic Scholar author page — 60 works saved');
    await before.close();

    await tab.waitForURL(SECOND, { timeout: 10_000 });
    const popup = await h.popup(tabId, { drawn: false });
    const line = popup.locator('.status');
    await expect.poll(() => line.textContent()).toBe('Reading this tab…');
    await expect.poll(() => line.textContent(), { timeout: 15_000 }).toContain('Semantic Scholar author page — 2 works saved');
    await popup.close();
  });
});
