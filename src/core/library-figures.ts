// Every person's computed figures at once, for the committee view and the data
// exports, with one rule for what is unknown: a metric whose inputs none of
// the person's works has is unknown (null), never 0. A DBLP or ORCID page
// gives no citation counts, so its person's citations, h, g, … are unknown.
//
// Works are looked up through one index for the whole library: personFigures
// builds its own per call unless given one (`workById`, as cli merge does),
// which at 300 people and 22k works would dominate.

import type { MergedPerson, LightWork, LightResult } from './merge/types';
import { computeMetrics, flaggedWorksIncluded, type Metrics } from './metrics';
import { toMetricWork } from './person-figures';

/** What a metric is computed from; without any of it among the person's works the metric is unknown. */
export type MetricInput = 'citations' | 'authors' | 'years';

/** The scalar metrics (lists and records left out). */
export type ScalarMetric = Exclude<keyof Metrics, 'coverage' | 'coAuthors' | 'venues' | 'citationsByYear'>;

/**
 * What each scalar metric needs. Listed by hand from the definitions in
 * src/core/metrics/definitions.ts: a metric over citations needs at least one
 * work with a count, over author lists one work with authors, over ages one dated work.
 */
export const METRIC_INPUTS: Record<ScalarMetric, readonly MetricInput[]> = {
  papers: [],
  citations: ['citations'],
  firstYear: ['years'],
  lastYear: ['years'],
  years: ['years'],
  citesPerYear: ['citations', 'years'],
  citesPerPaper: ['citations'],
  citesPerAuthor: ['citations', 'authors'],
  papersPerAuthor: ['authors'],
  authorsPerPaper: ['authors'],
  hIndex: ['citations'],
  gIndex: ['citations'],
  eIndex: ['citations'],
  i10Index: ['citations'],
  mQuotient: ['citations', 'years'],
  hcIndex: ['citations', 'years'],
  hI: ['citations', 'authors'],
  hINorm: ['citations', 'authors'],
  hIAnnual: ['citations', 'authors', 'years'],
  awcr: ['citations', 'years'],
  awIndex: ['citations', 'years'],
  awcrpa: ['citations', 'years', 'authors'],
  acc1: ['citations'],
  acc2: ['citations'],
  acc5: ['citations'],
  acc10: ['citations'],
  acc20: ['citations'],
  firstAuthor: ['authors'],
  lastAuthor: ['authors'],
  soleAuthor: ['authors'],
  hirschA: ['citations'],
  acIndex: ['citations', 'years'],
  hmIndex: ['citations', 'authors'],
  hAIndex: ['citations', 'years'],
};

export const SCALAR_METRICS = Object.keys(METRIC_INPUTS) as ScalarMetric[];

/**
 * A metric's value for a person: a number, `null` when it is unknown for this
 * person (no input for it, or undefined by its definition), or `undefined`
 * when this build does not compute it at all (hA, until it is added).
 */
export type KnownValue = number | null | undefined;

export interface PersonSummary {
  person: MergedPerson;
  works: LightWork[];
  metrics: Metrics;
  /** Every scalar metric under the unknown rule. */
  known: Record<ScalarMetric, KnownValue>;
  /** How many of the works have each input. */
  worksWith: Record<MetricInput, number>;
  /** Site ids of the person's own pages, sorted. */
  sites: string[];
  flaggedIncluded: number;
}

export function librarySummaries(result: Pick<LightResult, 'works' | 'people'>, currentYear: number): PersonSummary[] {
  const byId = new Map(result.works.map((w) => [w.id, w]));
  return result.people.map((person) => {
    const works = person.workIds.map((id) => byId.get(id)).filter((w): w is LightWork => w !== undefined);
    const metrics = computeMetrics(works.map(toMetricWork), { currentYear, person: { name: person.name, variants: person.nameVariants } });
    const c = metrics.coverage;
    const worksWith: Record<MetricInput, number> = {
      citations: works.length - c.worksWithoutCitations,
      authors: works.length - c.worksWithoutAuthors,
      years: works.length - c.worksWithoutYear,
    };
    return {
      person,
      works,
      metrics,
      known: knownMetrics(metrics, worksWith),
      worksWith,
      sites: [...new Set(person.pages.map((p) => p.source))].sort(),
      flaggedIncluded: flaggedWorksIncluded(person),
    };
  });
}

/** The scalar metrics with the unknown rule applied (see the top of this file). */
export function knownMetrics(metrics: Metrics, worksWith: Record<MetricInput, number>): Record<ScalarMetric, KnownValue> {
  const all = metrics as unknown as Record<string, unknown>;
  const out = {} as Record<ScalarMetric, KnownValue>;
  for (const key of SCALAR_METRICS) {
    const raw = Object.prototype.hasOwnProperty.call(all, key) ? all[key] : undefined;
    if (raw === undefined) {
      out[key] = undefined;
      continue;
    }
    const missing = METRIC_INPUTS[key].some((input) => worksWith[input] === 0);
    out[key] = missing || typeof raw !== 'number' || !Number.isFinite(raw) ? null : raw;
  }
  return out;
}
