// Metrics that share each paper's credit among its authors or weight it by
// its age: Batista's hI, Harzing's hI,norm and hI,annual, and Jin's
// age-weighted citation rate (AWCR, AW, AWCRpA), and Schreiber's hm, as
// Publish or Perish defines them.

import { hOf } from './h-family';
import { ageOf, authorCountOf, byCitationsDesc, citationsOf } from './work-facts';
import type { MetricWork } from './types';

/**
 * Batista et al. (2006): h² divided by the total number of authors of the
 * h-core papers. The h-core is the h most cited works (ties broken by input
 * order). Null when an h-core paper's author count is unknown; 0 when h = 0.
 */
export function hIOf(works: readonly MetricWork[], h: number): number | null {
  if (h === 0) return 0;
  let authors = 0;
  for (const w of byCitationsDesc(works).slice(0, h)) {
    const n = authorCountOf(w);
    if (n === undefined) return null;
    authors += n;
  }
  return (h * h) / authors;
}

/** hI,norm (Harzing): the h-index of citations divided by author count; works with unknown authors left out. */
export function hINormOf(works: readonly MetricWork[]): number {
  const shares: number[] = [];
  for (const w of works) {
    const n = authorCountOf(w);
    if (n !== undefined) shares.push(citationsOf(w) / n);
  }
  return hOf(shares);
}

/** AWCR = Σ C/age; AWCRpA = Σ C/(age·authors). Undated works (and, for AWCRpA, works without authors) left out. */
export function ageWeighted(works: readonly MetricWork[], currentYear: number): { awcr: number; awIndex: number; awcrpa: number } {
  let awcr = 0;
  let awcrpa = 0;
  for (const w of works) {
    const age = ageOf(w, currentYear);
    if (age === undefined) continue;
    awcr += citationsOf(w) / age;
    const n = authorCountOf(w);
    if (n !== undefined) awcrpa += citationsOf(w) / (age * n);
  }
  return { awcr, awIndex: Math.sqrt(awcr), awcrpa };
}

/**
 * Schreiber's hm (2008): papers ranked by citations (ties in input order),
 * each counting 1 ÷ its authors towards an effective rank
 * r_eff(r) = Σ_{r' ≤ r} 1 ÷ a_r'; hm is the largest r_eff(r) with c_r ≥ r_eff(r).
 * Works without a known author count are left out, as in every author-based metric.
 */
export function hmOf(works: readonly MetricWork[]): number {
  let rEff = 0;
  let hm = 0;
  for (const w of byCitationsDesc(works)) {
    const n = authorCountOf(w);
    if (n === undefined) continue;
    rEff += 1 / n;
    // c_r falls and r_eff grows, so once the condition fails it fails for every later rank.
    // The tolerance keeps 1/3 + 1/3 + 1/3 from summing to just over 1.
    if (citationsOf(w) >= rEff - 1e-9) hm = rEff;
    else break;
  }
  return hm;
}
