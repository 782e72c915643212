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
  /** Left out of every age-based metric (years, per-year rates, m, hc, AWCR, AW, AWCRpA, hI,annual). */
  worksWithoutYear: number;
  /** Counted as 0 citations. */
  worksWithoutCitations: number;
  /** Left out of every author-based metric. */
  worksWithoutAuthors: number;
  /** The page cut the author list and gave no full count: counted with the authors shown, so those metrics lean high. */
  worksWithTruncatedAuthors: number;
  /** Dated after currentYear (forthcoming): given age 1. */
  worksDatedAfterCurrentYear: number;
}

/** Plain JSON: numbers, strings, arrays, records; null where a metric is undefined for this input. */
export interface Metrics {
  papers: number;
  citations: number;
  citationsByYear: Record<string, number>;
  firstYear: number | null;
  lastYear: number | null;
  years: number | null;
  citesPerYear: number | null;
  citesPerPaper: number | null;
  citesPerAuthor: number | null;
  papersPerAuthor: number | null;
  authorsPerPaper: number | null;
  hIndex: number;
  gIndex: number;
  eIndex: number;
  i10Index: number;
  mQuotient: number | null;
  hcIndex: number;
  hI: number | null;
  hINorm: number;
  hIAnnual: number | null;
  awcr: number;
  awIndex: number;
  awcrpa: number;
  acc1: number;
  acc2: number;
  acc5: number;
  acc10: number;
  acc20: number;
  firstAuthor: number | null;
  lastAuthor: number | null;
  soleAuthor: number | null;
  coAuthors: RankedName[];
  venues: RankedVenue[];
  coverage: Coverage;
}
