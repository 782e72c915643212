// Every site adapter, in order of precedence. Adding a site is one import and
// one entry here; the convention test (tests/unit/conventions.test.ts) checks
// that each adapter is registered, its example URLs match only itself, and it
// appears in the README's support table.

import type { SiteAdapter } from './adapter';
import { ruleFor } from './adapter';
import { googleScholar } from './google-scholar';
import { arxivAdapter } from './arxiv';
import { dblpAdapter } from './dblp';
import { orcidAdapter } from './orcid';
import { semanticScholarAdapter } from './semantic-scholar';
import { embeddedMetadata } from './embedded-metadata';
import { genericList } from './generic-list';
import { springerAdapter } from './springer';
import { sciencedirectAdapter } from './sciencedirect';
import { plosAdapter } from './plos';
import { natureAdapter } from './nature';
import { aclAnthology } from './acl-anthology';
import { pubmedAdapter } from './pubmed';
import { researchgateAdapter } from './researchgate';
import { openReviewAdapter } from './openreview';
import { googleResearchAdapter } from './google-research';
import { sciteAdapter } from './scite';
import { parseUrl } from '../core/url';

export const adapters: readonly SiteAdapter[] = [
  googleScholar,
  arxivAdapter,
  dblpAdapter,
  orcidAdapter,
  semanticScholarAdapter,
  springerAdapter,
  sciencedirectAdapter,
  plosAdapter,
  natureAdapter,
  aclAnthology,
  pubmedAdapter,
  researchgateAdapter,
  openReviewAdapter,
  googleResearchAdapter,
  sciteAdapter,
];

/** The adapter whose URL rules match this URL, if any. */
export function adapterFor(url: URL | string): SiteAdapter | undefined {
  const u = typeof url === 'string' ? parseUrl(url) : url;
  if (!u) return undefined;
  return adapters.find((a) => ruleFor(a, u) !== undefined);
}

export function adapterById(id: string): SiteAdapter | undefined {
  return adapters.find((a) => a.id === id) ?? fallbackAdapters.find((a) => a.id === id);
}

/** Manifest match patterns of every supported site: the extension's host permissions. */
export function hostMatchPatterns(): string[] {
  return [...new Set(adapters.flatMap((a) => a.matches))];
}

/**
 * For pages of no supported site: the generic readers that may still find
 * something (embedded article metadata), used only when the user asks.
 */
export const fallbackAdapters: SiteAdapter[] = [embeddedMetadata, genericList];

export function fallbackAdapterFor(doc: Document, url: URL): SiteAdapter | undefined {
  return fallbackAdapters.find((a) => a.detect(doc, url) !== undefined);
}

