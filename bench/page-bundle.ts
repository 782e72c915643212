// The adapters bundled for a web page, so Chromium can run the very code the
// content script runs, on a real DOM, with timings taken inside the page.

import { build } from 'esbuild';
import { resolve } from 'node:path';
import { siteFolders } from '../src/node/site-metas';

// esbuild has no import.meta.glob: the entry imports every site folder by name
// and builds the registry the way src/adapters/registry.ts does.
const ENTRY = `
import { capturePage } from './src/adapters/run';
import { createRegistry } from './src/adapters/catalog';
${siteFolders().map((id, i) => `import site${i} from './src/sites/${id}';`).join('\n')}
const registry = createRegistry([${siteFolders().map((_, i) => `site${i}`).join(', ')}], []);
globalThis.capturePage = capturePage;
globalThis.adapterFor = registry.adapterFor;
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
