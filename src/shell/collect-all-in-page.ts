// The content script's side of "Collect all": the popup asks the tab to
// start or cancel; the run fetches from the page's own origin with the user's
// cookies (as the page's "show more" button does), reports progress to the
// background, and sends the finished capture through the ordinary 'capture'
// message so the background validates and stores it like any other.

import type { SiteAdapter } from '../adapters/contract';
import { envelope } from '../adapters/run';
import { collectAll, timerSleep, type CollectDeps } from './collect-all';
import type { MessageOf, Reply, Response, TabMessage } from './messages';
import { parseTabMessage } from './parse-message';

export type CollectCommand = TabMessage;

/** What a run sends to the background. */
export type CollectReport = MessageOf<'capture' | 'collect-progress'>;

export interface InPageEnv {
  doc: Document;
  url(): URL;
  adapterFor(url: URL): SiteAdapter | undefined;
  /** The pause chosen in the dashboard (site settings). */
  delayMs(): Promise<number>;
  send(message: CollectReport): Promise<unknown>;
  deps: CollectDeps;
}

const REQUEST_TIMEOUT_MS = 60_000;

/** The browser's fetch and parser as CollectDeps. */
export function browserCollectDeps(fetchImpl: typeof fetch, makeParser: () => DOMParser, timeoutMs = REQUEST_TIMEOUT_MS): CollectDeps {
  return {
    async fetch(url, signal) {
      // A request that hangs would hold the run at "running" until cancelled: give up after a minute.
      const limited = typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : signal;
      const res = await fetchImpl(url, { credentials: 'same-origin', signal: limited, headers: { Accept: 'text/html' } });
      return { ok: res.ok, status: res.status, url: res.url, text: () => res.text() };
    },
    parse: (html) => makeParser().parseFromString(html, 'text/html'),
    sleep: timerSleep,
    now: () => Date.now(),
  };
}

/** A message handler for the content script; answers start/cancel at once and runs in the background of the page. */
export function collectAllController(env: InPageEnv) {
  let running: { abort: AbortController; done: Promise<void> } | undefined;

  async function run(abort: AbortController): Promise<void> {
    const url = env.url();
    const adapter = env.adapterFor(url);
    // Messages go one after another: the background updates the tab's status
    // read-modify-write, so a late progress report must not overwrite the
    // status that the final capture wrote.
    let queue: Promise<unknown> = Promise.resolve();
    const send = (m: CollectReport) => (queue = queue.then(() => env.send(m)).catch(() => undefined));
    if (!adapter) {
      await send({ type: 'collect-progress', progress: { state: 'stopped', pages: 0, works: 0, at: env.deps.now(), reason: 'this page is not on a supported site' } });
      return;
    }
    const delayMs = await env.delayMs();
    const result = await collectAll(
      {
        adapter,
        doc: env.doc,
        url,
        delayMs,
        signal: abort.signal,
        onProgress: (p) => void (p.state === 'running' && send({ type: 'collect-progress', progress: p })),
      },
      env.deps,
    );
    // A complete run is saved even with no page read: the user may have pressed the page's own
    // "Show more" to the end, so the tab already holds the whole list the stored capture lacks.
    if (result.morePages > 0 || result.progress.state === 'complete')
      void send({ type: 'capture', capture: envelope(adapter, url, result.extraction) });
    await send({ type: 'collect-progress', progress: result.progress });
  }

  /** Answers the popup's two commands; anything else is left to the page's other listeners (undefined). */
  return function handle(raw: unknown): Response<Reply<TabMessage['type']>> | undefined {
    const parsed = parseTabMessage(raw);
    if (!parsed.ok) return undefined;
    const type = parsed.message.type;
    if (type === 'collect-all-start') {
      if (running) return { ok: false, error: 'Collect all is already running in this tab' };
      const abort = new AbortController();
      const done = run(abort)
        .catch((err: unknown) =>
          env
            .send({
              type: 'collect-progress',
              progress: { state: 'stopped', pages: 0, works: 0, at: env.deps.now(), reason: err instanceof Error ? err.message : String(err) },
            })
            .then(() => undefined, () => undefined),
        )
        .finally(() => {
          running = undefined;
        });
      running = { abort, done };
      return { ok: true, value: 'started' };
    }
    // collect-all-cancel
    if (!running) return { ok: false, error: 'nothing is being collected in this tab' };
    running.abort.abort();
    return { ok: true, value: 'cancelling' };
  };
}
