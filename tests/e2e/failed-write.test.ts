// A failed write leaves the store exactly as it was and the popup says so, in
// real Chromium with the built extension.
//
// A real quota error cannot be produced here: the extension holds
// `unlimitedStorage`, and Chromium then ignores the origin's quota (checked with
// the DevTools protocol's Storage.overrideQuotaForOrigin: the quota reads 1,000
// bytes and a 5 MB IndexedDB write still commits). So the failure is injected
// in the service worker at the IndexedDB level: each put succeeds inside its
// transaction, then the transaction aborts — what a quota or disk error does at
// commit — and IndexedDB itself must roll the put back.
//
// Pages: google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html as saved, then page 1 of it as
// tests/helpers/scholar-slices.ts cuts it (20 rows) at the same address; ORCID renders from
// data, so its page is a SYNTHETIC empty shell and its data the real saved v3.0 record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../helpers/fixtures';
import { ernstSlices } from '../helpers/scholar-slices';
import { launch, type Harness } from './harness';

const SCHOLAR = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const ORCID = 'https://orcid.org/0000-0003-4423-4370';
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app"></div></body></html>';

describe('a failed write', () => {
  let h: Harness;
  let scholarBody = fixtureText('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
  beforeAll(async () => {
    h = await launch();
    await h.context.route((u) => u.href === SCHOLAR, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: scholarBody }));
    await h.context.route(ORCID, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.serve('https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', 'orcid/record_0000-0003-4423-4370.json', 'application/json');
  });
  afterAll(async () => {
    await h?.close();
  });

  const sw = () => h.context.serviceWorkers()[0]!;

  /** Every record of the captures store, as stored (key and whole value). */
  async function dump(): Promise<unknown[]> {
    return sw().evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('scholar-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const all = await new Promise<unknown[]>((res, rej) => {
        const r = db.transaction('captures').objectStore('captures').getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return all;
    });
  }

  /** On: every put in the service worker lands, then its transaction aborts. Off: the real put again. */
  async function failWrites(on: boolean): Promise<void> {
    await sw().evaluate((on: boolean) => {
      const g = globalThis as unknown as { __realPut?: IDBObjectStore['put'] };
      g.__realPut ??= IDBObjectStore.prototype.put;
      const real = g.__realPut;
      IDBObjectStore.prototype.put = on
        ? function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            const req = real.apply(this, args);
            req.addEventListener('success', () => this.transaction.abort());
            return req;
          }
        : real;
    }, on);
  }

  async function statusText(tabId: number): Promise<{ text: string; bad: boolean }> {
    const popup = await h.popup(tabId);
    // The popup says "Reading this tab…" while it loads; wait for the tab's real status.
    const line = popup.locator('p.status').filter({ hasNotText: 'Reading this tab' }).first();
    await line.waitFor();
    const text = (await line.textContent()) ?? '';
    const bad = ((await line.getAttribute('class')) ?? '').includes('status--bad');
    await popup.close();
    return { text, bad };
  }

  it('leaves the stored pages exactly as they were, and the popup shows the error', async () => {
    const first = await h.visit(SCHOLAR);
    // 58 tr.gsc_a_tr rows in the saved page.
    expect((await statusText(first.tabId)).text).toBe('Google Scholar author page — 58 works saved');
    const before = await dump();
    expect(before).toHaveLength(1);

    await failWrites(true);
    // An update of the stored page (the same profile, now showing 20 rows) and a new page: both writes fail.
    scholarBody = ernstSlices().page1;
    const again = await h.visit(SCHOLAR);
    const orcid = await h.visit(ORCID);
    for (const [tab, site] of [
      [again.tabId, 'Google Scholar author page'],
      [orcid.tabId, 'ORCID author page'],
    ] as const) {
      const s = await statusText(tab);
      expect(s.text).toMatch(new RegExp(`^${site} — not saved: the browser refused to store it \\(.+\\)`));
      expect(s.bad).toBe(true);
    }
    console.log(`failed-write e2e: the popup said "${(await statusText(orcid.tabId)).text}"`);
    // Nothing half-written: the 58-work record as it was (same capture, same times seen), no ORCID record.
    expect(await dump()).toEqual(before);

    // The store works again once writes do.
    await failWrites(false);
    const later = await h.visit(ORCID);
    // 26 groups in activities-summary.works.group of the saved record.
    expect((await statusText(later.tabId)).text).toBe('ORCID author page — 26 works saved');
    expect(await dump()).toHaveLength(2);
  });
});
