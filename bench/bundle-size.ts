// Gzipped size of what the browser loads for each part of the built extension
// (.output/chrome-mv3, from `npx wxt build`). The popup is its html, the
// scripts and styles that html pulls in, and the chunks those import.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats';

export const BUILD_DIR = resolve('.output/chrome-mv3');

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const kB = (n: number) => n / 1000;

/**
 * Files the popup html loads, following imports between chunks. With
 * `dynamic`, also the chunks it loads on demand (on a click: the export
 * writers and the provenance code on the first export, the metric
 * definitions on a report, the citation styles on a copy, Read this page's
 * preview); the budget is for what the popup loads to open.
 */
export function popupFiles(dir = BUILD_DIR, dynamic = false): string[] {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const seen = new Set<string>(['popup.html']);
  const queue = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(dir, f))) continue;
    seen.add(f);
    if (f.endsWith('.js')) {
      const js = readFileSync(join(dir, f), 'utf8');
      const imports = dynamic ? /(?:from|import)\s*\(?\s*["'](\.{0,2}\/[^"']+\.(?:js|css))["']/g : /(?:from|import)\s*["'](\.{0,2}\/[^"']+\.(?:js|css))["']/g;
      for (const m of js.matchAll(imports))
        queue.push(posix.normalize(m[1]!.startsWith('/') ? m[1]!.slice(1) : posix.join(posix.dirname(f), m[1]!)));
    }
  }
  return [...seen];
}

export function bundleSizes(dir = BUILD_DIR): Figure[] {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run \`npx wxt build\` first`);
  // The budget is for what runs on every supported page: the manifest's content scripts.
  // Others in content-scripts/ are injected on request and only reported.
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const registered = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((f) => f.replace(/^\//, '')));
  const content = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const popup = popupFiles(dir);
  const popupBytes = popup.reduce((s, f) => s + gz(join(dir, f)), 0);
  const withLazy = popupFiles(dir, true);
  const lazyBytes = withLazy.filter((f) => !popup.includes(f)).reduce((s, f) => s + gz(join(dir, f)), 0);
  const figures: Figure[] = [
    ...content.map((f): Figure => {
      const onEveryPage = registered.has(`content-scripts/${f}`);
      return { name: `bundle: content script ${f} (gzip)${onEveryPage ? '' : ', injected on request'}`, value: kB(gz(join(dir, 'content-scripts', f))), unit: 'kB', ...(onEveryPage ? { budget: 25 } : {}) };
    }),
    { name: 'bundle: popup, loaded to open (gzip)', value: kB(popupBytes), unit: 'kB', budget: 40, note: popup.join(', ') },
    { name: 'bundle: popup, loaded on demand: exports, copy, Read this page (gzip)', value: kB(lazyBytes), unit: 'kB', note: withLazy.filter((f) => !popup.includes(f)).join(', ') },
    { name: 'bundle: background (gzip)', value: kB(gz(join(dir, 'background.js'))), unit: 'kB' },
  ];
  if (existsSync(join(dir, 'save-page.js')))
    figures.push({ name: 'bundle: save-page script (gzip)', value: kB(gz(join(dir, 'save-page.js'))), unit: 'kB' });
  return figures;
}
