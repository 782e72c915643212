// parseCitation against AnyStyle's hand-labeled reference strings (read in
// place from ../shared/fixtures/reference_strings/): exact-match accuracy of
// title, year, first author's family name, venue, volume and pages, on the dev
// and the held-out test part (split.md). Floors sit a little under what was
// measured when this was written; docs/generic-reader.md has the table.
import { describe, expect, it } from 'vitest';
import { readDataset, splitOf, type LabeledSequence, type SplitPart } from '../../src/readers/citation-parser/dataset';
import { measure, pct, scoreTable, type ScoredField, type Scores } from '../../src/readers/citation-parser/evaluate';
import { labelTokens } from '../../src/readers/citation-parser/index';
import { fixtureText } from '../helpers/fixtures';

const FILES = ['core', 'good', 'bad', 'ugly'] as const;
const seqs: Record<string, LabeledSequence[]> = Object.fromEntries(FILES.map((f) => [f, readDataset(fixtureText(`reference_strings/anystyle_${f}.xml`))]));
const part = (p: SplitPart, files: readonly string[] = FILES): LabeledSequence[] => files.flatMap((f) => seqs[f]!.filter((s) => splitOf(s.text) === p));

// Measured when written (dev / test, all four files); floors about one point under.
const FLOORS: Record<SplitPart, Partial<Record<ScoredField, number>>> = {
  train: {},
  dev: { title: 81.9, year: 97.8, 'first author': 96.6, venue: 73.8, volume: 87.1, pages: 94.7 },
  test: { title: 80.7, year: 97.6, 'first author': 96.6, venue: 72.8, volume: 85.5, pages: 94.9 },
};

describe('citation-string parser on AnyStyle\'s labeled strings', () => {
  const results: Record<string, Scores> = {};
  for (const p of ['dev', 'test'] as const) {
    it(`${p}: the split has the counts of split.md`, () => {
      expect(part(p).length).toBe(p === 'dev' ? 1003 : 2114);
    });
    it(`${p}: accuracy per field stays above its floor`, () => {
      const all = measure(part(p));
      results[p] = all;
      for (const f of FILES) results[`${p} ${f}`] = measure(part(p, [f]));
      for (const [field, floor] of Object.entries(FLOORS[p])) expect(pct(all[field as ScoredField]), field).toBeGreaterThanOrEqual(floor!);
    });
  }
  it('dev: every labelling has one title span at most (round 7: 39 of the 1 003 dev strings had two or more before)', () => {
    const runs = (labels: string[]): number => labels.filter((l, i) => l === 'title' && labels[i - 1] !== 'title').length;
    const over = part('dev').filter((s) => runs(labelTokens(s.text).labels) > 1);
    expect(over.length).toBe(0);
  });
  it('prints the table', () => {
    console.log(scoreTable(results));
  });
});
