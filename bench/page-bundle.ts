// The adapters bundled for a web page, so Chromium can run the very code the
// content script runs, on a real DOM, with timings taken inside the page.

import { build } from 'esbuild';
import { resolve } from 'node:path';

const ENTRY = `
import { capturePage } from './src/sites/run';
import { adapterFor } from './src/sites/registry';
globalThis.capturePage = capturePage;
globalThis.adapterFor = adapterFor;
`;

/** An IIFE exposing `capturePage` and `adapterFor` on globalThis. */
export async function pageBundle(): Promise<string> {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** What the bundle adds to the page's globals, for page.evaluate callbacks. */
export interface LensGlobals {
  capturePage(adapter: unknown, doc: Document, url: URL): { pageKind: string; works?: unknown[] };
  adapterFor(url: string): { detect(doc: Document, url: URL): unknown; extract(doc: Document, url: URL): { pageKind: string; works?: unknown[] } } | undefined;
}
