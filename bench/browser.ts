// Chromium with the extension loaded from a private copy of the build: other
// people rebuild .output while a benchmark runs, and a half-written build
// would otherwise be loaded. Same flags and routing as tests/e2e/harness.ts.

import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/chromium';
import { fixtureBytes } from '../tests/helpers/fixtures';
import { BUILD_DIR } from './bundle-size';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The browser's profile folder: names its processes (bench/renderer-memory.ts). */
  userDataDir: string;
  serve(url: string, body: Buffer | string): Promise<void>;
  serveFixture(url: string, fixture: string): Promise<void>;
  /** Open a page and wait until the content script has reported its capture. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `buildDir`: the extension build to load (default .output/chrome-mv3; a copy of another build compares two side by side).
 * `args`: more Chromium flags (bench/memory-phases.ts opens a DevTools port).
 */
export async function launchBench(buildDir = BUILD_DIR, o: { args?: readonly string[] } = {}): Promise<BenchBrowser> {
  const root = mkdtempSync(join(tmpdir(), 'scholar-lens-bench-'));
  const ext = join(root, 'extension');
  // A build being rewritten lacks some of its files for a few seconds: wait for a whole one.
  for (let i = 0; ; i++) {
    rmSync(ext, { recursive: true, force: true });
    try {
      cpSync(buildDir, ext, { recursive: true });
    } catch {
      // files vanished mid-copy; try again
    }
    if (existsSync(join(ext, 'manifest.json')) && existsSync(join(ext, 'popup.html')) && existsSync(join(ext, 'background.js'))) break;
    if (i >= 60) throw new Error('no complete build in .output/chrome-mv3: run `npx wxt build` first');
    await sleep(2000);
  }
  const userDataDir = join(root, 'profile');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(o.args ?? [])],
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('chrome-extension://') || u.startsWith('data:')) return route.continue();
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed in the benchmark' });
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;

  async function visit(url: string) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const sw = context.serviceWorkers()[0]!;
    for (let i = 0; i < 100; i++) {
      const tabId = await sw.evaluate(async (u: string) => {
        const tabs = await chrome.tabs.query({});
        const id = Math.max(-1, ...tabs.filter((t) => t.url === u).map((t) => t.id ?? -1));
        if (id < 0) return -1;
        const k = `tab:${id}`;
        return (await chrome.storage.session.get(k))[k] !== undefined ? id : -1;
      }, page.url());
      if (tabId >= 0) return { page, tabId };
      await sleep(100);
    }
    throw new Error(`the content script reported nothing for ${url}`);
  }

  return {
    context,
    extensionId,
    userDataDir,
    async serve(url, body) {
      await context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body }));
    },
    async serveFixture(url, fixture) {
      const body = fixtureBytes(fixture);
      await context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body }));
    },
    visit,
    async close() {
      await context.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
