import { serveRebuilds } from '../src/shell/off-thread-merge';
import { storeConnection } from '../src/store/store';
import { mergeRecords } from '../src/ui/model/merged-library';

// The dedicated worker that merges a full rebuild (src/shell/off-thread-merge.ts). Started by
// Firefox's background page, which talks to it directly, or by Chromium's offscreen document
// (entrypoints/offscreen), which hands it a port to the background's service worker. It reads
// the store and writes the views itself on its own connection, which ends with the worker.
export default defineUnlistedScript(() => {
  const db = storeConnection();
  // A dedicated worker's global scope (the project's TypeScript libs are the DOM's, not the worker's).
  const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(type: 'message', f: (e: MessageEvent) => void): void };
  const direct = serveRebuilds(scope, mergeRecords, db);
  scope.addEventListener('message', (e: MessageEvent) => {
    const port = e.ports[0];
    if ((e.data as { type?: string } | null)?.type === 'port' && port) {
      const serve = serveRebuilds(port, mergeRecords, db);
      port.addEventListener('message', (m) => serve(m.data));
      port.start();
    } else direct(e.data);
  });
});
