// A supported site's page its adapter cannot read, in real Chromium: a real
// saved publication page (a researcher's own, 2026) served at an ACL Anthology
// people-page address, where the ACL adapter (built on the 2021 template)
// finds no people page. The popup must say the site's reader did not
// understand the page (never "0 works saved"), offer the generic readers'
// preview, store nothing on cancel, and store the works on confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { adapterFor } from '../../src/adapters/registry';
import { launch, type Harness } from './harness';

const PEOPLE = 'https://aclanthology.org/people/j/juncheng-yang/';

describe('an adapter that cannot read its page falls back to the generic readers', () => {
  let h: Harness;

  async function storedCaptures(): Promise<{ key: string; capture: Capture }[]> {
    const sw = h.context.serviceWorkers()[0]!;
    return sw.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'scholar-lens')) return [];
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('scholar-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      if (!db.objectStoreNames.contains('captures')) return [];
      const all = await new Promise<{ key: string; capture: Capture }[]>((res, rej) => {
        const r = db.transaction('captures').objectStore('captures').getAll();
        r.onsuccess = () => res(r.result as { key: string; capture: Capture }[]);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return all;
    });
  }

  beforeAll(async () => {
    h = await launch();
    await h.serve(PEOPLE, 'lab_pages/publications_juncheng_yang_2026.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the address is an ACL Anthology people page', () => {
    expect(adapterFor(PEOPLE)?.id).toBe('acl-anthology');
  });

  it('says the reader did not understand the page on a fresh load, offers the preview; cancel saves nothing, confirm saves the works', async () => {
    // visit() waits for the content script's report: a fresh load reports too.
    const { tabId } = await h.visit(PEOPLE);
    const popup = await h.popup(tabId);
    const status = popup.locator('p.status').first();
    await expect.poll(() => status.textContent()).toBe("ACL Anthology's reader did not understand this author page: its layout is not one the reader knows");
    expect(await status.getAttribute('class')).not.toContain('status--ok');
    expect(await popup.locator('main').textContent()).not.toMatch(/0 works saved/);
    await expect.poll(() => popup.locator('.fallback-offer').textContent()).toContain("ACL Anthology's reader could not read this page, so nothing was saved");
    expect(await storedCaptures()).toEqual([]);

    await popup.getByRole('button', { name: 'Read this page' }).click();
    // The page holds 25 <div class="paper-li"> entries (counted by hand); the first title, as the page shows it.
    const n = 25;
    await popup.getByRole('heading', { name: `Found ${n} works on this page` }).waitFor();
    await expect.poll(() => popup.locator('.preview-works li .title').first().textContent()).toMatch(/^Learning-Augmented Heuristics: Simple yet Smart, Robust and Interpretable Cache Eviction/);

    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('button', { name: 'Read this page' }).waitFor();
    expect(await storedCaptures()).toEqual([]);

    await popup.getByRole('button', { name: 'Read this page' }).click();
    await popup.getByRole('button', { name: `Save ${n} works` }).click();
    await expect.poll(() => popup.locator('p.status').first().textContent()).toBe(`Generic list reader list of works — ${n} works saved`);
    const all = await storedCaptures();
    expect(all.map((r) => r.key)).toEqual([`generic-list:${PEOPLE}`]);
    expect(all[0]!.capture).toMatchObject({ source: 'generic-list', pageKind: 'list', url: PEOPLE });
    expect(all[0]!.capture.person).toBeUndefined();
    expect(all[0]!.capture.works).toHaveLength(n);
    await popup.close();
  });
});
