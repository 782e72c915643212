// Hirsch's h-index and the indices built on the same ranked citation list:
// Hirsch's a, g (Egghe), e (Zhang), i10 (Google Scholar), hc and ac
// (Sidiropoulos et al.), hA (Fassin, in Publish or Perish 8).

import { ageOf, citationsOf } from './work-facts';
import type { MetricWork } from './types';

const desc = (values: readonly number[]) => [...values].sort((a, b) => b - a);

/**
 * Largest h such that h of the values are each >= h. Works for fractional
 * values too (hI,norm, hc): a value of 3.5 supports h = 3 but not 4.
 */
export function hOf(values: readonly number[]): number {
  const v = desc(values);
  let h = 0;
  while (h < v.length && v[h]! >= h + 1) h++;
  return h;
}

/**
 * Largest g such that the g most cited papers together have >= g² citations.
 * g never exceeds the number of papers (no fictitious uncited papers are
 * added), as Publish or Perish reports it.
 */
export function gOf(citations: readonly number[]): number {
  const v = desc(citations);
  let sum = 0;
  let g = 0;
  for (let i = 0; i < v.length; i++) {
    sum += v[i]!;
    if (sum >= (i + 1) * (i + 1)) g = i + 1;
    else break; // the mean of the top k only falls as k grows, so no later k can qualify
  }
  return g;
}

/** Zhang's e: sqrt of the h-core's citations beyond the h² the h-index already accounts for. */
export function eOf(citations: readonly number[], h: number): number {
  const excess = desc(citations).slice(0, h).reduce((s, c) => s + c, 0) - h * h;
  return Math.sqrt(Math.max(0, excess));
}

export function countAtLeast(citations: readonly number[], n: number): number {
  return citations.filter((c) => c >= n).length;
}

/** Parameters of the contemporary h-index as Publish or Perish uses them. */
export const HC_GAMMA = 4;
export const HC_DELTA = 1;

/**
 * Contemporary h (Sidiropoulos, Katsaros & Manolopoulos 2007): each paper
 * scores γ·age^−δ·C with γ=4, δ=1; hc is the h-index of those scores.
 * Undated works are left out.
 */
export function hcOf(works: readonly MetricWork[], currentYear: number): number {
  return hOf(contemporaryScores(works, currentYear));
}

/** S_i = γ·age_i^−δ·c_i of every dated work. */
export function contemporaryScores(works: readonly MetricWork[], currentYear: number): number[] {
  const scores: number[] = [];
  for (const w of works) {
    const age = ageOf(w, currentYear);
    if (age !== undefined) scores.push(HC_GAMMA * Math.pow(age, -HC_DELTA) * citationsOf(w));
  }
  return scores;
}

/**
 * Hirsch's a from N_c,tot = a·h²: total ÷ h². Null when h = 0 (no h² to
 * divide by). The same on the contemporary scores gives ac (total score ÷ hc²).
 */
export function hirschAOf(total: number, h: number): number | null {
  return h > 0 ? total / (h * h) : null;
}
