// computeMetrics: every metric of the issue from a list of merged works.
// Pure and deterministic: the current year is passed in, never read.

import { accumulation } from './accumulation';
import { ageWeighted, hINormOf, hIOf } from './author-normalized';
import { countAtLeast, eOf, gOf, hcOf, hOf } from './h-family';
import { authorPositions, coAuthors, personKeys, venues } from './people';
import { coverage, totals } from './totals';
import { citationsOf } from './work-facts';
import type { MetricOptions, MetricWork, Metrics } from './types';

export type { Coverage, MetricOptions, MetricWork, Metrics, RankedName, RankedVenue } from './types';
export { METRIC_DEFINITIONS, type MetricDefinition } from './definitions';
export { compareStated, type ComparisonRow, type CompareContext } from './compare';
export { flaggedWorksIncluded, flaggedWorksNote, type FlaggedCountable } from './flagged';

export function computeMetrics(works: readonly MetricWork[], options: MetricOptions): Metrics {
  const { currentYear } = options;
  const cites = works.map(citationsOf);
  const t = totals(works, currentYear);
  const h = hOf(cites);
  const hINorm = hINormOf(works);
  const self = options.person ? personKeys(options.person) : new Set<string>();
  const positions = options.person ? authorPositions(works, self) : undefined;
  return {
    ...t,
    hIndex: h,
    gIndex: gOf(cites),
    eIndex: eOf(cites, h),
    i10Index: countAtLeast(cites, 10),
    mQuotient: t.years === null ? null : h / t.years,
    hcIndex: hcOf(works, currentYear),
    hI: hIOf(works, h),
    hINorm,
    hIAnnual: t.years === null ? null : hINorm / t.years,
    ...ageWeighted(works, currentYear),
    ...accumulation(cites),
    firstAuthor: positions?.firstAuthor ?? null,
    lastAuthor: positions?.lastAuthor ?? null,
    soleAuthor: positions?.soleAuthor ?? null,
    coAuthors: coAuthors(works, self),
    venues: venues(works),
    coverage: coverage(works, currentYear),
  };
}
