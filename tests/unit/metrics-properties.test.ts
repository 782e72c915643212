import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics, type MetricWork } from '../../src/core/metrics';

// Relations that hold for any input by the definitions themselves
// (h ≤ g ≤ papers, acc10 = i10, hc uses only dated works, …).
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
        expect(m.hIndex).toBeLessThanOrEqual(m.papers);
        expect(m.gIndex).toBeGreaterThanOrEqual(m.hIndex);
        expect(m.gIndex).toBeLessThanOrEqual(m.papers);
        expect(m.acc10).toBe(m.i10Index);
        expect(m.acc1).toBeGreaterThanOrEqual(m.acc2);
        expect(m.eIndex).toBeGreaterThanOrEqual(0);
        expect(m.hINorm).toBeLessThanOrEqual(m.hIndex);
        expect(m.awcrpa).toBeLessThanOrEqual(m.awcr + 1e-9);
        expect(m.firstAuthor).toBeLessThanOrEqual(m.papers);
        expect(m.soleAuthor).toBeLessThanOrEqual(m.firstAuthor!);
        expect(JSON.parse(JSON.stringify(m))).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });
});
