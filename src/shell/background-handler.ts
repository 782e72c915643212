// The background's message handling, with its browser dependencies injected
// so unit tests run it against fake-indexeddb. The entrypoint only wires it.

import type { Capture } from '../core/capture';
import { validateCapture } from '../core/validate';
import { adapterById, adapterFor } from '../adapters/registry';
import { pageKeyOf } from '../adapters/run';
import { putCapture, type LensDB } from '../store/store';
import type { Response, TabStatus } from './messages';
import { fetchDataFor } from './fetch-data';
import { parseProgress } from './collect-progress';

/** Captures over this size are refused before validation (many tabs, one hostile page). */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

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

export function createHandler(deps: BackgroundDeps, ownId: string) {
  const rejected = { count: 0 };

  async function handleCapture(raw: unknown, sender: Sender): Promise<Response<TabStatus>> {
    const tabId = sender.tabId ?? -1;
    const size = approximateSize(raw);
    const base = { tabId, url: sender.url ?? '', at: deps.now().toISOString(), notes: [] as string[] };
    if (size > MAX_MESSAGE_BYTES) {
      rejected.count++;
      return reject(base, 'unknown', `the capture is too large (${Math.round(size / 1024)} kB; the limit is 5 MB)`);
    }
    const check = validateCapture(raw);
    if (!check.ok) {
      rejected.count++;
      return reject(base, 'unknown', `the capture is malformed: ${check.errors[0]}`);
    }
    const capture: Capture = check.capture;
    const adapter = adapterById(capture.source);
    if (!adapter) {
      rejected.count++;
      return reject(base, capture.source, `no adapter "${capture.source}"`);
    }
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
    if (capture.pageKind !== 'blocked' && capture.pageKind !== 'unrecognized') {
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

  async function reject(base: Omit<TabStatus, 'source' | 'siteName' | 'pageKind' | 'outcome' | 'works'>, source: string, reason: string): Promise<Response<TabStatus>> {
    const status: TabStatus = { ...base, source, siteName: source, pageKind: 'unrecognized', outcome: 'rejected', works: 0, reason };
    if (status.tabId >= 0) await deps.saveStatus(status);
    return { ok: false, error: reason };
  }

  /** Route one message. Messages from anything but this extension are refused. */
  async function handle(message: unknown, sender: Sender): Promise<Response<unknown>> {
    if (sender.id !== ownId) return { ok: false, error: 'messages are accepted only from Scholar Lens itself' };
    if (typeof message !== 'object' || message === null) return { ok: false, error: 'not a message' };
    const m = message as { type?: unknown; capture?: unknown; tabId?: unknown };
    switch (m.type) {
      case 'capture':
        if (sender.tabId === undefined) return { ok: false, error: 'captures come from tabs' };
        return handleCapture(m.capture, sender);
      case 'nothing-found': {
        if (sender.tabId === undefined) return { ok: false, error: 'reports come from tabs' };
        const status: TabStatus = {
          tabId: sender.tabId,
          url: typeof (m as { url?: unknown }).url === 'string' ? String((m as { url: string }).url) : (sender.url ?? ''),
          source: 'none',
          siteName: 'This page',
          pageKind: 'unrecognized',
          outcome: 'not-stored',
          works: 0,
          notes: [String((m as { reason?: unknown }).reason ?? 'nothing scholarly found').slice(0, 300)],
          at: deps.now().toISOString(),
        };
        await deps.saveStatus(status);
        return { ok: true, value: status };
      }
      case 'enable-host': {
        const origin = (m as { origin?: unknown }).origin;
        if (typeof origin !== 'string' || !/^https?:\/\/[^/]+$/.test(origin)) return { ok: false, error: 'an origin like https://example.org expected' };
        if (!deps.enableHost) return { ok: false, error: 'not available here' };
        await deps.enableHost(origin);
        return { ok: true, value: origin };
      }
      case 'fetch-data':
        // sender.url is the tab's page as the browser reports it, not what the message claims.
        if (sender.tabId === undefined) return { ok: false, error: 'data requests come from tabs' };
        return fetchDataFor(message, sender.url, deps.fetch ?? globalThis.fetch.bind(globalThis), adapterFor);
      case 'collect-progress': {
        // Kept in the tab's status, which the popup already reads; a tab with no status has nothing to collect.
        const progress = parseProgress((m as { progress?: unknown }).progress);
        if (sender.tabId === undefined || !progress) return { ok: false, error: 'a progress report from a tab expected' };
        const status = await deps.loadStatus(sender.tabId);
        if (!status) return { ok: false, error: 'no page status for this tab' };
        await deps.saveStatus({ ...status, collect: progress });
        return { ok: true, value: progress };
      }
      case 'tab-status':
        if (typeof m.tabId !== 'number') return { ok: false, error: 'tabId expected' };
        return { ok: true, value: (await deps.loadStatus(m.tabId)) ?? null };
      default:
        return { ok: false, error: `unknown message type ${String(m.type)}` };
    }
  }

  return { handle, rejected };
}

function approximateSize(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Infinity;
  }
}
