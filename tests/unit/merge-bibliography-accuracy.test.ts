// Pairwise precision/recall of work merging, and the people made, on seven
// real researchers' Scholar lists beside their own bibliographies (hand
// labels and dev/test split in tests/data/merge-bibliography/, README there).
// The dev figures are for improving the merge; the test figures are looked at,
// not tuned on.
import { describe, expect, it } from 'vitest';
import { mergeAll, type MergeResult } from '../../src/core/merge';
import { validateCapture } from '../../src/core/validate';
import { labelsOf, researcherInput, sourceIds, splitOf, type ResearcherInput } from '../helpers/merge-bibliography';

const split = splitOf();
const folders = [...split.dev, ...split.test];
const inputs = new Map<string, ResearcherInput>(folders.map((f) => [f, researcherInput(labelsOf(f))]));

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
function addPairs(out: Set<string>, ids: string[]): void {
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(pairKey(ids[i]!, ids[j]!));
}
/** A record's id across researchers: the folder, then the label id (`scholar:…`, `bib:…`, `md:…`). */
const rid = (folder: string, id: string) => `${folder}|${id}`;

interface Figures {
  tp: number;
  fp: number;
  fn: number;
  /** Predicted pairs joining records of two researchers (counted in fp too). */
  cross: number;
  precision: number;
  recall: number;
  f1: number;
  /** Labeled entries the import left out (their gold pairs are missed). */
  lost: number;
  /** Researchers whose pages all ended up in one person. */
  onePerson: number;
  /** People holding pages of two researchers. */
  mixedPeople: number;
  /** notTheirs entries whose work the researcher's person holds. */
  notTheirsAttributed: number;
  notTheirs: number;
}

function measure(names: string[]): { figures: Figures; result: MergeResult } {
  const ins = names.map((n) => inputs.get(n)!);
  const folderOfCapture = new Map(ins.flatMap((i) => i.captures.map((c) => [c.key, i.labels.folder] as const)));
  const result = mergeAll(ins.flatMap((i) => i.captures));

  const predicted = new Set<string>();
  const workOf = new Map<string, string>();
  for (const w of result.works) {
    const ids = w.members.map((m) => rid(folderOfCapture.get(m.captureKey)!, m.ref!));
    ids.forEach((id) => workOf.set(id, w.id));
    addPairs(predicted, ids);
  }
  const gold = new Set<string>();
  const skip = new Set<string>();
  let lost = 0;
  for (const { labels } of ins) {
    for (const g of labels.groups) addPairs(gold, g.members.map((m) => rid(labels.folder, m.id)));
    for (const u of labels.uncertain) skip.add(pairKey(rid(labels.folder, u.pair[0]), rid(labels.folder, u.pair[1])));
    // Whether the template's entries are one work among themselves is not this set's question.
    addPairs(skip, labels.notTheirs.map((m) => rid(labels.folder, m.id)));
    const all = [...labels.groups.flatMap((g) => g.members), ...labels.notTheirs];
    lost += all.filter((m) => !workOf.has(rid(labels.folder, m.id))).length;
  }
  let tp = 0;
  let fp = 0;
  let cross = 0;
  for (const p of predicted) {
    if (skip.has(p)) continue;
    if (gold.has(p)) tp++;
    else {
      fp++;
      const [a, b] = p.split(' ');
      if (a!.split('|')[0] !== b!.split('|')[0]) cross++;
    }
  }
  const fn = [...gold].filter((p) => !predicted.has(p)).length;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  const foldersOfPerson = result.people.map((p) => new Set(p.pages.map((pg) => folderOfCapture.get(pg.captureKey)!)));
  const mixedPeople = foldersOfPerson.filter((s) => s.size > 1).length;
  let onePerson = 0;
  let notTheirsAttributed = 0;
  let notTheirs = 0;
  for (const { labels, captures } of ins) {
    const people = result.people.filter((p) => p.pages.some((pg) => folderOfCapture.get(pg.captureKey) === labels.folder));
    const pagesSeen = people.flatMap((p) => p.pages).filter((pg) => folderOfCapture.get(pg.captureKey) === labels.folder).length;
    if (people.length === 1 && pagesSeen === captures.length) onePerson++;
    const held = new Set(people.flatMap((p) => p.workIds));
    for (const m of labels.notTheirs) {
      notTheirs++;
      const w = workOf.get(rid(labels.folder, m.id));
      if (w && held.has(w)) notTheirsAttributed++;
    }
  }
  return { figures: { tp, fp, fn, cross, precision, recall, f1, lost, onePerson, mixedPeople, notTheirsAttributed, notTheirs }, result };
}

const line = (name: string, n: number, f: Figures) =>
  `merge-bibliography ${name} (${n} researchers): tp=${f.tp} fp=${f.fp} (cross-researcher ${f.cross}) fn=${f.fn} ` +
  `precision=${f.precision.toFixed(3)} recall=${f.recall.toFixed(3)} F1=${f.f1.toFixed(3)}; entries lost on import ${f.lost}; ` +
  `one person ${f.onePerson}/${n}, people mixing researchers ${f.mixedPeople}; notTheirs attributed ${f.notTheirsAttributed}/${f.notTheirs}`;

describe('bibliography merge accuracy on seven real researchers', () => {
  it('splits the seven researchers once each', () => {
    expect(new Set(folders).size).toBe(folders.length);
    expect(folders).toHaveLength(7);
  });

  it('labels every entry of the source files, and only those', () => {
    for (const f of folders) {
      const { labels } = inputs.get(f)!;
      const source = sourceIds(labels);
      const labeled = [...labels.groups.flatMap((g) => g.members.map((m) => m.id)), ...labels.notTheirs.map((m) => m.id)];
      expect(new Set(source).size, `${f}: a repeated id in the source`).toBe(source.length);
      expect(new Set(labeled).size, `${f}: an entry labeled twice`).toBe(labeled.length);
      expect([...labeled].sort(), f).toEqual([...source].sort());
      for (const u of labels.uncertain) for (const id of u.pair) expect(source, `${f}: uncertain ${id}`).toContain(id);
      const scholar = source.filter((id) => id.startsWith('scholar:')).length;
      expect({ scholar, other: source.length - scholar }, f).toEqual(labels.counts);
    }
  });

  it('builds valid captures whose records carry their label ids', () => {
    for (const f of folders) {
      const { captures, labels } = inputs.get(f)!;
      for (const c of captures) {
        const check = validateCapture(c.capture);
        expect(check.ok, `${c.key}: ${check.ok ? '' : check.errors.join('; ')}`).toBe(true);
        expect(c.capture.works?.every((w) => w.ref), c.key).toBe(true);
      }
      const refs = captures.flatMap((c) => c.capture.works!.map((w) => w.ref!));
      expect(new Set(refs).size, f).toBe(refs.length);
      expect(sourceIds(labels)).toEqual(expect.arrayContaining(refs));
    }
  });

  it('every bibliography is imported whole', () => {
    // Findings of the import, by key: none today (a skipped entry would show up here and as "lost").
    const skipped = folders.flatMap((f) => inputs.get(f)!.problems.filter((p) => p.skipped).map((p) => `${f}: ${p.key} (line ${p.line}) ${p.message}`));
    expect(skipped).toEqual([]);
  });

  // Floors: the figures measured when the set was made, rounded down (dev tp=54 fp=0 fn=4;
  // test tp=55 fp=0 fn=4; every researcher one person; the template's 7 Einstein entries are
  // attributed to Massimo La Morgia). Raise them (lower notTheirsAttributed) as the merge improves.
  const floors = {
    dev: { precision: 1, recall: 0.965, f1: 0.982, onePerson: 4, notTheirsAttributed: 0 },
    test: { precision: 1, recall: 0.966, f1: 0.982, onePerson: 3, notTheirsAttributed: 7 },
  };

  for (const name of ['dev', 'test'] as const) {
    it(`${name}: pairwise precision, recall and F1, and one person per researcher`, () => {
      const names = split[name];
      const { figures: f } = measure(names);
      console.log(line(name, names.length, f));
      const floor = floors[name];
      expect(f.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(f.recall).toBeGreaterThanOrEqual(floor.recall);
      expect(f.f1).toBeGreaterThanOrEqual(floor.f1);
      expect(f.cross).toBe(0);
      expect(f.mixedPeople).toBe(0);
      expect(f.onePerson).toBeGreaterThanOrEqual(floor.onePerson);
      expect(f.notTheirsAttributed).toBeLessThanOrEqual(floor.notTheirsAttributed);
    });
  }

  it('no person spans two researchers when all seven are merged together', () => {
    const { figures: f } = measure(folders);
    console.log(line('all', folders.length, f));
    expect(f.mixedPeople).toBe(0);
    expect(f.cross).toBe(0);
  });
});
