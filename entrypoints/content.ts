import browser from 'webextension-polyfill';
import { hostMatchPatterns } from '../src/sites/registry';
import { captureCurrentPage } from '../src/shell/capture-in-page';

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
        async fetchText(url, as, headers) {
          const res = await fetch(url, {
            credentials: 'same-origin',
            headers: { Accept: as === 'json' ? 'application/json' : as === 'xml' ? 'application/xml' : '*/*', ...headers },
          });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return res.text();
        },
      });
      if (capture) await browser.runtime.sendMessage({ type: 'capture', capture });
    } catch {
      // Deliberately silent in the page: the popup shows the tab's status.
    }
  },
});
