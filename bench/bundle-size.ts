// Gzipped size of what the browser loads for each part of the built extension
// (.output/chrome-mv3, from `npx wxt build`). The popup is its html, the
// scripts and styles that html pulls in, and the chunks those import.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats';

export const BUILD_DIR = resolve('.output/chrome-mv3');

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const kB = (n: number) => n / 1000;

/** Files the popup html loads, following static `import … from "/chunks/…"` between chunks. */
export function popupFiles(dir = BUILD_DIR): string[] {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const seen = new Set<string>(['popup.html']);
  const queue = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(dir, f))) continue;
    seen.add(f);
    if (f.endsWith('.js')) {
      const js = readFileSync(join(dir, f), 'utf8');
      for (const m of js.matchAll(/(?:from|import)\s*["']\/?((?:chunks|assets)\/[^"']+)["']/g)) queue.push(m[1]!);
    }
  }
  return [...seen];
}

export function bundleSizes(dir = BUILD_DIR): Figure[] {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run \`npx wxt build\` first`);
  const content = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const contentBytes = content.reduce((s, f) => s + gz(join(dir, 'content-scripts', f)), 0);
  const popup = popupFiles(dir);
  const popupBytes = popup.reduce((s, f) => s + gz(join(dir, f)), 0);
  const figures: Figure[] = [
    { name: 'bundle: content script (gzip)', value: kB(contentBytes), unit: 'kB', budget: 25, note: content.join(', ') },
    { name: 'bundle: popup (gzip)', value: kB(popupBytes), unit: 'kB', budget: 40, note: popup.join(', ') },
    { name: 'bundle: background (gzip)', value: kB(gz(join(dir, 'background.js'))), unit: 'kB' },
  ];
  if (existsSync(join(dir, 'save-page.js')))
    figures.push({ name: 'bundle: save-page script (gzip)', value: kB(gz(join(dir, 'save-page.js'))), unit: 'kB' });
  return figures;
}
