// In-app navigation in single-page apps: the address change is noticed, the
// capture waits for the new page to show, and a result whose address moved on
// meanwhile is thrown away. The documents are SYNTHETIC snippets (a few
// elements standing for an app's shell), parsed by linkedom, whose
// MutationObserver the code uses as a browser's; timers are faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../src/core/capture';
import type { SiteAdapter } from '../../src/adapters/contract';
import { parseHtml } from '../../src/node/dom';
import { semanticScholarAdapter } from '../../src/sites/semantic-scholar';
import { adapterFor } from '../../src/adapters/registry';
import { startCaptureLoop } from '../../src/shell/capture-loop';
import { pageAddress, waitUntilShowing, watchUrl } from '../../src/shell/spa-navigation';
import { statusFreshness } from '../../src/ui/popup/status-freshness';
import { matchesPattern } from '../../src/shell/fetch-data';
import { adapters } from '../../src/adapters/registry';

const A = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
const B = 'https://www.semanticscholar.org/author/Test-Author-Two/1000001';

// SYNTHETIC: an app shell declaring which author it shows, as Semantic Scholar is assumed to (see the adapter).
function shell(canonical: string): Document {
  return parseHtml(`<html><head><link rel="canonical" href="${canonical}"></head><body><div id="app"><h1>first</h1></div></body></html>`);
}

function redraw(doc: Document, canonical: string, heading: string) {
  doc.querySelector('link[rel="canonical"]')?.setAttribute('href', canonical);
  const h = doc.createElement('h1');
  h.textContent = heading;
  doc.querySelector('#app')?.replaceChildren(h);
}

/** A minimal EventTarget standing for window.navigation / window. */
function events() {
  const map = new Map<string, Set<() => void>>();
  return {
    addEventListener: (t: string, cb: () => void) => void (map.get(t) ?? map.set(t, new Set()).get(t)!).add(cb),
    removeEventListener: (t: string, cb: () => void) => void map.get(t)?.delete(cb),
    fire: (t: string) => map.get(t)?.forEach((cb) => cb()),
    count: (t: string) => map.get(t)?.size ?? 0,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pageAddress', () => {
  it('drops only the fragment', () => {
    expect(pageAddress('https://openreview.net/forum?id=abc#discussion')).toBe('https://openreview.net/forum?id=abc');
    expect(pageAddress(A)).toBe(A);
  });
});

describe('watchUrl', () => {
  it('notices an address change through a DOM change, the Navigation API, popstate, or the poll; ignores hash changes', async () => {
    const doc = shell(A);
    let href = A;
    const seen: string[] = [];
    const nav = events();
    const win = events();
    const stop = watchUrl({ doc, href: () => href, onChange: (h) => seen.push(h), navigation: nav, win, pollMs: 1000 });

    href = B; // pushState in the page: nothing fires by itself
    redraw(doc, B, 'second');
    await flush(); // linkedom delivers mutation records in a microtask
    expect(seen).toEqual([B]);

    href = A;
    nav.fire('currententrychange');
    expect(seen).toEqual([B, A]);

    href = B;
    win.fire('popstate');
    expect(seen).toEqual([B, A, B]);

    href = `${B}#papers`;
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([B, A, B]);

    href = A;
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([B, A, B, A]);

    stop();
    expect(nav.count('currententrychange') + win.count('popstate')).toBe(0);
    href = B;
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(4);
  });
});

describe('waitUntilShowing', () => {
  it('waits while the document still declares the previous author, then for the DOM to settle', async () => {
    const doc = shell(A);
    const result = waitUntilShowing(semanticScholarAdapter, doc, new URL(B), { settleMs: 400, timeoutMs: 10_000 });
    let done: string | undefined;
    void result.then((r) => (done = r));
    await vi.advanceTimersByTimeAsync(3000);
    expect(done).toBeUndefined();
    redraw(doc, B, 'second');
    await flush();
    await vi.advanceTimersByTimeAsync(399);
    expect(done).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe('shown');
  });

  it('gives up after the time limit when the page never shows the new author', async () => {
    const doc = shell(A);
    const result = waitUntilShowing(semanticScholarAdapter, doc, new URL(B), { timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toBe('timeout');
  });

  it('stops as soon as the address moves on', async () => {
    const doc = shell(A);
    let cancelled = false;
    const result = waitUntilShowing(semanticScholarAdapter, doc, new URL(B), { cancelled: () => cancelled });
    cancelled = true;
    await vi.advanceTimersByTimeAsync(250);
    await expect(result).resolves.toBe('cancelled');
  });

  it('a page that never stops changing is read once it has shown the right record for a while', async () => {
    const doc = shell(B);
    const result = waitUntilShowing(semanticScholarAdapter, doc, new URL(B), { settleMs: 400, timeoutMs: 10_000 });
    let done: string | undefined;
    void result.then((r) => (done = r));
    for (let i = 0; i < 30 && !done; i++) {
      doc.querySelector('h1')!.textContent = `tick ${i}`;
      await flush();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(done).toBe('shown');
  });

  it('an adapter whose isShowing throws counts as not showing (the time limit still ends the wait)', async () => {
    const broken: SiteAdapter = { ...semanticScholarAdapter, isShowing: () => { throw new Error('boom'); } };
    const result = waitUntilShowing(broken, shell(B), new URL(B), { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toBe('timeout');
  });
});

describe('startCaptureLoop', () => {
  function fakeCapture(url: URL): Capture {
    return { format: 'scholar-lens.capture', version: 1, source: 'semantic-scholar', pageKind: 'author', url: url.href, capturedAt: '2026-11-22T10:00:00.000Z', person: { name: url.pathname } };
  }

  function setup(opts: { captureDelay?: (url: URL) => number } = {}) {
    const doc = shell(A);
    const state = { href: A };
    const sent: string[] = [];
    const reported: [string, string][] = [];
    const captured: string[] = [];
    const spa = startCaptureLoop({
      doc,
      href: () => state.href,
      adapterFor: (u) => adapterFor(u),
      enabled: () => true,
      capture: async (_a, url) => {
        captured.push(url.href);
        await new Promise((r) => setTimeout(r, opts.captureDelay?.(url) ?? 10));
        return fakeCapture(url);
      },
      send: async (c) => void sent.push(c.url),
      report: async (url, reason) => void reported.push([url, reason]),
      settleMs: 400,
      timeoutMs: 10_000,
      pollMs: 1000,
    });
    return { doc, state, sent, reported, captured, spa };
  }

  it('captures the first page, then the page navigated to once it shows', async () => {
    const { doc, state, sent, captured, spa } = setup();
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([A]);
    state.href = B;
    await vi.advanceTimersByTimeAsync(1000); // the poll notices; the shell still declares A
    await vi.advanceTimersByTimeAsync(2000);
    expect(captured).toEqual([A]);
    redraw(doc, B, 'second');
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    await spa.current();
    expect(sent).toEqual([A, B]);
    spa.stop();
  });

  it('throws away a capture whose address changed while its data was being fetched', async () => {
    // The first author's data takes 5 s; the user moves on after 1 s.
    const { doc, state, sent, captured, spa } = setup({ captureDelay: (u) => (u.href === A ? 5000 : 10) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(captured).toEqual([A]);
    state.href = B;
    redraw(doc, B, 'second');
    await flush();
    await vi.advanceTimersByTimeAsync(6000);
    await spa.current();
    expect(captured).toEqual([A, B]);
    expect(sent).toEqual([B]);
    spa.stop();
  });

  it('says so, instead of leaving the last page\'s status, when the new page never shows or is not one it reads', async () => {
    const { state, sent, reported, spa } = setup();
    await vi.advanceTimersByTimeAsync(500);
    state.href = B; // the shell keeps declaring A: never redrawn
    await vi.advanceTimersByTimeAsync(1000 + 10_000);
    await spa.current();
    expect(sent).toEqual([A]);
    expect(reported).toEqual([[B, 'Semantic Scholar: the page did not finish showing within 10 s; nothing was captured']]);

    state.href = 'https://www.semanticscholar.org/search?q=turing';
    await vi.advanceTimersByTimeAsync(1000);
    await spa.current();
    expect(reported[1]).toEqual(['https://www.semanticscholar.org/search?q=turing', 'this page of the site is not one Scholar Lens reads']);
    spa.stop();
  });
});

describe('statusFreshness (the popup)', () => {
  const status = (url: string) => ({ tabId: 1, url, source: 'semantic-scholar', siteName: 'Semantic Scholar', pageKind: 'author' as const, outcome: 'added' as const, works: 1, notes: [], at: '2026-11-22T10:00:00.000Z' });
  it('current for the page shown (hash aside), pending for another page of a supported site, stale elsewhere', () => {
    // As the popup does it: the hosts of the site content scripts' match patterns.
    const supported = (u: URL) => adapters.some((a) => a.matches.some((p) => matchesPattern(p, u)));
    expect(statusFreshness(status(A), `${A}#papers`, supported)).toBe('current');
    expect(statusFreshness(status(A), undefined, supported)).toBe('current');
    expect(statusFreshness(status(A), B, supported)).toBe('pending');
    expect(statusFreshness(status(A), 'https://example.org/lab/people', supported)).toBe('stale');
  });
});

describe('Semantic Scholar isShowing (declared address)', () => {
  // SYNTHETIC heads: what the app is assumed to declare.
  const head = (h: string) => parseHtml(`<html><head>${h}</head><body></body></html>`);
  it('false only when the document declares another record', () => {
    const url = new URL(B);
    expect(semanticScholarAdapter.isShowing?.(head(''), url)).toBe(true);
    expect(semanticScholarAdapter.isShowing?.(head('<link rel="canonical" href="/author/1000001">'), url)).toBe(true);
    expect(semanticScholarAdapter.isShowing?.(head(`<meta property="og:url" content="${A}">`), url)).toBe(false);
    expect(semanticScholarAdapter.isShowing?.(head('<link rel="canonical" href="https://www.semanticscholar.org/">'), url)).toBe(true);
    expect(semanticScholarAdapter.isShowing?.(head('<link rel="canonical" href="http://[bad">'), url)).toBe(true);
  });
});

describe('startCaptureLoop on a fresh page load', () => {
  it('reads at once, even when the document declares another record (the site\'s own canonical choice)', async () => {
    const doc = shell('https://www.semanticscholar.org/author/9999999');
    const sent: string[] = [];
    const spa = startCaptureLoop({
      doc,
      href: () => A,
      adapterFor: (u) => adapterFor(u),
      enabled: () => true,
      capture: async (_a, url) => ({ format: 'scholar-lens.capture', version: 1, source: 'semantic-scholar', pageKind: 'author', url: url.href, capturedAt: '2026-11-22T10:00:00.000Z', person: { name: 'x' } }),
      send: async (c) => void sent.push(c.url),
    });
    await spa.current();
    expect(sent).toEqual([A]);
    spa.stop();
  });
});
