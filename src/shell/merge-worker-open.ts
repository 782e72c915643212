// How the background reaches a merge worker (src/shell/off-thread-merge.ts),
// given what its browser offers; the entrypoint passes the browser's objects.
// - A background with `Worker` (Firefox's background page, MV2 and MV3) starts
//   the worker itself.
// - Chromium's service worker has no `Worker`: it opens an offscreen
//   document (reason WORKERS, the `offscreen` permission), which starts the
//   worker; the background finds the document among its clients and sends it
//   two MessageChannel ports, one the document hands to the worker, one it
//   keeps to report a worker that failed. The document is closed after each
//   rebuild.

import { channelPort, workerPort, type MergePort } from './off-thread-merge';

export const WORKER_PATH = '/merge-worker.js';
export const OFFSCREEN_PATH = '/offscreen.html';

export interface OffscreenApi {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

export interface MergeWorkerEnv {
  /** runtime.getURL */
  url(path: string): string;
  Worker?: new (url: string) => Worker;
  offscreen?: OffscreenApi;
  /**
   * A cheap extension API call: made every 20 s while a worker merges, because a
   * background that waits on a message port is idle to the browser, which stops
   * an idle service worker (Chromium) or event page (Firefox MV3) after 30 s.
   */
  keepAlive?(): void;
  /** The service worker's `clients`. */
  clients?: { matchAll(o: { includeUncontrolled: boolean; type: 'all' }): Promise<readonly { url: string; postMessage(m: unknown, transfer: Transferable[]): void }[]> };
}

/** The opener the keeper's off-thread rebuild uses, or undefined when this background can start no worker (it merges itself). */
export function mergeWorkerOpener(env: MergeWorkerEnv): (() => Promise<MergePort>) | undefined {
  const open = opener(env);
  if (!open || !env.keepAlive) return open;
  const keepAlive = env.keepAlive;
  const offscreen = env.Worker ? undefined : env.offscreen;
  return async () => {
    const port = await open();
    let failed: ((why: string) => void) | undefined;
    const timer = setInterval(() => {
      keepAlive();
      // An offscreen document whose renderer crashed (out of memory on a large
      // library) sends nothing more: its absence is the only sign, and without
      // it the rebuild would wait for its timeout with the background kept awake.
      offscreen?.hasDocument?.().then((there) => {
        if (!there) failed?.('the offscreen document is gone');
      }, () => undefined);
    }, KEEP_ALIVE_MS);
    return {
      ...port,
      listen: (onMessage, f) => {
        failed = f;
        port.listen(onMessage, f);
      },
      close: () => (clearInterval(timer), port.close()),
    };
  };
}

/** Under the 30 s after which an idle background is stopped. */
export const KEEP_ALIVE_MS = 20_000;

function opener(env: MergeWorkerEnv): (() => Promise<MergePort>) | undefined {
  const { Worker: W, offscreen, clients } = env;
  if (W) return async () => workerPort(new W(env.url(WORKER_PATH)));
  if (!offscreen || !clients) return undefined;
  // Closing is not instant: a rebuild that follows at once waits for it, or it
  // would find the closing document, post into it and wait out the start timeout.
  let closing: Promise<unknown> = Promise.resolve();
  const close = () => {
    closing = offscreen.closeDocument().catch(() => undefined);
    return closing;
  };
  return async () => {
    await closing;
    const url = env.url(OFFSCREEN_PATH);
    if (!(await offscreen.hasDocument?.())) {
      await offscreen.createDocument({
        url,
        reasons: ['WORKERS'],
        justification: 'Merges every saved page in a worker for a full rebuild, so the extension keeps answering meanwhile.',
      });
    }
    const doc = (await clients.matchAll({ includeUncontrolled: true, type: 'all' })).find((c) => c.url === url);
    if (!doc) {
      await close();
      throw new Error('the offscreen document is not among the extension\'s pages');
    }
    const data = new MessageChannel();
    const control = new MessageChannel();
    doc.postMessage({ type: 'scholar-lens-merge' }, [data.port2, control.port2]);
    return channelPort(data.port1, control.port1, () => void close());
  };
}
