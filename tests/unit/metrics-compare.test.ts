import { describe, expect, it } from 'vitest';
import { compareStated, computeMetrics } from '../../src/core/metrics';

// Synthetic inputs: three works with 10, 5 and 1 citations → citations 16,
// h 2 (5 ≥ 2, 1 < 3), i10 1, papers 3 (by hand).
const m = computeMetrics([{ citations: 10 }, { citations: 5 }, { citations: 1 }], { currentYear: 2024 });

describe('compareStated', () => {
  it('rows only for figures the site states, in a fixed order, with no reason when they agree', () => {
    expect(compareStated({ i10Index: 1, citations: 16 }, m, { siteName: 'X', worksListed: 3, listTruncated: false })).toEqual([
      { metric: 'citations', stated: 16, computed: 16, agrees: true },
      { metric: 'i10Index', stated: 1, computed: 1, agrees: true },
    ]);
    expect(compareStated({}, m, { siteName: 'X', worksListed: 3, listTruncated: false })).toEqual([]);
  });

  it('names the stated total of works when the page gives one', () => {
    const rows = compareStated({ hIndex: 5, papers: 58 }, m, { siteName: 'Google Scholar', worksListed: 3, worksStated: 58, listTruncated: true });
    expect(rows.map((r) => r.reason)).toEqual([
      'Google Scholar lists 3 of 58 works on this page',
      'Google Scholar lists 3 of 58 works on this page',
    ]);
  });

  it('a complete list that still falls short: the site counts sources not seen', () => {
    const [row] = compareStated({ citations: 20 }, m, { siteName: 'Semantic Scholar', worksListed: 3, listTruncated: false });
    expect(row).toEqual({
      metric: 'citations', stated: 20, computed: 16, agrees: false,
      reason: "Semantic Scholar counts citations from sources Scholar Lens hasn't seen",
    });
    const [papers] = compareStated({ papers: 4 }, m, { siteName: 'DBLP', worksListed: 3, listTruncated: false });
    expect(papers?.reason).toBe('DBLP counts works that Scholar Lens has not seen listed');
  });

  it('rows the site lists twice are one work here, and the reason says so', () => {
    // Synthetic: the site lists 4 rows (10, 5, 4, 1 citations = 20); two of them
    // (5 and 4) are the same paper, merged into one work of 5: computed 16.
    const [row] = compareStated({ citations: 20 }, m, { siteName: 'Google Scholar', worksListed: 4, listTruncated: false, duplicatesMerged: 1 });
    expect(row?.reason).toBe(
      '1 of the 4 works Google Scholar lists is a duplicate of another listed work; Google Scholar counts it separately, Scholar Lens once',
    );
  });

  it('merged works from several sites can exceed the site’s figures', () => {
    const rows = compareStated({ citations: 12, papers: 2 }, m, { siteName: 'ORCID', worksListed: 2, listTruncated: false, sitesMerged: 3 });
    expect(rows.map((r) => r.reason)).toEqual([
      'computed from 3 merged works across 3 sites; works found on other sites are included',
      'computed from 3 merged works across 3 sites; some works have higher citation counts on other sites than on ORCID',
    ]);
  });

  it('says so when nothing known explains the difference', () => {
    const [row] = compareStated({ hIndex: 1 }, m, { siteName: 'X', worksListed: 3, listTruncated: false });
    expect(row?.reason).toBe('X does not show how it arrives at this figure');
  });

  it('never compares a stated figure with an unknown one as if it were 0', () => {
    // SYNTHETIC: ResearchGate states 40 citations, but none of its works carries a count.
    const none = computeMetrics([{ year: 2020 }, { year: 2021 }], { currentYear: 2024 });
    const rows = compareStated({ citations: 40, papers: 2 }, none, { siteName: 'ResearchGate', worksListed: 2, listTruncated: false });
    expect(rows).toEqual([
      { metric: 'papers', stated: 2, computed: 2, agrees: true },
      { metric: 'citations', stated: 40, computed: null, agrees: false, reason: 'not computed: no site gave citation counts for these works' },
    ]);
  });
});
