// Watching a single-page app navigate. Single-page apps (Semantic Scholar,
// ORCID, OpenReview) change the address with history.pushState and redraw in
// place; the content script runs once per real page load. The known failure of
// other tools is reading the new address while the old page (or its data) is
// still on screen. So this module notices the change (watchUrl) and waits until
// the adapter says the new page is showing, or the DOM settles
// (waitUntilShowing); capture-loop.ts reads the page when it has.
//
// The content script's isolated world does not see the page's own pushState
// calls, so the address is watched three ways: the Navigation API's events
// where the browser has them, a MutationObserver on the document (SPAs redraw
// when they navigate), and a slow poll as the last resort.

import type { SiteAdapter } from '../adapters/contract';

/** Longest wait for a new page to show before giving up on it. */
export const SHOW_TIMEOUT_MS = 10_000;
/** Quiet time after the last DOM change before the page counts as drawn. */
export const SETTLE_MS = 400;
export const POLL_MS = 1_000;
/** Longest wait for quiet once the right page shows. */
export const SETTLE_MAX_MS = 2_000;

export interface EventSource {
  addEventListener(type: string, cb: () => void): void;
  removeEventListener(type: string, cb: () => void): void;
}

export type ObserverCtor = new (cb: () => void) => { observe(target: Node, init: MutationObserverInit): void; disconnect(): void };

function observerCtor(doc: Document, given?: ObserverCtor): ObserverCtor | undefined {
  if (given) return given;
  const view = doc.defaultView as unknown as { MutationObserver?: ObserverCtor } | null;
  return view?.MutationObserver;
}

/** The address without its fragment: a hash change is the same page. */
export function pageAddress(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

export interface UrlWatchOptions {
  doc: Document;
  href(): string;
  onChange(href: string): void;
  /** `window.navigation` where the browser has the Navigation API. */
  navigation?: EventSource;
  /** The window, for popstate. */
  win?: EventSource;
  pollMs?: number;
  MutationObserver?: ObserverCtor;
}

/** Call onChange whenever the page's address (without hash) changes. Returns a stop function. */
export function watchUrl(o: UrlWatchOptions): () => void {
  let last = pageAddress(o.href());
  const check = () => {
    const now = pageAddress(o.href());
    if (now === last) return;
    last = now;
    o.onChange(now);
  };
  // `navigate` fires before the address commits; these two fire after.
  const navEvents = ['currententrychange', 'navigatesuccess'];
  for (const e of navEvents) o.navigation?.addEventListener(e, check);
  o.win?.addEventListener('popstate', check);
  const Ctor = observerCtor(o.doc, o.MutationObserver);
  const observer = Ctor ? new Ctor(check) : undefined;
  const root = o.doc.documentElement;
  if (observer && root) observer.observe(root, { childList: true, subtree: true });
  const timer = setInterval(check, o.pollMs ?? POLL_MS);
  return () => {
    for (const e of navEvents) o.navigation?.removeEventListener(e, check);
    o.win?.removeEventListener('popstate', check);
    observer?.disconnect();
    clearInterval(timer);
  };
}

export type ShowResult = 'shown' | 'timeout' | 'cancelled';

export interface ShowOptions {
  timeoutMs?: number;
  settleMs?: number;
  /** Stop waiting (the address moved on). Checked on every DOM change and timer. */
  cancelled?(): boolean;
  MutationObserver?: ObserverCtor;
}

function showing(adapter: SiteAdapter, doc: Document, url: URL): boolean {
  if (!adapter.isShowing) return true;
  try {
    return adapter.isShowing(doc, url);
  } catch {
    return false;
  }
}

/**
 * Wait until `adapter.isShowing(doc, url)` holds and the DOM has been quiet for
 * settleMs, or the time limit passes. Adapters without isShowing only wait for
 * the quiet.
 */
export function waitUntilShowing(adapter: SiteAdapter, doc: Document, url: URL, o: ShowOptions = {}): Promise<ShowResult> {
  return new Promise((resolve) => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const Ctor = observerCtor(doc, o.MutationObserver);
    const finish = (r: ShowResult) => {
      clearTimeout(limit);
      clearTimeout(settle);
      clearInterval(cancelPoll);
      observer?.disconnect();
      resolve(r);
    };
    // A page that never stops changing (a ticker, an animation) is read once it
    // has shown the right record for SETTLE_MAX_MS, quiet or not.
    let showingSince: number | undefined;
    const consider = () => {
      if (o.cancelled?.()) return finish('cancelled');
      clearTimeout(settle);
      if (!showing(adapter, doc, url)) {
        showingSince = undefined;
        return;
      }
      showingSince ??= Date.now();
      const wait = Math.min(o.settleMs ?? SETTLE_MS, Math.max(0, showingSince + SETTLE_MAX_MS - Date.now()));
      settle = setTimeout(() => {
        if (o.cancelled?.()) finish('cancelled');
        else if (showing(adapter, doc, url)) finish('shown');
      }, wait);
    };
    const limit = setTimeout(() => finish(o.cancelled?.() ? 'cancelled' : 'timeout'), o.timeoutMs ?? SHOW_TIMEOUT_MS);
    // A page may stop changing while the address moves on; notice that without a mutation.
    const cancelPoll = setInterval(() => {
      if (o.cancelled?.()) finish('cancelled');
    }, 250);
    const observer = Ctor ? new Ctor(consider) : undefined;
    const root = doc.documentElement;
    if (observer && root) observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    consider();
  });
}
