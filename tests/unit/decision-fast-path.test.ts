// Issue 16: a join, a split or a delete is shown from the background's fast
// path (the views it concerns merged again alone, src/shell/provisional-update.ts)
// and the dashboard patches its library with that merge (patchResult). Property
// style over a library generated from the real saved captures
// (bench/library.ts, 12 researchers): for decisions and deletes drawn at
// random, the patched library groups every row the patch concerns as the full
// rebuild does, holds each row once, and no row or page of a deleted capture.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { keptViews } from '../../src/core/kept-views';
import { patchResult, withoutCaptures, type ResultPatch } from '../../src/core/provisional-views';
import type { LightResult, LightWork, UserDecision } from '../../src/core/merge/types';
import { captureCache, invalidate, prefetchDecision, provisionalDecisionUpdate, provisionalDeleteUpdate, type CaptureCache } from '../../src/shell/provisional-update';
import { createViewKeeper } from '../../src/shell/view-keeper';
import { openStore, type CaptureRecord, type DecisionRecord } from '../../src/store/store';
import { allViews, replaceViews, viewForKey } from '../../src/store/views';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { joinWorks } from '../../src/ui/model/new-decisions';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { generateLibrary } from '../../bench/library';

const LIB = generateLibrary({ researchers: 12 });
const RECORDS = LIB.records;
const BEFORE = mergeRecords(RECORDS, []);
const AT = '2026-12-03T10:00:00.000Z';

let n = 0;
/** A store holding `records` and `decisions`, with the views of a finished build of them. */
async function storeWith(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[] = []) {
  const db = await openStore(`decision-fast-${++n}`);
  const tx = db.transaction(['captures', 'decisions'], 'readwrite');
  await Promise.all([...records.map((r) => tx.objectStore('captures').put(r)), ...decisions.map((d) => tx.objectStore('decisions').put(d)), tx.done]);
  const result = mergeRecords(records, decisions);
  await replaceViews(db, keptViews(result, records), { builtAt: 'b', build: `b${n}`, captures: Object.fromEntries(records.map((r) => [r.key, r.capture.capturedAt])), dirty: false, stats: result.stats });
  return db;
}

type Store = Awaited<ReturnType<typeof storeWith>>;
/** A trial's two stores seeded alike, an empty cache, and two different works drawn from `works`. */
async function trial<W>(works: readonly W[]) {
  const [a, b] = [await storeWith(RECORDS), await storeWith(RECORDS)];
  const i = pick(works.length);
  return { a, b, cache: captureCache(), x: works[i]!, y: works[(i + 1 + pick(works.length - 1)) % works.length]! };
}
/** The decisions stored on both stores of a side-by-side check, as the dashboard stores them before it tells the background. */
async function storeOnBoth(ds: readonly UserDecision[], ...dbs: Store[]) {
  for (const d of ds.map(decisionRecord)) for (const db of dbs) await db.put('decisions', d);
}
/**
 * A decision's fast path on two stores seeded alike, one through `cache` and one read from the store alone: the
 * same patch and views. `ms`: the cached one's phases (`cached` of `captures`).
 */
async function throughCache(ds: UserDecision[], a: Store, b: Store, cache: CaptureCache) {
  await storeOnBoth(ds, a, b);
  let ms: Record<string, number> = {};
  const got = await provisionalDecisionUpdate(a, ds, mergeRecords, (_p, m) => (ms = m), cache);
  const want = await provisionalDecisionUpdate(b, ds, mergeRecords);
  expect(got?.patch.works).toEqual(want?.patch.works);
  expect(got?.patch.people).toEqual(want?.patch.people);
  expect(got?.views).toEqual(want?.views);
  return { got, ms };
}

const rowOf = (m: { captureKey: string; index: number }) => `${m.captureKey}#${m.index}`;
/** Each row → the rows of the work holding it, sorted. */
function groups(r: { works: readonly LightWork[] }): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of r.works) {
    const rows = w.members.map(rowOf).sort().join(' ');
    for (const m of w.members) out.set(rowOf(m), rows);
  }
  return out;
}
const everyRow = (r: { works: readonly LightWork[] }) => r.works.flatMap((w) => w.members.map(rowOf));

/** Seeded choices, the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (k: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % k;
  };
}
const pick = rng(20261203);

/** The patched library agrees with the rebuild on every row the patch holds, and holds each row once. */
function expectAgrees(patched: LightResult, exact: LightResult, concerned: readonly string[]) {
  const rows = everyRow(patched);
  expect(new Set(rows).size).toBe(rows.length);
  const got = groups(patched);
  const want = groups(exact);
  for (const row of concerned) expect({ row, work: got.get(row) }).toEqual({ row, work: want.get(row) });
  expect(new Set(rows)).toEqual(new Set(everyRow(exact)));
}

describe('the fast path of a decision gives what the rebuild gives, for the works it concerns', () => {
  const multi = BEFORE.works.filter((w) => w.members.length > 1);
  const single = BEFORE.works.filter((w) => w.members.length === 1);

  it('the library has what the trials need', () => {
    expect(RECORDS.length).toBeGreaterThan(20);
    expect(multi.length).toBeGreaterThan(10);
    expect(single.length).toBeGreaterThan(10);
  });

  for (let t = 0; t < 4; t++)
    it(`split a record out of a work (trial ${t + 1})`, async () => {
      const w = multi[pick(multi.length)]!;
      const me = w.members[pick(w.members.length)]!;
      const ds: UserDecision[] = w.members.filter((o) => o !== me).map((o) => ({ kind: 'split-works', works: [`rec:${rowOf(me)}`, `rec:${rowOf(o)}`], at: AT }));
      const records = ds.map(decisionRecord);
      const db = await storeWith(RECORDS);
      for (const d of records) await db.put('decisions', d);
      const u = await provisionalDecisionUpdate(db, ds, mergeRecords);
      expect(u).toBeDefined();
      const patched = patchResult(BEFORE, u!.patch);
      const exact = mergeRecords(RECORDS, records);
      expectAgrees(patched, exact, [...u!.patch.works.flatMap((x) => x.members.map(rowOf)), ...w.members.map(rowOf)]);
      // The record is a work of its own at once.
      expect(groups(patched).get(rowOf(me))).toBe(rowOf(me));
      db.close();
    });

  for (let t = 0; t < 4; t++)
    it(`join two works (trial ${t + 1})`, async () => {
      const i = pick(single.length);
      const a = single[i]!;
      const b = single[(i + 1 + pick(single.length - 1)) % single.length]!;
      const ds = joinWorks([a, b], AT);
      const records = ds.map(decisionRecord);
      const db = await storeWith(RECORDS);
      for (const d of records) await db.put('decisions', d);
      const u = await provisionalDecisionUpdate(db, ds, mergeRecords);
      expect(u).toBeDefined();
      const patched = patchResult(BEFORE, u!.patch);
      const exact = mergeRecords(RECORDS, records);
      expectAgrees(patched, exact, [...u!.patch.works.flatMap((x) => x.members.map(rowOf)), rowOf(a.members[0]!), rowOf(b.members[0]!)]);
      expect(groups(patched).get(rowOf(a.members[0]!))).toBe([rowOf(a.members[0]!), rowOf(b.members[0]!)].sort().join(' '));
      db.close();
    });
});

describe('the fast path hands its patch on before it makes the views', () => {
  it('the patch handed on is the one returned, renumbered as the views are, and the views come after', async () => {
    const multi = BEFORE.works.filter((w) => w.members.length > 1);
    const w = multi[0]!;
    const me = w.members[0]!;
    const ds: UserDecision[] = w.members.slice(1).map((o) => ({ kind: 'split-works', works: [`rec:${rowOf(me)}`, `rec:${rowOf(o)}`], at: AT }));
    const db = await storeWith(RECORDS);
    for (const d of ds.map(decisionRecord)) await db.put('decisions', d);
    let handed: ResultPatch | undefined;
    const u = await provisionalDecisionUpdate(db, ds, mergeRecords, (p) => (handed = p));
    expect(handed).toBe(u!.patch);
    expect(u!.ms.views).toBeGreaterThanOrEqual(0);
    // Every work of the provisional views is in the patch under the same id and with the same rows.
    const inPatch = new Map(u!.patch.works.map((x) => [x.id, x.members.map(rowOf).sort().join(' ')]));
    const inViews = u!.views.flatMap((v) => v.slice.works);
    expect(inViews.length).toBeGreaterThan(0);
    for (const x of inViews) expect({ id: x.id, rows: inPatch.get(x.id) }).toEqual({ id: x.id, rows: x.members.map(rowOf).sort().join(' ') });
    const exact = mergeRecords(RECORDS, ds.map(decisionRecord));
    expectAgrees(patchResult(BEFORE, u!.patch), exact, [...u!.patch.works.flatMap((x) => x.members.map(rowOf)), ...w.members.map(rowOf)]);
    db.close();
  });
});

describe('the keeper answers a decision before writing its views', () => {
  it('answered with the patch first, the views written provisional after, then the rebuild makes them exact', async () => {
    const single = BEFORE.works.filter((w) => w.members.length === 1);
    const ds = joinWorks([single[0]!, single[1]!], AT);
    const db = await storeWith(RECORDS);
    for (const d of ds.map(decisionRecord)) await db.put('decisions', d);
    const events: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const keeper = createViewKeeper({ db: async () => db, now: () => new Date(AT), merge: mergeRecords, settleMs: 0, sleep: () => gate, onProvisional: (u) => void (u?.write && events.push('written')) });
    const answer = await keeper.decided(ds);
    events.push('answered');
    expect(answer?.patch.works.length).toBeGreaterThan(0);
    expect(answer?.ms).toHaveProperty('merge');
    expect(await answer!.written).toBe(true);
    expect(events).toEqual(['answered', 'written']);
    expect((await allViews(db)).some((v) => v.provisional)).toBe(true);
    release();
    const meta = await keeper.settled();
    expect(meta?.dirty).toBe(false);
    expect((await allViews(db)).filter((v) => v.provisional)).toEqual([]);
    db.close();
  });
});

describe('a delete takes the fast path too', () => {
  const authorPages = RECORDS.filter((r) => r.capture.pageKind === 'author');
  for (let t = 0; t < 4; t++)
    it(`delete a page (trial ${t + 1}): its rows and its page leave the library at once, the rest as the rebuild gives it`, async () => {
      const gone = t < 3 ? authorPages[pick(authorPages.length)]! : RECORDS[pick(RECORDS.length)]!;
      const db = await storeWith(RECORDS);
      await db.delete('captures', gone.key);
      const u = await provisionalDeleteUpdate(db, [gone.key], mergeRecords);
      expect(u?.patch.gone).toEqual([gone.key]);
      const patched = patchResult(BEFORE, u!.patch);
      const rest = RECORDS.filter((r) => r !== gone);
      const exact = mergeRecords(rest, []);
      expect(everyRow(patched).some((r) => r.startsWith(`${gone.key}#`))).toBe(false);
      expect(patched.people.some((p) => p.pages.some((pg) => pg.captureKey === gone.key))).toBe(false);
      const concerned = u!.patch.works.flatMap((x) => x.members.map(rowOf));
      expectAgrees(patched, exact, concerned);
      // The same people (by their pages) as the rebuild.
      const pages = (r: LightResult) => r.people.map((p) => p.pages.map((pg) => pg.captureKey).sort().join(' ')).sort();
      expect(pages(patched)).toEqual(pages(exact));
      // No stored view shows the deleted page any more.
      expect(await viewForKey(db, gone.key)).toBeUndefined();
      expect((await allViews(db)).some((v) => v.keys.includes(gone.key))).toBe(false);
      db.close();
    });

  it('withoutCaptures drops the rows and pages of the keys, and works and people left empty (synthetic)', () => {
    const m = (captureKey: string, index: number) => ({ captureKey, index, source: 's', capturedAt: AT, pageKind: 'author' as const });
    const work = (id: string, ...members: ReturnType<typeof m>[]): LightWork => ({ id, ids: {}, versions: [{ kind: 'published', ids: {}, sources: ['s'], members }], members, matchedBy: [] });
    const page = (captureKey: string) => ({ captureKey, source: 's', url: 'https://example.org', capturedAt: AT, name: 'A' });
    const person = (id: string, pages: string[], workIds: string[]) => ({ id, name: 'A', nameVariants: [], ids: {}, pages: pages.map(page), stated: [], workIds, linkedBy: [], suggestions: [], fields: { name: [], affiliation: [], homepage: [] } });
    const lib: LightResult = {
      works: [work('w1', m('a', 0)), work('w2', m('a', 1), m('b', 0)), work('w3', m('b', 1))],
      people: [person('p1', ['a'], ['w1', 'w2']), person('p2', ['b'], ['w2', 'w3'])],
      unresolvedDecisions: [],
      stats: { captures: 2, records: 4, works: 3, people: 2 },
    };
    const out = withoutCaptures(lib, new Set(['a']));
    expect(out.works.map((w) => [w.id, w.members.map(rowOf)])).toEqual([['w2', ['b#0']], ['w3', ['b#1']]]);
    expect(out.works[0]!.versions[0]!.members.map(rowOf)).toEqual(['b#0']);
    expect(out.people.map((p) => [p.id, p.workIds])).toEqual([['p2', ['w2', 'w3']]]);
    expect(out.stats).toMatchObject({ works: 2, people: 1 });
    expect(out.works[1]).toBe(lib.works[2]);
  });

  it('the keeper answers a delete from its fast path, then the rebuild makes the views exact', async () => {
    const gone = authorPages[0]!;
    const db = await storeWith(RECORDS);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const keeper = createViewKeeper({ db: async () => db, now: () => new Date(AT), merge: mergeRecords, settleMs: 0, sleep: () => gate });
    await db.delete('captures', gone.key);
    const answer = await keeper.deleted([gone.key]);
    expect(answer?.patch.gone).toEqual([gone.key]);
    expect(await viewForKey(db, gone.key)).toBeUndefined();
    release();
    const meta = await keeper.settled();
    expect(meta?.dirty).toBe(false);
    expect(Object.keys(meta!.captures)).not.toContain(gone.key);
    const rest = RECORDS.filter((r) => r !== gone);
    expect((await allViews(db)).filter((v) => v.provisional)).toEqual([]);
    expect(new Set((await allViews(db)).flatMap((v) => v.keys))).toEqual(new Set(keptViews(mergeRecords(rest, []), rest).flatMap((v) => v.keys)));
    db.close();
  });
});

// The keeper's cache of what the last decision read (src/shell/provisional-update.ts CaptureCache): decisions
// in a row, each on two stores seeded alike, one through a cache and one without: the same patches and views.
describe('the captures the last decision read, kept for the next', () => {
  const single = BEFORE.works.filter((w) => w.members.length === 1);
  const multi = BEFORE.works.filter((w) => w.members.length > 1);
  const splitOut = (rows: string[], me: string): UserDecision[] => rows.filter((r) => r !== me).map((r) => ({ kind: 'split-works', works: [`rec:${me}`, `rec:${r}`], at: AT }));

  const both = async (ds: UserDecision[], a: Store, b: Store, cache: CaptureCache) => (await throughCache(ds, a, b, cache)).got;

  for (let t = 0; t < 3; t++)
    it(`a join, the split of it, a split and a join (trial ${t + 1}): the same as read from the store each time`, async () => {
      const { a, b, cache, x, y } = await trial(single);
      await both(joinWorks([x, y], AT), a, b, cache);
      // What the join read is kept, and the split of what it joined reads the same pages.
      const kept = new Set(cache.records.keys());
      expect(kept.has(x.members[0]!.captureKey)).toBe(true);
      await both(splitOut([rowOf(x.members[0]!), rowOf(y.members[0]!)], rowOf(y.members[0]!)), a, b, cache);
      const w = multi[pick(multi.length)]!;
      await both(splitOut(w.members.map(rowOf), rowOf(w.members[pick(w.members.length)]!)), a, b, cache);
      const j = pick(single.length);
      await both(joinWorks([single[j]!, single[(j + 1) % single.length]!], AT), a, b, cache);
      a.close();
      b.close();
    });

  it('a page deleted behind its back is not taken from it; a page stored again is read again once invalidated', async () => {
    const a = await storeWith(RECORDS);
    const b = await storeWith(RECORDS);
    const cache = captureCache();
    const x = single[0]!;
    const y = single[1]!;
    await both(joinWorks([x, y], AT), a, b, cache);
    // Deleted without telling the cache (as a page deleted elsewhere before its message arrives): a key read finds it gone.
    const goneKey = [...cache.records.keys()].find((k) => k !== x.members[0]!.captureKey && k !== y.members[0]!.captureKey) ?? y.members[0]!.captureKey;
    await a.delete('captures', goneKey);
    await b.delete('captures', goneKey);
    await both(splitOut([rowOf(x.members[0]!), rowOf(y.members[0]!)], rowOf(y.members[0]!)), a, b, cache);
    expect(cache.records.has(goneKey)).toBe(false);
    // Stored again with a title changed (SYNTHETIC edit): the keeper invalidates on every change of the captures.
    const key = x.members[0]!.captureKey;
    const r = (await a.get('captures', key))!;
    const edited = { ...r, capture: { ...r.capture, works: r.capture.works!.map((w, k) => (k === x.members[0]!.index ? { ...w, title: `${w.title} (edited)` } : w)) } };
    await a.put('captures', edited);
    await b.put('captures', edited);
    invalidate(cache);
    expect(cache.records.size).toBe(0);
    const u = await both(joinWorks([x, y], AT), a, b, cache);
    expect(u?.patch.works.some((w) => w.title?.endsWith('(edited)'))).toBe(true);
    a.close();
    b.close();
  });

  it('a read that began before a change keeps nothing', async () => {
    const a = await storeWith(RECORDS);
    const cache = captureCache();
    const ds = joinWorks([single[2]!, single[3]!], AT);
    const run = provisionalDecisionUpdate(a, ds, mergeRecords, undefined, cache);
    invalidate(cache);
    await run;
    expect(cache.records.size).toBe(0);
    a.close();
  });
  it('keeps at most its limit of rows, with the same answers', async () => {
    const a = await storeWith(RECORDS);
    const b = await storeWith(RECORDS);
    const cache = captureCache(400);
    for (let k = 0; k < 4; k++) {
      await both(joinWorks([single[2 * k]!, single[2 * k + 1]!], AT), a, b, cache);
      expect(cache.rows).toBeLessThanOrEqual(400);
      expect(cache.rows).toBe([...cache.records.values()].reduce((n, r) => n + (r.capture.works?.length ?? 0), 0));
    }
    // No room at all: nothing kept, the same answers.
    const none = captureCache(0);
    await both(joinWorks([single[8]!, single[9]!], AT), a, b, none);
    expect(none.records.size).toBe(0);
    expect(none.rows).toBe(0);
    a.close();
    b.close();
  });
});

// The keeper's decisions after a rebuild (it kept a copy of every capture its rebuild read once; now only what decisions read: issue 16, renderer memory).
describe('the keeper\'s decisions after a rebuild', () => {
  it('a decision after a rebuild answers as read from the store; a page stored again and told (changed) is read again', async () => {
    const single = BEFORE.works.filter((w) => w.members.length === 1);
    const a = await storeWith(RECORDS);
    const b = await storeWith(RECORDS);
    const keeper = createViewKeeper({ db: async () => a, now: () => new Date(AT), merge: mergeRecords, settleMs: 0 });
    // A rebuild first.
    keeper.changed();
    await keeper.settled();
    const decide = async (ds: UserDecision[]) => {
      await storeOnBoth(ds, a, b);
      const got = await keeper.decided(ds);
      const want = await provisionalDecisionUpdate(b, ds, mergeRecords);
      expect(got?.patch.works).toEqual(want?.patch.works);
      expect(got?.patch.people).toEqual(want?.patch.people);
      await keeper.settled();
      return got;
    };
    const x = single[4]!;
    const y = single[5]!;
    await decide(joinWorks([x, y], AT));
    // SYNTHETIC edit of x's row, stored on both, the keeper told as the dashboard's import tells it.
    const key = x.members[0]!.captureKey;
    const r = (await a.get('captures', key))!;
    const edited = { ...r, capture: { ...r.capture, works: r.capture.works!.map((w, k) => (k === x.members[0]!.index ? { ...w, title: `${w.title} (edited)` } : w)) } };
    await a.put('captures', edited);
    await b.put('captures', edited);
    keeper.changed();
    const got = await decide([{ kind: 'split-works', works: [`rec:${rowOf(x.members[0]!)}`, `rec:${rowOf(y.members[0]!)}`], at: AT }]);
    expect(got?.patch.works.some((w) => w.title?.endsWith('(edited)'))).toBe(true);
    a.close();
    b.close();
  });
});

// Read ahead (the dashboard's prefetch: a work selected, a split button pointed at): what a join or split would
// read is read into the cache before it is made, and the decision then takes every capture from there.
describe('the captures a decision would read, read ahead', () => {
  const single = BEFORE.works.filter((w) => w.members.length === 1);
  const decideBoth = async (ds: UserDecision[], a: Store, b: Store, cache: CaptureCache) => (await throughCache(ds, a, b, cache)).ms;

  for (let t = 0; t < 3; t++)
    it(`each of two works read ahead, then their join: every capture it reads was read ahead, the same answer (trial ${t + 1})`, async () => {
      const { a, b, cache, x, y } = await trial(single);
      for (const w of [x, y]) expect(await prefetchDecision(a, w.members.map(rowOf), cache)).toBeGreaterThan(0);
      const ms = await decideBoth(joinWorks([x, y], AT), a, b, cache);
      expect(ms.captures).toBeGreaterThan(0);
      expect(ms.cached).toBe(ms.captures);
      a.close();
      b.close();
    });

  it('a page deleted after it was read ahead is not taken from the cache (one key read each, or all keys at once)', async () => {
    for (const few of [false, true]) {
      const a = await storeWith(RECORDS);
      const b = await storeWith(RECORDS);
      const cache = captureCache();
      const [x, y] = [single[6]!, single[7]!];
      await prefetchDecision(a, x.members.map(rowOf), cache);
      await prefetchDecision(a, y.members.map(rowOf), cache);
      // Few pages kept (only the two named ones: checked one key read each) or many (checked by one read of every key).
      if (few) for (const k of [...cache.records.keys()]) if (k !== x.members[0]!.captureKey && k !== y.members[0]!.captureKey) cache.records.delete(k);
      const goneKey = [...cache.records.keys()].find((k) => k !== x.members[0]!.captureKey) ?? y.members[0]!.captureKey;
      await a.delete('captures', goneKey);
      await b.delete('captures', goneKey);
      await decideBoth(joinWorks([x, y], AT), a, b, cache);
      expect(cache.records.has(goneKey)).toBe(false);
      a.close();
      b.close();
    }
  });

  it('a read-ahead that began before a change of the captures keeps nothing', async () => {
    const a = await storeWith(RECORDS);
    const cache = captureCache();
    const run = prefetchDecision(a, single[10]!.members.map(rowOf), cache);
    invalidate(cache);
    await run;
    expect(cache.records.size).toBe(0);
    a.close();
  });

  it('the keeper: a decision that arrives while its read-ahead runs waits for it and reads nothing again; a read-ahead changes nothing stored, and one asked twice at once runs once', async () => {
    const a = await storeWith(RECORDS);
    const b = await storeWith(RECORDS);
    let opened = 0;
    const keeper = createViewKeeper({ db: async () => (opened++, a), now: () => new Date(AT), merge: mergeRecords, settleMs: 0 });
    const [x, y] = [single[8]!, single[9]!];
    const viewsBefore = await allViews(a);
    // Asked twice before it runs (the pointer on a button, then its focus): read once.
    const twice = [keeper.prefetch(x.members.map(rowOf)), keeper.prefetch(x.members.map(rowOf))];
    await Promise.all(twice);
    expect(opened).toBe(1);
    expect(await allViews(a)).toEqual(viewsBefore);
    expect(await a.count('decisions')).toBe(0);
    const ds = joinWorks([x, y], AT);
    await storeOnBoth(ds, a, b);
    // Not awaited: the decision comes at once, while y's read-ahead runs.
    void keeper.prefetch(y.members.map(rowOf));
    const got = await keeper.decided(ds);
    const want = await provisionalDecisionUpdate(b, ds, mergeRecords);
    expect(got?.patch.works).toEqual(want?.patch.works);
    expect(got?.ms.captures).toBeGreaterThan(0);
    expect(got?.ms.cached).toBe(got?.ms.captures);
    await keeper.settled();
    a.close();
    b.close();
  });
});
