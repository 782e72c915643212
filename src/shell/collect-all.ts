// "Collect all": read the rest of a long list the way the page's own "show
// more" does — from the tab's own origin, one request at a time, with a pause
// before each — and make one extraction of it. Everything the browser would
// provide (fetch, timers, clock, HTML parser) is injected, so the loop is
// tested with a fake clock and real saved pages.

import type { Extraction } from '../core/capture';
import type { SiteAdapter } from '../adapters/contract';
import type { CollectProgress, CollectState } from './collect-progress';
import { withoutHash } from '../core/url';
import { safeExtract } from '../adapters/run';

export interface PageResponse {
  ok: boolean;
  status: number;
  /** Final URL after redirects. */
  url: string;
  text(): Promise<string>;
}

export interface CollectDeps {
  fetch(url: string, signal: AbortSignal): Promise<PageResponse>;
  parse(html: string): Document;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Epoch milliseconds. */
  now(): number;
}

export interface CollectRun {
  adapter: SiteAdapter;
  /** The page in the tab: the first page of the list. */
  doc: Document;
  url: URL;
  /** Pause before each request. */
  delayMs: number;
  signal: AbortSignal;
  onProgress?(p: CollectProgress): void;
  /** A bound on requests, whatever the site says: 200 pages of 100 rows is far beyond any profile. */
  maxPages?: number;
}

export interface CollectResult {
  progress: CollectProgress;
  /** The first page combined with every page read after it. */
  extraction: Extraction;
  /** Pages read after the first: 0 means there is nothing new to save. */
  morePages: number;
}

const MAX_PAGES = 200;

export async function collectAll(run: CollectRun, deps: CollectDeps): Promise<CollectResult> {
  const { adapter, url, signal } = run;
  const hook = adapter.collectAll;
  let first = safeExtract(adapter, run.doc, url);
  const more: Extraction[] = [];
  const fetchMs: number[] = [];
  const worksNow = () => (hook && more.length ? hook.combine(first, more, false).works?.length : first.works?.length) ?? 0;
  const total = hook?.total?.(first);
  let requests = 0;

  const report = (state: CollectState, extra: Partial<CollectProgress> = {}): CollectProgress => {
    const p: CollectProgress = { state, pages: 1 + more.length, works: worksNow(), at: deps.now(), ...extra };
    if (total !== undefined) p.total = total;
    run.onProgress?.(p);
    return p;
  };
  const finish = (state: CollectState, reason?: string): CollectResult => {
    const complete = state === 'complete';
    let extraction = first;
    if (hook && more.length) {
      extraction = hook.combine(first, more, complete);
      if (!complete && reason) extraction = { ...extraction, notes: [...(extraction.notes ?? []), `Collect all stopped: ${reason}`] };
    }
    return { progress: report(state, reason ? { reason } : {}), extraction, morePages: more.length };
  };

  /** One request, after the pause, with every check; the page read, or the finished run. */
  async function load(target: URL, label: string): Promise<{ doc: Document; ex: Extraction } | { end: CollectResult }> {
    // The page's own button asks its own origin; so do we, and never anywhere else.
    if (target.origin !== url.origin) return { end: finish('stopped', `the next page is on another site (${target.host})`) };
    if (requests + 1 >= (run.maxPages ?? MAX_PAGES)) return { end: finish('stopped', `stopped after ${requests + 1} pages (the limit)`) };
    requests++;
    report('running', eta(run.delayMs, fetchMs, total, worksNow(), more, first));
    await deps.sleep(run.delayMs, signal);
    if (signal.aborted) return { end: finish('cancelled', 'cancelled by you') };

    const started = deps.now();
    let res: PageResponse;
    let html: string;
    try {
      res = await deps.fetch(target.href, signal);
      html = await res.text();
    } catch (err) {
      if (signal.aborted) return { end: finish('cancelled', 'cancelled by you') };
      return { end: finish('stopped', `${label} could not be loaded (${err instanceof Error ? err.message : String(err)})`) };
    }
    fetchMs.push(Math.max(0, deps.now() - started));
    if (signal.aborted) return { end: finish('cancelled', 'cancelled by you') };

    let finalUrl = target;
    try {
      finalUrl = new URL(res.url || target.href);
    } catch {
      /* keep the requested URL */
    }
    if (finalUrl.origin !== url.origin)
      return { end: finish('stopped', `${label} was redirected to ${finalUrl.host} (a sign-in or check page)`) };
    const doc = deps.parse(html);
    const ex = safeExtract(adapter, doc, target);
    // A captcha often comes with an error status: name the captcha, not the number.
    if (ex.pageKind === 'blocked') return { end: finish('stopped', ex.notes?.[0] ?? `${adapter.name} refused ${label}`) };
    if (!res.ok) return { end: finish('stopped', `${adapter.name} answered ${label} with HTTP ${res.status}`) };
    if (ex.pageKind !== first.pageKind)
      return { end: finish('stopped', `${label} is not a page of this list (${ex.notes?.[0] ?? ex.pageKind})`) };
    if (!samePerson(first, ex)) return { end: finish('stopped', `${label} belongs to someone else`) };
    return { doc, ex };
  }

  if (!hook) return finish('stopped', `${adapter.name} pages cannot be collected`);
  if (first.pageKind !== 'author') return finish('stopped', first.notes?.[0] ?? 'this is not an author page');

  let cur = { url, doc: run.doc, extraction: first };
  // A tab showing a later slice of the list: start from the beginning, or the "whole" list would lack its head.
  const start = hook.firstPage?.(url);
  if (start && withoutHash(start) !== withoutHash(url)) {
    const got = await load(start, 'the first page');
    if ('end' in got) return got.end;
    first = got.ex;
    cur = { url: start, doc: got.doc, extraction: got.ex };
  }
  if (!hook.truncated(first)) return finish('complete');

  const seen = new Set([withoutHash(cur.url)]);
  for (;;) {
    const next = hook.next(cur.url, cur.doc, cur.extraction);
    if (!next) {
      if (more.length) return finish('complete');
      return finish('stopped', 'the page does not say where the rest of the list is');
    }
    if (seen.has(withoutHash(next))) return finish('stopped', 'the site pointed back to a page already read');
    seen.add(withoutHash(next));
    const got = await load(next, `page ${2 + more.length}`);
    if ('end' in got) return got.end;
    if (!got.ex.works?.length) return more.length ? finish('complete') : finish('stopped', `page ${2 + more.length} lists no works`);
    more.push(got.ex);
    cur = { url: next, doc: got.doc, extraction: got.ex };
  }
}

/** Time left: known pages × (pause + mean request time); with no stated total, at least one more page. */
function eta(delayMs: number, fetchMs: number[], total: number | undefined, works: number, more: Extraction[], first: Extraction) {
  const perRequest = delayMs + (fetchMs.length ? fetchMs.reduce((a, b) => a + b, 0) / fetchMs.length : 0);
  if (total === undefined) return { etaMs: Math.round(perRequest), etaAtLeast: true };
  const perPage = more.length
    ? more.reduce((a, e) => a + (e.works?.length ?? 0), 0) / more.length
    : Math.max(1, first.works?.length ?? 1);
  const pages = Math.max(1, Math.ceil(Math.max(0, total - works) / Math.max(1, perPage)));
  return { etaMs: Math.round(pages * perRequest) };
}

// Scholar takes the user id from the URL we asked for, so the id alone cannot
// show that the site answered with somebody else's page; the name can.
function samePerson(a: Extraction, b: Extraction): boolean {
  if (a.person?.name && b.person?.name && a.person.name !== b.person.name) return false;
  const ia = a.person?.ids ?? {};
  const ib = b.person?.ids ?? {};
  for (const k of Object.keys(ia) as (keyof typeof ia)[]) if (ib[k] !== undefined && ib[k] !== ia[k]) return false;
  return true;
}

/** The browser's timer as `CollectDeps.sleep`. */
export function timerSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
