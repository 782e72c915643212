// What every site's content script does. Each site has its own content script
// (generated per site folder by src/build/modules/site-content-scripts.ts) that passes only its own adapter here, so
// a page carries the code of the one site it belongs to, not every site's.

import browser from 'webextension-polyfill';
import type { SiteAdapter } from '../adapters/contract';
import { claims, ruleFor } from '../adapters/contract';
import { sendToBackground } from './browser-send';
import { captureClaimedPage, pageFetcher } from './capture-in-page';
import { browserCollectDeps, collectAllController } from './collect-all-in-page';
import { dataFetcher } from './fetch-data';
import { autoCaptureOn, normalizeSiteSettings, SITE_SETTINGS_KEY } from './site-settings';
import { startCaptureLoop } from './capture-loop';

export function runContentScript(adapter: SiteAdapter): void {
  const adapterFor = (url: URL) => (ruleFor(adapter, url) ? adapter : undefined);
  // The capture loop also reads the site's block page, to report it blocked.
  const readsAt = (url: URL) => (claims(adapter, url) ? adapter : undefined);
  try {
    // In-app navigations (pushState) are captured too, never with the previous page's data: see capture-loop.ts.
    startCaptureLoop({
      doc: document,
      href: () => location.href,
      adapterFor: readsAt,
      // The user may have turned automatic capture off for this site (dashboard settings).
      enabled: async (a) => autoCaptureOn(await siteSettings(), a.id),
      capture: (a, url) =>
        captureClaimedPage(
          // Sibling-host data (pub.orcid.org, api.semanticscholar.org) goes through the background: see fetch-data.ts.
          { doc: document, url, fetchText: dataFetcher(url, pageFetcher(fetch.bind(globalThis)), sendToBackground) },
          a,
        ),
      send: (capture) => sendToBackground({ type: 'capture', capture }),
      // The background takes the address from the tab, as the browser reports it.
      report: (_url, reason, site) => sendToBackground({ type: 'nothing-found', reason, ...(site ? { site } : {}) }),
      navigation: (globalThis as { navigation?: Parameters<typeof startCaptureLoop>[0]['navigation'] }).navigation,
      win: window,
    });
  } catch {
    // Deliberately silent in the page: the popup shows the tab's status.
  }
  // "Collect all" answers the popup even where automatic capture is off; it does nothing until asked.
  if (adapter.collectAll) listenForCollectAll(adapterFor);
}

async function siteSettings() {
  return normalizeSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
}

function listenForCollectAll(adapterFor: (url: URL) => SiteAdapter | undefined): void {
  const handle = collectAllController({
    doc: document,
    url: () => new URL(location.href),
    adapterFor: (url) => {
      const a = adapterFor(url);
      return a?.collectAll ? a : undefined;
    },
    delayMs: async () => (await siteSettings()).collectAllDelayMs,
    send: sendToBackground,
    deps: browserCollectDeps(pageFetch(), () => new DOMParser()),
  });
  // Only our two commands get an answer: other messages to this tab are left to their own listeners.
  const listener = (message: unknown): Promise<unknown> | undefined => {
    const answer = handle(message);
    return answer ? Promise.resolve(answer) : undefined;
  };
  browser.runtime.onMessage.addListener(listener as browser.Runtime.OnMessageListenerAsync);
}

// Firefox runs content-script fetches as the extension; `content.fetch` runs them as the page (its cookies, its origin).
function pageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return typeof content?.fetch === 'function' ? content.fetch.bind(content) : fetch.bind(globalThis);
}
