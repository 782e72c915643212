// The per-work facts every metric family reads, with the edge-case rules in
// one place so all metrics treat a missing year or author list the same way.

import type { MetricWork } from './types';

/** The work's citation count; missing or nonsensical counts read as 0. */
export function citationsOf(w: MetricWork): number {
  const c = w.citations;
  return typeof c === 'number' && Number.isFinite(c) && c > 0 ? c : 0;
}

export function hasYear(w: MetricWork): w is MetricWork & { year: number } {
  return typeof w.year === 'number' && Number.isInteger(w.year);
}

/**
 * Age in years with the current year counting as 1, as Publish or Perish
 * does (so a paper from this year divides by 1, not 0). Works dated after
 * currentYear get age 1 too. Undefined for works without a year.
 */
export function ageOf(w: MetricWork, currentYear: number): number | undefined {
  if (!hasYear(w)) return undefined;
  return Math.max(1, currentYear - w.year + 1);
}

/**
 * Number of authors: the stated full count if given, otherwise the names
 * shown (a lower bound when the list is truncated). Undefined when unknown.
 */
export function authorCountOf(w: MetricWork): number | undefined {
  if (typeof w.authorCount === 'number' && Number.isInteger(w.authorCount) && w.authorCount > 0) return w.authorCount;
  const shown = w.authors?.filter((a) => a.trim() !== '').length ?? 0;
  return shown > 0 ? shown : undefined;
}

/** True when the author count is only the names shown on a cut list. */
export function authorCountIsLowerBound(w: MetricWork): boolean {
  return w.authorsTruncated === true && !(typeof w.authorCount === 'number' && w.authorCount > 0);
}

/** Works ordered by citations, most cited first; ties keep input order so the h-core is deterministic. */
export function byCitationsDesc<T extends MetricWork>(works: readonly T[]): T[] {
  return works
    .map((w, i) => ({ w, i, c: citationsOf(w) }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((x) => x.w);
}
