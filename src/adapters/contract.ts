// The site adapter contract. One folder per site in src/sites/<id>/, modelled on
// Zotero translators: URL rules with example URLs, a cheap `detect`, and a
// pure `extract`. No browser APIs here: everything is a function of
// (Document, URL) so the content script, the command line and the tests share it.

import type { Extraction, PageKind } from '../core/capture';

export interface UrlRule {
  /** The page kind this rule is expected to yield (a blocked page may still turn up). */
  kind: Exclude<PageKind, 'blocked' | 'unrecognized'>;
  /** Tested against `hostname + pathname + search` of the URL (no scheme, no hash). */
  pattern: RegExp;
  /** Real URLs of this kind. A convention test checks each matches this rule and no other adapter. */
  examples: string[];
}

/** Where a site sends a visitor it refuses, with real addresses that must match. */
export interface BlockPage {
  /** Tested against `hostname + pathname + search`, like a rule's pattern. */
  pattern: RegExp;
  examples: string[];
}

/**
 * A same-site resource that carries the page's data more faithfully than its
 * DOM (DBLP's person XML, ORCID's public JSON, Semantic Scholar's API).
 * The content script fetches it only from the page's own site.
 */
export interface DataRequest {
  url: string;
  as: 'json' | 'xml' | 'text';
  /** Key under which the payload is handed to `extract`. */
  key: string;
  /** Request headers the site needs to answer with data (e.g. ORCID's `Accept: application/json`). */
  headers?: Record<string, string>;
}

/** Payloads fetched for `dataRequests`, by key; text as received. */
export type Payloads = Record<string, string>;

export interface SiteAdapter {
  /** Site id, written into `capture.source` (e.g. "google-scholar"). */
  id: string;
  /** Human name shown in the popup (e.g. "Google Scholar"). */
  name: string;
  /**
   * When two sites' URL rules match one address, the lower number wins.
   * A field, not a position in a list: sites are found by folder (site.json).
   */
  precedence: number;
  /**
   * Manifest match patterns for the hosts this site lives on, `https://` only.
   * They become the extension's host permissions and content-script matches,
   * so keep them tight.
   */
  matches: string[];
  rules: UrlRule[];
  /**
   * Real addresses on this site's hosts that are not records (search pages,
   * sign-in, listings): the convention test checks that no rule of any site matches them.
   */
  nonMatching: string[];
  /**
   * Addresses where the site serves a captcha or a refusal in place of the
   * page asked for (Scholar's `/sorry/index?continue=…`). They are not records,
   * so no rule matches them; a page there is read only to report it blocked.
   */
  blockPages?: BlockPage[];
  /** Cheap check on the live document: which kind of page is this, or undefined if not ours. */
  detect(doc: Document, url: URL): PageKind | undefined;
  /** Full extraction. Must not throw on any input; bad pages yield blocked/unrecognized. */
  extract(doc: Document, url: URL, payloads?: Payloads): Extraction;
  /** Same-site data to fetch before `extract`, if the site renders from data. */
  dataRequests?(url: URL, doc: Document): DataRequest[];
  /**
   * The data addresses `dataRequests` asks for on a host of `matches` other
   * than the page's (tested against `hostname + pathname + search`, like a
   * rule). The background fetches those for the page and nothing else, so a
   * page cannot use it to reach any other path of the site's hosts; the
   * convention test checks every request the adapter makes is declared.
   */
  dataUrls?: RegExp[];
  /**
   * A stable key for "the same page" so that re-capturing updates instead of
   * duplicating (e.g. Scholar's `user` id regardless of sort order or paging).
   * Undefined (or no pageKey at all) means the URL without hash: that
   * fallback lives in `pageKeyOf` only.
   */
  pageKey?(url: URL): string | undefined;
  /**
   * Extraction from a raw data file without an HTML page (the command line
   * reads saved JSON or XML responses through this).
   */
  extractData?(text: string, url: URL, contentType: 'json' | 'xml'): Extraction;
  /**
   * Single-page apps: does the document already show the page of this URL?
   * After an in-app navigation the address changes before the new content is
   * drawn; the content script waits for this (with a time limit) so it never
   * captures the previous page. True when the page gives no sign either way.
   */
  isShowing?(doc: Document, url: URL): boolean;
  /** For author pages that show part of a long list: how to read the rest ("Collect all"). */
  collectAll?: CollectAll;
}

/**
 * Pagination of a long list, as the page's own "show more" does it. Pure: the
 * runner (src/shell/collect-all.ts) does the requests, one at a time, on the
 * page's own origin.
 */
export interface CollectAll {
  /** Does this extraction hold only part of a list that further pages have? */
  truncated(extraction: Extraction): boolean;
  /** The next page after the page just read (`url`, `doc`), or undefined when the list is complete. */
  next(url: URL, doc: Document, extraction: Extraction): URL | undefined;
  /**
   * One extraction from the first page and the pages read after it, in order.
   * `complete` is false when collecting stopped early: the result must still say the list is partial.
   */
  combine(first: Extraction, more: Extraction[], complete: boolean): Extraction;
  /** The number of works the whole list holds, when the site states it. */
  total?(extraction: Extraction): number | undefined;
  /** When `url` shows a later slice of the list: the address of its beginning, to collect from there. */
  firstPage?(url: URL): URL | undefined;
}

/** The part of a URL that rules are tested against. */
export function ruleTarget(url: URL): string {
  return url.hostname + url.pathname + url.search;
}

/**
 * Sites are read over https only. A page served over plain http may come
 * from anyone on the network path, and it would have the same page key as
 * the genuine https page: claiming it would let it overwrite the real record.
 */
export const isSecure = (url: URL): boolean => url.protocol === 'https:';

export function ruleFor(adapter: SiteAdapter, url: URL): UrlRule | undefined {
  if (!isSecure(url)) return undefined;
  const target = ruleTarget(url);
  return adapter.rules.find((r) => r.pattern.test(target));
}

/** Is this address where the site serves its block page (captcha, refusal)? */
export function isBlockPage(adapter: Pick<SiteAdapter, 'blockPages'>, url: URL): boolean {
  if (!isSecure(url)) return false;
  const target = ruleTarget(url);
  return !!adapter.blockPages?.some((b) => b.pattern.test(target));
}

/** The adapter reads this address: one of its records, or its block page. */
export function claims(adapter: SiteAdapter, url: URL): boolean {
  return ruleFor(adapter, url) !== undefined || isBlockPage(adapter, url);
}
