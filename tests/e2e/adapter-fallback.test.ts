// A supported site's page its adapter cannot read, in real Chromium: a real
// saved publication page (a researcher's own, 2026) served at an ACL Anthology
// people-page address, where the ACL adapter (built on the 2021 template)
// finds no people page. The popup must say the site's reader did not
// understand the page (never "0 works saved"), offer the generic readers'
// preview, store nothing on cancel, and store the works on confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/adapters/registry';
import { launch, type Harness } from './harness';
import { storedCaptures } from './browser';

const PEOPLE = 'https://aclanthology.org/people/j/juncheng-yang/';

describe('an adapter that cannot read its page falls back to the generic readers', () => {
  let h: Harness;



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
    expect(await storedCaptures(h)).toEqual([]);

    await popup.getByRole('button', { name: 'Read this page' }).click();
    // The page holds 25 <div class="paper-li"> entries (counted by hand); the first title, as the page shows it.
    const n = 25;
    await popup.getByRole('heading', { name: `Found ${n} works on this page` }).waitFor();
    await expect.poll(() => popup.locator('.preview-works li .title').first().textContent()).toMatch(/^Learning-Augmented Heuristics: Simple yet Smart, Robust and Interpretable Cache Eviction/);

    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('button', { name: 'Read this page' }).waitFor();
    expect(await storedCaptures(h)).toEqual([]);

    await popup.getByRole('button', { name: 'Read this page' }).click();
    await popup.getByRole('button', { name: `Save ${n} works` }).click();
    await expect.poll(() => popup.locator('p.status').first().textContent()).toBe(`Generic list reader list of works — ${n} works saved`);
    const all = await storedCaptures(h);
    expect(all.map((r) => r.key)).toEqual([`generic-list:${PEOPLE}`]);
    expect(all[0]!.capture).toMatchObject({ source: 'generic-list', pageKind: 'list', url: PEOPLE });
    expect(all[0]!.capture.person).toBeUndefined();
    expect(all[0]!.capture.works).toHaveLength(n);
    await popup.close();
  });
});
