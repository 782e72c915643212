// validateCapture checks each work with workOk first (no message built) and
// only a work it refuses with the checks that say what is wrong: the two must
// give the same answer for every work, or a bad work could be stored (or a
// good one refused with no message). Held to that on real works and seeded
// damage of each field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCapture, workErrors, workOk } from '../../src/core/validate';
import type { Capture } from '../../src/core/capture';
import type { CaptureRecord } from '../../src/store/store';
import { dataPath } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';
import { rng } from '../helpers/prng';

const dump = JSON.parse(readFileSync(dataPath('store/v2.json'), 'utf8')) as DatabaseDump;
const RECORDS = dump.stores.find((s) => s.name === 'captures')!.records.map((r) => r.value as CaptureRecord);
const host = RECORDS.find((r) => r.capture.pageKind === 'list') ?? RECORDS.find((r) => r.capture.pageKind === 'author')!;
const WORKS = RECORDS.flatMap((r) => r.capture.works ?? []);

const FIELDS = ['title', 'authors', 'authorsTruncated', 'year', 'date', 'venue', 'publisher', 'abstract', 'citations', 'ids', 'url', 'ref', 'flags', 'type', 'other'];
const VALUES: unknown[] = [
  undefined, null, '', ' ', 'x', 'x'.repeat(100_001), 0, -0, -1, 1.5, 2019, NaN, Infinity, true, false, [], [''], ['a', 'b'], ['a', 3], {}, { doi: '10.1/x' },
  { doi: '10.1/X' }, { doi: 'https://doi.org/10.1/x' }, { arxiv: '2004.10162' }, { arxiv: '2004.10162v2' }, { arxiv: 'arXiv:2004.10162' }, { orcid: '0000-0000-0000-000X' },
  ['x'.repeat(100_001)], { isbn: '1' }, { dblp: '' }, { dblp: 5 }, { s2: 'y'.repeat(1001) }, 'article', 'preprint', 'poster', [1, 2],
];

describe('workOk says what the checks with messages say', () => {
  it('every real work of the stored fixture passes both', () => {
    expect(WORKS.length).toBeGreaterThan(50);
    for (const w of WORKS) {
      expect(workOk(w)).toBe(true);
      expect(workErrors(w)).toEqual([]);
    }
    // …and a capture of them all is valid.
    expect(validateCapture({ ...host.capture, pageKind: 'list', works: WORKS } as unknown as Capture).ok).toBe(true);
  });

  it('the same answer for every field of real works set to each odd value', () => {
    for (const base of WORKS.slice(0, 40))
      for (const f of FIELDS)
        for (const v of VALUES) {
          const w: Record<string, unknown> = { ...base };
          if (v === undefined) delete w[f];
          else w[f] = v;
          expect(workOk(w), `${f}: ${JSON.stringify(v)?.slice(0, 40)}`).toBe(workErrors(w).length === 0);
        }
  });

  it('the same answer for 4000 works with one to three fields damaged', () => {
    const r = rng(16);
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      const w: Record<string, unknown> = { ...r.pick(WORKS) };
      for (let k = 1 + r.int(3); k > 0; k--) {
        const f = r.pick(FIELDS);
        const v = r.pick(VALUES);
        if (v === undefined) delete w[f];
        else w[f] = v;
      }
      const errors = workErrors(w);
      expect(workOk(w), JSON.stringify(w).slice(0, 300)).toBe(errors.length === 0);
      if (errors.length) refused++;
    }
    // Both sides of the answer were tried.
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(3900);
  });

  it('what is not an object is refused by both', () => {
    for (const w of [null, undefined, 3, 'w', [], [{ title: 'x' }]]) {
      expect(workOk(w)).toBe(false);
      expect(workErrors(w).length).toBeGreaterThan(0);
    }
  });

  it('a capture holding a damaged work is refused with that work\'s messages', () => {
    const r = rng(17);
    for (let i = 0; i < 300; i++) {
      const bad: Record<string, unknown> = { ...r.pick(WORKS), [r.pick(FIELDS.slice(0, -1))]: r.pick(VALUES.filter((v) => v !== undefined)) };
      const errors = workErrors(bad);
      const check = validateCapture({ ...host.capture, pageKind: 'list', works: [WORKS[0], bad] } as unknown as Capture);
      expect(check.ok ? [] : check.errors).toEqual(errors.map((e) => e.replace(/^works\[0\]/, 'works[1]')));
    }
  });

  it('a bad work is still named in the errors, after the good ones before it', () => {
    const good = WORKS[0]!;
    const check = validateCapture({ ...host.capture, pageKind: 'list', works: [good, good, { ...good, year: -3, ids: { doi: 'https://doi.org/10.1/X' } }] } as unknown as Capture);
    expect(check).toEqual({ ok: false, errors: ['works[2].year: expected a non-negative number', 'works[2].ids.doi: DOI must be lower-case, without a resolver prefix'] });
  });
});
