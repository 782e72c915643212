// What the registry is made of, independent of how the site folders are found:
// the bundler finds them with `import.meta.glob` (src/adapters/registry.ts),
// Node with the file system (src/node/sites.ts). Both hand their list here,
// so precedence, lookups and host permissions are decided in one place.

import { parseUrl } from '../core/url';
import { compareCodePoints } from '../core/order';
import { isBlockPage, ruleFor, type SiteAdapter } from './contract';
import { BIBLIOGRAPHY_SOURCE } from '../formats/bibliography';
import { READER_NAMES } from '../readers/names';

/** A site folder's `site.json`: what the manifest and the extension pages need without loading the adapter. */
export interface SiteMeta {
  id: string;
  name: string;
  precedence: number;
  matches: string[];
}

export interface Registry {
  /** Every site adapter, by precedence (lower first), then id. */
  adapters: readonly SiteAdapter[];
  /** The generic readers for pages of no supported site, in the order they are tried. */
  fallbackAdapters: readonly SiteAdapter[];
  adapterFor(url: URL | string): SiteAdapter | undefined;
  /** The site whose records or block page (captcha, refusal) this address is. */
  siteAt(url: URL | string): SiteAdapter | undefined;
  adapterById(id: string): SiteAdapter | undefined;
  fallbackAdapterFor(doc: Document, url: URL): SiteAdapter | undefined;
  hostMatchPatterns(): string[];
}

export function byPrecedence<T extends { precedence: number; id: string }>(list: Iterable<T>): T[] {
  return [...list].sort((a, b) => a.precedence - b.precedence || compareCodePoints(a.id, b.id));
}

/** Manifest match patterns of these sites: the extension's host permissions. */
export function hostPatternsOf(sites: Iterable<Pick<SiteMeta, 'matches'>>): string[] {
  return [...new Set([...sites].flatMap((s) => s.matches))];
}

export function createRegistry(sites: Iterable<SiteAdapter>, fallbacks: Iterable<SiteAdapter>): Registry {
  const adapters = byPrecedence(sites);
  const fallbackAdapters = byPrecedence(fallbacks);
  const byId = new Map([...adapters, ...fallbackAdapters].map((a) => [a.id, a]));
  return {
    adapters,
    fallbackAdapters,
    adapterFor(url) {
      const u = typeof url === 'string' ? parseUrl(url) : url;
      return u ? adapters.find((a) => ruleFor(a, u) !== undefined) : undefined;
    },
    siteAt(url) {
      const u = typeof url === 'string' ? parseUrl(url) : url;
      return u ? (adapters.find((a) => ruleFor(a, u) !== undefined) ?? adapters.find((a) => isBlockPage(a, u))) : undefined;
    },
    adapterById: (id) => byId.get(id),
    fallbackAdapterFor: (doc, url) => fallbackAdapters.find((a) => a.detect(doc, url) !== undefined),
    hostMatchPatterns: () => hostPatternsOf(adapters),
  };
}

/** The site adapter a site folder's index.ts exports by default. */
export function adapterOfModule(path: string, mod: unknown): SiteAdapter {
  const a = (mod as { default?: SiteAdapter }).default;
  if (!a || typeof a !== 'object' || typeof a.extract !== 'function') throw new Error(`${path} has no default export of a site adapter`);
  return a;
}

/** Display names of every capture source: the sites', the generic readers' and the imported bibliography's. */
export function namesOf(sites: Iterable<Pick<SiteMeta, 'id' | 'name'>>): Record<string, string> {
  const names: Record<string, string> = Object.create(null);
  for (const s of sites) names[s.id] = s.name;
  return Object.assign(names, READER_NAMES, { [BIBLIOGRAPHY_SOURCE]: 'Your bibliography' });
}

/** A source's display name from such a table; an unknown source shows as itself. */
export function nameLookup(names: Readonly<Record<string, string>>): (source: string) => string {
  return (source) => names[source] ?? source;
}
