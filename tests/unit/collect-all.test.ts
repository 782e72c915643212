// The Collect all runner (src/shell/collect-all.ts) with a fake clock, a fake
// fetch that serves pages cut from the real saved Ernst profile (how: see
// tests/helpers/scholar-slices.ts) and other real saved pages, and the
// in-page controller that reports progress and sends the final capture.
// Expected counts: 20 / 38 / 58 rows by position in the saved page (58
// `class="gsc_a_tr"` rows); block reasons are the ones the Scholar adapter
// gives for the real captcha and sign-in pages (their markup: .g-recaptcha,
// #identifierId).

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { validateCapture } from '../../src/core/validate';
import { parseHtml } from '../../src/node/dom';
import type { SiteAdapter } from '../../src/adapters/contract';
import { googleScholar } from '../../src/sites/google-scholar';
import { collectAll, timerSleep, type CollectDeps, type CollectRun, type PageResponse } from '../../src/shell/collect-all';
import { browserCollectDeps, collectAllController } from '../../src/shell/collect-all-in-page';
import type { CollectProgress } from '../../src/shell/collect-progress';
import { parseProgress } from '../../src/shell/collect-progress';
import { DEFAULT_SITE_SETTINGS } from '../../src/shell/site-settings';
import { createHandler } from '../../src/shell/background-handler';
import type { TabStatus } from '../../src/shell/messages';
import { capturePage } from '../../src/adapters/run';
import { openStore } from '../../src/store/store';
import { fixtureText } from '../helpers/fixtures';
import { ernstSlices, ERNST_FIXTURE } from '../helpers/scholar-slices';

const BASE = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const P2 = `${BASE}&cstart=20&pagesize=80`;
const P3_AFTER_40 = `${BASE}&cstart=40&pagesize=60`;
const SORRY = fixtureText('google_scholar/blocked_sorry_page.html');
const SIGNIN = fixtureText('google_scholar/invalid_user_AAAAAAAAAAAA_signin.html');
const slices = ernstSlices();

interface Route {
  status?: number;
  body: string;
  /** Final URL after a redirect. */
  url?: string;
  /** Fake-clock milliseconds the request takes. */
  takes?: number;
}

/** A fake browser: pages by URL, a clock that only moves when slept or fetched, and a log of what happened when. */
function fakeBrowser(routes: Record<string, Route | Error>) {
  let now = 1_000_000;
  let inFlight = 0;
  const log = { fetches: [] as { url: string; at: number }[], sleeps: [] as number[], maxInFlight: 0 };
  const deps: CollectDeps = {
    async fetch(url) {
      inFlight++;
      log.maxInFlight = Math.max(log.maxInFlight, inFlight);
      log.fetches.push({ url, at: now });
      const r = routes[url];
      try {
        if (r instanceof Error) throw r;
        if (!r) return res({ status: 404, body: 'not routed in the test' }, url);
        now += r.takes ?? 0;
        return res(r, url);
      } finally {
        inFlight--;
      }
    },
    parse: parseHtml,
    async sleep(ms) {
      log.sleeps.push(ms);
      now += ms;
    },
    now: () => now,
  };
  return { deps, log };
}

function res(r: Route, url: string): PageResponse {
  const status = r.status ?? 200;
  return { ok: status >= 200 && status < 300, status, url: r.url ?? url, text: async () => r.body };
}

function runOf(page: string, opts: Partial<CollectRun> = {}): CollectRun & { reports: CollectProgress[] } {
  const reports: CollectProgress[] = [];
  return {
    adapter: googleScholar,
    doc: parseHtml(page),
    url: new URL(BASE),
    delayMs: 2000,
    signal: new AbortController().signal,
    onProgress: (p) => reports.push(p),
    reports,
    ...opts,
  };
}

describe('Collect all: a Scholar profile of 20 + 38 rows', () => {
  it('reads page 2 once, after the pause, and makes one list of 58 works without the truncation note', async () => {
    const { deps, log } = fakeBrowser({ [P2]: { body: slices.page2, takes: 300 } });
    const run = runOf(slices.page1);
    const r = await collectAll(run, deps);
    expect(log.fetches.map((f) => f.url)).toEqual([P2]);
    expect(log.sleeps).toEqual([2000]);
    expect(r.progress).toMatchObject({ state: 'complete', pages: 2, works: 58 });
    expect(r.morePages).toBe(1);
    expect(r.extraction.works).toHaveLength(58);
    expect(r.extraction.notes?.some((n) => /has more/.test(n))).toBe(false);
    expect(r.extraction.notes).toContain('Collected from 2 pages of Google Scholar: all 58 works of the profile');
    // Progress: "running" before the request (20 so far, at least one pause left), then the final report.
    expect(run.reports[0]).toMatchObject({ state: 'running', pages: 1, works: 20, etaMs: 2000, etaAtLeast: true });
    expect(run.reports.at(-1)).toMatchObject({ state: 'complete', pages: 2, works: 58 });
  });

  it('does nothing on a profile that is already complete (the saved page, 58 rows, Show more disabled)', async () => {
    const { deps, log } = fakeBrowser({});
    const r = await collectAll(runOf(fixtureText(ERNST_FIXTURE)), deps);
    expect(log.fetches).toEqual([]);
    expect(r.progress.state).toBe('complete');
    expect(r.morePages).toBe(0);
  });
});

describe('Collect all: where the run starts and ends', () => {
  it('a tab showing a later slice (rows 21–40 at cstart=20) starts from the beginning of the list', async () => {
    const { deps, log } = fakeBrowser({ [BASE]: { body: slices.page1 }, [P2]: { body: slices.page2 } });
    const r = await collectAll(runOf(slices.page(21, 40, true), { url: new URL(`${BASE}&cstart=20&pagesize=20`) }), deps);
    expect(log.fetches.map((f) => f.url)).toEqual([BASE, P2]);
    expect(log.sleeps).toEqual([2000, 2000]);
    expect(r.progress).toMatchObject({ state: 'complete', pages: 2, works: 58 });
    expect(r.extraction.works?.[0]?.title).toBe('Decentralized applications: The blockchain-empowered software system');
  });

  it('stops at the page limit, keeping what was read', async () => {
    const { deps, log } = fakeBrowser({
      [P2]: { body: slices.page(21, 40, true) },
      [P3_AFTER_40]: { body: slices.page(41, 58, false) },
    });
    const r = await collectAll(runOf(slices.page1, { maxPages: 2 }), deps);
    expect(log.fetches.map((f) => f.url)).toEqual([P2]);
    expect(r.progress).toMatchObject({ state: 'stopped', reason: 'stopped after 2 pages (the limit)', works: 40 });
  });
});

describe('Collect all: politeness', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('honours the pause with real timers (fake time): no request before 2000 ms', async () => {
    vi.useFakeTimers();
    const fetched: string[] = [];
    const deps: CollectDeps = {
      fetch: async (url) => (fetched.push(url), res({ body: slices.page2 }, url)),
      parse: parseHtml,
      sleep: timerSleep,
      now: () => Date.now(),
    };
    const done = collectAll(runOf(slices.page1, { delayMs: DEFAULT_SITE_SETTINGS.collectAllDelayMs }), deps);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetched).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetched).toEqual([P2]);
    expect((await done).progress.works).toBe(58);
  });

  it('the default pause is at least 2 s', () => {
    expect(DEFAULT_SITE_SETTINGS.collectAllDelayMs).toBeGreaterThanOrEqual(2000);
  });

  it('three pages: one request at a time, each at least the pause after the previous answer', async () => {
    // Pages 1–20 (more), 21–40 (more), 41–58 (end), cut from the saved page.
    const { deps, log } = fakeBrowser({
      [P2]: { body: slices.page(21, 40, true), takes: 700 },
      [P3_AFTER_40]: { body: slices.page(41, 58, false), takes: 500 },
    });
    const run = runOf(slices.page1, { delayMs: 2500 });
    const r = await collectAll(run, deps);
    expect(log.fetches.map((f) => f.url)).toEqual([P2, P3_AFTER_40]);
    expect(log.maxInFlight).toBe(1);
    // Second request starts after the first took 700 ms and a 2500 ms pause.
    expect(log.fetches[1]!.at - log.fetches[0]!.at).toBe(700 + 2500);
    expect(r.extraction.works).toHaveLength(58);
    // The estimate before page 3 uses the measured request time: 2500 + 700.
    expect(run.reports.filter((p) => p.state === 'running').map((p) => p.etaMs)).toEqual([2500, 3200]);
  });

  it('never requests another site: a next page elsewhere stops the run before any request', async () => {
    const elsewhere: SiteAdapter = {
      ...googleScholar,
      collectAll: { ...googleScholar.collectAll!, next: () => new URL('https://example.org/citations?cstart=20') },
    };
    const { deps, log } = fakeBrowser({});
    const r = await collectAll(runOf(slices.page1, { adapter: elsewhere }), deps);
    expect(log.fetches).toEqual([]);
    expect(r.progress).toMatchObject({ state: 'stopped', reason: 'the next page is on another site (example.org)' });
  });

  it('a redirect to another host (a sign-in) stops the run', async () => {
    const { deps } = fakeBrowser({ [P2]: { body: SIGNIN, url: 'https://accounts.google.com/v3/signin/identifier?continue=x' } });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress.state).toBe('stopped');
    expect(r.progress.reason).toMatch(/redirected to accounts\.google\.com/);
    expect(r.extraction.works).toHaveLength(20);
  });
});

describe('Collect all: clean stops keep what was collected', () => {
  it('a captcha instead of page 2: stops, says so, keeps the 20 works of page 1 (nothing new to save)', async () => {
    const { deps } = fakeBrowser({ [P2]: { status: 429, body: SORRY } });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress).toMatchObject({ state: 'stopped', pages: 1, works: 20 });
    // The captcha is named, not the HTTP status.
    expect(r.progress.reason).toBe('Google Scholar asked for a captcha ("unusual traffic" check) instead of showing the page');
    expect(r.morePages).toBe(0);
    expect(r.extraction.works).toHaveLength(20);
  });

  it('a captcha instead of page 3: keeps 40 works, still marked partial, with the reason in the notes', async () => {
    const { deps } = fakeBrowser({ [P2]: { body: slices.page(21, 40, true) }, [P3_AFTER_40]: { body: SORRY } });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress).toMatchObject({ state: 'stopped', pages: 2, works: 40 });
    expect(r.extraction.works).toHaveLength(40);
    expect(r.extraction.notes).toContain('Google Scholar lists 40 works on this page and has more; use Collect all to read the rest');
    expect(r.extraction.notes).toContain(`Collect all stopped: ${r.progress.reason}`);
  });

  it("the sign-in page Google serves in place of a profile stops the run", async () => {
    const { deps } = fakeBrowser({ [P2]: { body: SIGNIN } });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress.state).toBe('stopped');
    expect(r.progress.reason).toMatch(/sign-in/);
  });

  it('an error status with an ordinary body stops with the status', async () => {
    // Synthetic body: a plain error text, not a Scholar page.
    const { deps } = fakeBrowser({ [P2]: { status: 503, body: 'Service Unavailable' } });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress).toMatchObject({ state: 'stopped', reason: 'Google Scholar answered page 2 with HTTP 503' });
  });

  it('a network failure stops the run with the error', async () => {
    const { deps } = fakeBrowser({ [P2]: new TypeError('Failed to fetch') });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress).toMatchObject({ state: 'stopped', reason: 'page 2 could not be loaded (Failed to fetch)' });
  });

  it("somebody else's profile in answer (a real other profile) stops the run", async () => {
    const { deps } = fakeBrowser({ [P2]: { body: fixtureText('google_scholar/profile_U4LFdJ0AAAAJ_zharov.html') } });
    const r = await collectAll(runOf(slices.page1), deps);
    expect(r.progress).toMatchObject({ state: 'stopped', reason: 'page 2 belongs to someone else' });
  });
});

describe('Collect all: cancel', () => {
  it('cancelled during the pause: no request is made', async () => {
    const abort = new AbortController();
    const { deps, log } = fakeBrowser({ [P2]: { body: slices.page2 } });
    const sleep = deps.sleep;
    deps.sleep = async (ms, s) => {
      abort.abort();
      await sleep(ms, s);
    };
    const r = await collectAll(runOf(slices.page1, { signal: abort.signal }), deps);
    expect(log.fetches).toEqual([]);
    expect(r.progress).toMatchObject({ state: 'cancelled', pages: 1, works: 20 });
    expect(r.morePages).toBe(0);
  });

  it('cancelled after page 2 of 3: keeps the 40 works read', async () => {
    const abort = new AbortController();
    const { deps, log } = fakeBrowser({ [P2]: { body: slices.page(21, 40, true) }, [P3_AFTER_40]: { body: slices.page(41, 58, false) } });
    const run = runOf(slices.page1, { signal: abort.signal });
    run.onProgress = (p) => {
      if (p.state === 'running' && p.pages === 2) abort.abort();
    };
    const r = await collectAll(run, deps);
    expect(log.fetches.map((f) => f.url)).toEqual([P2]);
    expect(r.progress).toMatchObject({ state: 'cancelled', works: 40 });
    expect(r.extraction.notes).toContain('Collect all stopped: cancelled by you');
  });
});

describe('Collect all in the page (controller)', () => {
  function env(routes: Record<string, Route>) {
    const { deps, log } = fakeBrowser(routes);
    const sent: ({ type: 'capture'; capture: Capture } | { type: 'collect-progress'; progress: CollectProgress })[] = [];
    const handle = collectAllController({
      doc: parseHtml(slices.page1),
      url: () => new URL(BASE),
      adapterFor: () => googleScholar,
      delayMs: async () => 50,
      send: async (m) => void sent.push(m),
      deps,
    });
    return { handle, sent, log };
  }
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('starts once, sends one valid capture of 58 works, then the final progress', async () => {
    const { handle, sent, log } = env({ [P2]: { body: slices.page2 } });
    expect(handle({ type: 'collect-all-start' })).toEqual({ ok: true, value: 'started' });
    expect(handle({ type: 'collect-all-start' })).toEqual({ ok: false, error: 'Collect all is already running in this tab' });
    await settle();
    expect(log.sleeps).toEqual([50]);
    expect(sent.map((m) => m.type)).toEqual(['collect-progress', 'capture', 'collect-progress']);
    const capture = (sent[1] as { capture: Capture }).capture;
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.url).toBe(BASE);
    expect(capture.works).toHaveLength(58);
    expect(parseProgress((sent[2] as { progress: unknown }).progress)).toMatchObject({ state: 'complete', works: 58 });
    // Finished: it may start again.
    expect(handle({ type: 'collect-all-start' })).toEqual({ ok: true, value: 'started' });
  });

  it('a blocked second page sends no capture (nothing new) and a final report with the reason', async () => {
    const { handle, sent } = env({ [P2]: { body: SORRY } });
    handle({ type: 'collect-all-start' });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['collect-progress', 'collect-progress']);
    expect((sent[1] as { progress: CollectProgress }).progress).toMatchObject({ state: 'stopped', works: 20 });
  });

  it('a tab already showing the whole list (Show more pressed to the end) is saved as it is, with no request', async () => {
    const { deps, log } = fakeBrowser({});
    const sent: { type: string; capture?: Capture }[] = [];
    const handle = collectAllController({
      doc: parseHtml(fixtureText(ERNST_FIXTURE)),
      url: () => new URL(BASE),
      adapterFor: () => googleScholar,
      delayMs: async () => 50,
      send: async (m) => void sent.push(m),
      deps,
    });
    handle({ type: 'collect-all-start' });
    await settle();
    expect(log.fetches).toEqual([]);
    expect(sent.map((m) => m.type)).toEqual(['capture', 'collect-progress']);
    expect(sent[0]?.capture?.works).toHaveLength(58);
  });

  it('ignores other messages and refuses a cancel when nothing runs', () => {
    const { handle } = env({});
    expect(handle({ type: 'capture' })).toBeUndefined();
    expect(handle({ type: 'collect-all-cancel' })).toEqual({ ok: false, error: 'nothing is being collected in this tab' });
  });
});

describe('progress reports crossing into the background', () => {
  it('are checked field by field', () => {
    expect(parseProgress({ state: 'running', pages: 1, works: 20, at: 5, etaMs: 2000, etaAtLeast: true, extra: 'x' })).toEqual({
      state: 'running', pages: 1, works: 20, at: 5, etaMs: 2000, etaAtLeast: true,
    });
    expect(parseProgress({ state: 'done', pages: 1, works: 20, at: 5 })).toBeUndefined();
    expect(parseProgress({ state: 'running', pages: -1, works: 20, at: 5 })).toBeUndefined();
    expect(parseProgress({ state: 'stopped', pages: 1, works: 1, at: 1, reason: 'x'.repeat(1000) })?.reason).toHaveLength(300);
  });
});

describe('background: progress kept in the tab status', () => {
  it('stores a valid report on the tab that sent it and refuses a malformed one', async () => {
    const statuses = new Map<number, TabStatus>();
    const own = 'own-id';
    const { handle } = createHandler(
      {
        db: () => openStore('scholar-lens-collect-all-test'),
        now: () => new Date('2026-11-22T10:00:00.000Z'),
        saveStatus: async (s) => void statuses.set(s.tabId, s),
        loadStatus: async (id) => statuses.get(id),
      },
      own,
    );
    const progress = { state: 'running', pages: 1, works: 20, at: 1, etaMs: 2000, etaAtLeast: true };
    // No status yet for the tab: nothing to attach the report to.
    expect((await handle({ type: 'collect-progress', progress }, { id: own, tabId: 7 })).ok).toBe(false);
    // After the page's own capture (page 1 of the cut Ernst profile) the report is kept with it.
    const first = capturePage(googleScholar, parseHtml(slices.page1), new URL(BASE));
    expect((await handle({ type: 'capture', capture: first }, { id: own, tabId: 7, url: BASE })).ok).toBe(true);
    expect((await handle({ type: 'collect-progress', progress }, { id: own, tabId: 7 })).ok).toBe(true);
    expect(statuses.get(7)).toMatchObject({ works: 20, collect: progress });
    expect((await handle({ type: 'collect-progress', progress: { state: 'bogus' } }, { id: own, tabId: 7 })).ok).toBe(false);
    expect((await handle({ type: 'collect-progress', progress }, { id: 'someone-else', tabId: 7 })).ok).toBe(false);
  });
});

describe('the browser deps', () => {
  it('give up on a request that does not answer within the time limit', async () => {
    // A fetch that never answers until its signal aborts.
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_res, rej) => init?.signal?.addEventListener('abort', () => rej(init.signal?.reason)))) as typeof fetch;
    const deps = browserCollectDeps(hanging, () => ({ parseFromString: (h: string) => parseHtml(h) }) as unknown as DOMParser, 30);
    await expect(deps.fetch(P2, new AbortController().signal)).rejects.toThrow(/timed out|timeout/i);
  });
});

