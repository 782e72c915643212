// The headline figures the popup computes from a capture's works.
import type { Capture } from '../core/capture';

export interface Headline {
  papers: number;
  citations: number;
  hIndex: number;
  i10Index: number;
}

export function computeHeadline(capture: Capture, _currentYear: number): Headline {
  const cites = (capture.works ?? []).map((w) => w.citations ?? 0).sort((a, b) => b - a);
  let h = 0;
  while (h < cites.length && cites[h]! >= h + 1) h++;
  return {
    papers: cites.length,
    citations: cites.reduce((a, b) => a + b, 0),
    hIndex: h,
    i10Index: cites.filter((c) => c >= 10).length,
  };
}
