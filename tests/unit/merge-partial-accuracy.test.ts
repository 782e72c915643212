// How merging does on partial records built from real text: the labeled set
// of tests/data/merge-partial/ (README there says how it was built, labeled and
// split). Each split is merged on its own; dev is for tuning, test only for
// measuring. Reports, per split, pairwise precision/recall/F1 of the merged
// works (uncertain pairs not counted), how many hard negatives were merged,
// recall by kind of partial record, and the people outcome: how many people
// each researcher's author pages give, and any person spanning two researchers
// (a false person merge). The figures measured when the set was made are
// asserted as floors, so a change may only improve them.
import { describe, expect, it } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import { buildPartialSplit, checkPartialSpec, pairKey, type PartialSplit, type Split } from '../helpers/merge-partial';

interface Figures {
  records: number;
  goldPairs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  negatives: number;
  negativesMerged: number;
  byKind: Record<string, { found: number; of: number }>;
  researchers: number;
  people: number;
  splitResearchers: string[];
  falsePersonMerges: number;
  namesakes: number;
  namesakesAttributed: number;
  namesakesFlagged: number;
}

function measure(s: PartialSplit): Figures {
  const result = mergeAll(s.captures, []);
  const predicted = new Set<string>();
  const workOfRecord = new Map<string, string>();
  for (const w of result.works) {
    const ids = w.members.map((m) => {
      const id = s.recordAt(m.captureKey, m.index);
      if (!id) throw new Error(`member ${m.captureKey}#${m.index} is no record of the set`);
      workOfRecord.set(id, w.id);
      return id;
    });
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) predicted.add(pairKey(ids[i]!, ids[j]!));
  }
  let tp = 0;
  let fp = 0;
  for (const p of predicted) {
    if (s.uncertain.has(p)) continue;
    if (s.gold.has(p)) tp++;
    else fp++;
  }
  const fn = [...s.gold.keys()].filter((p) => !predicted.has(p)).length;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const byKind: Figures['byKind'] = {};
  for (const [p, kinds] of s.gold)
    for (const k of kinds) {
      const e = (byKind[k] ??= { found: 0, of: 0 });
      e.of++;
      if (predicted.has(p)) e.found++;
    }
  const personOfPage = new Map<string, string>();
  for (const person of result.people) for (const page of person.pages) personOfPage.set(page.captureKey, person.id);
  const researcherOfPage = new Map<string, string>();
  s.people.forEach((r, n) => r.captureKeys.forEach((k) => researcherOfPage.set(k, String(n))));
  let people = 0;
  const splitResearchers: string[] = [];
  for (const r of s.people) {
    const ids = new Set(r.captureKeys.map((k) => personOfPage.get(k) ?? `none:${k}`));
    people += ids.size;
    if (ids.size > 1) splitResearchers.push(r.name);
  }
  const falsePersonMerges = result.people.filter((p) => new Set(p.pages.map((pg) => researcherOfPage.get(pg.captureKey))).size > 1).length;
  const attributed = new Set(result.people.flatMap((p) => p.workIds));
  const flagged = new Set(result.works.filter((w) => w.flags?.length).map((w) => w.id));
  const namesakeWorks = s.namesakes.map((n) => workOfRecord.get(n.record)!);
  return {
    records: s.records.length,
    goldPairs: s.gold.size,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    negatives: s.negatives.size,
    negativesMerged: [...s.negatives].filter((p) => predicted.has(p)).length,
    byKind,
    researchers: s.people.length,
    people,
    splitResearchers,
    falsePersonMerges,
    namesakes: namesakeWorks.length,
    namesakesAttributed: namesakeWorks.filter((w) => attributed.has(w)).length,
    namesakesFlagged: namesakeWorks.filter((w) => flagged.has(w)).length,
  };
}

function line(split: Split, f: Figures): string {
  const kinds = Object.entries(f.byKind)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v.found}/${v.of}`)
    .join(', ');
  return (
    `merge-partial ${split}: ${f.records} records, ${f.goldPairs} gold pairs, tp=${f.tp} fp=${f.fp} fn=${f.fn} ` +
    `precision=${f.precision.toFixed(3)} recall=${f.recall.toFixed(3)} F1=${f.f1.toFixed(3)}; ` +
    `hard negatives merged ${f.negativesMerged}/${f.negatives}; ` +
    `people: ${f.researchers} researchers gave ${f.people} people (split: ${f.splitResearchers.join(', ') || 'none'}), ${f.falsePersonMerges} false person merges; ` +
    `namesake works ${f.namesakes}: ${f.namesakesAttributed} attributed, ${f.namesakesFlagged} flagged; recall by kind: ${kinds}`
  );
}

// Measured when the set was made (see docs/merging.md, "Measured accuracy"),
// rounded down: a change to merging may raise these, never lower them.
// dev: 86 records, 59 gold pairs, tp=33 fp=1 fn=26 (the one false pair is Tezuka's ProvSec 2020
// paper and its IEICE 2021 journal version: same title, one year apart); 1 of 50 hard negatives
// merged (that pair); 4 researchers give 4 people.
// dev grown (2026-12, README "Growing dev"): 214 records, 174 gold pairs, tp=142 fp=0 fn=32; 0 of 325
// hard negatives merged; 5 researchers give 5 people. The new misses are one-sentence snippets on
// mirror pages (fewer than 15 content words: compared by cosine only). With a snippet that is the
// other abstract's opening word for word counted as a preview: tp=162 fp=0 fn=12; test unchanged
// (tp=34 fp=0 fn=11: test has no one-sentence snippet), with the opening bar at 10 words and at 12.
// test: 74 records, 45 gold pairs, tp=20 fp=0 fn=25; 0 of 48 hard negatives merged; 3 researchers
// give 4 people (Alfonso López Ruiz's profile and bibliography stay apart from the aggregator's
// "Alfonso López", the name his papers print: the family names differ).
// December 2026 rules (docs/merging.md, "December 2026"): copies of a published text, ties broken
// by the record's venue, a title noting the other's venue, double family names. dev tp=174 fp=0
// fn=0 (162 → 168 → 172 → 174, one rule at a time); test measured once with all four: tp=35 fp=0
// fn=10, 3 researchers give 3 people.
const FLOORS: Record<Split, { precision: number; recall: number; f1: number; fp: number; negativesMerged: number; people: number; falsePersonMerges: number }> = {
  dev: { precision: 1, recall: 1, f1: 1, fp: 0, negativesMerged: 0, people: 5, falsePersonMerges: 0 },
  test: { precision: 1, recall: 0.777, f1: 0.874, fp: 0, negativesMerged: 0, people: 3, falsePersonMerges: 0 },
};

describe('merging partial records built from real text', () => {
  it('every reference of the spec resolves and every label holds', () => {
    expect(checkPartialSpec()).toEqual([]);
  });

  it('the test split has a case of every kind the set has', () => {
    const kindsIn = (s: PartialSplit) => {
      const k = new Set([...s.gold.values()].flat());
      if (s.negatives.size) k.add('hard-negative');
      if (s.uncertain.size) k.add('uncertain');
      if (s.namesakes.length) k.add('namesake');
      if (s.people.some((p) => p.captureKeys.length > 1)) k.add('person-on-several-pages');
      return k;
    };
    const dev = kindsIn(buildPartialSplit('dev'));
    const test = kindsIn(buildPartialSplit('test'));
    expect([...dev].filter((k) => !test.has(k))).toEqual([]);
    // The only real translated abstract beside its original is on one page: it is in test.
    expect(test.has('translation')).toBe(true);
  });

  for (const split of ['dev', 'test'] as const)
    it(`${split}: reaches the measured figures`, () => {
      const f = measure(buildPartialSplit(split));
      console.log(line(split, f));
      const floor = FLOORS[split];
      expect(f.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(f.recall).toBeGreaterThanOrEqual(floor.recall);
      expect(f.f1).toBeGreaterThanOrEqual(floor.f1);
      expect(f.fp).toBeLessThanOrEqual(floor.fp);
      expect(f.negativesMerged).toBeLessThanOrEqual(floor.negativesMerged);
      expect(f.people).toBeLessThanOrEqual(floor.people);
      expect(f.falsePersonMerges).toBeLessThanOrEqual(floor.falsePersonMerges);
    });
});
