// Capture format v1 — the contract between pages, store, backup and command line.
// The prose specification lives in docs/capture-format.md; keep both in step.

export const CAPTURE_FORMAT = 'scholar-lens.capture' as const;
export const CAPTURE_VERSION = 1 as const;

export const PAGE_KINDS = ['author', 'paper', 'list', 'blocked', 'unrecognized'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const WORK_TYPES = ['article', 'preprint', 'conference', 'chapter', 'book', 'thesis', 'other'] as const;
export type WorkType = (typeof WORK_TYPES)[number];

export const PERSON_ID_KEYS = ['gscholar', 'orcid', 'dblp', 's2', 'openreview', 'acl', 'researchgate', 'arxiv', 'openalex'] as const;
export type PersonIdKey = (typeof PERSON_ID_KEYS)[number];

export const WORK_ID_KEYS = ['doi', 'arxiv', 'pmid', 'pmcid', 'dblp', 's2', 'gscholar', 'openreview', 'acl', 'openalex'] as const;
export type WorkIdKey = (typeof WORK_ID_KEYS)[number];

/** Figures the page itself states. Never computed by Scholar Lens. */
export interface StatedMetrics {
  citations?: number;
  citationsSince?: number;
  sinceYear?: number;
  hIndex?: number;
  hIndexSince?: number;
  i10Index?: number;
  i10IndexSince?: number;
  papers?: number;
}

export interface Person {
  name: string;
  affiliation?: string;
  ids?: Partial<Record<PersonIdKey, string>>;
  homepage?: string;
  interests?: string[];
  metrics?: StatedMetrics;
  /** Year (as a string key) → citations that year, as the page's chart shows. */
  citationsByYear?: Record<string, number>;
}

export interface Work {
  /** As shown, whitespace collapsed, invisible marks removed. Absent for abstract-only records. */
  title?: string;
  authors?: string[];
  authorsTruncated?: boolean;
  year?: number;
  date?: string;
  venue?: string;
  /** Publisher as the page names it (e.g. Scholar's citation page). */
  publisher?: string;
  abstract?: string;
  citations?: number;
  ids?: Partial<Record<WorkIdKey, string>>;
  url?: string;
  type?: WorkType;
  /** Optional caller reference, passed through untouched. */
  ref?: string;
  /** Set when the record has little text (no title, translated abstract only). */
  flags?: string[];
}

export interface Capture {
  format: typeof CAPTURE_FORMAT;
  version: typeof CAPTURE_VERSION;
  source: string;
  pageKind: PageKind;
  url: string;
  capturedAt: string;
  person?: Person;
  works?: Work[];
  notes?: string[];
}

/** What an adapter returns: a capture without the envelope the runner adds. */
export interface Extraction {
  pageKind: PageKind;
  person?: Person;
  works?: Work[];
  notes?: string[];
}
