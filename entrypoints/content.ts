import browser from 'webextension-polyfill';
import { adapterFor, hostMatchPatterns } from '../src/sites/registry';
import { autoCaptureOn, normalizeSiteSettings, SITE_SETTINGS_KEY } from '../src/shell/site-settings';
import { captureCurrentPage, pageFetcher } from '../src/shell/capture-in-page';
import { dataFetcher } from '../src/shell/fetch-data';

// Runs on supported sites only (the matches are the adapters' host patterns).
// It reads the page, sends the capture to the background, and never throws
// into the host page.
export default defineContentScript({
  matches: hostMatchPatterns(),
  runAt: 'document_idle',
  async main() {
    try {
      // The user may have turned automatic capture off for this site (dashboard settings).
      const adapter = adapterFor(new URL(location.href));
      const stored = await browser.storage.local.get(SITE_SETTINGS_KEY);
      if (adapter && !autoCaptureOn(normalizeSiteSettings(stored[SITE_SETTINGS_KEY]), adapter.id)) return;
      const capture = await captureCurrentPage({
        doc: document,
        url: new URL(location.href),
        // Sibling-host data (pub.orcid.org, api.semanticscholar.org) goes through the background: see fetch-data.ts.
        fetchText: dataFetcher(new URL(location.href), pageFetcher(fetch.bind(globalThis)), (m) => browser.runtime.sendMessage(m)),
      });
      if (capture) await browser.runtime.sendMessage({ type: 'capture', capture });
    } catch {
      // Deliberately silent in the page: the popup shows the tab's status.
    }
  },
});
