import browser from 'webextension-polyfill';
import { createHandler } from '../src/shell/background-handler';
import type { TabStatus } from '../src/shell/messages';
import { storeConnection } from '../src/store/store';
import { createViewKeeper } from '../src/shell/view-keeper';
import { mergeRecords } from '../src/ui/model/merged-library';
import { offThreadRebuild } from '../src/shell/off-thread-merge';
import { mergeWorkerOpener, type MergeWorkerEnv } from '../src/shell/merge-worker-open';

export default defineBackground(() => {
  // A failed open is not kept: the next message tries again (src/store/store.ts).
  const db = storeConnection(undefined, {
    blocked: () => console.warn('Scholar Lens: the store is held open at an older version by another of its pages; captures wait until it closes'),
  });
  const statusKey = (tabId: number) => `tab:${tabId}`;
  // storage.session survives service-worker restarts but not the browser session,
  // which is the right lifetime for "what happened in this tab".
  const session = browser.storage.session ?? browser.storage.local;

  // The merged library, kept per page for the popup and rebuilt here after every change (src/shell/view-keeper.ts).
  // A full rebuild merges in a worker (Firefox: started here; Chromium: by an offscreen document), so this
  // thread keeps answering meanwhile; without one, or when it fails, it merges here (src/shell/off-thread-merge.ts).
  const g = globalThis as unknown as { Worker?: MergeWorkerEnv['Worker']; clients?: MergeWorkerEnv['clients']; chrome?: { offscreen?: MergeWorkerEnv['offscreen'] } };
  const open = mergeWorkerOpener({
    url: (path) => browser.runtime.getURL(path as '/'),
    keepAlive: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
    ...(typeof g.Worker === 'function' ? { Worker: g.Worker } : {}),
    ...(g.chrome?.offscreen ? { offscreen: g.chrome.offscreen } : {}),
    ...(g.clients ? { clients: g.clients } : {}),
  });
  const views = createViewKeeper({ db, now: () => new Date(), merge: mergeRecords, ...(open ? { offThread: offThreadRebuild(open) } : {}) });
  void views.resume().catch((err: unknown) => console.warn('Scholar Lens: the merged view could not be checked', err));

  const { handle } = createHandler(
    {
      db,
      views,
      now: () => new Date(),
      saveStatus: (s: TabStatus) => session.set({ [statusKey(s.tabId)]: s }),
      loadStatus: async (tabId) => (await session.get(statusKey(tabId)))[statusKey(tabId)] as TabStatus | undefined,
      // Hosts the user enabled get the on-request reader registered as a content
      // script; the permission itself was requested by the popup (a user gesture).
      hasHostPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      async enableHost(origin) {
        const id = `auto-${new URL(origin).host}`;
        const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
        if (existing.length) return;
        await browser.scripting.registerContentScripts([
          { id, matches: [`${origin}/*`], js: ['save-page.js'], runAt: 'document_idle', persistAcrossSessions: true },
        ]);
      },
    },
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  // The handler parses the message (src/shell/parse-message.ts) and checks the sender; this only adapts the browser's call.
  // Everything about the sender comes from the browser's MessageSender, nothing from the message.
  browser.runtime.onMessage.addListener(((message: unknown, sender: browser.Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    handle(message, { id: sender.id, tabId: sender.tab?.id, url: sender.url, tabUrl: sender.tab?.url, frameId: sender.frameId }).then(sendResponse, (err: unknown) =>
      sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
    return true; // keep the channel open for the asynchronous answer
  }) as browser.Runtime.OnMessageListenerCallback);

  browser.tabs.onRemoved.addListener((tabId) => void session.remove(statusKey(tabId)));
});
