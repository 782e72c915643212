// TitlePairFilter (match.ts) drops candidate pairs before they are scored, on
// their titles alone: it must never drop a pair `matchRecords` would give a
// verdict. Checked on every pair of the small real library's records and of
// variants made from its titles for each title rule (a cut title, a note of
// where it appeared, a citation string around it, a word changed or added,
// the same title on two sites), with shared authors and venues so that the
// rules can fire. The whole merge is compared byte for byte by
// bench/merge-identity.ts.
import { describe, expect, it } from 'vitest';
import type { StoredCaptureLike } from '../../src/core/merge/types';
import { buildRecords, type WorkRecord } from '../../src/core/merge/records';
import { matchRecords, TitlePairFilter } from '../../src/core/merge/match';
import { realLibrary } from '../helpers/real-library';

function wordIdsOf(records: WorkRecord[]): (r: WorkRecord) => number[] | undefined {
  const ids = new Map<string, number>();
  const byInfo = new Map<object, number[]>();
  return (r) => {
    if (!r.title) return undefined;
    let l = byInfo.get(r.title);
    if (!l) {
      l = r.title.tokens.map((t) => {
        let id = ids.get(t);
        if (id === undefined) ids.set(t, (id = ids.size));
        return id;
      });
      byInfo.set(r.title, l);
    }
    return l;
  };
}

/** Every pair with a verdict passes the filter; returns how many pairs had one and how many the filter dropped. */
function check(records: WorkRecord[]): { verdicts: number; dropped: number } {
  const filter = new TitlePairFilter(records, wordIdsOf(records));
  let verdicts = 0;
  let dropped = 0;
  const missed: string[] = [];
  for (let a = 0; a < records.length; a++)
    for (let b = a + 1; b < records.length; b++) {
      const v = matchRecords(records[a]!, records[b]!);
      const pass = filter.mayMatch(a, b) && filter.mayMatch(b, a);
      if (v) verdicts++;
      if (!pass) dropped++;
      if (v && !pass) missed.push(`${records[a]!.work.title} | ${records[b]!.work.title}`);
    }
  expect(missed).toEqual([]);
  return { verdicts, dropped };
}

function variants(titles: string[]): StoredCaptureLike[] {
  const authors = ['Jason Ernst', 'Rui Tan', 'A. Turing'];
  const rows = (f: (t: string, i: number) => string) =>
    titles.map((t, i) => ({ title: f(t, i), authors, year: 2020, venue: 'ICISC 2021' }));
  const page = (key: string, works: ReturnType<typeof rows>): StoredCaptureLike => ({
    key,
    capture: { source: 'dblp', pageKind: 'author', url: `https://dblp.org/${key}`, capturedAt: '2026-11-22T10:00:00.000Z', works } as never,
  });
  const words = (t: string) => t.split(' ');
  return [
    page('plain', rows((t) => t)),
    page('upper', rows((t) => t.toUpperCase())),
    page('cut', rows((t) => `${words(t).slice(0, Math.max(4, words(t).length - 2)).join(' ')} …`)),
    page('cut-mid-word', rows((t) => `${t.slice(0, Math.max(12, t.length - 7))}...`)),
    page('noted', rows((t) => `${t} (from ICISC 2021)`)),
    page('citation', rows((t) => `Jason Ernst, and Rui Tan. 2018. ${t}. ICISC 2021 (2018)`)),
    page('word-changed', rows((t, i) => words(t).map((w, j) => (j === words(t).length - 1 ? `${w}x${i}` : w)).join(' '))),
    page('word-added', rows((t) => `${t} revisited`)),
    page('word-repeated', rows((t) => `${t} ${words(t)[0]}`)),
    page('joined', rows((t) => words(t).join('-'))),
  ];
}

describe('TitlePairFilter', () => {
  it('never drops a pair of the real library that matchRecords gives a verdict', () => {
    const records = buildRecords(realLibrary());
    const { verdicts, dropped } = check(records);
    expect(verdicts).toBeGreaterThan(0);
    expect(dropped).toBeGreaterThan(0);
  });

  it('never drops a pair of title variants that matchRecords gives a verdict, for every title rule', () => {
    const titles = [...new Set(buildRecords(realLibrary()).map((r) => r.work.title).filter((t): t is string => !!t && t.split(' ').length >= 4))].slice(0, 40);
    const records = buildRecords(variants(titles));
    const { verdicts } = check(records);
    // Each rule fires somewhere: the same title, the cut one, the noted one, the citation string, the fuzzy one.
    const reasons = new Set<string>();
    for (let a = 0; a < records.length; a++)
      for (let b = a + 1; b < records.length; b++) {
        const v = matchRecords(records[a]!, records[b]!);
        if (v) reasons.add(`${v.reason} ${v.score >= 0.5 && v.score < 0.85 ? 'fuzzy' : v.score}`);
      }
    expect(verdicts).toBeGreaterThan(titles.length);
    expect([...reasons].sort()).toEqual(['title 0.9', 'title 0.97', 'title 1', 'title fuzzy', 'title-prefix 0.95'].sort());
  });
});
