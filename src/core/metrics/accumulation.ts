// Citation accumulation counts: how many papers have reached 1, 2, 5, 10 and
// 20 citations. acc10 therefore equals the i10-index by construction.

import { countAtLeast } from './h-family';

export function accumulation(citations: readonly number[]): { acc1: number; acc2: number; acc5: number; acc10: number; acc20: number } {
  return {
    acc1: countAtLeast(citations, 1),
    acc2: countAtLeast(citations, 2),
    acc5: countAtLeast(citations, 5),
    acc10: countAtLeast(citations, 10),
    acc20: countAtLeast(citations, 20),
  };
}
