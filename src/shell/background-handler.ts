// The background's message handling, with its browser dependencies injected
// so unit tests run it against fake-indexeddb. The entrypoint only wires it.
// Messages arrive as `unknown`; parse-message.ts is the only thing that looks
// inside them, so every branch below works on a typed message.
//
// What a message says is never who sent it. The sender, as the browser
// reports it, decides: a capture is stored under the key of the sending tab's
// own address (a content script on one site cannot write another site's
// record, nor a plain-http page an https one), settings change only on a
// message from the extension's own pages, and a tab learns only its own status.

import { isSecure } from '../adapters/contract';
import { adapterById, adapterFor, fallbackAdapters, siteAt } from '../adapters/registry';
import { pageKeyOf } from '../adapters/run';
import { isolated } from '../core/text';
import { parseUrl } from '../core/url';
import { putCapture, type LensDB } from '../store/store';
import type { BackgroundMessage, MessageOf, Reply, Response, TabStatus } from './messages';
import { fetchData } from './fetch-data';
import { parseBackgroundMessage } from './parse-message';
import type { ViewKeeper } from './view-keeper';

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
  /** Has the user granted this origin's host permission? enable-host does nothing without it. */
  hasHostPermission?(origin: string): Promise<boolean>;
  /** Fetch used for content scripts' data requests to sibling hosts; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The kept merged views: told of every stored capture, asked by extension pages to be current. */
  views?: Pick<ViewKeeper, 'changed' | 'settled'> & Partial<Pick<ViewKeeper, 'decided' | 'deleted' | 'prefetch'>>;
}

/** The sender of a message as the browser reports it (runtime.MessageSender), never as the message claims. */
export interface Sender {
  /** Extension id of the sender; must be ours. */
  id?: string;
  /** The tab the message came from (sender.tab.id); none for the popup. */
  tabId?: number;
  /** The sending frame's address (sender.url). */
  url?: string;
  /** The sending tab's address (sender.tab.url), when the browser shows it. */
  tabUrl?: string;
  /** 0 for a tab's top frame (sender.frameId). */
  frameId?: number;
}

/**
 * The address of the page that sent a message: the tab's, for its top frame
 * (both browsers keep it current across in-app navigations), else the frame's.
 */
export function senderPage(sender: Sender): URL | undefined {
  const top = sender.frameId === undefined || sender.frameId === 0;
  return parseUrl((top ? sender.tabUrl : undefined) ?? sender.url ?? '');
}

/** Is the sender one of the extension's own pages (popup, dashboard), in the top frame of its window or tab? */
export function fromExtensionPage(sender: Sender, pagesBase: string): boolean {
  const top = sender.frameId === undefined || sender.frameId === 0;
  return top && typeof sender.url === 'string' && sender.url.startsWith(pagesBase);
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

/** Messages only the extension's own pages may send: they change what the extension does. */
const FROM_EXTENSION_PAGES_ONLY: Partial<Record<BackgroundType, string>> = {
  'enable-host': 'settings change only from Scholar Lens\'s own pages',
  'refresh-views': 'only Scholar Lens\'s own pages read the merged library',
  decided: 'decisions are made on Scholar Lens\'s own pages',
  deleted: 'pages are deleted on Scholar Lens\'s own pages',
  prefetch: 'only Scholar Lens\'s own pages read the merged library',
};

type StatusBase = Omit<TabStatus, 'source' | 'siteName' | 'pageKind' | 'outcome' | 'works'>;

const FALLBACK_IDS: ReadonlySet<string> = new Set(fallbackAdapters.map((a) => a.id));

/**
 * `pagesBase`: the address every extension page starts with
 * (`runtime.getURL('/')`: chrome-extension://<id>/, moz-extension://<uuid>/).
 */
export function createHandler(deps: BackgroundDeps, ownId: string, pagesBase = `chrome-extension://${ownId}/`) {
  const rejected = { count: 0 };

  const statusBase = (tabId: number, page: URL | undefined): StatusBase => ({ tabId, url: page?.href ?? '', at: deps.now().toISOString(), notes: [] });

  /**
   * The adapter and store key a capture from this page may have, or why it
   * may have none. The key is the page's own: a generic reader's capture is
   * keyed by the tab's address, a site's only when the tab is on that site.
   */
  function keyFor(capture: MessageOf<'capture'>['capture'], page: URL | undefined): { adapter: NonNullable<ReturnType<typeof adapterById>>; key: string } | { error: string } {
    if (!page) return { error: 'a capture comes from a tab showing a page' };
    if (!isSecure(page)) return { error: `only pages served over https are saved (this one is ${page.protocol.slice(0, -1)}: anyone on the network could have written it)` };
    const claimed = adapterById(capture.source);
    if (!claimed) return { error: `no adapter "${isolated(capture.source.slice(0, 60))}"` };
    const site = siteAt(page);
    if (!FALLBACK_IDS.has(claimed.id) && claimed !== site)
      return { error: `a page on ${page.hostname} cannot be saved as ${claimed.name}'s (${site ? `it is ${site.name}'s` : 'no supported site'})` };
    const key = pageKeyOf(claimed, page);
    const own = parseUrl(capture.url);
    if (!own || !isSecure(own) || pageKeyOf(claimed, own) !== key) return { error: 'the capture names another page than the tab it came from' };
    return { adapter: claimed, key };
  }

  async function handleCapture({ capture }: MessageOf<'capture'>, tabId: number, page: URL | undefined): Answer<'capture'> {
    const base = statusBase(tabId, page);
    const found = keyFor(capture, page);
    if ('error' in found) return reject(base, capture.source, found.error);
    const { adapter, key } = found;
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
        const result = await putCapture(await deps.db(), key, capture);
        status.key = key;
        status.outcome = result.status;
        deps.views?.changed(key);
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

  async function handleNothingFound(m: MessageOf<'nothing-found'>, tabId: number, page: URL | undefined): Answer<'nothing-found'> {
    // A site's reader that found nothing is named, so the popup says whose reader it was: only the tab's own site.
    const own = page ? siteAt(page) : undefined;
    const site = m.site && own?.id === m.site ? own : undefined;
    const status: TabStatus = {
      tabId,
      url: page?.href ?? '',
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
    if (!deps.enableHost || !deps.hasHostPermission) return { ok: false, error: 'not available here' };
    // The permission is the user's answer to the browser's prompt; a message alone registers nothing.
    if (!(await deps.hasHostPermission(origin))) return { ok: false, error: `no permission for ${origin}: the browser asks the user first` };
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

  /** The popup asks about any tab; a tab only about itself (another tab's status says what the user browses). */
  async function handleTabStatus({ tabId }: MessageOf<'tab-status'>, sender: Sender): Answer<'tab-status'> {
    if (!fromExtensionPage(sender, pagesBase) && sender.tabId !== tabId) return { ok: false, error: 'a tab may ask only for its own status' };
    return { ok: true, value: (await deps.loadStatus(tabId)) ?? null };
  }

  async function handleRefreshViews({ changed, stale }: MessageOf<'refresh-views'>): Answer<'refresh-views'> {
    if (!deps.views) return { ok: false, error: 'not available here' };
    if (changed) deps.views.changed();
    const meta = await deps.views.settled({ stale });
    return { ok: true, value: meta ? { builtAt: meta.builtAt, ...(meta.error !== undefined ? { error: meta.error } : {}) } : null };
  }

  /** The dashboard stored decisions: their views first, provisional (answered with the subset's works and people), then the rebuild. */
  async function handleDecided({ decisions }: MessageOf<'decided'>): Answer<'decided'> {
    if (!deps.views) return { ok: false, error: 'not available here' };
    if (!deps.views.decided) {
      deps.views.changed();
      return { ok: true, value: null };
    }
    const u = await deps.views.decided(decisions);
    return { ok: true, value: u ? { ...u.patch, ms: u.ms } : null };
  }

  /** The dashboard deleted captures: the views they were in first, provisional (answered as for a decision), then the rebuild. */
  async function handleDeleted({ keys }: MessageOf<'deleted'>): Answer<'deleted'> {
    if (!deps.views) return { ok: false, error: 'not available here' };
    if (!deps.views.deleted) {
      deps.views.changed();
      return { ok: true, value: null };
    }
    const u = await deps.views.deleted(keys);
    return { ok: true, value: u ? { ...u.patch, ms: u.ms } : null };
  }

  /** Route one message. Messages from anything but this extension are refused. */
  async function handle(raw: unknown, sender: Sender): Answer<BackgroundType> {
    if (sender.id !== ownId) return { ok: false, error: 'messages are accepted only from Scholar Lens itself' };
    const parsed = parseBackgroundMessage(raw);
    // Who may send it is checked before what it says, so a page learns nothing from a refusal it should not get.
    const type = parsed.ok ? parsed.message.type : parsed.type;
    const tabOnly = type && FROM_TABS_ONLY[type];
    if (tabOnly && sender.tabId === undefined) return { ok: false, error: tabOnly };
    const pagesOnly = type && FROM_EXTENSION_PAGES_ONLY[type];
    if (pagesOnly && !fromExtensionPage(sender, pagesBase)) return { ok: false, error: pagesOnly };
    const page = senderPage(sender);
    if (!parsed.ok) {
      if (parsed.type === 'capture') return reject(statusBase(sender.tabId ?? -1, page), 'unknown', parsed.error);
      return { ok: false, error: parsed.error };
    }
    const m = parsed.message;
    const tabId = sender.tabId ?? -1;
    switch (m.type) {
      case 'capture':
        return handleCapture(m, tabId, page);
      case 'nothing-found':
        return handleNothingFound(m, tabId, page);
      case 'enable-host':
        return handleEnableHost(m);
      case 'fetch-data':
        // Judged by the tab's page as the browser reports it, not by what the message claims.
        return fetchData(m, page?.href, deps.fetch ?? globalThis.fetch.bind(globalThis), adapterFor);
      case 'collect-progress':
        return handleProgress(m, tabId);
      case 'tab-status':
        return handleTabStatus(m, sender);
      case 'refresh-views':
        return handleRefreshViews(m);
      case 'decided':
        return handleDecided(m);
      case 'deleted':
        return handleDeleted(m);
      case 'prefetch':
        // Not waited for: a read ahead that fails only leaves the decision to read for itself.
        void deps.views?.prefetch?.(m.rows).catch(() => undefined);
        return { ok: true, value: null };
    }
  }

  return { handle, rejected };
}
