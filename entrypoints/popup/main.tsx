import '../../src/ui/popup/marks-start';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { matchesPattern } from '../../src/shell/match-pattern';
import { Popup, type PopupData } from '../../src/ui/popup/Popup';
import { putDecision, storeConnection } from '../../src/store/store';
import { capturesOf, storedProfile } from '../../src/store/views';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { autoCaptureOn, normalizeSiteSettings, SITE_SETTINGS_KEY } from '../../src/shell/site-settings';
import { siteNameOf } from '../../src/adapters/names';
import { sendToBackground, sendToTab } from '../../src/shell/browser-send';
import { sender } from '../../src/shell/send';
import { eraseEverything } from '../../src/shell/erase-everything';
import type { ListPreview } from '../../src/shell/read-list';
import { isTabStatusOf, type TabStatus } from '../../src/shell/messages';
import '../../src/ui/theme.css';
import '../../src/ui/popup/popup.css';
import { popupMark } from '../../src/ui/popup/marks';

popupMark('script');

// `?tab=<id>` lets the dashboard and the end-to-end tests open the popup for a given tab.
async function activeTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// The hosts the site content scripts run on, from the manifest: the popup
// needs no adapter code to know them.
const contentScriptMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
// Each site's content script is content-scripts/<adapter id>.js (entrypoints/<id>.content.ts; the convention test checks the wiring).
const siteScripts = (browser.runtime.getManifest().content_scripts ?? []).map((c) => ({
  matches: c.matches ?? [],
  id: /content-scripts\/([^/]+)\.js$/.exec(c.js?.[0] ?? '')?.[1],
}));

// One connection for the popup's life; a failed open is tried again on the next read (src/store/store.ts).
// Opened now, while the tab's status is read: the profile's read then finds it open.
const store = storeConnection();
void store().catch(() => undefined);

// The tab's status as the background stored it (entrypoints/background.ts, `tab:<id>` in the session
// area), read here: the background need not wake or be free to answer. Without that area, asked.
async function tabStatus(tabId: number): Promise<TabStatus | null> {
  const session = browser.storage.session as typeof browser.storage.session | undefined;
  if (!session) {
    const res = await sendToBackground({ type: 'tab-status', tabId });
    if (!res.ok) throw new Error(res.error);
    return res.value;
  }
  const k = `tab:${tabId}`;
  const s: unknown = (await session.get(k))[k];
  return isTabStatusOf(s, tabId) ? s : null;
}

const data: PopupData = {
  onSupportedSite: (url) => contentScriptMatches.some((p) => matchesPattern(p, url)),
  async autoOffSite(url) {
    const u = new URL(url);
    const id = siteScripts.find((s) => s.id && s.matches.some((p) => matchesPattern(p, u)))?.id;
    if (!id) return undefined;
    const settings = normalizeSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
    return autoCaptureOn(settings, id) ? undefined : siteNameOf(id);
  },
  currentYear: new Date().getFullYear(),
  async status() {
    const tabId = await activeTabId();
    if (tabId === undefined) return null;
    popupMark('status-sent');
    const status = await tabStatus(tabId);
    popupMark('status-got');
    return status;
  },
  now: () => new Date(),
  // One page's capture and its kept view: reads through keys and an index, whatever the library's size.
  async profile(key) {
    popupMark('profile-sent');
    const db = await store();
    popupMark('store-open');
    const p = await storedProfile(db, key);
    popupMark('profile-got');
    return p;
  },
  // The captures of the works an export or a copied citation is made of (their provenance), read then.
  async captures(keys) {
    return capturesOf(await store(), keys);
  },
  async refreshViews(o) {
    const res = await sendToBackground({ type: 'refresh-views', changed: o.changed === true, stale: o.stale === true });
    if (!res.ok) throw new Error(res.error);
  },
  async decide(d) {
    await putDecision(await store(), decisionRecord(d));
    await this.refreshViews({ changed: true });
  },
  async eraseAll() {
    await eraseEverything(await store(), browser);
    await this.refreshViews({ changed: true });
  },
  dashboardUrl(personId) {
    return browser.runtime.getURL('/dashboard.html') + (personId ? `#person=${encodeURIComponent(personId)}` : '');
  },
  async pageUrl() {
    const tabId = await activeTabId();
    if (tabId === undefined) return undefined;
    const tab = await browser.tabs.get(tabId);
    return tab.url && /^https?:/.test(tab.url) ? tab.url : undefined;
  },
  async savePage() {
    const tabId = await activeTabId();
    if (tabId === undefined) return;
    const before = (await this.status())?.at;
    await browser.scripting.executeScript({ target: { tabId }, files: ['/save-page.js'] });
    // The injected script reports to the background; wait for that report.
    for (let i = 0; i < 50; i++) {
      const s = await this.status();
      if (s && s.at !== before) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  // Collect all runs in the tab's content script (same-origin requests with the page's cookies); see src/shell/collect-all-in-page.ts.
  async startCollectAll() {
    const tabId = await activeTabId();
    if (tabId === undefined) return { ok: false, error: 'no tab' };
    return sendToTab(tabId)({ type: 'collect-all-start' });
  },
  async cancelCollectAll() {
    const tabId = await activeTabId();
    if (tabId === undefined) return { ok: false, error: 'no tab' };
    return sendToTab(tabId)({ type: 'collect-all-cancel' });
  },
  // "Read this page": the reader runs in the tab through activeTab and its result comes back here; nothing is stored yet.
  async readList() {
    const tabId = await activeTabId();
    if (tabId === undefined) return { error: 'no tab' };
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/read-list.js'] });
    return (first?.result as ListPreview | { error: string } | undefined) ?? { error: 'the page gave no answer' };
  },
  // On confirm the capture is handed to the tab, which sends it as its own: the background
  // takes captures from tabs only, validates them and records the tab's status.
  async saveList(capture) {
    const tabId = await activeTabId();
    if (tabId === undefined) throw new Error('no tab');
    const fromTab = sender(async (message) => {
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        // Runs in the tab's isolated world, where Firefox names the API `browser` and Chrome `chrome`.
        func: (m: unknown) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage(m),
        args: [message],
      });
      return first?.result;
    });
    const res = await fromTab({ type: 'capture', capture });
    if (!res.ok) throw new Error(res.error);
  },
  async enableSite(origin) {
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (granted) await sendToBackground({ type: 'enable-host', origin });
    return granted;
  },
};

render(<Popup data={data} />, document.getElementById('app')!);
