// How the background reaches its merge worker in Chromium (an offscreen
// document; src/shell/merge-worker-open.ts), with the browser's objects
// faked: a rebuild right after another waits for the document to close, and
// a document that disappears mid-merge (its renderer crashed) fails the
// rebuild at the next keep-alive tick instead of at its timeout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_MS, mergeWorkerOpener, OFFSCREEN_PATH, type MergeWorkerEnv } from '../../src/shell/merge-worker-open';

function fakeChromium() {
  const log: string[] = [];
  let open = false;
  let finishClose: (() => void) | undefined;
  const url = (p: string) => `chrome-extension://id${p}`;
  const env: MergeWorkerEnv = {
    url,
    keepAlive: () => log.push('keep-alive'),
    offscreen: {
      hasDocument: async () => open,
      createDocument: async () => {
        log.push('create');
        open = true;
      },
      // Closing takes a while, as in the browser: done when the test says so.
      closeDocument: () =>
        new Promise<void>((resolve) => {
          log.push('close');
          finishClose = () => {
            open = false;
            log.push('closed');
            resolve();
          };
        }),
    },
    clients: {
      matchAll: async () => (open ? [{ url: url(OFFSCREEN_PATH), postMessage: () => log.push('posted') }] : []),
    },
  };
  return { env, log, crash: () => (open = false), finishClose: () => finishClose?.() };
}

afterEach(() => vi.useRealTimers());

describe('the offscreen document', () => {
  it('a rebuild right after another waits until the closing document is gone, then opens a new one', async () => {
    const f = fakeChromium();
    const openPort = mergeWorkerOpener(f.env)!;
    const first = await openPort();
    first.close();
    let second = false;
    const next = openPort().then((p) => {
      second = true;
      return p;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false); // not posted into the closing document
    f.finishClose();
    (await next).close();
    expect(f.log.slice(0, 6)).toEqual(['create', 'posted', 'close', 'closed', 'create', 'posted']);
  });

  it('a document gone mid-merge fails the rebuild at the next keep-alive tick', async () => {
    vi.useFakeTimers();
    const f = fakeChromium();
    const port = await mergeWorkerOpener(f.env)!();
    const failed = vi.fn();
    port.listen(() => undefined, failed);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS);
    expect(failed).not.toHaveBeenCalled();
    f.crash();
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS);
    expect(failed).toHaveBeenCalledWith('the offscreen document is gone');
    port.close();
    const ticks = f.log.filter((l) => l === 'keep-alive').length;
    await vi.advanceTimersByTimeAsync(3 * KEEP_ALIVE_MS);
    expect(f.log.filter((l) => l === 'keep-alive').length).toBe(ticks); // closed: no more calls
  });
});
