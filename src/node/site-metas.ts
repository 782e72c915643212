// The site folders on disk, read without loading any adapter: the build
// config (host permissions), the WXT module (content scripts) and the command
// line use this. The bundles find the same folders with import.meta.glob.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byPrecedence, hostPatternsOf, type SiteMeta } from '../adapters/catalog';

export const SITES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'sites');

/** The folders of src/sites that hold a site (a site.json). */
export function siteFolders(dir = SITES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'site.json')))
    .map((d) => d.name)
    .sort();
}

/** Every site's site.json, by precedence. */
export function siteMetas(dir = SITES_DIR): SiteMeta[] {
  return byPrecedence(siteFolders(dir).map((id) => JSON.parse(readFileSync(join(dir, id, 'site.json'), 'utf8')) as SiteMeta));
}

/** Host permissions of every site, without loading an adapter (the build config uses this). */
export function siteHostPatterns(dir = SITES_DIR): string[] {
  return hostPatternsOf(siteMetas(dir));
}

