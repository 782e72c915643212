// Adapters fail honestly: an author page or a list with no works is a page
// the site's reader did not understand (never "0 works saved"), a claimed
// address whose layout the adapter does not know is reported, not silenced,
// the generic readers read such a page in its place, and nothing of it
// becomes a person. Real pages where they exist; synthetic snippets say so.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { adapters, adapterById, siteAt } from '../../src/adapters/registry';
import { capturePage, envelope } from '../../src/adapters/run';
import { captureClaimedPage, captureCurrentPage } from '../../src/shell/capture-in-page';
import { previewPage } from '../../src/shell/read-list';
import { readPageOnRequest } from '../../src/shell/save-page';
import { createHandler } from '../../src/shell/background-handler';
import type { TabStatus } from '../../src/shell/messages';
import { allCaptures, openStore } from '../../src/store/store';
import { statusLine, siteReaderFailed } from '../../src/ui/labels';
import { listCapture } from '../../src/ui/popup/list-capture';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { startCaptureLoop } from '../../src/shell/capture-loop';
import { parseHtml } from '../../src/node/dom';
import { fixtureDoc } from '../helpers/fixtures';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const acl = adapterById('acl-anthology')!;
// A real page the ACL adapter (2021 template) cannot read but the generic list reader can:
// a researcher's own publication page (SOURCES.tsv), served at a people-page address.
const PEOPLE = new URL('https://aclanthology.org/people/j/juncheng-yang/');
const noFetch = async () => {
  throw new Error('no network in this test');
};

describe('the runner: no author page or list without works', () => {
  it('an author extraction with no works becomes unrecognized, with a note naming what was not found', () => {
    const c = envelope(acl, PEOPLE, { pageKind: 'author', person: { name: 'Juncheng Yang', ids: { acl: 'juncheng-yang' } }, works: [] }, NOW);
    expect(c.pageKind).toBe('unrecognized');
    expect(c.person).toBeUndefined();
    expect(c.works).toBeUndefined();
    expect(c.notes?.[0]).toBe(
      "ACL Anthology's reader did not understand this author page: no works found on it (the page may list none, or its layout is one the reader does not know)",
    );
  });

  it('a list extraction with no works too; the adapter\'s own notes follow', () => {
    const c = envelope(acl, PEOPLE, { pageKind: 'list', works: [], notes: ['why'] }, NOW);
    expect(c.pageKind).toBe('unrecognized');
    expect(c.notes?.slice(1)).toEqual(['why']);
  });

  it('every author and list adapter, at each example address of those rules, on an empty page: never an author or list without works', async () => {
    // Synthetic: an empty document, the "layout it does not understand" taken to its end.
    const empty = parseHtml('<html><head><title>x</title></head><body><main></main></body></html>');
    let checked = 0;
    for (const a of adapters)
      for (const rule of a.rules.filter((r) => r.kind === 'author' || r.kind === 'list'))
        for (const ex of rule.examples) {
          const url = new URL(ex);
          for (const c of [capturePage(a, empty, url, { now: NOW }), await captureClaimedPage({ doc: empty, url, fetchText: noFetch }, a)]) {
            if (!c) continue; // the adapter does not claim this address in a tab (its detect said no, and no rule/block page)
            checked++;
            if (c.pageKind === 'author' || c.pageKind === 'list') expect(c.works?.length, `${a.id} ${ex}`).toBeGreaterThan(0);
            if (c.pageKind === 'unrecognized') expect(c.notes?.length, `${a.id} ${ex}`).toBeGreaterThan(0);
          }
        }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('ACL Anthology people page in a layout the adapter does not know', () => {
  const doc = () => fixtureDoc('lab_pages/publications_juncheng_yang_2026.html');

  it('the content script reports it unrecognized, saying the reader did not understand it (not an author page with 0 works)', async () => {
    const c = await captureClaimedPage({ doc: doc(), url: PEOPLE, fetchText: noFetch }, acl);
    expect(c?.source).toBe('acl-anthology');
    expect(c?.pageKind).toBe('unrecognized');
    expect(c?.notes?.[0]).toBe("ACL Anthology's reader did not understand this author page: its layout is not one the reader knows");
    // The adapter's own reason follows (the people page's name heading h2#title is missing).
    expect(c?.notes?.[1]).toBe('ACL Anthology: no person name on this people page');
  });

  it('the generic list reader, run on the same page, finds its works; confirming saves them as a list', () => {
    const p = previewPage(doc(), PEOPLE, NOW);
    // Hand-counted: the page source holds 25 <div class="paper-li"> entries; the first is
    // "Learning-Augmented Heuristics: Simple yet Smart, Robust and Interpretable Cache Eviction." (OSDI 2026).
    expect(p.works).toHaveLength(25);
    expect(p.works[0]?.title).toMatch(/^Learning-Augmented Heuristics: Simple yet Smart, Robust and Interpretable Cache Eviction/);
    const saved = listCapture(p, { confirmed: false }, NOW);
    expect(saved).toMatchObject({ source: 'generic-list', pageKind: 'list', url: PEOPLE.href });
    expect(saved.works).toHaveLength(p.works.length);
  });
});

describe('the background and the popup', () => {
  let n = 0;
  function setup() {
    const statuses = new Map<number, TabStatus>();
    const dbp = openStore(`scholar-lens-honest-${++n}`);
    const h = createHandler({ db: () => dbp, now: () => NOW, saveStatus: async (s) => void statuses.set(s.tabId, s), loadStatus: async (id) => statuses.get(id) }, 'own');
    return { ...h, statuses, dbp };
  }

  it('an author capture without works (from anything but the runner) is not stored and makes no person', async () => {
    const { handle, dbp, statuses } = setup();
    // Synthetic: what an old content script or a forged message might send.
    const capture = {
      format: 'scholar-lens.capture',
      version: 1,
      source: 'acl-anthology',
      pageKind: 'author',
      url: PEOPLE.href,
      capturedAt: NOW.toISOString(),
      person: { name: 'Juncheng Yang', ids: { acl: 'juncheng-yang' } },
      works: [],
    };
    const r = await handle({ type: 'capture', capture }, { id: 'own', tabId: 5, url: PEOPLE.href });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'not-stored', pageKind: 'unrecognized' } });
    const records = await allCaptures(await dbp);
    expect(records).toHaveLength(0);
    expect(mergeRecords(records, []).people).toHaveLength(0);
    const status = statuses.get(5)!;
    expect(statusLine(status)).toBe("ACL Anthology's reader did not understand this page: no works found on it");
    expect(statusLine(status)).not.toMatch(/0 works saved/);
    expect(siteReaderFailed(status)).toBe(true);
  });

  it('the unreadable people page: its status names the site\'s reader, and the generic readers are offered', async () => {
    const { handle, statuses } = setup();
    const c = (await captureClaimedPage({ doc: fixtureDoc('lab_pages/publications_juncheng_yang_2026.html'), url: PEOPLE, fetchText: noFetch }, acl))!;
    await handle({ type: 'capture', capture: c }, { id: 'own', tabId: 6, url: PEOPLE.href });
    const s = statuses.get(6)!;
    expect(statusLine(s)).toBe("ACL Anthology's reader did not understand this author page: its layout is not one the reader knows");
    expect(siteReaderFailed(s)).toBe(true);
  });

  it('a nothing-found report names the site when the site\'s reader tried', async () => {
    const { handle, statuses } = setup();
    await handle({ type: 'nothing-found', reason: 'ACL Anthology found nothing to read on this page', site: 'acl-anthology' }, { id: 'own', tabId: 8, url: PEOPLE.href });
    expect(statuses.get(8)).toMatchObject({ source: 'acl-anthology', siteName: 'ACL Anthology', pageKind: 'unrecognized' });
    await handle({ type: 'nothing-found', reason: 'x', site: 'Not An Id!' }, { id: 'own', tabId: 9, url: PEOPLE.href });
    expect(statuses.get(9)).toMatchObject({ source: 'none', siteName: 'This page' });
    // A site that is not the tab's is not named: a page cannot speak for another site's reader.
    await handle({ type: 'nothing-found', reason: 'x', site: 'dblp' }, { id: 'own', tabId: 10, url: PEOPLE.href });
    expect(statuses.get(10)).toMatchObject({ source: 'none', siteName: 'This page', url: PEOPLE.href });
  });
});

describe('a fresh load of an unreadable page reports its reason', () => {
  it('the capture loop sends the unrecognized capture on the first load (not only after an in-app navigation)', async () => {
    const doc = fixtureDoc('lab_pages/publications_juncheng_yang_2026.html');
    const sent: string[] = [];
    const loop = startCaptureLoop({
      doc,
      href: () => PEOPLE.href,
      adapterFor: (u) => (acl.rules.some((r) => r.pattern.test(u.hostname + u.pathname + u.search)) ? acl : undefined),
      enabled: () => true,
      capture: (a, url) => captureClaimedPage({ doc, url, fetchText: noFetch }, a),
      send: async (c) => void sent.push(`${c.pageKind}: ${c.notes?.[0]}`),
      report: async (_u, reason) => void sent.push(`report: ${reason}`),
      pollMs: 1_000_000,
    });
    await loop.current();
    loop.stop();
    expect(sent).toEqual(["unrecognized: ACL Anthology's reader did not understand this author page: its layout is not one the reader knows"]);
  });
});

describe('Google Scholar\'s block page at its real address', () => {
  const sorry = () => fixtureDoc('google_scholar/blocked_sorry_page.html');
  // The continue= value is the fixture's own hidden "continue" field (a Scholar search).
  const onGoogle = new URL('https://www.google.com/sorry/index?continue=https://scholar.google.com/scholar%3Fas_q%3Dprogram%2520phase%26hl%3Den&q=EgRqtaJD');
  const onScholar = new URL('https://scholar.google.com/sorry/index?continue=https://scholar.google.com/scholar%3Fas_q%3Dprogram%2520phase&q=EgRqtaJD');

  it('is claimed by Google Scholar as its block page, on www.google.com (Scholar continue only) and on Scholar hosts', () => {
    expect(siteAt(onGoogle)?.id).toBe('google-scholar');
    expect(siteAt(onScholar)?.id).toBe('google-scholar');
    expect(siteAt('https://scholar.google.com.hk/sorry/index?continue=x')?.id).toBe('google-scholar');
    // Google Search's own captcha, and a lookalike continue host, are not Scholar's.
    expect(siteAt('https://www.google.com/sorry/index?continue=https://www.google.com/search%3Fq%3Dx')).toBeUndefined();
    expect(siteAt('https://www.google.com/sorry/index?continue=https://scholar.google.com.evil.org/x')).toBeUndefined();
  });

  it('every block page example matches its pattern, lies within no rule of any site, and names its site', () => {
    for (const a of adapters)
      for (const b of a.blockPages ?? [])
        for (const ex of b.examples) {
          const url = new URL(ex);
          expect(b.pattern.test(url.hostname + url.pathname + url.search), ex).toBe(true);
          for (const other of adapters) expect(other.rules.some((r) => r.pattern.test(url.hostname + url.pathname + url.search)), `${ex} is a record of ${other.id}`).toBe(false);
          expect(siteAt(url)?.id, ex).toBe(a.id);
        }
  });

  it('"Save this page" there reports blocked (the tab has no content script on www.google.com)', async () => {
    const m = await readPageOnRequest(sorry(), onGoogle, noFetch as unknown as typeof fetch);
    expect(m.type).toBe('capture');
    if (m.type !== 'capture') return;
    expect(m.capture).toMatchObject({ source: 'google-scholar', pageKind: 'blocked' });
    expect(m.capture.notes?.[0]).toMatch(/captcha/i);
  });

  it('the Scholar content script reports it blocked on a fresh load', async () => {
    const c = await captureClaimedPage({ doc: sorry(), url: onScholar, fetchText: noFetch }, adapterById('google-scholar')!);
    expect(c?.pageKind).toBe('blocked');
  });

  it('at the block address, a page that does not look like the captcha is still blocked (synthetic snippet)', () => {
    const c = capturePage(adapterById('google-scholar')!, parseHtml('<html><body><p>Something else</p></body></html>'), onScholar, { now: NOW });
    expect(c.pageKind).toBe('blocked');
    expect(c.notes?.[0]).toBe('Google Scholar sent the request to its block page (scholar.google.com/sorry/index) instead of the page asked for');
  });
});
