import { render } from 'preact';
import browser from 'webextension-polyfill';
import { adapters } from '../../src/adapters/registry';
import { allCaptures, allDecisions, deleteCapture, getSetting, putDecisions, storeConnection } from '../../src/store/store';
import { eraseEverything } from '../../src/shell/erase-everything';
import { normalizeSiteSettings, SITE_SETTINGS_KEY } from '../../src/shell/site-settings';
import { Dashboard, type DashboardData } from '../../src/ui/dashboard/Dashboard';
import { backupOf, importFile, saveSiteSettings } from '../../src/ui/dashboard/library';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { serializeBackup } from '../../src/formats';
import { sendToBackground } from '../../src/shell/browser-send';
import { allViews, capturesOf, keptLibrary, keptResult, viewsMeta } from '../../src/store/views';
import '../../src/ui/theme.css';
import '../../src/ui/dashboard/dashboard.css';

// Opened when first needed and kept; a failed open is tried again on the next action (src/store/store.ts).
const store = storeConnection();

// Ask the background to bring the kept views up to date (`changed`: this page wrote the store); resolves when they are.
// A background that does not answer is no failure here: the dashboard then merges for itself (load.ts).
async function refreshViews(o: { changed?: boolean; stale?: boolean }): Promise<void> {
  await sendToBackground({ type: 'refresh-views', changed: o.changed === true, stale: o.stale === true }).catch(() => undefined);
}
const changed = () => refreshViews({ changed: true });

async function deleted(keys: string[]) {
  const d = await store();
  for (const k of keys) await deleteCapture(d, k);
  const answer = await sendToBackground({ type: 'deleted', keys }).catch(() => undefined);
  if (answer?.ok && answer.value) return answer.value;
  await changed();
  return undefined;
}

const data: DashboardData = {
  currentYear: new Date().getFullYear(),
  now: () => new Date(),
  sites: adapters.map((a) => ({ id: a.id, name: a.name })),
  async library() {
    const d = await store();
    const [records, decisions] = await Promise.all([allCaptures(d), allDecisions(d)]);
    return { records, decisions };
  },
  async captures(keys) {
    return capturesOf(await store(), keys);
  },
  async keptViews() {
    const d = await store();
    const [views, meta] = await Promise.all([allViews(d), viewsMeta(d)]);
    return { views, ...(meta ? { meta } : {}) };
  },
  async keptResult() {
    return keptResult(await store());
  },
  async keptLibrary() {
    return keptLibrary(await store());
  },
  async decisions() {
    return allDecisions(await store());
  },
  refreshViews,
  async viewsMeta() {
    return viewsMeta(await store());
  },
  // Stored, then the background merges the views they concern alone and answers with that merge (the dashboard
  // shows it at once, as "Updating…"); the full rebuild follows there. No answer: the rebuild is waited for.
  async decide(ds) {
    const d = await store();
    // One transaction for all (a split of a work of n records is n − 1 decisions).
    await putDecisions(d, ds.map(decisionRecord));
    performance.mark('decision:stored');
    const answer = await sendToBackground({ type: 'decided', decisions: ds }).catch(() => undefined);
    performance.mark('decision:answered', { detail: answer?.ok && answer.value ? answer.value.ms : undefined });
    if (answer?.ok && answer.value) return answer.value;
    await refreshViews({});
    return undefined;
  },
  prefetch(rows) {
    void sendToBackground({ type: 'prefetch', rows }).catch(() => undefined);
  },
  // Deletes take the same fast path: the views the pages were in merged again without them, shown at once.
  deleteCapture: (key) => deleted([key]),
  deletePerson: (person) => deleted(person.pages.map((p) => p.captureKey)),
  async eraseAll() {
    await eraseEverything(await store(), browser);
    await changed();
  },
  async importFile(name, text, owner) {
    const res = await importFile(await store(), name, text, owner, new Date());
    await changed();
    // A restored backup may carry site settings: hand them to the content script too.
    const restored = await getSetting(await store(), SITE_SETTINGS_KEY, undefined as unknown);
    if (restored !== undefined) await browser.storage.local.set({ [SITE_SETTINGS_KEY]: normalizeSiteSettings(restored) });
    return res;
  },
  async backupText() {
    return serializeBackup(await backupOf(await store(), new Date()));
  },
  async siteSettings() {
    const stored = await browser.storage.local.get(SITE_SETTINGS_KEY);
    return normalizeSiteSettings(stored[SITE_SETTINGS_KEY]);
  },
  async saveSiteSettings(s) {
    await saveSiteSettings(await store(), s, (items) => browser.storage.local.set(items));
  },
  async storageEstimate() {
    const e = await navigator.storage.estimate();
    return { ...(e.usage !== undefined ? { usage: e.usage } : {}), ...(e.quota !== undefined ? { quota: e.quota } : {}) };
  },
};

render(<Dashboard data={data} />, document.getElementById('app')!);
