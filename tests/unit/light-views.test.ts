// The kept views are stored light (issue 16): each work without its field
// provenance, which is recomputed from the work's captures where it is used.
// What is shown and exported must not change: the provenance recomputed equals
// the merge's, exports made from light works are byte for byte those made from
// the merge, and a capture read again since a view was built gives no
// provenance rather than another capture's values.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptViews, libraryOf, storedView } from '../../src/core/kept-views';
import type { Capture } from '../../src/core/capture';
import type { MergedWork } from '../../src/core/merge/types';
import { hasProvenance, lightWork, provenanceKeys, provenanceOf, withProvenance } from '../../src/core/provenance';
import { concernedCaptures, provisionalViews, subsetRecords } from '../../src/core/provisional-views';
import { viewKeysOf } from '../../src/core/view-keys';
import { exportAs } from '../../src/formats';
import { libraryTables } from '../../src/formats/library-tables';
import { openStore, type CaptureRecord, type DecisionRecord } from '../../src/store/store';
import { allViews, capturesOf, replaceViews, viewForKey } from '../../src/store/views';
import { provenanceFromRecords, provenanceFromStore, PROVENANCE_BEHIND, onlyWhole, reloadingWhenBehind } from '../../src/ui/components/provenance';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { mergeAll } from '../../src/core/merge';
import { dataPath, FIXED_NOW } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';
import { realLibrary } from '../helpers/real-library';

// Records the store code wrote from real pages (tests/helpers/make-store-fixture.ts): Ernst's
// Scholar profile (captured twice), the arXiv page of one of his papers, Rui Tan's DBLP and ORCID records.
const dump = JSON.parse(readFileSync(dataPath('store/v2.json'), 'utf8')) as DatabaseDump;
const RECORDS = dump.stores.find((s) => s.name === 'captures')!.records.map((r) => r.value as CaptureRecord);
const DECISIONS = dump.stores.find((s) => s.name === 'decisions')!.records.map((r) => r.value as DecisionRecord);
const ERNST = 'google-scholar:user=SbUmSEAAAAAJ';
const captureOf = (records: readonly { key: string; capture: Capture }[]) => {
  const m = new Map(records.map((r) => [r.key, r.capture]));
  return (k: string) => m.get(k);
};
// More real pages: two more Scholar profiles (one in Arabic), a Scholar paper page, Semantic Scholar.
const REAL = realLibrary();

let n = 0;
const freshDb = () => openStore(`light-views-${++n}`);

describe('a light view', () => {
  const result = mergeRecords(RECORDS, DECISIONS);
  const built = keptViews(result, RECORDS);

  it('keeps everything of a work but its provenance, and nothing else changes', () => {
    for (const v of built) {
      const light = storedView(v);
      expect(light.id).toBe(v.id);
      expect(light.keys).toEqual(v.keys);
      expect(light.slice.people).toEqual(v.slice.people);
      expect(light.notes).toEqual(v.notes);
      light.slice.works.forEach((w, i) => {
        expect(w).not.toHaveProperty('fields');
        const { fields: _f, ...rest } = v.slice.works[i]!;
        expect(w).toEqual(rest);
      });
    }
    // The view just built is left whole (its keys records are made from it).
    for (const v of built) for (const w of v.slice.works) expect(hasProvenance(w)).toBe(true);
  });

  it('is a fraction of the whole view', () => {
    const size = (x: unknown) => JSON.stringify(x).length;
    const whole = built.reduce((s, v) => s + size(v), 0);
    const light = built.reduce((s, v) => s + size(storedView(v)), 0);
    expect(light).toBeLessThan(whole * 0.6);
  });
});

describe('provenance recomputed from the captures', () => {
  for (const [label, records] of [
    ['the stored fixture library, with a decision', RECORDS],
    ['every real page of the test library', REAL],
  ] as const) {
    it(`equals the merge's, work by work: ${label}`, () => {
      const result = label.startsWith('the stored') ? mergeRecords(RECORDS, DECISIONS) : mergeAll([...records]);
      const of = captureOf(records);
      for (const w of result.works) {
        expect(provenanceOf(lightWork(w), of), w.id).toEqual(w.fields);
      }
      // Whole works again, in the merge's key order too: the same JSON.
      const again = withProvenance(result.works.map(lightWork), of)!;
      expect(JSON.stringify(again)).toBe(JSON.stringify(result.works));
    });
  }

  it('needs only the captures of the works concerned', () => {
    const result = mergeRecords(RECORDS, []);
    const ernstWorks = keptViews(result, RECORDS).find((v) => v.keys.includes(ERNST))!.slice.works.map(lightWork);
    const keys = provenanceKeys(ernstWorks);
    expect(keys).toContain(ERNST);
    // Works that carry their provenance need nothing read.
    expect(provenanceKeys(result.works)).toEqual([]);
    const only = RECORDS.filter((r) => keys.includes(r.key));
    expect(withProvenance(ernstWorks, captureOf(only))).toEqual(ernstWorks.map((w) => result.works.find((x) => x.id === w.id)));
  });

  it('a capture read again since the view was built, or gone, gives none', () => {
    const result = mergeRecords(RECORDS, []);
    const w = result.works.find((x) => x.members.some((m) => m.captureKey === ERNST))!;
    const later = RECORDS.map((r) => (r.key === ERNST ? { ...r, capture: { ...r.capture, capturedAt: '2026-12-24T08:00:00.000Z' } } : r));
    expect(provenanceOf(lightWork(w), captureOf(later))).toBeUndefined();
    expect(provenanceOf(lightWork(w), captureOf(RECORDS.filter((r) => r.key !== ERNST)))).toBeUndefined();
    expect(withProvenance([lightWork(w)], captureOf(later))).toBeUndefined();
  });

  it('of a provisional view, whose rows were renumbered in the subset, from the stored captures', () => {
    // Synthetic: two pages, the second sharing two of the first's works, so the first is read in part.
    const page = (key: string, name: string, titles: string[], at: string): CaptureRecord => {
      const capture: Capture = {
        format: 'scholar-lens.capture',
        version: 1,
        source: 'google-scholar',
        pageKind: 'author',
        url: `https://example.org/${key}`,
        capturedAt: at,
        person: { name },
        works: titles.map((title, i) => ({ title, authors: [name, 'Some Coauthor'], year: 2015, citations: i * 3 })),
      };
      return { key, source: 'google-scholar', pageKind: 'author', url: capture.url, firstSeen: at, lastSeen: at, timesSeen: 1, personIds: [], capture };
    };
    const titles = ['one', 'two', 'three', 'four', 'five', 'six'].map((t) => `A study of widget number ${t} in practice`);
    const alice = page('site:alice', 'Jane Doe', titles, '2026-12-01T10:00:00.000Z');
    const bob = page('site:bob', 'Bob Roe', [titles[1]!, titles[4]!, 'Gadgets painted red under heavy load'], '2026-12-02T10:00:00.000Z');
    const whole = mergeRecords([alice, bob], []);
    const aliceKeys = keptViews(whole, [alice, bob]).find((v) => v.keys.includes(alice.key))!;
    const concerned = concernedCaptures([bob], [{ ...viewKeysOf(aliceKeys), person: [] }]);
    const { records, demoted, rows } = subsetRecords(concerned, new Map([alice, bob].map((r) => [r.key, r])));
    const views = provisionalViews(mergeRecords(records, []), records, [bob.key], demoted, rows);
    const works = views.flatMap((v) => v.slice.works);
    expect(works.some((w) => w.members.some((m) => m.captureKey === alice.key && m.index === 4))).toBe(true);
    // The subset merge's provenance, recomputed from the captures as stored (Alice's rows under their stored indexes).
    const again = withProvenance(works.map(lightWork), captureOf([alice, bob]))!;
    expect(again.map((w) => w.fields)).toEqual(works.map((w) => w.fields));
  });
});

describe('exports from light works are those from the merge, byte for byte', () => {
  const result = mergeRecords(RECORDS, DECISIONS);
  const views = keptViews(result, RECORDS).map(storedView);
  const light = libraryOf(views)!;
  const restored = withProvenance(light.works, captureOf(RECORDS))!;

  for (const format of ['bibtex', 'ris', 'csl', 'csv', 'pop-csv'] as const)
    it(format, () => {
      expect(exportAs(format, { works: restored }, { now: FIXED_NOW })).toBe(exportAs(format, { works: result.works }, { now: FIXED_NOW }));
    });

  it('the citations by site in CSL-JSON come from the provenance', () => {
    const csl = JSON.parse(exportAs('csl', { works: restored }, { now: FIXED_NOW })) as { custom?: { scholarLens?: { citationsBySource?: Record<string, number> } } }[];
    // Scholar's profile states a citation count per row: those works list it by site.
    expect(csl.some((i) => i.custom?.scholarLens?.citationsBySource?.['google-scholar'] !== undefined)).toBe(true);
  });

  it('the data tables (JSON Lines, Parquet) need no provenance', () => {
    expect(libraryTables(light, { currentYear: 2026 })).toEqual(libraryTables(result, { currentYear: 2026 }));
  });
});

describe('where the UI gets it', () => {
  const result = mergeRecords(RECORDS, []);
  const built = keptViews(result, RECORDS);

  it('the popup reads the captures of the works concerned from the store, once asked', async () => {
    const db = await freshDb();
    for (const r of RECORDS) await db.put('captures', r);
    await replaceViews(db, built, { builtAt: 'b', build: 'b', captures: Object.fromEntries(RECORDS.map((r) => [r.key, r.capture.capturedAt])), dirty: false, stats: result.stats });
    const view = (await viewForKey(db, ERNST))!;
    for (const w of view.slice.works) expect(w).not.toHaveProperty('fields');
    const asked: string[][] = [];
    const source = provenanceFromStore(async (keys) => {
      asked.push(keys);
      return capturesOf(db, keys);
    });
    const full = await source(view.slice.works);
    expect(asked).toHaveLength(1);
    expect(full).toEqual(view.slice.works.map((w) => result.works.find((x) => x.id === w.id)));
    // Every stored view is light.
    for (const v of await allViews(db)) for (const w of v.slice.works) expect(w).not.toHaveProperty('fields');
    db.close();
  });

  it('the dashboard from the pages it holds; works merged whole pass as they are; behind, it says so', async () => {
    const light = built.flatMap((v) => storedView(v).slice.works);
    const full = await provenanceFromRecords(RECORDS)(light);
    expect(full.every(hasProvenance)).toBe(true);
    const merged: MergedWork[] = result.works;
    expect(await onlyWhole(merged)).toEqual(merged);
    await expect(onlyWhole(light)).rejects.toThrow(PROVENANCE_BEHIND);
    const later = RECORDS.map((r) => ({ ...r, capture: { ...r.capture, capturedAt: '2026-12-24T08:00:00.000Z' } }));
    await expect(provenanceFromRecords(later)(light)).rejects.toThrow(PROVENANCE_BEHIND);
    // The dashboard's source: a page stored again since the views were built ("behind") reloads what it shows, so the
    // next try asks with the new works; it still says why this one failed. Whole works and other failures reload nothing.
    let reloads = 0;
    const reload = () => void reloads++;
    await expect(reloadingWhenBehind(provenanceFromRecords(later), reload)(light)).rejects.toThrow(PROVENANCE_BEHIND);
    expect(reloads).toBe(1);
    expect(await reloadingWhenBehind(provenanceFromRecords(RECORDS), reload)(light)).toEqual(full);
    await expect(reloadingWhenBehind(async () => Promise.reject(new Error('quota')), reload)(light)).rejects.toThrow('quota');
    expect(reloads).toBe(1);
  });
});
