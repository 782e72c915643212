import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHandler, type BackgroundDeps } from '../../src/shell/background-handler';
import type { TabStatus } from '../../src/shell/messages';
import { allCaptures, openStore } from '../../src/store/store';
import { adapters } from '../../src/adapters/registry';
import type { Capture } from '../../src/core/capture';
import { createViewKeeper } from '../../src/shell/view-keeper';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { storedProfile } from '../../src/store/views';

let n = 0;
const OWN = 'own-extension-id';
const PAGES = `chrome-extension://${OWN}/`;
const SCHOLAR = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
/** The popup as the browser reports it: our own page, no tab. */
const POPUP = { id: OWN, url: `${PAGES}popup.html` };
/** A content script in tab `tabId` on `url`, as the browser reports it. */
const tab = (tabId: number, url = SCHOLAR) => ({ id: OWN, tabId, url, tabUrl: url, frameId: 0 });

function setup(more: Partial<BackgroundDeps> = {}) {
  const statuses = new Map<number, TabStatus>();
  // A fresh database per test: connections stay open in the handler, as in the background.
  const dbp = openStore(`scholar-lens-bg-test-${++n}`);
  const h = createHandler(
    {
      db: () => dbp,
      now: () => new Date('2026-11-22T10:00:00.000Z'),
      saveStatus: async (s) => void statuses.set(s.tabId, s),
      loadStatus: async (id) => statuses.get(id),
      ...more,
    },
    OWN,
  );
  return { ...h, statuses, dbp };
}

// Synthetic captures: this tests the boundary, not an adapter.
function capture(source: string, extra: Partial<Capture> = {}): Capture {
  return {
    format: 'scholar-lens.capture',
    version: 1,
    source,
    pageKind: 'author',
    url: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en',
    capturedAt: '2026-11-22T09:00:00.000Z',
    person: { name: 'Synthetic Person' },
    works: [{ title: 'A work', citations: 3 }],
    ...extra,
  };
}

describe('background message handling', () => {
  it('refuses messages from anything but the extension itself', async () => {
    const { handle } = setup();
    const r = await handle({ type: 'tab-status', tabId: 1 }, { id: 'someone-else' });
    expect(r.ok).toBe(false);
  });

  it('rejects malformed and oversized captures with a reason, counts them, stores nothing', async () => {
    const { handle, rejected, dbp, statuses } = setup();
    const bad = await handle({ type: 'capture', capture: { format: 'nope' } }, tab(3));
    expect(bad).toMatchObject({ ok: false });
    expect((bad as { error: string }).error).toMatch(/malformed/);
    const huge = capture(adapters[0]?.id ?? 'google-scholar', { works: [{ title: 'x'.repeat(90_000), abstract: 'y'.repeat(90_000) }] });
    huge.works = Array.from({ length: 40 }, () => huge.works![0]!);
    const big = await handle({ type: 'capture', capture: huge }, tab(3));
    expect((big as { error: string }).error).toMatch(/too large/);
    expect(rejected.count).toBe(2);
    expect(statuses.get(3)?.outcome).toBe('rejected');
    expect(await allCaptures(await dbp)).toHaveLength(0);
  });

  it('rejects captures that name no known adapter', async () => {
    const { handle } = setup();
    const r = await handle({ type: 'capture', capture: capture('no-such-site') }, tab(4));
    expect(r.ok).toBe(false);
  });

  it('stores a valid capture and reports added, then updated', async () => {
    const { handle, dbp } = setup();
    const first = await handle({ type: 'capture', capture: capture('google-scholar') }, tab(7));
    expect(first).toMatchObject({ ok: true, value: { outcome: 'added', works: 1, siteName: 'Google Scholar' } });
    const again = await handle(
      { type: 'capture', capture: capture('google-scholar', { url: 'https://scholar.google.com/citations?hl=fr&user=SbUmSEAAAAAJ&sortby=pubdate' }) },
      tab(7, 'https://scholar.google.com/citations?hl=fr&user=SbUmSEAAAAAJ&sortby=pubdate'),
    );
    expect(again).toMatchObject({ ok: true, value: { outcome: 'updated' } });
    expect(await allCaptures(await dbp)).toHaveLength(1);
    const status = await handle({ type: 'tab-status', tabId: 7 }, POPUP);
    expect(status).toMatchObject({ ok: true, value: { outcome: 'updated' } });
  });

  it('records blocked pages as a status without storing them', async () => {
    const { handle, dbp } = setup();
    const blocked: Capture = { ...capture('google-scholar'), pageKind: 'blocked', notes: ['Google asks for a captcha'] };
    delete blocked.person;
    delete blocked.works;
    const r = await handle({ type: 'capture', capture: blocked }, tab(8));
    expect(r).toMatchObject({ ok: true, value: { outcome: 'not-stored', pageKind: 'blocked' } });
    expect(await allCaptures(await dbp)).toHaveLength(0);
  });
});

describe('the kept merged views (issue 16, part 1)', () => {
  it('a stored capture reaches the popup\'s view of its page once the background rebuilt it', async () => {
    const dbp = openStore(`scholar-lens-bg-views-${++n}`);
    const views = createViewKeeper({ db: () => dbp, now: () => new Date('2026-11-22T10:00:00.000Z'), merge: mergeRecords, settleMs: 0 });
    const { handle } = setup({ db: () => dbp, views });
    const stored = await handle({ type: 'capture', capture: capture('google-scholar') }, tab(7));
    expect(stored).toMatchObject({ ok: true, value: { outcome: 'added' } });
    const key = (stored as { value: TabStatus }).value.key!;
    const refreshed = await handle({ type: 'refresh-views', changed: false, stale: false }, POPUP);
    expect(refreshed).toMatchObject({ ok: true, value: { builtAt: '2026-11-22T10:00:00.000Z' } });
    const { view, meta } = await storedProfile(await dbp, key);
    expect(view?.slice.people[0]?.name).toBe('Synthetic Person');
    expect(meta?.captures[key]).toBe('2026-11-22T09:00:00.000Z');
  });

  it('only the extension\'s own pages may ask for them; a refused capture changes nothing', async () => {
    let changes = 0;
    const { handle } = setup({ views: { changed: () => void changes++, settled: async () => undefined } });
    expect(await handle({ type: 'refresh-views', changed: true, stale: false }, tab(3))).toMatchObject({ ok: false });
    expect(changes).toBe(0);
    await handle({ type: 'capture', capture: capture('no-such-site') }, tab(4));
    expect(changes).toBe(0);
    expect(await handle({ type: 'refresh-views', changed: true, stale: false }, POPUP)).toEqual({ ok: true, value: null });
    expect(changes).toBe(1);
  });

  it('decisions made on the dashboard take the keeper\'s fast path and answer with its merge; a tab may not send them', async () => {
    const seen: unknown[] = [];
    const patch = { works: [], people: [] };
    const views = { changed: () => undefined, settled: async () => undefined, decided: async (ds: readonly unknown[]) => (seen.push(...ds), { patch } as never) };
    const { handle } = setup({ views });
    const d = { kind: 'split-works', works: ['rec:a#0', 'rec:b#1'], at: '2026-12-01T00:00:00.000Z' };
    expect(await handle({ type: 'decided', decisions: [d] }, tab(3))).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
    expect(await handle({ type: 'decided', decisions: [d] }, POPUP)).toEqual({ ok: true, value: patch });
    expect(seen).toEqual([d]);
  });

  it('a read-ahead asked by the dashboard reaches the keeper and is answered at once; a tab may not ask for one', async () => {
    const asked: (readonly string[])[] = [];
    let release: () => void = () => {};
    const views = { changed: () => undefined, settled: async () => undefined, prefetch: (rows: readonly string[]) => (asked.push(rows), new Promise<void>((r) => (release = r))) };
    const { handle } = setup({ views });
    expect(await handle({ type: 'prefetch', rows: ['dblp:pid:1#0'] }, tab(3))).toMatchObject({ ok: false });
    expect(asked).toEqual([]);
    // Answered before the read-ahead is done.
    expect(await handle({ type: 'prefetch', rows: ['dblp:pid:1#0'] }, POPUP)).toEqual({ ok: true, value: null });
    expect(asked).toEqual([['dblp:pid:1#0']]);
    release();
  });
});

// Issue 14, findings 2 and 4: each attack as it was reproduced, then the rule that stops it.
describe('the sender decides, not the message', () => {
  const DBLP = 'https://dblp.org/pid/00/5179.html';
  const dblpCapture = (url: string, title: string): Capture => ({
    ...capture('dblp', { url, person: { name: 'Rui Tan', ids: { dblp: '00/5179' } }, works: [{ title }] }),
  });

  it('a plain-http page does not overwrite the https record of the same page (finding 2)', async () => {
    const { handle, dbp, statuses } = setup();
    expect(await handle({ type: 'capture', capture: dblpCapture(DBLP, 'The real work') }, tab(1, DBLP))).toMatchObject({ ok: true, value: { outcome: 'added' } });
    const http = DBLP.replace('https:', 'http:');
    const r = await handle({ type: 'capture', capture: dblpCapture(http, 'Injected over plain http') }, tab(2, http));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/only pages served over https are saved/) });
    expect(statuses.get(2)?.outcome).toBe('rejected');
    const records = await allCaptures(await dbp);
    expect(records.map((r) => r.capture.works?.[0]?.title)).toEqual(['The real work']);
  });

  it('a content script on one site cannot store a capture as another site\'s (finding 4)', async () => {
    const { handle, dbp } = setup();
    // The content script of arXiv claims a DBLP record, source and address both.
    const r = await handle({ type: 'capture', capture: dblpCapture(DBLP, 'Forged') }, tab(1, 'https://arxiv.org/abs/2004.10162'));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/cannot be saved as DBLP's \(it is arXiv's\)/) });
    // Its own source, another site's address: still not the tab's page.
    const other = await handle({ type: 'capture', capture: { ...dblpCapture(DBLP, 'Forged'), source: 'arxiv' } }, tab(1, 'https://arxiv.org/abs/2004.10162'));
    expect(other).toEqual({ ok: false, error: 'the capture names another page than the tab it came from' });
    // The right site, another page of it: the key would be another person's.
    const elsewhere = await handle({ type: 'capture', capture: dblpCapture('https://dblp.org/pid/l/XueLiu.html', 'Forged') }, tab(1, DBLP));
    expect(elsewhere).toEqual({ ok: false, error: 'the capture names another page than the tab it came from' });
    expect(await allCaptures(await dbp)).toEqual([]);
  });

  it('the key is the tab\'s page: a generic reader\'s capture is stored under the tab\'s address', async () => {
    const { handle, dbp } = setup();
    const page = 'https://lab.example.org/people/ada';
    const c: Capture = { ...capture('generic-list', { url: page }), pageKind: 'list' };
    delete c.person;
    expect(await handle({ type: 'capture', capture: c }, tab(4, `${page}#top`))).toMatchObject({ ok: true, value: { outcome: 'added', key: `generic-list:${page}` } });
    expect((await allCaptures(await dbp)).map((r) => r.key)).toEqual([`generic-list:${page}`]);
  });

  it('enable-host only from the extension\'s pages, and only with the permission granted (finding 4)', async () => {
    const enabled: string[] = [];
    const granted = new Set(['https://granted.example.org']);
    const { handle } = setup({ enableHost: async (o) => void enabled.push(o), hasHostPermission: async (o) => granted.has(o) });
    // A content script asks: refused, whatever the origin.
    expect(await handle({ type: 'enable-host', origin: 'https://granted.example.org' }, tab(1))).toEqual({ ok: false, error: "settings change only from Scholar Lens's own pages" });
    // The popup, for a host the user never granted: refused.
    expect(await handle({ type: 'enable-host', origin: 'https://evil.example.org' }, POPUP)).toMatchObject({ ok: false, error: expect.stringMatching(/no permission/) });
    // An extension page framed in a tab is not the extension's own top-level page.
    expect((await handle({ type: 'enable-host', origin: 'https://granted.example.org' }, { ...POPUP, tabId: 3, frameId: 2 })).ok).toBe(false);
    // Plain http is never enabled.
    expect((await handle({ type: 'enable-host', origin: 'http://granted.example.org' }, POPUP)).ok).toBe(false);
    expect(enabled).toEqual([]);
    expect(await handle({ type: 'enable-host', origin: 'https://granted.example.org' }, POPUP)).toEqual({ ok: true, value: 'https://granted.example.org' });
    // The dashboard, a tab of our own.
    expect((await handle({ type: 'enable-host', origin: 'https://granted.example.org' }, { id: OWN, tabId: 9, url: `${PAGES}dashboard.html`, tabUrl: `${PAGES}dashboard.html`, frameId: 0 })).ok).toBe(true);
    expect(enabled).toEqual(['https://granted.example.org', 'https://granted.example.org']);
  });

  it('tab-status answers a tab only about itself; the extension\'s pages about any tab (finding 4)', async () => {
    const { handle } = setup();
    await handle({ type: 'capture', capture: capture('google-scholar') }, tab(7));
    expect(await handle({ type: 'tab-status', tabId: 7 }, tab(8, 'https://arxiv.org/abs/2004.10162'))).toEqual({ ok: false, error: 'a tab may ask only for its own status' });
    expect(await handle({ type: 'tab-status', tabId: 7 }, tab(7))).toMatchObject({ ok: true, value: { tabId: 7, outcome: 'added' } });
    expect(await handle({ type: 'tab-status', tabId: 7 }, POPUP)).toMatchObject({ ok: true, value: { tabId: 7 } });
    // A web page's address that merely starts like ours is not one of our pages.
    expect((await handle({ type: 'tab-status', tabId: 7 }, { id: OWN, url: `https://evil.example.org/${PAGES}` })).ok).toBe(false);
  });
});

// What held when issue 14 was reviewed, kept as a test through the whole boundary (sender check, parse, key, store).
describe('captures arriving at once', () => {
  const page = (i: number) => `https://scholar.google.com/citations?user=${String(i).padStart(12, 'A')}`;
  const of = (url: string, at: string): Capture => capture('google-scholar', { url, capturedAt: at });

  it('200 captures of 200 pages from 200 tabs at once: all 200 stored, none twice', async () => {
    const { handle, dbp } = setup();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => handle({ type: 'capture', capture: of(page(i), AT(i)) }, tab(i + 1, page(i)))));
    expect(answers.every((a) => a.ok && (a.value as TabStatus).outcome === 'added')).toBe(true);
    const keys = (await allCaptures(await dbp)).map((r) => r.key);
    expect(keys).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
  });

  it('200 captures of one page at once: one record, seen 200 times, holding the latest capture', async () => {
    const { handle, dbp } = setup();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => handle({ type: 'capture', capture: of(SCHOLAR, AT(i)) }, tab(i + 1))));
    expect(answers.filter((a) => a.ok && (a.value as TabStatus).outcome === 'added')).toHaveLength(1);
    const records = await allCaptures(await dbp);
    expect(records).toHaveLength(1);
    expect(records[0]!.timesSeen).toBe(200);
    expect(records[0]!.capture.capturedAt).toBe(AT(199));
  });
});

function AT(i: number): string {
  return new Date(Date.UTC(2026, 10, 22, 9, 0, 0) + i * 1000).toISOString();
}
