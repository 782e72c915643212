import browser from 'webextension-polyfill';
import { collectableAdapterFor, collectableAdapters } from '../src/sites/collectable';
import { normalizeSiteSettings, SITE_SETTINGS_KEY } from '../src/shell/site-settings';
import { browserCollectDeps, collectAllController } from '../src/shell/collect-all-in-page';

// "Collect all" lives in its own content script, on the sites whose adapters
// can page through a long list, so it answers the popup even where automatic
// capture is switched off. It does nothing until the popup asks.
export default defineContentScript({
  matches: [...new Set(collectableAdapters.flatMap((a) => a.matches))],
  runAt: 'document_idle',
  main() {
    const handle = collectAllController({
      doc: document,
      url: () => new URL(location.href),
      adapterFor: collectableAdapterFor,
      async delayMs() {
        const stored = await browser.storage.local.get(SITE_SETTINGS_KEY);
        return normalizeSiteSettings(stored[SITE_SETTINGS_KEY]).collectAllDelayMs;
      },
      send: (m) => browser.runtime.sendMessage(m),
      // Firefox runs content-script fetches as the extension; `content.fetch` runs them as the page (its cookies, its origin).
      deps: browserCollectDeps(pageFetch(), () => new DOMParser()),
    });
    // Only our two commands get an answer: other messages to this tab are left to their own listeners.
    const listener = (message: unknown): Promise<unknown> | undefined => {
      const answer = handle(message);
      return answer ? Promise.resolve(answer) : undefined;
    };
    browser.runtime.onMessage.addListener(listener as browser.Runtime.OnMessageListenerAsync);
  },
});

function pageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return typeof content?.fetch === 'function' ? content.fetch.bind(content) : fetch.bind(globalThis);
}
