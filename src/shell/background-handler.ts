// The background's message handling, with its browser dependencies injected
// so unit tests run it against fake-indexeddb. The entrypoint only wires it.
// Messages arrive as `unknown`; parse-message.ts is the only thing that looks
// inside them, so every branch below works on a typed message.

import { adapterById, adapterFor } from '../adapters/registry';
import { pageKeyOf } from '../adapters/run';
import { putCapture, type LensDB } from '../store/store';
import type { BackgroundMessage, MessageOf, Reply, Response, TabStatus } from './messages';
import { fetchData } from './fetch-data';
import { parseBackgroundMessage } from './parse-message';

export { MAX_MESSAGE_BYTES } from './parse-message';

type BackgroundType = BackgroundMessage['type'];
type Answer<T extends BackgroundType> = Promise<Response<Reply<T>>>;

export interface BackgroundDeps {
  db(): Promise<LensDB>;
  now(): Date;
  /** Remember a tab's status across service-worker restarts. */
  saveStatus(status: TabStatus): Promise<void>;
  loadStatus(tabId: number): Promise<TabStatus | undefined>;
  /** Read article pages on this origin automatically from now on (the user granted the host). */
  enableHost?(origin: string): Promise<void>;
  /** Fetch used for content scripts' data requests to sibling hosts; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface Sender {
  /** Extension id of the sender; must be ours. */
  id?: string;
  tabId?: number;
  url?: string;
}

/**
 * Messages only a tab may send, and the refusal when something else sends one:
 * their effects land on the sending tab's status, or (fetch-data) are judged by
 * the tab's address as the browser reports it.
 */
const FROM_TABS_ONLY: Partial<Record<BackgroundType, string>> = {
  capture: 'captures come from tabs',
  'nothing-found': 'reports come from tabs',
  'fetch-data': 'data requests come from tabs',
  'collect-progress': 'a progress report from a tab expected',
};

type StatusBase = Omit<TabStatus, 'source' | 'siteName' | 'pageKind' | 'outcome' | 'works'>;

export function createHandler(deps: BackgroundDeps, ownId: string) {
  const rejected = { count: 0 };

  const statusBase = (tabId: number, sender: Sender): StatusBase => ({ tabId, url: sender.url ?? '', at: deps.now().toISOString(), notes: [] });

  async function handleCapture({ capture }: MessageOf<'capture'>, tabId: number, sender: Sender): Answer<'capture'> {
    const base = statusBase(tabId, sender);
    const adapter = adapterById(capture.source);
    if (!adapter) return reject(base, capture.source, `no adapter "${capture.source}"`);
    const status: TabStatus = {
      ...base,
      url: capture.url,
      source: capture.source,
      siteName: adapter.name,
      pageKind: capture.pageKind,
      outcome: 'not-stored',
      works: capture.works?.length ?? 0,
      notes: capture.notes ?? [],
    };
    // The runner never sends an author page or a list without works (src/adapters/run.ts); the store
    // does not take one from anything else either: it would make a person of a page nobody read.
    const empty = (capture.pageKind === 'author' || capture.pageKind === 'list') && !capture.works?.length;
    if (empty) {
      status.pageKind = 'unrecognized';
      status.notes = [`${adapter.name}'s reader did not understand this page: no works found on it`, ...status.notes];
    } else if (capture.pageKind !== 'blocked' && capture.pageKind !== 'unrecognized') {
      try {
        const key = pageKeyOf(adapter, new URL(capture.url));
        const result = await putCapture(await deps.db(), key, capture);
        status.key = key;
        status.outcome = result.status;
        const hook = adapter.collectAll;
        if (hook && capture.pageKind === 'author' && hook.truncated(capture)) {
          const total = hook.total?.(capture) ?? capture.person?.metrics?.papers;
          status.collectOffer = total !== undefined ? { total } : {};
        }
      } catch (err) {
        status.outcome = 'error';
        status.reason = `the browser refused to store it (${err instanceof Error ? err.message || err.name : String(err)})`;
      }
    }
    if (tabId >= 0) await deps.saveStatus(status);
    return { ok: true, value: status };
  }

  /** A refused capture still becomes the tab's status, so the popup can say why nothing was saved. */
  async function reject(base: StatusBase, source: string, reason: string): Answer<'capture'> {
    rejected.count++;
    const status: TabStatus = { ...base, source, siteName: source, pageKind: 'unrecognized', outcome: 'rejected', works: 0, reason };
    if (status.tabId >= 0) await deps.saveStatus(status);
    return { ok: false, error: reason };
  }

  async function handleNothingFound(m: MessageOf<'nothing-found'>, tabId: number, sender: Sender): Answer<'nothing-found'> {
    // A site's reader that found nothing is named, so the popup says whose reader it was.
    const site = m.site ? adapterById(m.site) : undefined;
    const status: TabStatus = {
      tabId,
      url: m.url ?? sender.url ?? '',
      source: site?.id ?? 'none',
      siteName: site?.name ?? 'This page',
      pageKind: 'unrecognized',
      outcome: 'not-stored',
      works: 0,
      notes: [m.reason],
      at: deps.now().toISOString(),
    };
    await deps.saveStatus(status);
    return { ok: true, value: status };
  }

  async function handleEnableHost({ origin }: MessageOf<'enable-host'>): Answer<'enable-host'> {
    if (!deps.enableHost) return { ok: false, error: 'not available here' };
    await deps.enableHost(origin);
    return { ok: true, value: origin };
  }

  // Kept in the tab's status, which the popup already reads; a tab with no status has nothing to collect.
  async function handleProgress({ progress }: MessageOf<'collect-progress'>, tabId: number): Answer<'collect-progress'> {
    const status = await deps.loadStatus(tabId);
    if (!status) return { ok: false, error: 'no page status for this tab' };
    await deps.saveStatus({ ...status, collect: progress });
    return { ok: true, value: progress };
  }

  async function handleTabStatus({ tabId }: MessageOf<'tab-status'>): Answer<'tab-status'> {
    return { ok: true, value: (await deps.loadStatus(tabId)) ?? null };
  }

  /** Route one message. Messages from anything but this extension are refused. */
  async function handle(raw: unknown, sender: Sender): Answer<BackgroundType> {
    if (sender.id !== ownId) return { ok: false, error: 'messages are accepted only from Scholar Lens itself' };
    const parsed = parseBackgroundMessage(raw);
    // Who may send it is checked before what it says, so a page learns nothing from a refusal it should not get.
    const tabOnly = parsed.ok ? FROM_TABS_ONLY[parsed.message.type] : parsed.type && FROM_TABS_ONLY[parsed.type];
    if (tabOnly && sender.tabId === undefined) return { ok: false, error: tabOnly };
    if (!parsed.ok) {
      if (parsed.type === 'capture') return reject(statusBase(sender.tabId ?? -1, sender), 'unknown', parsed.error);
      return { ok: false, error: parsed.error };
    }
    const m = parsed.message;
    const tabId = sender.tabId ?? -1;
    switch (m.type) {
      case 'capture':
        return handleCapture(m, tabId, sender);
      case 'nothing-found':
        return handleNothingFound(m, tabId, sender);
      case 'enable-host':
        return handleEnableHost(m);
      case 'fetch-data':
        // sender.url is the tab's page as the browser reports it, not what the message claims.
        return fetchData(m, sender.url, deps.fetch ?? globalThis.fetch.bind(globalThis), adapterFor);
      case 'collect-progress':
        return handleProgress(m, tabId);
      case 'tab-status':
        return handleTabStatus(m);
    }
  }

  return { handle, rejected };
}
