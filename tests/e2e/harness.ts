// Real Chromium with the built extension loaded, pages served by request
// routing from the saved fixtures (nothing reaches the network).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { chromiumPath } from './chromium';
import { fixtureBytes } from '../helpers/fixtures';
import { matchesAddress, type ExtensionBrowser, type ExtensionPage } from './browser';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Chromium's side of the browser-neutral interface (./browser.ts), plus playwright's own objects for the Chromium-only tests. */
export interface Harness extends ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser made, for privacy assertions. */
  requests: string[];
  /** Serve a fixture (bytes as saved) for requests to a URL pattern. */
  serve(urlPattern: string | RegExp, fixture: string, contentType?: string): Promise<void>;
  /** Open a page and wait until the content script has reported its capture to the background. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  /** Open the popup for a tab, as the toolbar button would. */
  /** The popup for a tab, once loaded and drawn whole; `{ drawn: false }`: as soon as it is there (to see its "Reading this tab…"). */
  popup(tabId: number, o?: { drawn?: boolean }): Promise<Page>;
  extensionPage(path: string): Promise<Page & ExtensionPage>;
  close(): Promise<void>;
}

export async function launch(opts: { colorScheme?: 'light' | 'dark' } = {}): Promise<Harness> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'scholar-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // Anything not routed to a fixture is refused: the tests never touch the network.
  await context.route('**/*', (route: Route) => {
    const u = route.request().url();
    if (u.startsWith('chrome-extension://') || u.startsWith('data:')) return route.continue();
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed in the test' });
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;

  async function tabIdOf(url: string): Promise<number> {
    const sw = context.serviceWorkers()[0]!;
    for (let i = 0; i < 50; i++) {
      const id = await sw.evaluate(async (u: string) => {
        const tabs = await chrome.tabs.query({});
        return Math.max(-1, ...tabs.filter((t) => t.url === u).map((t) => t.id ?? -1));
      }, url);
      if (id >= 0) return id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no tab for ${url}`);
  }

  async function waitForStatus(tabId: number): Promise<void> {
    const sw = context.serviceWorkers()[0]!;
    for (let i = 0; i < 100; i++) {
      const has = await sw.evaluate(async (id: number) => {
        const k = `tab:${id}`;
        return (await chrome.storage.session.get(k))[k] !== undefined;
      }, tabId);
      if (has) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the content script reported nothing for tab ${tabId}`);
  }

  async function open(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return { page, tabId: await tabIdOf(page.url()) };
  }

  return {
    name: 'chromium',
    context,
    extensionId,
    requests,
    async serve(urlPattern, fixture, contentType = 'text/html') {
      const body = fixtureBytes(fixture);
      await context.route(urlPattern, (route) => route.fulfill({ status: 200, contentType, body }));
    },
    async reply(address, answer) {
      await context.route(
        (u) => matchesAddress(address, u.href),
        async (route) => {
          const r = await answer();
          await route.fulfill({ status: r.status ?? 200, contentType: r.contentType ?? 'text/html', headers: r.headers, body: Buffer.from(r.body) });
        },
      );
    },
    open,
    async visit(url) {
      const opened = await open(url);
      await waitForStatus(opened.tabId);
      return opened;
    },
    async popup(tabId, o = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      // Loaded and drawn whole (the first profile takes two frames: src/ui/popup/Popup.tsx).
      if (o.drawn !== false) await page.locator('main.popup[aria-busy="false"]').waitFor();
      return page;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    // playwright's overloads cannot name a generic argument type: the function goes as one of unknown.
    background: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      context.serviceWorkers()[0]!.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
