import { describe, expect, it } from 'vitest';
import { compareStated, computeMetrics, type MetricWork } from '../../src/core/metrics';
import { googleScholar } from '../../src/sites/google-scholar';
import { capturePage } from '../../src/adapters/run';
import { FIXED_NOW, fixtureDoc } from '../helpers/fixtures';

// Recomputes h and i10 from the per-row citation counts of real Google
// Scholar profile pages and checks them against the figures the same page
// states in its "Cited by" table. Rows are read here with querySelector (not
// through the Scholar adapter) so this test depends only on the saved page.
//
// Stated figures were read by hand from each page's <td class="gsc_rsb_std">
// cells (All column); row counts were read by hand from the
// <a class="gsc_a_ac"> cells (grep) and summed/ranked independently:
//   ernst:     58 rows, 46 with a count, sum 1083; sorted counts rank 14 = 15, rank 15 = 13 → h 14; 17 counts ≥ 10
//   newton:    100 rows (of more), sum 12469 (< stated 13038: list is the top 100); rank 45 ≥ 45 → h 45; 99 counts ≥ 10, last is 9
//   cherukuri: 20 rows, 131 81 33 30 27 18 14 13 13 13 12 9 8 7 5 3 3 3 1 1 → sum 425, h 11 (12 ≥ 11, 9 < 12), i10 11
//   elmatary:  12 rows, 25 15 6 4 3 2 1 and five empty → sum 56, h 4 (4 ≥ 4, 3 < 5), i10 2
function rowWorks(file: string): MetricWork[] {
  const doc = fixtureDoc(`google_scholar/${file}`);
  return [...doc.querySelectorAll('.gsc_a_ac')].map((a) => {
    const text = (a.textContent ?? '').trim();
    return /^\d+$/.test(text) ? { citations: Number(text) } : {};
  });
}

const cases = [
  { file: 'profile_SbUmSEAAAAAJ_ernst_all58.html', rows: 58, sum: 1083, stated: { citations: 1083, hIndex: 14, i10Index: 17 }, complete: true },
  { file: 'profile_newton_2015.html', rows: 100, sum: 12469, stated: { citations: 13038, hIndex: 45, i10Index: 99 }, complete: false },
  { file: 'profile_amIMrIEAAAAJ_cherukuri.html', rows: 20, sum: 425, stated: { citations: 425, hIndex: 11, i10Index: 11 }, complete: false },
  { file: 'profile_LZ5D_p4AAAAJ_elmatary_ar.html', rows: 12, sum: 56, stated: { citations: 56, hIndex: 4, i10Index: 2 }, complete: true },
] as const;

describe('h and i10 recomputed from real Google Scholar profiles', () => {
  for (const c of cases) {
    it(`${c.file}: matches the page's own h and i10`, () => {
      const works = rowWorks(c.file);
      expect(works).toHaveLength(c.rows);
      const m = computeMetrics(works, { currentYear: 2026 });
      expect(m.citations).toBe(c.sum);
      expect(m.hIndex).toBe(c.stated.hIndex);
      expect(m.i10Index).toBe(c.stated.i10Index);
    });
  }

  it('compares honestly where the list is cut (newton: top 100 rows only)', () => {
    const c = cases[1];
    const m = computeMetrics(rowWorks(c.file), { currentYear: 2015 });
    const rows = compareStated(c.stated, m, { siteName: 'Google Scholar', worksListed: 100, listTruncated: true });
    expect(rows).toEqual([
      {
        metric: 'citations',
        stated: 13038,
        computed: 12469,
        agrees: false,
        reason: 'Google Scholar lists only the first 100 works on this page; it has more',
      },
      { metric: 'hIndex', stated: 45, computed: 45, agrees: true },
      { metric: 'i10Index', stated: 99, computed: 99, agrees: true },
    ]);
  });

  it('all figures agree on a complete list (ernst, all 58 rows)', () => {
    const c = cases[0];
    const m = computeMetrics(rowWorks(c.file), { currentYear: 2024 });
    const rows = compareStated(c.stated, m, { siteName: 'Google Scholar', worksListed: 58, listTruncated: false });
    expect(rows.every((r) => r.agrees)).toBe(true);
    expect(rows.map((r) => r.metric)).toEqual(['citations', 'hIndex', 'i10Index']);
  });
});

// The whole pipeline on a real profile: the Scholar adapter reads the page,
// its works go through computeMetrics. Expected values were worked out by hand
// from the page's 12 rows (read with grep from the gsc_a_tr rows):
//   cites  year  authors                                        venue (as shown)
//   25     2022  EM Abd Allah, DE El-Matary, EM Eid, AST El Dien  Journal of Computer and Communications 10 (2), 1-18
//   15     2011  EAAA Hagras, D El-Saied, HH Aly                   2011 28th National Radio Science Conference (NRSC), 1-9
//    6     2011  EA Hagras, D El-Saied, HH Aly                     International Journal of Computer Science and Technology 2 (2), 19-23
//    4     2018  DEE Matary, EA Hagras, HM Abdel-Kader             Journal of Computer and Communications 6 (03), 102-117
//    3     2017  DEE Matary, EAA Hagras, HM Abdel-Kader            American Journal of Electrical and Electronic Engineering 5 (4), 136-143
//    2     2011  EAAA Hagras                                       International Journal of Computer Science and Technology 2 (2), 19-23
//    1     2013  DE El-Matary, EAA Hagras, HM Abdel-Kader          (none)
//    -     2023  DE Elmatary                                       Journal of Computer and Communications, 120-134
//    -     2022  E M AbdAllah, D E El Matary                       Engineering Research Journal (Shoubra) 51 (1), 88-94
//    -     2018  DE El Matary, EAA Hagras, HM Abdel-Kader          2018 35th National Radio Science Conference (NRSC), 283-292
//    -     2013  HMAK Doaa E.El-Matary, Esam A.A. Hagras           International Journal of Scientific & Engineering Research
//    -     -     DEE Matary, EAA Hagras, HM Abdel-Kader            (none)
describe('metrics of a real profile read by the Google Scholar adapter (elmatary)', () => {
  const capture = capturePage(
    googleScholar,
    fixtureDoc('google_scholar/profile_LZ5D_p4AAAAJ_elmatary_ar.html'),
    new URL('https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar'),
    { now: FIXED_NOW },
  );
  const works: MetricWork[] = (capture.works ?? []).map((w) => ({
    ...(w.citations !== undefined && { citations: w.citations }),
    ...(w.year !== undefined && { year: w.year }),
    ...(w.authors && { authors: w.authors }),
    ...(w.authorsTruncated && { authorsTruncated: true }),
    ...(w.venue && { venue: w.venue }),
  }));
  // The profile's owner is "Doaa Elmatary" (gsc_prf_in); the rows spell her in several ways.
  const person = { name: 'Doaa Elmatary', variants: ['DE El-Matary', 'DEE Matary', 'D El-Saied'] };
  const m = computeMetrics(works, { currentYear: 2026, person });

  it('agrees with every figure the page states', () => {
    const rows = compareStated(capture.person?.metrics ?? {}, m, { siteName: 'Google Scholar', worksListed: works.length, listTruncated: false });
    expect(rows.map((r) => [r.metric, r.stated, r.agrees])).toEqual([
      ['citations', 56, true],
      ['hIndex', 4, true],
      ['i10Index', 2, true],
    ]);
  });

  it('computes the rest as worked by hand', () => {
    expect(m.papers).toBe(12);
    expect(m.years).toBe(16); // 2026 − 2011 + 1
    // cumulative 25,40,46,50,53,55,56,56 vs 1,4,9,16,25,36,49,64 → g = 7
    expect(m.gIndex).toBe(7);
    expect(m.eIndex).toBeCloseTo(Math.sqrt(25 + 15 + 6 + 4 - 16), 10);
    // 4·C/age: 4·25/5 = 20, 4·15/16 = 3.75, 4·4/9 ≈ 1.78, … → rank 3 fails → hc = 2
    expect(m.hcIndex).toBe(2);
    expect(m.hI).toBeCloseTo(16 / 13, 10); // h-core authors 4+3+3+3
    // C/authors: 6.25, 5, 2, 1.33, 1, 2, 0.33 → rank 3 has 2 < 3 → 2
    expect(m.hINorm).toBe(2);
    expect(m.awcr).toBeCloseTo(25 / 5 + 15 / 16 + 6 / 16 + 4 / 9 + 3 / 10 + 2 / 16 + 1 / 14, 10);
    expect(m.coverage.worksWithoutYear).toBe(1);
    expect(m.coverage.worksWithoutCitations).toBe(5);
    // Annual rates C/age: 25/5 = 5, 15/16 ≈ 0.94, 6/16 ≈ 0.38, 4/9 ≈ 0.44, 3/10 = 0.3, 2/16, 1/14 (the rest 0).
    // Only the 2022 paper reaches 1 a year, and it reaches 5 exactly → ACC1 = ACC2 = ACC5 = 1, ACC10 = 0;
    // hA: sorted 5, 0.94 → rank 2 fails → 1. The i10-index (10 in total) is 2: the 15 of 2011 is old.
    expect([m.acc1, m.acc2, m.acc5, m.acc10, m.acc20, m.hAIndex, m.i10Index]).toEqual([1, 1, 1, 0, 0, 1, 2]);
    expect(m.hirschA).toBeCloseTo(56 / 16, 10); // 56 citations ÷ h² (h = 4)
  });

  it('finds her author positions under the spellings given, and not under a garbled one', () => {
    // First: DEE Matary ×3 rows, DE El-Matary (2013), DE Elmatary (sole, 2023), DE El Matary (2018) = 6.
    // Last: "D E El Matary" after E M AbdAllah (2022) = 1. The 2013 "HMAK Doaa E.El-Matary" keys as
    // "el-matary h" (Scholar merged a co-author's initials into her name), so it is not matched.
    expect([m.firstAuthor, m.lastAuthor, m.soleAuthor]).toEqual([6, 1, 1]);
  });

  it('ranks co-authors by shared works', () => {
    // Hagras is written EAAA (2 rows), EA (2), EAA (4), "Esam A.A." (1): one key, 9 works, EAA shown.
    // Ties at 1 are in key order.
    expect(m.coAuthors.map((c) => [c.name, c.sharedWorks])).toEqual([
      ['EAA Hagras', 9],
      ['HM Abdel-Kader', 5],
      ['HH Aly', 2],
      ['E M AbdAllah', 1], // abdallah e
      ['EM Abd Allah', 1], // allah e
      ['AST El Dien', 1], // dien a
      ['EM Eid', 1], // eid e
      ['HMAK Doaa E.El-Matary', 1], // el-matary h
    ]);
  });

  it('ranks venues with volume and pages dropped', () => {
    expect(m.venues).toEqual([
      { venue: 'Journal of Computer and Communications', works: 3 },
      { venue: 'International Journal of Computer Science and Technology', works: 2 },
      { venue: '2011 28th National Radio Science Conference (NRSC)', works: 1 },
      { venue: '2018 35th National Radio Science Conference (NRSC)', works: 1 },
      { venue: 'American Journal of Electrical and Electronic Engineering', works: 1 },
      { venue: 'Engineering Research Journal (Shoubra)', works: 1 },
      { venue: 'International Journal of Scientific & Engineering Research', works: 1 },
    ]);
  });
});
