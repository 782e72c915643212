// Unknown is not zero. A work without a citation count is counted as 0 only
// while other works of the set have counts (the figures are then lower
// bounds, and say so); when no work has one — a DBLP-only or ResearchGate
// profile — every metric built on citations is unknown, never 0. One place
// decides which metrics those are and what the user is told.

import type { Metrics } from './types';

/** The metrics whose value needs citation counts. */
export const CITATION_METRICS = [
  'citations', 'citesPerYear', 'citesPerPaper', 'citesPerAuthor',
  'hIndex', 'hirschA', 'mQuotient', 'gIndex', 'eIndex', 'i10Index', 'hcIndex', 'acIndex',
  'hI', 'hINorm', 'hIAnnual', 'hmIndex', 'hAIndex', 'awcr', 'awIndex', 'awcrpa',
  'acc1', 'acc2', 'acc5', 'acc10', 'acc20',
] as const satisfies readonly (keyof Metrics)[];

export type CitationMetric = (typeof CITATION_METRICS)[number];

const NEEDS_CITATIONS: ReadonlySet<string> = new Set(CITATION_METRICS);

export const NO_CITATION_COUNTS = 'no site gave citation counts for these works';

/** How many of the works have a citation count. */
export function citationCounts(m: Pick<Metrics, 'papers' | 'coverage'>): { known: number; works: number } {
  return { known: m.papers - m.coverage.worksWithoutCitations, works: m.papers };
}

/**
 * What to say about the citation counts behind the figures: that there are
 * none ("no site gave citation counts for these works"), that only some works
 * have one ("citation counts known for 12 of 25 works"), or nothing when all do.
 */
export function citationCountsNote(m: Pick<Metrics, 'papers' | 'coverage'>): string | undefined {
  const { known, works } = citationCounts(m);
  if (works === 0 || known === works) return undefined;
  if (known === 0) return NO_CITATION_COUNTS;
  return `citation counts known for ${known.toLocaleString('en')} of ${works.toLocaleString('en')} works`;
}

/** Why this metric has no value, when the reason is missing citation counts; undefined otherwise. */
export function unknownReason(m: Pick<Metrics, 'papers' | 'coverage'>, key: string): string | undefined {
  if (!NEEDS_CITATIONS.has(key)) return undefined;
  const { known, works } = citationCounts(m);
  return works > 0 && known === 0 ? NO_CITATION_COUNTS : undefined;
}

/** Every metric that is unknown for want of citation counts, with the reason (empty when none is). */
export function unknownMetrics(m: Pick<Metrics, 'papers' | 'coverage'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of CITATION_METRICS) {
    const r = unknownReason(m, k);
    if (r) out[k] = r;
  }
  return out;
}
