// Citation accumulation counts as Publish or Perish 7 defines them: the number
// of papers whose *annual* citation count (citations ÷ the paper's age) is at
// least 1, 2, 5, 10 and 20. Not papers with at least n citations in total
// (that is Google's i10 for n = 10). Undated papers have no age and are left out.

import { ageOf, citationsOf } from './work-facts';
import type { MetricWork } from './types';

export const ACC_LEVELS = [1, 2, 5, 10, 20] as const;

/** Citations ÷ age of every dated work (age counts the current year as 1). */
export function annualRates(works: readonly MetricWork[], currentYear: number): number[] {
  const rates: number[] = [];
  for (const w of works) {
    const age = ageOf(w, currentYear);
    if (age !== undefined) rates.push(citationsOf(w) / age);
  }
  return rates;
}

export function accumulation(rates: readonly number[]): { acc1: number; acc2: number; acc5: number; acc10: number; acc20: number } {
  const atLeast = (n: number) => rates.filter((r) => r >= n).length;
  return { acc1: atLeast(1), acc2: atLeast(2), acc5: atLeast(5), acc10: atLeast(10), acc20: atLeast(20) };
}
