import browser from 'webextension-polyfill';
import { hostMatchPatterns } from '../src/sites/registry';
import { captureCurrentPage, pageFetcher } from '../src/shell/capture-in-page';

// Runs on supported sites only (the matches are the adapters' host patterns).
// It reads the page, sends the capture to the background, and never throws
// into the host page.
export default defineContentScript({
  matches: hostMatchPatterns(),
  runAt: 'document_idle',
  async main() {
    try {
      const capture = await captureCurrentPage({
        doc: document,
        url: new URL(location.href),
        fetchText: pageFetcher(fetch.bind(globalThis)),
      });
      if (capture) await browser.runtime.sendMessage({ type: 'capture', capture });
    } catch {
      // Deliberately silent in the page: the popup shows the tab's status.
    }
  },
});
