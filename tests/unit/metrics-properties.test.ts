import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics, type MetricWork } from '../../src/core/metrics';

// Relations that hold for any input by the definitions themselves
// (h ≤ g ≤ papers, hm ≤ h, hA ≤ hc, ACC levels nested, …).
const work: fc.Arbitrary<MetricWork> = fc.record(
  {
    citations: fc.integer({ min: 0, max: 500 }),
    year: fc.integer({ min: 1950, max: 2030 }),
    authors: fc.array(fc.constantFrom('Ada Person', 'B. Other', 'Cy Third', 'Smith, J.'), { maxLength: 5 }),
    authorsTruncated: fc.boolean(),
    venue: fc.constantFrom('Nature', 'Science 5, 1-2', ''),
  },
  { requiredKeys: [] },
);

describe('metric invariants', () => {
  it('hold on random inputs', () => {
    fc.assert(
      fc.property(fc.array(work, { maxLength: 40 }), (works) => {
        const m = computeMetrics(works, { currentYear: 2025, person: { name: 'Ada Person' } });
        if (works.length > 0 && works.every((w) => w.citations === undefined)) {
          // Unknown, never 0.
          expect([m.citations, m.hIndex, m.acc1, m.hmIndex, m.hAIndex]).toEqual([null, null, null, null, null]);
        } else {
          const n = (v: number | null) => v ?? Number.NaN;
          expect(n(m.hIndex)).toBeLessThanOrEqual(m.papers);
          expect(n(m.gIndex)).toBeGreaterThanOrEqual(n(m.hIndex));
          expect(n(m.gIndex)).toBeLessThanOrEqual(m.papers);
          expect(n(m.hmIndex)).toBeLessThanOrEqual(n(m.hIndex) + 1e-9);
          expect(n(m.hAIndex)).toBeLessThanOrEqual(n(m.hcIndex)); // hc's scores are 4× the annual rates
          const acc = [m.acc1, m.acc2, m.acc5, m.acc10, m.acc20].map(n);
          for (let i = 1; i < acc.length; i++) expect(acc[i - 1]).toBeGreaterThanOrEqual(acc[i]!);
          expect(n(m.acc10)).toBeLessThanOrEqual(n(m.i10Index)); // 10 a year for at least a year is 10 in total
          expect(n(m.eIndex)).toBeGreaterThanOrEqual(0);
          expect(n(m.hINorm)).toBeLessThanOrEqual(n(m.hIndex));
          expect(n(m.awcrpa)).toBeLessThanOrEqual(n(m.awcr) + 1e-9);
        }
        expect(m.firstAuthor).toBeLessThanOrEqual(m.papers);
        expect(m.soleAuthor).toBeLessThanOrEqual(m.firstAuthor!);
        expect(JSON.parse(JSON.stringify(m))).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });
});
