// What every real-browser test needs from a browser with the built extension
// in it, whichever browser it is: answer requests for an address (a saved page
// served at its real URL), visit a page, open the popup or another extension
// page, and run code in the extension's background. Chromium implements it in
// ./harness.ts (playwright-core), Firefox in ../firefox/firefox.ts
// (puppeteer-core over WebDriver BiDi). The helpers below use only this
// interface, so a flow written with them runs in both browsers.
//
// Functions handed to `evaluate` or `background` are sent as source text and
// run in the page: they must not use anything from the test file around them
// (pass what they need as their one JSON-serializable argument).

import type { Capture } from '../../src/core/capture';

/** An answer to a request, as a site would give it. */
export interface Reply {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

/** An address: the exact URL, or a pattern for a URL with a query the test does not fix. */
export type Address = string | RegExp;

/** A page of the extension (the popup, the dashboard) as a test sees it. */
export interface ExtensionPage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  /** 'chromium', 'firefox-mv2', 'firefox-mv3'. */
  readonly name: string;
  /** Every request to the web the browser made, in order (full URLs). */
  readonly requests: string[];
  /** Serve a saved page or data file (bytes as saved) at an address. */
  serve(address: Address, fixture: string, contentType?: string): Promise<void>;
  /** Answer requests for an address with what `answer` says (called for each request). */
  reply(address: Address, answer: () => Reply | Promise<Reply>): Promise<void>;
  /** Open a page in a new tab and wait until its content script has reported to the background. */
  visit(url: string): Promise<{ tabId: number }>;
  /** Open a page in a new tab without waiting for the extension (a page no content script claims). */
  open(url: string): Promise<{ tabId: number }>;
  /** Open the popup for a tab, as the toolbar button would. */
  popup(tabId: number): Promise<ExtensionPage>;
  /** Open one of the extension's own pages (path such as 'dashboard.html#person=…'). */
  extensionPage(path: string): Promise<ExtensionPage>;
  /** Run `fn` in the extension's background (Chromium: the service worker; Firefox: the background page). */
  background<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

export function matchesAddress(address: Address, url: string): boolean {
  return typeof address === 'string' ? address === url : address.test(url);
}

// ---- reading what the extension keeps (run in the background) -------------

export interface TabStatus {
  key?: string;
  source: string;
  pageKind: string;
}

/** The tab's status as the background recorded it, undefined if none yet. */
export function tabStatus(b: ExtensionBrowser, tabId: number): Promise<TabStatus | undefined> {
  return b.background(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const k = `tab:${id}`;
    return ((await api.storage.session.get(k)) as Record<string, TabStatus | undefined>)[k] ?? undefined;
  }, tabId);
}

/** Every record of the captures store as stored — key, capture, url, timesSeen… (none when the database was never made: opening it would create it empty). */
export function storedRecords<R extends { key: string } = { key: string; capture: Capture; url: string; timesSeen: number }>(b: ExtensionBrowser): Promise<R[]> {
  return b.background(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'scholar-lens')) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('scholar-lens');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    if (!db.objectStoreNames.contains('captures')) return [];
    const all = await new Promise<R[]>((res, rej) => {
      const r = db.transaction('captures').objectStore('captures').getAll();
      r.onsuccess = () => res(r.result as R[]);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return all;
  });
}

/** The kept views' meta record (src/core/kept-views.ts ViewsMeta), as the background wrote it; undefined when none. */
export function storedViewsMeta(b: ExtensionBrowser): Promise<{ dirty: boolean; error?: string; merged?: { in: string; ms: number; why?: string } } | undefined> {
  return b.background(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'scholar-lens')) return undefined;
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('scholar-lens');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    if (!db.objectStoreNames.contains('viewsMeta')) return (db.close(), undefined);
    const meta = await new Promise<unknown>((res, rej) => {
      const r = db.transaction('viewsMeta').objectStore('viewsMeta').get('current');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return meta as { dirty: boolean; error?: string; merged?: { in: string; ms: number; why?: string } } | undefined;
  });
}

/** Every stored capture with its key. */
export function storedCaptures(b: ExtensionBrowser): Promise<{ key: string; capture: Capture }[]> {
  return storedRecords<{ key: string; capture: Capture }>(b);
}

/** The capture stored for the page a tab shows. */
export async function storedCaptureOf(b: ExtensionBrowser, tabId: number): Promise<{ key?: string; capture?: Capture }> {
  const key = (await tabStatus(b, tabId))?.key;
  if (!key) return {};
  return { key, capture: (await storedCaptures(b)).find((r) => r.key === key)?.capture };
}

export interface Held {
  databases: { name: string; stores: Record<string, number> }[];
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  caches: string[];
}

/** Everything the extension holds, as its background sees it: record counts per object store, storage areas whole. */
export function held(b: ExtensionBrowser): Promise<Held> {
  return b.background(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const databases: { name: string; stores: Record<string, number> }[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const stores: Record<string, number> = {};
      for (const name of [...db.objectStoreNames])
        stores[name] = await new Promise<number>((res, rej) => {
          const r = db.transaction(name).objectStore(name).count();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      db.close();
      databases.push({ name: info.name, stores });
    }
    return {
      databases,
      local: await api.storage.local.get(null),
      session: await api.storage.session.get(null),
      // Cache Storage is there only on a secure origin; an extension's is one in both browsers.
      caches: typeof caches === 'undefined' ? [] : await caches.keys(),
    };
  });
}

// ---- looking at and using an extension page (run in the page) -------------

/** The text of the first element matching a selector, null when there is none. */
export function text(page: ExtensionPage, selector: string): Promise<string | null> {
  return page.evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector);
}

/** The texts of every element matching a selector. */
export function texts(page: ExtensionPage, selector: string): Promise<string[]> {
  return page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);
}

export function count(page: ExtensionPage, selector: string): Promise<number> {
  return page.evaluate((s: string) => document.querySelectorAll(s).length, selector);
}

/** Clicks the button whose text (trimmed) is `name`; false when there is none (yet). */
export function clickButton(page: ExtensionPage, name: string, within = 'body'): Promise<boolean> {
  return page.evaluate(
    ({ name, within }: { name: string; within: string }) => {
      const b = [...document.querySelectorAll(`${within} button`)].find((e) => e.textContent?.trim() === name) as HTMLButtonElement | undefined;
      if (!b || b.disabled) return false;
      b.click();
      return true;
    },
    { name, within },
  );
}

/** Types into a field as a user does: the value, then an input event (what Preact listens to). */
export function fill(page: ExtensionPage, selector: string, value: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, value }: { selector: string; value: string }) => {
      const el = document.querySelector(selector) as HTMLInputElement | null;
      if (!el) return false;
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      el.blur();
      return true;
    },
    { selector, value },
  );
}

/** Clicks the first element matching a selector; false when there is none (yet). */
export function click(page: ExtensionPage, selector: string): Promise<boolean> {
  return page.evaluate((s: string) => {
    const el = document.querySelector(s) as HTMLElement | null;
    el?.click();
    return !!el;
  }, selector);
}

/** Fills the field whose label's text starts with `label`, as `fill` does. */
export function fillLabeled(page: ExtensionPage, label: string, value: string): Promise<boolean> {
  return page.evaluate(
    ({ label, value }: { label: string; value: string }) => {
      const l = [...document.querySelectorAll('label')].find((e) => e.textContent?.trim().startsWith(label));
      const el = (l?.control ?? l?.querySelector('input, textarea')) as HTMLInputElement | null | undefined;
      if (!el) return false;
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      el.blur();
      return true;
    },
    { label, value },
  );
}
