// The definitions of the four figures the popup's headline shows (papers,
// citations, h-index, i10-index), as hover text on its rows. Apart from the
// other metrics' definitions (definitions.ts, which takes these four from
// here): the popup opens without the rest of that text.

import type { Metrics } from './types';

export interface MetricDefinition {
  label: string;
  definition: string;
  /** Where the definition comes from. */
  source: string;
}

export const POP = 'Publish or Perish (Harzing), as documented in its help';

export const HEADLINE_DEFINITIONS = {
  papers: { label: 'Papers', definition: 'Number of merged works.', source: POP },
  citations: { label: 'Citations', definition: 'Sum of the works’ citation counts. A work without a count adds 0 while others have counts; with no count at all the figure is unknown.', source: POP },
  hIndex: { label: 'h-index', definition: 'Largest h such that h papers have at least h citations each.', source: 'Hirsch (2005)' },
  i10Index: { label: 'i10-index', definition: 'Number of papers with at least 10 citations in total.', source: 'Google Scholar' },
} satisfies Partial<Record<keyof Metrics, MetricDefinition>>;
