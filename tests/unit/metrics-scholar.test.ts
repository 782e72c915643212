import { describe, expect, it } from 'vitest';
import { compareStated, computeMetrics, type MetricWork } from '../../src/core/metrics';
import { fixtureDoc } from '../helpers/fixtures';

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
