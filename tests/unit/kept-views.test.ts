// The merged library kept per page (issue 16, part 1): what a view holds, how
// the background's keeper rebuilds it, and that however changes arrive and
// are interleaved with builds, the kept views end up exactly what one rebuild
// of the final store gives.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKeptView, keptViews, libraryOf, LIBRARY_VIEW, storedView, viewIsCurrent, type ViewsMeta } from '../../src/core/kept-views';
import { viewKeysOf } from '../../src/core/view-keys';
import { allCaptures, allDecisions, deleteCapture, eraseAll, openStore, putDecision, type CaptureRecord, type DecisionRecord } from '../../src/store/store';
import { allViews, replaceViews, storedProfile, viewForKey, viewsMeta } from '../../src/store/views';
import { createViewKeeper } from '../../src/shell/view-keeper';
import { mergeRecords, personForKey } from '../../src/ui/model/merged-library';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { joinWorks } from '../../src/ui/model/new-decisions';
import type { UserDecision } from '../../src/core/merge/types';
import { dataPath } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';

// Records the store code of v2 wrote from real pages (tests/helpers/make-store-fixture.ts):
// Ernst's Scholar profile, the arXiv page of one of his papers, Rui Tan's DBLP and ORCID records.
const dump = JSON.parse(readFileSync(dataPath('store/v2.json'), 'utf8')) as DatabaseDump;
const RECORDS = dump.stores.find((s) => s.name === 'captures')!.records.map((r) => r.value as CaptureRecord);
const DECISIONS = dump.stores.find((s) => s.name === 'decisions')!.records.map((r) => r.value as DecisionRecord);
const ERNST = 'google-scholar:user=SbUmSEAAAAAJ';
const ARXIV = 'arxiv:abs:2004.10162';
const DBLP = 'dblp:pid:00/5179';
const ORCID = 'orcid:orcid:0000-0003-4423-4370';

let n = 0;
const freshDb = () => openStore(`kept-views-${++n}`);
const NOW = () => new Date('2026-12-02T10:00:00.000Z');

describe('a kept view per page', () => {
  const result = mergeRecords(RECORDS, DECISIONS);
  const views = keptViews(result, RECORDS);
  const viewOf = (key: string) => views.find((v) => v.keys.includes(key));

  it('every author or paper page shows the person personForKey names, with all their works', () => {
    for (const key of [ERNST, DBLP, ORCID, ARXIV]) {
      const person = personForKey(result, key);
      const view = viewOf(key);
      if (!person) {
        expect(view?.personId, key).toBeUndefined();
        continue;
      }
      expect(view?.personId, key).toBe(person.id);
      expect(view!.slice.people[0]).toEqual(person);
      // Every work the person's profile counts is in the view, as the merge made it.
      const byId = new Map(result.works.map((w) => [w.id, w]));
      expect(view!.slice.works.map((w) => w.id).sort()).toEqual([...new Set(person.workIds)].sort());
      for (const w of view!.slice.works) expect(w).toEqual(byId.get(w.id));
    }
  });

  it('a page key is in one view only; people kept apart by the user have views of their own', () => {
    const keys = views.flatMap((v) => v.keys);
    expect(new Set(keys).size).toBe(keys.length);
    // The user kept Ernst and Rui Tan apart (the v2 decision).
    expect(viewOf(ERNST)?.id).not.toBe(viewOf(DBLP)?.id);
  });

  it('the dashboard gets the whole merge result back from the views, in the merge\'s order', () => {
    expect(libraryOf(views)).toEqual(result);
    // A view missing (half a store): not added up into a wrong library.
    expect(libraryOf(views.filter((v) => v.id !== viewOf(DBLP)!.id))).toBeUndefined();
  });

  it('a stored view is checked before it is rendered', () => {
    for (const v of views) expect(isKeptView(v)).toBe(true);
    expect(isKeptView({ ...views[0], slice: { works: 'x', people: [] } })).toBe(false);
    expect(isKeptView({ ...views[0], personId: 'someone else' })).toBe(false);
    expect(isKeptView(null)).toBe(false);
  });

  it('a view is current only for the capture it was built from', () => {
    const meta: ViewsMeta = { builtAt: 'x', captures: { [ERNST]: '2026-01-01' }, dirty: false, stats: result.stats };
    expect(viewIsCurrent(meta, ERNST, '2026-01-01')).toBe(true);
    expect(viewIsCurrent(meta, ERNST, '2026-01-02')).toBe(false);
    expect(viewIsCurrent({ ...meta, dirty: true }, ERNST, '2026-01-01')).toBe(false);
    expect(viewIsCurrent(meta, 'toString', '2026-01-01')).toBe(false);
    expect(viewIsCurrent(undefined, ERNST, '2026-01-01')).toBe(false);
  });
});

describe('the keeper', () => {
  it('a burst of changes makes one build; a change during a build makes exactly one more', async () => {
    const db = await freshDb();
    for (const r of RECORDS) await db.put('captures', r);
    let builds = 0;
    let release: () => void = () => {};
    let gate: Promise<void> | undefined;
    const keeper = createViewKeeper({
      db: async () => db,
      now: NOW,
      merge: (rs, ds) => {
        builds++;
        return mergeRecords(rs, ds);
      },
      settleMs: 0,
      sleep: async () => {
        if (gate) await gate;
      },
    });
    for (let i = 0; i < 20; i++) keeper.changed();
    await keeper.settled();
    expect(builds).toBe(1);
    expect((await viewsMeta(db))?.dirty).toBe(false);

    gate = new Promise<void>((r) => (release = r));
    keeper.changed();
    const first = keeper.settled();
    keeper.changed();
    release();
    gate = undefined;
    await first;
    await keeper.settled();
    expect(builds).toBe(2);
    expect((await viewsMeta(db))?.dirty).toBe(false);
  });

  it('a build that fails keeps the last good views and records why; the next good build clears it', async () => {
    const db = await freshDb();
    for (const r of RECORDS) await db.put('captures', r);
    let fail = false;
    const keeper = createViewKeeper({
      db: async () => db,
      now: NOW,
      merge: (rs, ds) => {
        if (fail) throw new TypeError('boom');
        return mergeRecords(rs, ds);
      },
      settleMs: 0,
    });
    keeper.changed();
    await keeper.settled();
    const good = await allViews(db);
    fail = true;
    keeper.changed();
    const meta = await keeper.settled();
    expect(meta).toMatchObject({ dirty: true, error: 'the saved pages could not be merged (boom)' });
    expect(await allViews(db)).toEqual(good);
    fail = false;
    keeper.changed();
    const after = await keeper.settled();
    expect(after?.error).toBeUndefined();
    expect(after?.dirty).toBe(false);
  });

  it('on start, builds views that are missing; leaves current ones alone', async () => {
    const db = await freshDb();
    for (const r of RECORDS) await db.put('captures', r);
    let builds = 0;
    const keeper = () => createViewKeeper({ db: async () => db, now: NOW, merge: (rs, ds) => (builds++, mergeRecords(rs, ds)), settleMs: 0 });
    const first = keeper();
    await first.resume();
    await first.settled();
    expect(builds).toBe(1);
    expect(await viewForKey(db, ERNST)).toBeDefined();
    const second = keeper();
    await second.resume();
    await second.settled();
    expect(builds).toBe(1);
  });

  it('erasing everything erases the kept views too', async () => {
    const db = await freshDb();
    for (const r of RECORDS) await db.put('captures', r);
    const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0 });
    keeper.changed();
    await keeper.settled();
    await eraseAll(db);
    expect(await allViews(db)).toEqual([]);
    expect(await viewsMeta(db)).toBeUndefined();
    expect((await storedProfile(db, ERNST)).view).toBeUndefined();
    // The keeper remembers what it wrote; after an erase it must not trust that memory.
    for (const r of RECORDS) await db.put('captures', r);
    keeper.changed();
    await keeper.settled();
    expect((await allViews(db)).length).toBe(keptViews(mergeRecords(RECORDS, []), RECORDS).length);
  });

  it('a second build writes only the views that changed, and deletes the ones gone', async () => {
    const db = await freshDb();
    const views = keptViews(mergeRecords(RECORDS, DECISIONS), RECORDS);
    const meta = (build: string): ViewsMeta & { build: string } => ({ builtAt: build, build, captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 } });
    const first = await replaceViews(db, views, meta('b1'));
    const changed = { ...views[0]!, notes: { x: ['a note'] } };
    const next = [changed, ...views.slice(2)];
    // A view put behind the writer's back (not in its memory) shows whether untouched ones are rewritten: it is not.
    const stray = { ...views[2]!, notes: { y: ['left alone'] } };
    await db.put('views', stray);
    await replaceViews(db, next, meta('b2'), first);
    const stored = await allViews(db);
    expect(stored.map((v) => v.id).sort()).toEqual(next.map((v) => v.id).sort());
    expect(stored.find((v) => v.id === changed.id)).toEqual(storedView(changed));
    expect(stored.find((v) => v.id === stray.id)).toEqual(stray);
    // Another writer's build in between: everything is replaced.
    await replaceViews(db, next, meta('b3'), first);
    expect((await allViews(db)).find((v) => v.id === stray.id)).toEqual(storedView(views[2]!));
  });
});

// A later capture of a stored page, as a revisit would store it: a new time, one work fewer.
function revisit(r: CaptureRecord, day: number): CaptureRecord {
  const at = `2026-12-${String(day).padStart(2, '0')}T08:00:00.000Z`;
  return { ...r, lastSeen: at, timesSeen: r.timesSeen + 1, capture: { ...r.capture, capturedAt: at, works: (r.capture.works ?? []).slice(0, -1) } };
}

type Op = { kind: 'put'; record: CaptureRecord } | { kind: 'delete'; key: string } | { kind: 'decide'; decision: DecisionRecord } | { kind: 'decide-works'; decisions: UserDecision[] } | { kind: 'settle' } | { kind: 'tick' };

// Joins and splits as the dashboard's buttons make them, on works of Ernst's profile (one with several records, two without).
const WORK_DECISIONS: UserDecision[][] = (() => {
  const result = mergeRecords(RECORDS, []);
  const mine = new Set(result.people.find((p) => p.pages.some((pg) => pg.captureKey === ERNST))!.workIds);
  const works = result.works.filter((w) => mine.has(w.id));
  const several = works.find((w) => w.members.length > 1)!;
  const singles = works.filter((w) => w.members.length === 1);
  const at = (h: number) => `2026-12-02T${String(h).padStart(2, '0')}:30:00.000Z`;
  const me = several.members[1]!;
  const splitOut = (h: number): UserDecision[] =>
    several.members.filter((o) => o !== me).map((o) => ({ kind: 'split-works', works: [`rec:${me.captureKey}#${me.index}`, `rec:${o.captureKey}#${o.index}`], at: at(h) }));
  return [joinWorks([singles[0]!, singles[1]!], at(9)), joinWorks([singles[2]!, several], at(10)), splitOut(11), joinWorks([several, singles[0]!], at(12)), splitOut(13)];
})();

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.constantFrom(...RECORDS).map((record): Op => ({ kind: 'put', record })),
    fc.tuple(fc.constantFrom(...RECORDS), fc.integer({ min: 3, max: 28 })).map(([r, d]): Op => ({ kind: 'put', record: revisit(r, d) })),
    fc.constantFrom(...RECORDS.map((r) => r.key)).map((key): Op => ({ kind: 'delete', key })),
    fc.constantFrom(
      ...DECISIONS,
      decisionRecord({ kind: 'link-people', people: [`page:${ERNST}`, `page:${DBLP}`], at: '2026-12-02T09:00:00.000Z' }),
    ).map((decision): Op => ({ kind: 'decide', decision })),
    fc.constantFrom(...WORK_DECISIONS).map((decisions): Op => ({ kind: 'decide-works', decisions })),
    fc.constant<Op>({ kind: 'settle' }),
    // A moment for a fast update or a build to get going before the next change.
    fc.constant<Op>({ kind: 'tick' }),
  ),
  { minLength: 1, maxLength: 14 },
);

describe('kept views equal a rebuild, whatever the order of changes and builds', () => {
  it('captures stored (each taking the fast path), revisited and deleted, decisions made, builds finishing in between', async () => {
    let provisionalWrites = 0;
    let decisionWrites = 0;
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const db = await freshDb();
        const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, onProvisional: (u) => void (u?.write && provisionalWrites++) });
        const answers: Promise<unknown>[] = [];
        const pending: Promise<unknown>[] = [];
        for (const op of sequence) {
          if (op.kind === 'settle') {
            await keeper.settled();
            continue;
          }
          if (op.kind === 'tick') {
            for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
            continue;
          }
          if (op.kind === 'decide-works' || op.kind === 'decide') {
            // Decisions take the fast path as the dashboard's do: their views merged again alone, written provisional.
            const ds = op.kind === 'decide' ? [op.decision] : op.decisions.map(decisionRecord);
            for (const d of ds) await putDecision(db, d);
            answers.push(keeper.decided(ds).then(async (a) => void ((await a?.written) && decisionWrites++)));
            pending.push(keeper.settled());
            continue;
          }
          if (op.kind === 'put') await db.put('captures', op.record);
          else await deleteCapture(db, op.key);
          // A stored capture takes the fast path too: provisional views written at once, between the builds.
          keeper.changed(op.kind === 'put' ? op.record.key : undefined);
          // Someone asks while builds run (a popup opening): must not disturb them.
          pending.push(keeper.settled());
        }
        await Promise.all([...pending, ...answers]);
        await keeper.settled();
        const records = await allCaptures(db);
        const decisions = await allDecisions(db);
        const got = await allViews(db);
        if (!records.length && !decisions.length) {
          // An empty library keeps nothing derived from it (Erase everything leaves an empty database).
          expect(got).toEqual([]);
          expect(await viewsMeta(db)).toBeUndefined();
          db.close();
          return;
        }
        const want = keptViews(mergeRecords(records, decisions), records).sort((a, b) => (a.id < b.id ? -1 : 1));
        // Stored light: the rebuild's views, each work without its provenance.
        expect(got.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(want.map(storedView));
        // The keys the fast path finds views by are those of the views there, no stale ones.
        const keys = (await db.getAll('viewKeys')).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(keys).toEqual(want.filter((v) => v.id !== LIBRARY_VIEW).map(viewKeysOf));
        const meta = await viewsMeta(db);
        expect(meta?.dirty).toBe(false);
        expect(meta?.provisional).toBeUndefined();
        expect(meta?.captures).toEqual(Object.fromEntries(records.map((r) => [r.key, r.capture.capturedAt])));
        db.close();
      }),
      { seed: 20261202, numRuns: 25 },
    );
    // The runs did exercise the fast path, not only the rebuilds.
    expect(provisionalWrites).toBeGreaterThan(10);
    // …for decisions too: their views written provisional before the rebuild.
    expect(decisionWrites).toBeGreaterThan(3);
  });
});
