// Input and output of the metrics. The input is deliberately independent of
// how works were merged: whoever calls computeMetrics maps its merged works
// to MetricWork.

export interface MetricWork {
  citations?: number;
  year?: number;
  authors?: string[];
  /** When the author list is truncated, the real count if known. */
  authorCount?: number;
  authorsTruncated?: boolean;
  venue?: string;
  citationsByYear?: Record<string, number>;
}

export interface MetricOptions {
  /** The year ages are counted from. Passed in so results are reproducible; never read from the clock. */
  currentYear: number;
  /** Whose works these are: finds their author position and keeps them out of the co-author list. */
  person?: { name: string; variants?: string[] };
}

export interface RankedName {
  name: string;
  /** nameKey() of the name: how spellings were grouped. */
  key: string;
  sharedWorks: number;
}

export interface RankedVenue {
  venue: string;
  works: number;
}

/** How much of the input each family of metrics could use. */
export interface Coverage {
  /** Left out of every age-based metric (years, per-year rates, m, hc, ac, hA, acc, AWCR, AW, AWCRpA, hI,annual). */
  worksWithoutYear: number;
  /** Counted as 0 citations while some other work has a count; when no work has one, every citation metric is unknown (null). */
  worksWithoutCitations: number;
  /** Left out of every author-based metric. */
  worksWithoutAuthors: number;
  /** The page cut the author list and gave no full count: counted with the authors shown, so those metrics lean high. */
  worksWithTruncatedAuthors: number;
  /** Dated after currentYear (forthcoming): given age 1. */
  worksDatedAfterCurrentYear: number;
}

/**
 * Plain JSON: numbers, strings, arrays, records; null where a metric is
 * undefined for this input — or unknown: every metric built on citation
 * counts is null when no work has a count (see unknown.ts for the reason shown).
 */
export interface Metrics {
  papers: number;
  citations: number | null;
  citationsByYear: Record<string, number>;
  firstYear: number | null;
  lastYear: number | null;
  years: number | null;
  citesPerYear: number | null;
  citesPerPaper: number | null;
  citesPerAuthor: number | null;
  papersPerAuthor: number | null;
  authorsPerPaper: number | null;
  hIndex: number | null;
  hirschA: number | null;
  mQuotient: number | null;
  gIndex: number | null;
  eIndex: number | null;
  i10Index: number | null;
  hcIndex: number | null;
  acIndex: number | null;
  hI: number | null;
  hINorm: number | null;
  hIAnnual: number | null;
  hmIndex: number | null;
  hAIndex: number | null;
  awcr: number | null;
  awIndex: number | null;
  awcrpa: number | null;
  acc1: number | null;
  acc2: number | null;
  acc5: number | null;
  acc10: number | null;
  acc20: number | null;
  firstAuthor: number | null;
  lastAuthor: number | null;
  soleAuthor: number | null;
  coAuthors: RankedName[];
  venues: RankedVenue[];
  coverage: Coverage;
}
