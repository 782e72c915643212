import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_DEFINITIONS, type MetricWork } from '../../src/core/metrics';
import { eOf, gOf, hcOf, hOf } from '../../src/core/metrics/h-family';
import { hIOf, hmOf } from '../../src/core/metrics/author-normalized';
import { citationCountsNote, unknownMetrics, unknownReason } from '../../src/core/metrics/unknown';
import { venueName } from '../../src/core/metrics/people';

// Synthetic worked example; every expected value below is worked out by hand
// in the comment next to it. currentYear = 2024, so age = 2024 − year + 1.
//   W1 10 cites, 2020 (age 5), 2 authors
//   W2  8 cites, 2022 (age 3), 4 authors
//   W3  5 cites, 2024 (age 1), 1 author
//   W4  4 cites, 2019 (age 6), 2 authors
//   W5  3 cites, no year,      3 authors shown of a truncated list
const works: MetricWork[] = [
  { citations: 10, year: 2020, authors: ['Ada Person', 'Bob Other'], venue: 'Nature', citationsByYear: { '2023': 4, '2024': 6 } },
  { citations: 8, year: 2022, authors: ['Bob Other', 'Cy Third', 'Dee Fourth', 'Ada Person'], venue: 'NATURE ', citationsByYear: { '2024': 8 } },
  { citations: 5, year: 2024, authors: ['A. Person'], venue: 'Science' },
  { citations: 4, year: 2019, authors: ['Cy Third', 'Person, Ada'] },
  { citations: 3, authors: ['B. Other', 'Eve Fifth', 'Ada Person'], authorsTruncated: true },
];
const m = computeMetrics(works, { currentYear: 2024, person: { name: 'Ada Person' } });

describe('computeMetrics on a worked example', () => {
  it('counts papers, citations and rates', () => {
    expect(m.papers).toBe(5);
    expect(m.citations).toBe(30); // 10+8+5+4+3
    expect(m.citationsByYear).toEqual({ '2023': 4, '2024': 14 }); // 2024: 6 (W1) + 8 (W2)
    expect(m.firstYear).toBe(2019);
    expect(m.lastYear).toBe(2024);
    expect(m.years).toBe(6); // 2024 − 2019 + 1
    expect(m.citesPerYear).toBe(5); // 30 / 6
    expect(m.citesPerPaper).toBe(6); // 30 / 5
    expect(m.citesPerAuthor).toBeCloseTo(15, 10); // 10/2 + 8/4 + 5/1 + 4/2 + 3/3 = 5+2+5+2+1
    expect(m.papersPerAuthor).toBeCloseTo(31 / 12, 10); // 1/2 + 1/4 + 1 + 1/2 + 1/3 = (6+3+12+6+4)/12
    expect(m.authorsPerPaper).toBeCloseTo(2.4, 10); // (2+4+1+2+3) / 5
  });

  it('computes the h family', () => {
    // Sorted 10,8,5,4,3: rank 4 has 4 ≥ 4, rank 5 has 3 < 5 → h = 4.
    expect(m.hIndex).toBe(4);
    // Cumulative 10,18,23,27,30 vs g² 1,4,9,16,25: all hold up to 5 papers → g = 5.
    expect(m.gIndex).toBe(5);
    // Top-4 sum 27 − h² 16 = 11.
    expect(m.eIndex).toBeCloseTo(Math.sqrt(11), 10);
    expect(m.i10Index).toBe(1); // only the 10
    expect(m.mQuotient).toBeCloseTo(4 / 6, 10);
    // Hirsch a = citations ÷ h² = 30 / 16.
    expect(m.hirschA).toBeCloseTo(30 / 16, 10);
    // Scores 4·C/age: 4·10/5 = 8, 4·8/3 ≈ 10.67, 4·5/1 = 20, 4·4/6 ≈ 2.67 (W5 undated, left out).
    // Sorted 20, 10.67, 8, 2.67: rank 3 has 8 ≥ 3, rank 4 has 2.67 < 4 → hc = 3.
    expect(m.hcIndex).toBe(3);
    // ac = Σ S ÷ hc² = (8 + 32/3 + 20 + 8/3) / 9 = (124/3) / 9 = 124/27.
    expect(m.acIndex).toBeCloseTo(124 / 27, 10);
  });

  it('computes the annual-rate metrics: hA and the ACC counts', () => {
    // Rates citations ÷ age: W1 10/5 = 2, W2 8/3 ≈ 2.67, W3 5/1 = 5, W4 4/6 ≈ 0.67 (W5 undated, left out).
    // hA: sorted 5, 2.67, 2, 0.67 → rank 2 has 2.67 ≥ 2, rank 3 has 2 < 3 → 2.
    expect(m.hAIndex).toBe(2);
    // ≥ 1: W1, W2, W3; ≥ 2: W1 (exactly 2), W2, W3; ≥ 5: W3 (exactly 5); ≥ 10, ≥ 20: none.
    expect([m.acc1, m.acc2, m.acc5, m.acc10, m.acc20]).toEqual([3, 3, 1, 0, 0]);
    // Not the totals: W1 has 10 citations in all (i10 counts it) but only 2 a year.
    expect(m.i10Index).toBe(1);
  });

  it('computes the author-normalised and age-weighted metrics', () => {
    // h-core W1..W4 has 2+4+1+2 = 9 authors → 4²/9.
    expect(m.hI).toBeCloseTo(16 / 9, 10);
    // C/authors: 5, 2, 5, 2, 1 → sorted 5,5,2,2,1: rank 2 ok, rank 3 has 2 < 3 → 2.
    expect(m.hINorm).toBe(2);
    expect(m.hIAnnual).toBeCloseTo(2 / 6, 10); // hI,norm / years
    // 10/5 + 8/3 + 5/1 + 4/6 = 2 + 8/3 + 5 + 2/3 = 31/3
    expect(m.awcr).toBeCloseTo(31 / 3, 10);
    expect(m.awIndex).toBeCloseTo(Math.sqrt(31 / 3), 10);
    // 10/(5·2) + 8/(3·4) + 5/(1·1) + 4/(6·2) = 1 + 2/3 + 5 + 1/3 = 7
    expect(m.awcrpa).toBeCloseTo(7, 10);
    // hm: by citations 10 (2 authors), 8 (4), 5 (1), 4 (2), 3 (3 shown);
    // r_eff 1/2, 3/4, 7/4, 9/4, 31/12 ≈ 2.58 — every c_r ≥ r_eff (3 ≥ 2.58) → hm = 31/12.
    expect(m.hmIndex).toBeCloseTo(31 / 12, 10);
  });

  it('finds the person’s author positions, co-authors and venues', () => {
    // First: W1, W3. Last: W2, W4 (W5 shows Ada last, but the list is cut). Sole: W3.
    expect(m.firstAuthor).toBe(2);
    expect(m.lastAuthor).toBe(2);
    expect(m.soleAuthor).toBe(1);
    // Bob Other: W1, W2, W5 ("B. Other"); Cy Third: W2, W4; Dee Fourth: W2; Eve Fifth: W5.
    // Ties at 1 are ordered by key: "fifth e" < "fourth d".
    expect(m.coAuthors).toEqual([
      { name: 'Bob Other', key: 'other b', sharedWorks: 3 },
      { name: 'Cy Third', key: 'third c', sharedWorks: 2 },
      { name: 'Eve Fifth', key: 'fifth e', sharedWorks: 1 },
      { name: 'Dee Fourth', key: 'fourth d', sharedWorks: 1 },
    ]);
    // "Nature" and "NATURE " group together; first spelling shown.
    expect(m.venues).toEqual([
      { venue: 'Nature', works: 2 },
      { venue: 'Science', works: 1 },
    ]);
  });

  it('reports what it could not use', () => {
    expect(m.coverage).toEqual({
      worksWithoutYear: 1, // W5
      worksWithoutCitations: 0,
      worksWithoutAuthors: 0,
      worksWithTruncatedAuthors: 1, // W5
      worksDatedAfterCurrentYear: 0,
    });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe('edge cases', () => {
  it('no works', () => {
    const e = computeMetrics([], { currentYear: 2024, person: { name: 'Ada Person' } });
    expect(e).toMatchObject({
      papers: 0, citations: 0, citationsByYear: {}, firstYear: null, lastYear: null, years: null,
      citesPerYear: null, citesPerPaper: null, citesPerAuthor: null, papersPerAuthor: null, authorsPerPaper: null,
      hIndex: 0, hirschA: null, gIndex: 0, eIndex: 0, i10Index: 0, mQuotient: null, hcIndex: 0, acIndex: null, hI: 0, hINorm: 0, hIAnnual: null,
      hmIndex: 0, hAIndex: 0, awcr: 0, awIndex: 0, awcrpa: 0, acc1: 0, acc20: 0, firstAuthor: 0, lastAuthor: 0, soleAuthor: 0, coAuthors: [], venues: [],
    });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e); // no NaN or Infinity
  });

  it('without a person, positions are null', () => {
    const e = computeMetrics([{ citations: 1, authors: ['A B'] }], { currentYear: 2024 });
    expect([e.firstAuthor, e.lastAuthor, e.soleAuthor]).toEqual([null, null, null]);
    expect(e.coAuthors).toEqual([{ name: 'A B', key: 'b a', sharedWorks: 1 }]);
  });

  it('zero and missing citations', () => {
    const z = computeMetrics([{ citations: 0, year: 2020 }, { citations: 0 }, { year: 2021 }], { currentYear: 2024 });
    expect([z.citations, z.hIndex, z.gIndex, z.eIndex, z.hcIndex, z.hI, z.acc1, z.awcr]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(z.coverage.worksWithoutCitations).toBe(1); // the third has no count
    expect(z.coverage.worksWithoutAuthors).toBe(3);
    expect(z.hI).toBe(0); // h = 0, defined as 0 rather than 0/0
  });

  it('no citation count from any source: every citation metric is unknown, never 0', () => {
    // SYNTHETIC, as a DBLP-only profile: years and authors, no counts.
    const d = computeMetrics([{ year: 2020, authors: ['A B'] }, { year: 2022, authors: ['A B', 'C D'] }], { currentYear: 2024 });
    for (const k of ['citations', 'hIndex', 'hirschA', 'gIndex', 'eIndex', 'i10Index', 'mQuotient', 'hcIndex', 'acIndex', 'hI', 'hINorm', 'hIAnnual', 'hmIndex', 'hAIndex', 'awcr', 'awIndex', 'awcrpa', 'acc1', 'acc2', 'acc5', 'acc10', 'acc20', 'citesPerYear', 'citesPerPaper', 'citesPerAuthor'] as const)
      expect(d[k], k).toBeNull();
    // What needs no counts is still known: 2 papers, 2020–2024 = 5 years, (1 + 2) / 2 authors per paper.
    expect([d.papers, d.years, d.authorsPerPaper, d.papersPerAuthor]).toEqual([2, 5, 1.5, 1.5]);
    expect(citationCountsNote(d)).toBe('no site gave citation counts for these works');
    expect(unknownReason(d, 'hIndex')).toBe('no site gave citation counts for these works');
    expect(unknownReason(d, 'years')).toBeUndefined();
    expect(Object.keys(unknownMetrics(d))).toHaveLength(25);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('citation counts for some works: the figures are computed and say how many', () => {
    // 12 of 25 works have a count (one citation each), 13 have none.
    const some = computeMetrics([...Array.from({ length: 12 }, () => ({ citations: 1 })), ...Array.from({ length: 13 }, () => ({}))], { currentYear: 2024 });
    expect(some.citations).toBe(12);
    expect(some.hIndex).toBe(1);
    expect(citationCountsNote(some)).toBe('citation counts known for 12 of 25 works');
    expect(unknownReason(some, 'hIndex')).toBeUndefined();
    expect(citationCountsNote(computeMetrics([{ citations: 0 }], { currentYear: 2024 }))).toBeUndefined(); // a count of 0 is a count
  });

  it('a paper from the current year has age 1', () => {
    const y = computeMetrics([{ citations: 3, year: 2024 }], { currentYear: 2024 });
    expect(y.years).toBe(1); // 2024 − 2024 + 1
    expect(y.awcr).toBe(3); // 3 / 1
    expect(y.hcIndex).toBe(1); // score 4·3/1 = 12, but only one paper
    expect(y.mQuotient).toBe(1); // h 1 / 1 year
  });

  it('a forthcoming paper is given age 1 and flagged', () => {
    const f = computeMetrics([{ citations: 2, year: 2025 }], { currentYear: 2024 });
    expect(f.awcr).toBe(2);
    expect(f.coverage.worksDatedAfterCurrentYear).toBe(1);
  });

  it('undated works count for h but not for age-based metrics', () => {
    const u = computeMetrics([{ citations: 5 }, { citations: 5 }], { currentYear: 2024 });
    expect(u.hIndex).toBe(2);
    expect([u.years, u.mQuotient, u.citesPerYear, u.hIAnnual]).toEqual([null, null, null, null]);
    expect([u.hcIndex, u.awcr]).toEqual([0, 0]);
  });

  it('a stated full author count beats the names shown', () => {
    const a = computeMetrics([{ citations: 20, authors: ['A B', 'C D'], authorsTruncated: true, authorCount: 10 }], { currentYear: 2024 });
    expect(a.authorsPerPaper).toBe(10);
    expect(a.citesPerAuthor).toBe(2); // 20 / 10
    expect(a.coverage.worksWithTruncatedAuthors).toBe(0);
  });

  it('hI is null when an h-core paper has no author list', () => {
    const n = computeMetrics([{ citations: 5, authors: ['A B'] }, { citations: 5 }], { currentYear: 2024 });
    expect(n.hIndex).toBe(2);
    expect(n.hI).toBeNull();
    // hI,norm only uses the first: 5/1 = 5 → h of [5] = 1.
    expect(n.hINorm).toBe(1);
  });
});

describe('index functions on small lists', () => {
  it('h with ties and fractions', () => {
    expect(hOf([5, 5, 5, 5, 5])).toBe(5);
    expect(hOf([4, 4, 4, 4, 4])).toBe(4);
    expect(hOf([3.5, 3.5, 3.5, 3.5])).toBe(3); // 3.5 < 4
    expect(hOf([1, 0, 0])).toBe(1);
    expect(hOf([3, 0, 6, 1, 5])).toBe(3); // sorted 6,5,3,1,0
  });

  it('g is capped at the number of papers', () => {
    expect(gOf([100])).toBe(1); // 100 ≥ 1; no fictitious second paper
    expect(gOf([20, 1, 1, 0])).toBe(4); // cumulative 20,21,22,22 vs 1,4,9,16
    expect(gOf([9, 0, 0, 0])).toBe(3); // cumulative 9 vs 9 holds at 3, fails at 16
  });

  it('e from the h-core', () => {
    expect(eOf([10, 8, 5, 4, 3], 4)).toBeCloseTo(Math.sqrt(11), 10); // 27 − 16
    expect(eOf([2, 2], 2)).toBe(0); // 4 − 4
  });

  it('hc against hand-computed scores', () => {
    // currentYear 2010, score 4·C/age: 2010 (age 1) → 4·6/1 = 24; 2006 (age 5) → 4·20/5 = 16;
    // 2001 (age 10) → 4·30/10 = 12; 1991 (age 20) → 4·100/20 = 20. Sorted 24, 20, 16, 12 → hc = 4.
    expect(hcOf([{ citations: 6, year: 2010 }, { citations: 20, year: 2006 }, { citations: 30, year: 2001 }, { citations: 100, year: 1991 }], 2010)).toBe(4);
    // With 1991 at 10 citations its score is 4·10/20 = 2: sorted 24, 16, 12, 2 → rank 4 fails → hc = 3,
    // although plain h of 30, 20, 10, 6 is still 4: the old paper's citations count for less.
    expect(hcOf([{ citations: 6, year: 2010 }, { citations: 20, year: 2006 }, { citations: 30, year: 2001 }, { citations: 10, year: 1991 }], 2010)).toBe(3);
    expect(hOf([6, 20, 30, 10])).toBe(4);
  });

  it('hI depends on which tied papers form the h-core: input order decides', () => {
    // h = 2 (5 ≥ 1, 2 ≥ 2, 2 < 3); the two 2-citation papers tie for the second h-core place.
    expect(hIOf([{ citations: 5, authors: ['a a'] }, { citations: 2, authors: ['b b', 'c c'] }, { citations: 2, authors: ['d d', 'e e', 'f f', 'g g', 'h h', 'i i'] }], 2)).toBeCloseTo(4 / 3, 10); // 4/(1+2)
    expect(hIOf([{ citations: 5, authors: ['a a'] }, { citations: 2, authors: ['d d', 'e e', 'f f', 'g g', 'h h', 'i i'] }, { citations: 2, authors: ['b b', 'c c'] }], 2)).toBeCloseTo(4 / 7, 10); // 4/(1+6)
  });
});

describe('hm on its own', () => {
  it('stops at the first rank whose citations fall below the effective rank', () => {
    // 5 (1 author) r_eff 1: 5 ≥ 1; 3 (1) r_eff 2: 3 ≥ 2; 2 (2 authors) r_eff 2.5: 2 < 2.5 → hm = 2.
    expect(hmOf([{ citations: 2, authors: ['a a', 'b b'] }, { citations: 5, authors: ['a a'] }, { citations: 3, authors: ['a a'] }, { citations: 1, authors: ['a a'] }])).toBe(2);
    // Three papers of 1 citation and 3 authors each: r_eff 1/3, 2/3, 1 — the sum reaches 1 exactly → hm = 1.
    const third = { citations: 1, authors: ['a a', 'b b', 'c c'] };
    expect(hmOf([third, third, third])).toBeCloseTo(1, 10);
    // An unknown author count leaves the work out: only the 4-citation sole-authored paper counts → 1.
    expect(hmOf([{ citations: 9 }, { citations: 4, authors: ['a a'] }])).toBe(1);
  });
});

describe('venueName', () => {
  it('drops volume, issue, pages and arXiv ids, keeps names ending in letters or brackets', () => {
    expect(venueName('IEEE access 6, 53019-53033')).toBe('IEEE access');
    expect(venueName('Physical Review B 99 (5), 054101')).toBe('Physical Review B');
    expect(venueName('Engineering Research Journal (Shoubra) 51 (1), 88-94')).toBe('Engineering Research Journal (Shoubra)');
    expect(venueName('arXiv preprint arXiv:1905.12345')).toBe('arXiv preprint');
    expect(venueName('Nature')).toBe('Nature');
    expect(venueName('  ')).toBe('');
  });
});

describe('METRIC_DEFINITIONS', () => {
  it('defines every metric that computeMetrics returns', () => {
    const keys = Object.keys(m).filter((k) => k !== 'coverage').sort();
    expect(Object.keys(METRIC_DEFINITIONS).sort()).toEqual(keys);
    for (const d of Object.values(METRIC_DEFINITIONS)) {
      expect(d.label).not.toBe('');
      expect(d.definition).not.toBe('');
      expect(d.source).not.toBe('');
    }
  });
});
