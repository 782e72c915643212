// The headline figures the popup computes from a capture's works, through the
// shared metrics core so the popup and the command line agree.
import type { Capture } from '../core/capture';
import { computeMetrics } from '../core/metrics';

export interface Headline {
  papers: number;
  /** Null when no work has a citation count (unknown, not 0). */
  citations: number | null;
  hIndex: number | null;
  i10Index: number | null;
}

export function computeHeadline(capture: Capture, currentYear: number): Headline {
  const m = computeMetrics(capture.works ?? [], { currentYear });
  return { papers: m.papers, citations: m.citations, hIndex: m.hIndex, i10Index: m.i10Index };
}
