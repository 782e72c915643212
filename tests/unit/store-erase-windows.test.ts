// Erase everything runs in the dashboard or the popup, on its own connection,
// and tells the background after: a fast path or a rebuild of the
// background's keeper may be between its read and its write meanwhile. What
// it read before the erase must never be written after it: the erase leaves
// an empty database (issue 16, the views' change count).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptViews } from '../../src/core/kept-views';
import { prepareViews } from '../../src/core/prepared-views';
import { provisionalDecisionUpdate, provisionalDeleteUpdate, provisionalUpdate } from '../../src/shell/provisional-update';
import { deleteCapture, eraseAll, mergeInput, openStore, putCapture, type CaptureRecord, type LensDB } from '../../src/store/store';
import { replaceViews, writeViews } from '../../src/store/views';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { dataPath } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';

// Records the store code of v2 wrote from real pages (tests/helpers/make-store-fixture.ts).
const dump = JSON.parse(readFileSync(dataPath('store/v2.json'), 'utf8')) as DatabaseDump;
const RECORDS = dump.stores.find((s) => s.name === 'captures')!.records.map((r) => r.value as CaptureRecord);
const ERNST = 'google-scholar:user=SbUmSEAAAAAJ';

let n = 0;
const STORES = ['captures', 'decisions', 'settings', 'views', 'viewsMeta', 'viewKeys'] as const;
const counts = async (db: LensDB) => Object.fromEntries(await Promise.all(STORES.map(async (s) => [s, await db.count(s)] as const)));
const EMPTY = Object.fromEntries(STORES.map((s) => [s, 0]));

/** A store whose pages were stored through putCapture (so the change count is there), with the views of `built` written as a finished build would. */
async function storeWith(stored: CaptureRecord[], built: CaptureRecord[]): Promise<LensDB> {
  const db = await openStore(`erase-windows-${++n}`);
  for (const r of stored) await putCapture(db, r.key, r.capture);
  const result = mergeRecords(built, []);
  await replaceViews(db, keptViews(result, built), { builtAt: 'b', build: 'b', captures: Object.fromEntries(built.map((r) => [r.key, r.capture.capturedAt])), dirty: true, stats: result.stats });
  return db;
}

/**
 * The merge a fast path calls, asking for an erase first: its transaction is
 * made before the fast path's write, so IndexedDB runs it first (and the
 * test waits for it).
 */
function erasingMerge(db: LensDB) {
  const erased: Promise<void>[] = [];
  const merge: typeof mergeRecords = (records, decisions) => {
    erased.push(eraseAll(db));
    return mergeRecords(records, decisions);
  };
  return { merge, erased };
}

describe('a fast path that read the library before an erase writes nothing after it', () => {
  it('a new page: its provisional view is not written into the erased library', async () => {
    const db = await storeWith(RECORDS, RECORDS.filter((r) => r.key !== ERNST));
    const { merge, erased } = erasingMerge(db);
    const u = await provisionalUpdate(db, [ERNST], merge);
    await Promise.all(erased);
    expect(erased).toHaveLength(1);
    expect(u?.views.length).toBeGreaterThan(0);
    expect(u?.write).toBeUndefined();
    expect(await counts(db)).toEqual(EMPTY);
    db.close();
  });

  it('a decision: the views it concerns are not written into the erased library', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    const before = mergeRecords(RECORDS, []);
    const ernst = before.people.find((p) => p.pages.some((pg) => pg.captureKey === ERNST))!;
    const work = before.works.find((w) => ernst.workIds.includes(w.id) && w.members.length > 1)!;
    const [a, b] = work.members;
    const d = decisionRecord({ kind: 'split-works', works: [`rec:${a!.captureKey}#${a!.index}`, `rec:${b!.captureKey}#${b!.index}`], at: '2026-12-02T11:00:00.000Z' });
    await db.put('decisions', d);
    const { merge, erased } = erasingMerge(db);
    const u = await provisionalDecisionUpdate(db, [d], merge);
    await Promise.all(erased);
    expect(erased).toHaveLength(1);
    expect(u?.views.length).toBeGreaterThan(0);
    expect(u?.write).toBeUndefined();
    expect(await counts(db)).toEqual(EMPTY);
    db.close();
  });

  it('a delete: the views that held the page are not written into the erased library', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    const gone = RECORDS.find((r) => r.key !== ERNST && r.capture.pageKind === 'author')!;
    await deleteCapture(db, gone.key);
    const { merge, erased } = erasingMerge(db);
    const u = await provisionalDeleteUpdate(db, [gone.key], merge);
    await Promise.all(erased);
    expect(erased).toHaveLength(1);
    expect(u?.write).toBeUndefined();
    expect(await counts(db)).toEqual(EMPTY);
    db.close();
  });

  it('a page stored since the read (the count moved on, not made anew) does not refuse the provisional view', async () => {
    const db = await storeWith(RECORDS, RECORDS.filter((r) => r.key !== ERNST));
    const other = RECORDS.find((r) => r.key !== ERNST)!;
    const stored: Promise<unknown>[] = [];
    const u = await provisionalUpdate(db, [ERNST], (records, decisions) => {
      stored.push(putCapture(db, `${other.key}-again`, other.capture));
      return mergeRecords(records, decisions);
    });
    await Promise.all(stored);
    expect(u?.write).toBeDefined();
    db.close();
  });
});

describe('a rebuild whose read raced an erase writes no views', () => {
  it('an erase between mergeInput making the count and reading: the build read none, and its views are not written', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    // Asked together: mergeInput's first transaction (making the count) is made before the erase's, its read after.
    const [input] = await Promise.all([mergeInput(db), eraseAll(db)]);
    expect(input.changes).toBeUndefined();
    // What that build would write: here, the views of what it read before (a build of the pages kept by another keeper in between would be the same).
    const views = prepareViews(keptViews(mergeRecords(RECORDS, []), RECORDS));
    const w = await writeViews(
      db,
      { prints: new Map(views.map((v) => [v.stored.id, v.print])), views, complete: true, read: { changes: input.changes } },
      { builtAt: 'c', build: 'c', captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 } },
    );
    expect(w).toBeUndefined();
    expect(await counts(db)).toEqual(EMPTY);
    db.close();
  });

  it('the same, with a page stored after the erase: still nothing written, not even marked behind', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    const [input] = await Promise.all([mergeInput(db), eraseAll(db)]);
    expect(input.changes).toBeUndefined();
    await putCapture(db, ERNST, RECORDS.find((r) => r.key === ERNST)!.capture);
    const views = prepareViews(keptViews(mergeRecords(RECORDS, []), RECORDS));
    const w = await writeViews(
      db,
      { prints: new Map(views.map((v) => [v.stored.id, v.print])), views, complete: true, read: { changes: input.changes } },
      { builtAt: 'c', build: 'c', captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 } },
    );
    expect(w).toBeUndefined();
    expect(await db.count('views')).toBe(0);
    expect(await db.count('viewKeys')).toBe(0);
    db.close();
  });
});
