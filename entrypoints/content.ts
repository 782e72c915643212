import browser from 'webextension-polyfill';
import { adapterFor, hostMatchPatterns } from '../src/sites/registry';
import { autoCaptureOn, normalizeSiteSettings, SITE_SETTINGS_KEY } from '../src/shell/site-settings';
import { captureCurrentPage, pageFetcher } from '../src/shell/capture-in-page';
import { dataFetcher } from '../src/shell/fetch-data';
import { startSpaCapture } from '../src/shell/spa-navigation';

// Runs on supported sites only (the matches are the adapters' host patterns).
// It reads the page, sends the capture to the background, and never throws
// into the host page.
export default defineContentScript({
  matches: hostMatchPatterns(),
  runAt: 'document_idle',
  async main() {
    try {
      // In-app navigations (pushState) are captured too, never with the previous page's data: see spa-navigation.ts.
      startSpaCapture({
        doc: document,
        href: () => location.href,
        adapterFor: (url) => adapterFor(url),
        // The user may have turned automatic capture off for this site (dashboard settings).
        enabled: async (a) => autoCaptureOn(normalizeSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]), a.id),
        capture: (a, url) =>
          captureCurrentPage(
            // Sibling-host data (pub.orcid.org, api.semanticscholar.org) goes through the background: see fetch-data.ts.
            { doc: document, url, fetchText: dataFetcher(url, pageFetcher(fetch.bind(globalThis)), (m) => browser.runtime.sendMessage(m)) },
            a,
          ),
        send: (capture) => browser.runtime.sendMessage({ type: 'capture', capture }),
        report: (url, reason) => browser.runtime.sendMessage({ type: 'nothing-found', url, reason }),
        navigation: (globalThis as { navigation?: Parameters<typeof startSpaCapture>[0]['navigation'] }).navigation,
        win: window,
      });
    } catch {
      // Deliberately silent in the page: the popup shows the tab's status.
    }
  },
});
