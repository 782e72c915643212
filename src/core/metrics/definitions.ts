// One-line definitions of every metric, for hover text in the UI and the
// README. Ages count the current year as 1 (age = currentYear − year + 1);
// "years" is the academic age: currentYear − first year + 1.

import type { Metrics } from './types';

export interface MetricDefinition {
  label: string;
  definition: string;
  /** Where the definition comes from. */
  source: string;
}

const POP = 'Publish or Perish (Harzing), as documented in its help';

export const METRIC_DEFINITIONS: Record<Exclude<keyof Metrics, 'coverage'>, MetricDefinition> = {
  papers: { label: 'Papers', definition: 'Number of merged works.', source: POP },
  citations: { label: 'Citations', definition: 'Sum of the works’ citation counts (missing counts read as 0).', source: POP },
  citationsByYear: { label: 'Citations per year', definition: 'Citations received in each year, summed over the works whose pages give a yearly breakdown.', source: 'Scholar Lens' },
  firstYear: { label: 'First year', definition: 'Year of the earliest dated work.', source: POP },
  lastYear: { label: 'Last year', definition: 'Year of the latest dated work.', source: POP },
  years: { label: 'Years', definition: 'Academic age: current year − year of first work + 1.', source: POP },
  citesPerYear: { label: 'Cites/year', definition: 'Citations ÷ years (academic age).', source: POP },
  citesPerPaper: { label: 'Cites/paper', definition: 'Citations ÷ papers.', source: POP },
  citesPerAuthor: { label: 'Cites/author', definition: 'Σ citations(i) ÷ authors(i): each paper’s citations shared equally among its authors.', source: POP },
  papersPerAuthor: { label: 'Papers/author', definition: 'Σ 1 ÷ authors(i): each paper counted as a fraction by its number of authors.', source: POP },
  authorsPerPaper: { label: 'Authors/paper', definition: 'Mean number of authors per paper (over works with a known author list).', source: POP },
  hIndex: { label: 'h-index', definition: 'Largest h such that h papers have at least h citations each.', source: 'Hirsch (2005)' },
  gIndex: { label: 'g-index', definition: 'Largest g such that the g most cited papers together have at least g² citations (g ≤ papers).', source: 'Egghe (2006), as in ' + POP },
  eIndex: { label: 'e-index', definition: '√(citations of the h most cited papers − h²): the h-core’s citations beyond what h accounts for.', source: 'Zhang (2009), as in ' + POP },
  i10Index: { label: 'i10-index', definition: 'Number of papers with at least 10 citations.', source: 'Google Scholar' },
  mQuotient: { label: 'm-quotient', definition: 'h-index ÷ years (academic age).', source: 'Hirsch (2005), as in ' + POP },
  hcIndex: { label: 'hc-index', definition: 'Contemporary h: the h-index of scores 4 × citations(i) ÷ age(i) (γ = 4, δ = 1); undated works left out.', source: 'Sidiropoulos et al. (2007), as in ' + POP },
  hI: { label: 'hI-index', definition: 'h² ÷ total number of authors of the h most cited papers.', source: 'Batista et al. (2006), as in ' + POP },
  hINorm: { label: 'hI,norm', definition: 'h-index of citations(i) ÷ authors(i): each paper’s citations divided by its number of authors.', source: POP },
  hIAnnual: { label: 'hI,annual', definition: 'hI,norm ÷ years (academic age): the average annual increase in the individual h-index (hIa).', source: 'Harzing, Alakangas & Adams (2014), as in ' + POP },
  awcr: { label: 'AWCR', definition: 'Age-weighted citation rate: Σ citations(i) ÷ age(i); undated works left out.', source: 'Jin (2007), as in ' + POP },
  awIndex: { label: 'AW-index', definition: '√AWCR.', source: 'Jin (2007), as in ' + POP },
  awcrpa: { label: 'AWCRpA', definition: 'Per-author AWCR: Σ citations(i) ÷ (age(i) × authors(i)).', source: POP },
  acc1: { label: 'acc1', definition: 'Number of papers with at least 1 citation.', source: 'Citation accumulation count as the Scholar Lens issue defines it' },
  acc2: { label: 'acc2', definition: 'Number of papers with at least 2 citations.', source: 'Citation accumulation count as the Scholar Lens issue defines it' },
  acc5: { label: 'acc5', definition: 'Number of papers with at least 5 citations.', source: 'Citation accumulation count as the Scholar Lens issue defines it' },
  acc10: { label: 'acc10', definition: 'Number of papers with at least 10 citations (equals the i10-index).', source: 'Citation accumulation count as the Scholar Lens issue defines it' },
  acc20: { label: 'acc20', definition: 'Number of papers with at least 20 citations.', source: 'Citation accumulation count as the Scholar Lens issue defines it' },
  firstAuthor: { label: 'First author', definition: 'Works on which the person is listed first (sole-authored works included).', source: 'Scholar Lens' },
  lastAuthor: { label: 'Last author', definition: 'Works with two or more authors on which the person is listed last, on author lists that are complete.', source: 'Scholar Lens' },
  soleAuthor: { label: 'Sole author', definition: 'Works with the person as the only author.', source: 'Scholar Lens' },
  coAuthors: { label: 'Co-authors', definition: 'Other authors ranked by the number of works shared with the person; names grouped by family name + first initial.', source: 'Scholar Lens' },
  venues: { label: 'Venues', definition: 'Journals and conferences ranked by number of works (case and accents ignored).', source: 'Scholar Lens' },
};
