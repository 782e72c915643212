// computeMetrics: every metric of the issue from a list of merged works.
// Pure and deterministic: the current year is passed in, never read.

import { accumulation, annualRates } from './accumulation';
import { ageWeighted, hINormOf, hIOf, hmOf } from './author-normalized';
import { contemporaryScores, countAtLeast, eOf, gOf, hirschAOf, hOf } from './h-family';
import { authorPositions, coAuthors, personKeys, venues } from './people';
import { coverage, totals } from './totals';
import { CITATION_METRICS } from './unknown';
import { citationsOf } from './work-facts';
import type { MetricOptions, MetricWork, Metrics } from './types';

export type { Coverage, MetricOptions, MetricWork, Metrics, RankedName, RankedVenue } from './types';
export { METRIC_DEFINITIONS, AGE_CONVENTION, type MetricDefinition } from './definitions';
export { compareStated, type ComparisonRow, type CompareContext } from './compare';
export { flaggedWorksIncluded, flaggedWorksNote, type FlaggedCountable } from './flagged';
export { CITATION_METRICS, NO_CITATION_COUNTS, citationCounts, citationCountsNote, unknownMetrics, unknownReason } from './unknown';

export function computeMetrics(works: readonly MetricWork[], options: MetricOptions): Metrics {
  const { currentYear } = options;
  const cites = works.map(citationsOf);
  const t = totals(works, currentYear);
  const h = hOf(cites);
  const hINorm = hINormOf(works);
  const scores = contemporaryScores(works, currentYear);
  const hc = hOf(scores);
  const self = options.person ? personKeys(options.person) : new Set<string>();
  const positions = options.person ? authorPositions(works, self) : undefined;
  const cov = coverage(works, currentYear);
  const m: Metrics = {
    ...t,
    hIndex: h,
    hirschA: hirschAOf(t.citations, h),
    mQuotient: t.years === null ? null : h / t.years,
    gIndex: gOf(cites),
    eIndex: eOf(cites, h),
    i10Index: countAtLeast(cites, 10),
    hcIndex: hc,
    acIndex: hirschAOf(scores.reduce((s, x) => s + x, 0), hc),
    hI: hIOf(works, h),
    hINorm,
    hIAnnual: t.years === null ? null : hINorm / t.years,
    hmIndex: hmOf(works),
    hAIndex: hOf(annualRates(works, currentYear)),
    ...ageWeighted(works, currentYear),
    ...accumulation(annualRates(works, currentYear)),
    firstAuthor: positions?.firstAuthor ?? null,
    lastAuthor: positions?.lastAuthor ?? null,
    soleAuthor: positions?.soleAuthor ?? null,
    coAuthors: coAuthors(works, self),
    venues: venues(works),
    coverage: cov,
  };
  // Unknown is not zero: with no citation count at all, nothing built on counts is shown as a number.
  if (works.length > 0 && cov.worksWithoutCitations === works.length) for (const k of CITATION_METRICS) m[k] = null;
  return m;
}
