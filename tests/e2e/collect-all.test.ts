// "Collect all" in real Chromium: the popup starts it, the profile tab's
// content script reads the rest of the list from the same site, the popup
// shows the progress bar, and the background stores one complete capture.
//
// Pages (tests/helpers/scholar-slices.ts has the exact recipe): cut from the
// real saved profile google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html —
// page 1 = its first 20 `tr.gsc_a_tr` rows with "Show more" enabled, served
// at the profile URL; page 2 = its remaining 38 rows with the button
// disabled, served at the URL the page's own button asks for
// (cstart=20&pagesize=80). The blocked case serves the real saved captcha
// page (google_scholar/blocked_sorry_page.html) as page 2, with status 429.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { fixtureText } from '../helpers/fixtures';
import { ernstSlices } from '../helpers/scholar-slices';
import { launch, type Harness } from './harness';
import { axeViolations } from './axe';
import { docScreenshot } from './screenshots';

const PROFILE = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const PAGE2 = `${PROFILE}&cstart=20&pagesize=80`;
const slices = ernstSlices();


describe('Collect all on a Google Scholar profile', () => {
  let h: Harness;
  // What the route for page 2 answers, changed per test.
  let second: { status: number; body: string; waitMs: number } = { status: 200, body: slices.page2, waitMs: 0 };
  beforeAll(async () => {
    h = await launch();
    await h.context.route((u) => u.href === PROFILE, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: slices.page1 }));
    await h.context.route(
      (u) => u.href === PAGE2,
      async (r) => {
        const { status, body, waitMs } = second;
        await new Promise((res) => setTimeout(res, waitMs));
        await r.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
      },
    ).catch(() => undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The pause, set the way a user sets it: in the dashboard's site settings. */
  async function setDelay(ms: number): Promise<void> {
    const dash = await h.context.newPage();
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await dash.locator('.dashboard[aria-busy="false"]').waitFor();
    const input = dash.getByLabel('Pause between pages when collecting a long list (milliseconds)');
    await input.fill(String(ms));
    await input.blur();
    await dash.getByText('Saved.').waitFor();
    await dash.close();
  }

  async function storedCapture(tabId: number): Promise<{ key?: string; capture?: Capture }> {
    const sw = h.context.serviceWorkers()[0]!;
    return sw.evaluate(async (id: number) => {
      const k = `tab:${id}`;
      const status = (await chrome.storage.session.get(k))[k] as { key?: string };
      if (!status?.key) return {};
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('scholar-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rec = await new Promise<{ capture: Capture } | undefined>((res, rej) => {
        const r = db.transaction('captures').objectStore('captures').get(status.key!);
        r.onsuccess = () => res(r.result as { capture: Capture } | undefined);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return { key: status.key, capture: rec?.capture };
    }, tabId);
  }

  async function openProfile(): Promise<{ tabId: number; popup: Page }> {
    const { tabId } = await h.visit(PROFILE);
    const popup = await h.popup(tabId);
    // Page 1 as stored by ordinary browsing: 20 rows, list marked partial.
    await expect.poll(() => popup.locator('p.status').first().textContent()).toMatch(/Google Scholar author page — 20 works (saved|updated)/);
    return { tabId, popup };
  }

  const page2Requests = () => h.requests.filter((u) => u.includes('cstart='));

  it('the default pause is at least 2 s, and the dashboard changes it', async () => {
    const dash = await h.context.newPage();
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await dash.locator('.dashboard[aria-busy="false"]').waitFor();
    const value = await dash.getByLabel('Pause between pages when collecting a long list (milliseconds)').inputValue();
    expect(Number(value)).toBeGreaterThanOrEqual(2000);
    await dash.close();
    await setDelay(50);
    const sw = h.context.serviceWorkers()[0]!;
    expect(await sw.evaluate(async () => (await chrome.storage.local.get('siteSettings')).siteSettings)).toMatchObject({ collectAllDelayMs: 50 });
  });

  it('collects all 58 works into one capture, with a progress bar on the way', async () => {
    // Page 2 answers after 2 s so the running state can be seen; the pause itself is 50 ms (set above).
    second = { status: 200, body: slices.page2, waitMs: 2000 };
    const before = page2Requests().length;
    const { tabId, popup } = await openProfile();
    const button = popup.getByRole('button', { name: 'Collect all works' });
    await button.click();
    const bar = popup.locator('progress.collect-bar');
    await bar.waitFor();
    // While page 2 loads: the 20 works of page 1, one page read, a lower bound on the time left.
    await expect.poll(() => popup.locator('.collect-running [role="status"]').textContent()).toMatch(/^20 works · 1 page read · at least \d+ s left/);
    expect(await popup.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    // The top of the popup: status, the list's note, the bar, the count and time left, Cancel.
    await docScreenshot(popup, 'collect-all.png', { clip: { x: 0, y: 0, width: 420, height: 300 } });

    await expect.poll(() => popup.locator('.collect p.status').textContent(), { timeout: 15_000 }).toBe('Collected all 58 works from 2 pages.');
    await expect.poll(() => popup.locator('p.status').first().textContent()).toContain('Google Scholar author page — 58 works updated');
    // One request, to the URL the page's own button asks for, on the same origin.
    expect(page2Requests().slice(before)).toEqual([PAGE2]);

    const { key, capture } = await storedCapture(tabId);
    expect(key).toBe('google-scholar:user=SbUmSEAAAAAJ');
    expect(capture?.url).toBe(PROFILE);
    expect(capture?.works).toHaveLength(58);
    // Rows 1 and 58 of the saved page (gsc_a_at).
    expect(capture?.works?.[0]?.title).toBe('Decentralized applications: The blockchain-empowered software system');
    expect(capture?.works?.[57]?.title).toBe('CWECS 2015');
    expect(capture?.notes?.some((n) => /has more/.test(n))).toBe(false);
    expect(capture?.notes).toContain('Collected from 2 pages of Google Scholar: all 58 works of the profile');
    // Nothing left to collect: the button is gone.
    expect(await popup.getByRole('button', { name: 'Collect all works' }).count()).toBe(0);
  });

  it('stops cleanly on a captcha page, says why, and keeps the first 20 works', async () => {
    second = { status: 429, body: fixtureText('google_scholar/blocked_sorry_page.html'), waitMs: 0 };
    const { tabId, popup } = await openProfile();
    await popup.getByRole('button', { name: 'Collect all works' }).click();
    const alert = popup.locator('.collect [role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toBe(
      'Stopped: Google Scholar asked for a captcha ("unusual traffic" check) instead of showing the page. 20 works from 1 page are kept.',
    );
    const { capture } = await storedCapture(tabId);
    expect(capture?.works).toHaveLength(20);
    expect(capture?.notes).toContain('Google Scholar lists 20 works on this page and has more; use Collect all to read the rest');
    // It may be tried again later.
    expect(await popup.getByRole('button', { name: 'Collect all works' }).isVisible()).toBe(true);
  });

  it('cancels during the pause without requesting page 2', async () => {
    await setDelay(10_000);
    second = { status: 200, body: slices.page2, waitMs: 0 };
    const before = page2Requests().length;
    const { tabId, popup } = await openProfile();
    await popup.getByRole('button', { name: 'Collect all works' }).click();
    await popup.locator('progress.collect-bar').waitFor();
    await expect.poll(() => popup.locator('.collect-running [role="status"]').textContent()).toMatch(/^20 works · 1 page read/);
    // The run lives in the tab: a popup closed and opened again finds it running, and can cancel it.
    await popup.close();
    const again = await h.popup(tabId);
    await again.locator('progress.collect-bar').waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => again.locator('.collect [role="alert"]').textContent(), { timeout: 15_000 }).toBe('Cancelled. 20 works from 1 page are kept.');
    expect(page2Requests().length).toBe(before);
    expect((await storedCapture(tabId)).capture?.works).toHaveLength(20);
  });
});
