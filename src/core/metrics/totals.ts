// Counts and averages: papers, citations (in total and by year), career span
// and the per-paper / per-author / per-year rates Publish or Perish shows.

import { ageOf, authorCountIsLowerBound, authorCountOf, citationsOf, hasYear } from './work-facts';
import type { Coverage, MetricWork } from './types';
import { compareCodePoints } from '../order';

export interface Totals {
  papers: number;
  citations: number;
  citationsByYear: Record<string, number>;
  firstYear: number | null;
  lastYear: number | null;
  /** Academic age: currentYear − first year + 1, the same counting as a paper's age. */
  years: number | null;
  citesPerYear: number | null;
  citesPerPaper: number | null;
  citesPerAuthor: number | null;
  papersPerAuthor: number | null;
  authorsPerPaper: number | null;
}

export function totals(works: readonly MetricWork[], currentYear: number): Totals {
  const citations = works.reduce((s, w) => s + citationsOf(w), 0);
  const dated = works.filter(hasYear).map((w) => w.year);
  const firstYear = dated.length ? Math.min(...dated) : null;
  const lastYear = dated.length ? Math.max(...dated) : null;
  const years = firstYear === null ? null : (ageOf({ year: firstYear }, currentYear) ?? null);

  let citesPerAuthor = 0;
  let papersPerAuthor = 0;
  let authorSum = 0;
  let withAuthors = 0;
  for (const w of works) {
    const n = authorCountOf(w);
    if (n === undefined) continue;
    withAuthors++;
    authorSum += n;
    citesPerAuthor += citationsOf(w) / n;
    papersPerAuthor += 1 / n;
  }

  return {
    papers: works.length,
    citations,
    citationsByYear: sumByYear(works),
    firstYear,
    lastYear,
    years,
    // Undated works' citations still count: they were earned within the span.
    citesPerYear: years === null ? null : citations / years,
    citesPerPaper: works.length ? citations / works.length : null,
    citesPerAuthor: withAuthors ? citesPerAuthor : null,
    papersPerAuthor: withAuthors ? papersPerAuthor : null,
    authorsPerPaper: withAuthors ? authorSum / withAuthors : null,
  };
}

export function coverage(works: readonly MetricWork[], currentYear: number): Coverage {
  const count = (p: (w: MetricWork) => boolean) => works.filter(p).length;
  return {
    worksWithoutYear: count((w) => !hasYear(w)),
    worksWithoutCitations: count((w) => !(typeof w.citations === 'number' && Number.isFinite(w.citations) && w.citations >= 0)),
    worksWithoutAuthors: count((w) => authorCountOf(w) === undefined),
    worksWithTruncatedAuthors: count((w) => authorCountOf(w) !== undefined && authorCountIsLowerBound(w)),
    worksDatedAfterCurrentYear: count((w) => hasYear(w) && w.year > currentYear),
  };
}

function sumByYear(works: readonly MetricWork[]): Record<string, number> {
  // A Map: the years are keys of captured data.
  const out = new Map<string, number>();
  for (const w of works) {
    for (const [year, n] of Object.entries(w.citationsByYear ?? {})) {
      if (Number.isFinite(n) && n > 0) out.set(year, (out.get(year) ?? 0) + n);
    }
  }
  return Object.fromEntries([...out].sort(([a], [b]) => compareCodePoints(a, b)));
}
