// Chromium only: the background is a service worker, which cannot start a
// Worker, so it opens this offscreen document (reason WORKERS) for a full
// rebuild. The document starts the merge worker and hands it the port the
// background sent (src/shell/off-thread-merge.ts); it reads nothing and
// stores nothing, and the background closes it when the rebuild is done.

const worker = new Worker(new URL('/merge-worker.js', location.href));

navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
  const [data, control] = e.ports;
  if ((e.data as { type?: string } | null)?.type !== 'scholar-lens-merge' || !data || !control) return;
  // A worker that cannot load or crashes is told to the background on the control port.
  worker.addEventListener('error', (err) => {
    err.preventDefault();
    control.postMessage({ type: 'failed', error: err.message || 'the merge worker could not load or crashed' });
  });
  worker.postMessage({ type: 'port' }, [data]);
});
navigator.serviceWorker.startMessages();
