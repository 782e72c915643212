// One-line definitions of every metric, for hover text in the UI and the
// README, following Publish or Perish's documentation (restated in the
// project's design notes). The age convention is stated once, in
// AGE_CONVENTION, and shown wherever rates are.

import type { Metrics } from './types';
import { HEADLINE_DEFINITIONS, POP, type MetricDefinition } from './headline-definitions';

export type { MetricDefinition } from './headline-definitions';

/** How ages are counted, for every rate: shown once beside the metrics and in the README. */
export const AGE_CONVENTION =
  'A paper’s age counts its publication year as 1: age = current year − publication year + 1 (a paper from this year has age 1, so no rate divides by zero). Years (academic age) counts the same way from the first year. Undated works are left out of every age-based metric.';

export const METRIC_DEFINITIONS: Record<Exclude<keyof Metrics, 'coverage'>, MetricDefinition> = {
  papers: HEADLINE_DEFINITIONS.papers,
  citations: HEADLINE_DEFINITIONS.citations,
  citationsByYear: { label: 'Citations per year', definition: 'Citations received in each year, summed over the works whose pages give a yearly breakdown.', source: 'Scholar Lens' },
  firstYear: { label: 'First year', definition: 'Year of the earliest dated work.', source: POP },
  lastYear: { label: 'Last year', definition: 'Year of the latest dated work.', source: POP },
  years: { label: 'Years', definition: 'Academic age: current year − year of first work + 1.', source: POP },
  citesPerYear: { label: 'Cites/year', definition: 'Citations ÷ years (academic age).', source: POP },
  citesPerPaper: { label: 'Cites/paper', definition: 'Citations ÷ papers.', source: POP },
  citesPerAuthor: { label: 'Cites/author', definition: 'Σ citations(i) ÷ authors(i): each paper’s citations shared equally among its authors.', source: POP },
  papersPerAuthor: { label: 'Papers/author', definition: 'Σ 1 ÷ authors(i): each paper counted as a fraction by its number of authors.', source: POP },
  authorsPerPaper: { label: 'Authors/paper', definition: 'Mean number of authors per paper (over works with a known author list).', source: POP },
  hIndex: HEADLINE_DEFINITIONS.hIndex,
  hirschA: { label: 'Hirsch a', definition: 'Citations ÷ h² (from N_c,tot = a·h²): how many citations the h-index stands for, per h².', source: 'Hirsch (2005), as in ' + POP },
  mQuotient: { label: 'Hirsch m', definition: 'h-index ÷ years (academic age), from h ≈ m·n.', source: 'Hirsch (2005), as in ' + POP },
  gIndex: { label: 'g-index', definition: 'Largest g such that the g most cited papers together have at least g² citations (g ≤ papers).', source: 'Egghe (2006), as in ' + POP },
  eIndex: { label: 'e-index', definition: '√(citations of the h most cited papers − h²): the h-core’s citations beyond what h accounts for.', source: 'Zhang (2009), as in ' + POP },
  i10Index: HEADLINE_DEFINITIONS.i10Index,
  hcIndex: { label: 'hc-index', definition: 'Contemporary h: the h-index of the scores S(i) = 4 × citations(i) ÷ age(i) (γ = 4, δ = 1); undated works left out.', source: 'Sidiropoulos, Katsaros & Manolopoulos (2007), as in ' + POP },
  acIndex: { label: 'ac', definition: 'Contemporary a: Σ S(i) ÷ hc², Hirsch’s a on the contemporary scores S(i) = 4 × citations(i) ÷ age(i).', source: 'Sidiropoulos, Katsaros & Manolopoulos (2007), as in ' + POP },
  hI: { label: 'hI-index', definition: 'h² ÷ total number of authors of the h most cited papers.', source: 'Batista et al. (2006), as in ' + POP },
  hINorm: { label: 'hI,norm', definition: 'h-index of citations(i) ÷ authors(i): each paper’s citations divided by its number of authors.', source: POP },
  hIAnnual: { label: 'hI,annual', definition: 'hI,norm ÷ years (academic age): the average annual increase in the individual h-index (hIa).', source: 'Harzing, Alakangas & Adams (2014), as in ' + POP },
  hmIndex: { label: 'hm-index', definition: 'Papers ranked by citations; each adds 1 ÷ authors(i) to an effective rank r_eff; hm is the largest r_eff with citations(r) ≥ r_eff (fractional h).', source: 'Schreiber (2008), as in ' + POP },
  hAIndex: { label: 'hA-index', definition: 'h-index of the annual citation rates citations(i) ÷ age(i): the largest n such that n papers have on average at least n citations per year. Each paper is divided by its own age (hI,annual divides by the years of the whole set).', source: 'Fassin, as in ' + POP + ' 8' },
  awcr: { label: 'AWCR', definition: 'Age-weighted citation rate: Σ citations(i) ÷ age(i) over all papers; undated works left out.', source: 'Jin (2007), as in ' + POP },
  awIndex: { label: 'AW-index', definition: '√AWCR.', source: 'Jin (2007), as in ' + POP },
  awcrpa: { label: 'AWCRpA', definition: 'Per-author AWCR: Σ citations(i) ÷ (age(i) × authors(i)).', source: POP },
  acc1: { label: 'ACC1', definition: 'Number of papers cited on average at least once a year: citations(i) ÷ age(i) ≥ 1.', source: POP + ' 7' },
  acc2: { label: 'ACC2', definition: 'Number of papers with at least 2 citations a year: citations(i) ÷ age(i) ≥ 2.', source: POP + ' 7' },
  acc5: { label: 'ACC5', definition: 'Number of papers with at least 5 citations a year: citations(i) ÷ age(i) ≥ 5.', source: POP + ' 7' },
  acc10: { label: 'ACC10', definition: 'Number of papers with at least 10 citations a year: citations(i) ÷ age(i) ≥ 10 (not the i10-index, which counts 10 in total).', source: POP + ' 7' },
  acc20: { label: 'ACC20', definition: 'Number of papers with at least 20 citations a year: citations(i) ÷ age(i) ≥ 20.', source: POP + ' 7' },
  firstAuthor: { label: 'First author', definition: 'Works on which the person is listed first (sole-authored works included).', source: 'Scholar Lens' },
  lastAuthor: { label: 'Last author', definition: 'Works with two or more authors on which the person is listed last, on author lists that are complete.', source: 'Scholar Lens' },
  soleAuthor: { label: 'Sole author', definition: 'Works with the person as the only author.', source: 'Scholar Lens' },
  coAuthors: { label: 'Co-authors', definition: 'Other authors ranked by the number of works shared with the person; names grouped by family name + first initial.', source: 'Scholar Lens' },
  venues: { label: 'Venues', definition: 'Journals and conferences ranked by number of works (case and accents ignored).', source: 'Scholar Lens' },
};
