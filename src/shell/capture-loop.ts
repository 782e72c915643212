// The capture loop of every site's content script: read the page with its
// adapter now and after every in-app navigation, and report the result (or why
// there is none) to the background. When to read is spa-navigation.ts's
// business; this module decides what to read and throws a result away if the
// address moved on while it was being read.

import type { Capture } from '../core/capture';
import type { SiteAdapter } from '../adapters/contract';
import { pageAddress, SHOW_TIMEOUT_MS, waitUntilShowing, watchUrl, type EventSource, type ObserverCtor } from './spa-navigation';

export interface CaptureLoopDeps {
  doc: Document;
  href(): string;
  adapterFor(url: URL): SiteAdapter | undefined;
  /** Automatic capture is on for this site (read at each page, so a changed setting applies). */
  enabled(adapter: SiteAdapter): boolean | Promise<boolean>;
  capture(adapter: SiteAdapter, url: URL): Promise<Capture | undefined>;
  send(capture: Capture): Promise<unknown>;
  /** Replace the tab's status when a new in-app page yields nothing, so the last page's stays not shown. */
  report?(url: string, reason: string, site?: string): Promise<unknown>;
  navigation?: EventSource;
  win?: EventSource;
  timeoutMs?: number;
  settleMs?: number;
  pollMs?: number;
  MutationObserver?: ObserverCtor;
}

export interface CaptureLoop {
  stop(): void;
  /** The run for the address currently shown (tests await it). */
  current(): Promise<void>;
}

/** Capture the page now and after every in-app navigation. Never throws. */
export function startCaptureLoop(d: CaptureLoopDeps): CaptureLoop {
  let generation = 0;
  let running: Promise<void> = Promise.resolve();

  async function run(href: string, navigated: boolean): Promise<void> {
    const gen = ++generation;
    const stale = () => gen !== generation || pageAddress(d.href()) !== pageAddress(href);
    const say = async (reason: string, site?: string) => {
      if (navigated && d.report && !stale()) await d.report(href, reason, site);
    };
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return;
    }
    const adapter = d.adapterFor(url);
    if (!adapter) return say('this page of the site is not one Scholar Lens reads');
    if (!(await d.enabled(adapter))) {
      // Reported on a fresh load too: the popup of a supported site otherwise waits for a report that never comes.
      if (d.report && !stale()) await d.report(href, `automatic reading is off for ${adapter.name} — turn it on in the dashboard (Sites), or save this page once`);
      return;
    }
    // A freshly loaded document is this address's own page (a canonical naming another id
    // is then the site's choice, e.g. a merged record), so only in-app navigations wait.
    const shown = navigated
      ? await waitUntilShowing(adapter, d.doc, url, {
          timeoutMs: d.timeoutMs,
          settleMs: d.settleMs,
          cancelled: stale,
          MutationObserver: d.MutationObserver,
        })
      : 'shown';
    if (shown === 'cancelled' || stale()) return;
    if (shown === 'timeout')
      return say(`${adapter.name}: the page did not finish showing within ${Math.round((d.timeoutMs ?? SHOW_TIMEOUT_MS) / 1000)} s; nothing was captured`);
    const capture = await d.capture(adapter, url);
    // The address moved on while the data was fetched: this result belongs to a page no longer shown.
    if (stale()) return;
    if (capture) await d.send(capture);
    // (A site's content script reads a claimed address into a capture even when its layout is unknown:
    // capture-in-page.ts captureClaimedPage, so a fresh load reports its reason too.)
    else await say(`${adapter.name} found nothing to read on this page`, adapter.id);
  }

  const start = (href: string, navigated: boolean) => {
    running = run(href, navigated).catch(() => {
      // Deliberately silent in the page: the popup shows the tab's status.
    });
  };

  start(d.href(), false);
  const stop = watchUrl({
    doc: d.doc,
    href: d.href,
    onChange: (href) => start(href, true),
    navigation: d.navigation,
    win: d.win,
    pollMs: d.pollMs,
    MutationObserver: d.MutationObserver,
  });
  return { stop, current: () => running };
}
