// A merged person's metrics report (src/formats/report.ts renders it as
// Markdown or CSV): the figures with every metric's definition. Apart from
// person-figures.ts so the popup, which shows four figures, opens without
// the definitions text; it loads this on the first report export.

import type { MergedPerson } from './merge/types';
import { AGE_CONVENTION, citationCountsNote, flaggedWorksIncluded, METRIC_DEFINITIONS, unknownMetrics, type Metrics } from './metrics';
import type { PersonReportInput } from '../formats/report';

/** The metrics report of a person (src/formats/report.ts renders it as Markdown or CSV). */
export function reportInputOf(person: MergedPerson, metrics: Metrics, date: string): PersonReportInput {
  return {
    personName: person.name,
    computed: metrics as unknown as Record<string, unknown>,
    definitions: METRIC_DEFINITIONS,
    stated: person.stated.map((s) => ({ source: s.source, url: s.url, capturedAt: s.capturedAt, ...(s.metrics ? { metrics: s.metrics } : {}) })),
    date,
    flaggedWorks: flaggedWorksIncluded(person),
    unknown: unknownMetrics(metrics),
    ...(citationCountsNote(metrics) ? { citationCounts: citationCountsNote(metrics)! } : {}),
    ageConvention: AGE_CONVENTION,
  };
}
