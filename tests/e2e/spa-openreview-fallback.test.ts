// Two more flows in real Chromium:
// 1. OpenReview as a single-page app: a profile page that navigates in place
//    (history.pushState) to a forum page ends with the forum's paper as the
//    tab's status. SYNTHETIC page (OpenReview's HTML is not saved): an empty
//    shell whose script pushState's after 2 s. The API answers are the minimal
//    JSON in the API's documented shape (tests/data/openreview/README.md).
// 2. An adapter written without a saved page meets a layout it does not
//    understand (SYNTHETIC empty Google Research shell): the popup says so,
//    suggests "Read this page", and offers that button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../helpers/fixtures';
import { launch, type Harness } from './harness';

const PROFILE = 'https://openreview.net/profile?id=~Ada_Example1';
const FORUM = 'https://openreview.net/forum?id=SynthAAAA01';
const NO_CORS = { 'access-control-allow-origin': 'https://elsewhere.example' };

describe('OpenReview in-app navigation and an unreadable page\'s fallback', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function json(url: string | RegExp, fixture: string) {
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: fixtureBytes(fixture) }));
  }

  it('profile → forum by pushState: the tab ends with the forum\'s paper', async () => {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>Ada Example | OpenReview</title></head>
      <body><div id="__next"><h1>Ada Example</h1></div>
      <script>setTimeout(() => { history.pushState({}, '', '/forum?id=SynthAAAA01'); document.getElementById('__next').innerHTML = '<h2>A Synthetic Study</h2>'; }, 2000);</script>
      </body></html>`;
    await h.context.route(PROFILE, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: page }));
    await json('https://api2.openreview.net/profiles?id=~Ada_Example1', 'tests/data/openreview/profile_Ada_Example1.json');
    await json(/^https:\/\/api2\.openreview\.net\/notes\?content\.authorids=~Ada_Example1&/, 'tests/data/openreview/notes_authorids_Ada_Example1.json');
    await json('https://api2.openreview.net/notes?forum=SynthAAAA01', 'tests/data/openreview/forum_SynthAAAA01.json');

    const { page: tab, tabId } = await h.visit(PROFILE);
    await tab.waitForURL(FORUM, { timeout: 10_000 });
    const popup = await h.popup(tabId);
    // One submission note in forum_SynthAAAA01.json (the other note is a review).
    await expect.poll(() => popup.locator('.status').textContent(), { timeout: 15_000 }).toContain('OpenReview paper page — 1 work saved');
    await popup.close();
    // Both pages' data were asked for through the background.
    expect(h.requests).toContain('https://api2.openreview.net/profiles?id=~Ada_Example1');
    expect(h.requests).toContain('https://api2.openreview.net/notes?forum=SynthAAAA01');
  });

  it('a Google Research page it cannot read: the popup says so and offers Read this page', async () => {
    const url = 'https://research.google/people/ada-example/';
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><head><title>Google Research</title></head><body><div id="root"></div></body></html>' }));
    const { tabId } = await h.visit(url);
    const popup = await h.popup(tabId);
    await expect.poll(() => popup.locator('.status').textContent()).toBe('Google Research: Google Research: no name heading on this people page — try Read this page');
    await expect.poll(() => popup.getByRole('button', { name: 'Read this page' }).count()).toBe(1);
    await popup.close();
  });
});
