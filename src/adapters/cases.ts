// A site's test cases, beside its code (src/sites/<id>/cases.ts), as Zotero
// translators keep theirs: the saved real pages of the site (by their
// ../shared/fixtures SOURCES.tsv path) and the address each was saved from.
// The shared tests run every site's cases by construction: the site-cases
// test reads each page and checks its kind, fuzzing mutates each one, and the
// convention test checks that every saved page of the site is claimed here.
// Not imported by any bundle.

import type { PageKind } from '../core/capture';

export interface PageCase {
  /** SOURCES.tsv path of the saved page, or `tests/data/…` for a synthetic one. */
  fixture: string;
  /** The address the page was saved from (or one of the site's example URLs of that kind). */
  url: string;
  /** What the adapter must make of it. */
  kind: PageKind;
  /** A data response the page's own data request returns, read with it (DBLP's XML, say). */
  payload?: { key: string; fixture: string };
  /** Fuzz budget: DOM mutations and byte mutations (big pages get fewer). Defaults 100 / 20. */
  fuzz?: { dom: number; text: number };
}

export interface DataCase {
  /** SOURCES.tsv path (or `tests/data/…`) of a saved data response. */
  fixture: string;
  /** The page whose data request returns it. */
  url: string;
  /** Key under which the page's adapter receives it, and the address it came from. */
  key: string;
  dataUrl: string;
  as: 'json' | 'xml';
  /** What `extractData` makes of it. */
  kind: PageKind;
  /** Fuzz budget: payload mutations. Default 200. */
  fuzz?: number;
}

export interface SiteCases {
  pages: PageCase[];
  data?: DataCase[];
  /** Saved pages of this site that are deliberately not cases, each with the reason. */
  notCases?: Record<string, string>;
  /** When no real page of the site is saved: say so (the README marks the site "not verified"). */
  unverified?: string;
}
