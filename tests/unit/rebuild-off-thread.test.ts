// A full rebuild's merge off the background's thread (issue 16, part 1):
// the keeper asks an off-thread rebuild (src/shell/off-thread-merge.ts) to
// read the store, merge and, in the keeper's turn among the writes, write the
// views, and keeps serving meanwhile; the views written are those of the
// in-thread rebuild, and none crosses to the background; a worker that cannot
// start, fails or hangs is recorded and the merge runs in the background as before.
//
// The worker is simulated here by a port whose messages cross by
// structuredClone (what postMessage does) and are delivered as later tasks,
// on the same (fake) IndexedDB as the keeper;
// the worker's own code (serveRebuilds) is the one the bundle runs. Records:
// the v2 store of real pages with the user's decision (tests/data/store), and
// a 30-researcher library generated from the real saved captures (bench/library.ts).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/library';
import { eraseAll, mergeInput, openStore, putCapture, type CaptureRecord, type DecisionRecord, type LensDB } from '../../src/store/store';
import { allViews, viewForKey, viewsMeta } from '../../src/store/views';
import { createViewKeeper, type KeeperDeps } from '../../src/shell/view-keeper';
import { localSource, offThreadRebuild, rebuildViews, serveRebuilds, type MergePort, type MergeReply, type RebuildSource } from '../../src/shell/off-thread-merge';
import { createHandler } from '../../src/shell/background-handler';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { rebuildLine } from '../../src/ui/dashboard/Dashboard';
import { dataPath } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';

const dump = JSON.parse(readFileSync(dataPath('store/v2.json'), 'utf8')) as DatabaseDump;
const RECORDS = dump.stores.find((s) => s.name === 'captures')!.records.map((r) => r.value as CaptureRecord);
const DECISIONS = dump.stores.find((s) => s.name === 'decisions')!.records.map((r) => r.value as DecisionRecord);
const ERNST = 'google-scholar:user=SbUmSEAAAAAJ';
const ARXIV = 'arxiv:abs:2004.10162';

let n = 0;
const NOW = () => new Date('2026-12-03T10:00:00.000Z');
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function storeOf(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[] = []): Promise<LensDB> {
  const db = await openStore(`rebuild-off-thread-${++n}`);
  for (const r of records) await db.put('captures', r);
  for (const d of decisions) await db.put('decisions', d);
  return db;
}

/**
 * A worker simulated in this process, on the store `db`: what crosses is structured-cloned and arrives as a later
 * task, both ways. `sent`: the views each `views` reply carried; `written`: the views each `write` request named.
 */
function simulatedWorker(
  db: LensDB,
  o: { crash?: string; silent?: boolean; crashOnWrite?: string } = {},
): { open: () => Promise<MergePort>; closed: () => boolean; requests: () => number; sent: () => number[]; written: () => (number | 'all')[] } {
  let closed = false;
  let requests = 0;
  const sent: number[] = [];
  const written: (number | 'all')[] = [];
  const open = async (): Promise<MergePort> => {
    let gone = false;
    let toBackground: (m: unknown) => void = () => {};
    let failed: (why: string) => void = () => {};
    const send = (m: MergeReply) => {
      if (m.type === 'views') sent.push(m.views.length);
      const copy = structuredClone(m);
      setTimeout(() => !gone && toBackground(copy), 0);
    };
    let serve: ((d: unknown) => void) | undefined;
    return {
      post(m) {
        requests++;
        if (m.type === 'write') written.push(m.ids === 'all' ? 'all' : m.ids.length);
        const copy = structuredClone(m);
        setTimeout(() => {
          if (o.crash) return failed(o.crash);
          if (o.crashOnWrite && m.type === 'write') return failed(o.crashOnWrite);
          serve?.(copy);
        }, 0);
      },
      listen(onMessage, onFailed) {
        toBackground = onMessage;
        failed = onFailed;
        if (!o.silent) serve = serveRebuilds({ postMessage: send }, mergeRecords, async () => db);
      },
      close() {
        gone = closed = true;
      },
    };
  };
  return { open, closed: () => closed, requests: () => requests, sent: () => sent, written: () => written };
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

async function keptState(db: LensDB) {
  return { views: byId(await allViews(db)), keys: byId((await db.getAll('viewKeys')) as { id: string }[]) };
}

/**
 * An off-thread rebuild whose answer, once `hold()` was called, is held back
 * until `release()`: the rebuild pends as long as the test likes; `pending()`
 * counts the rebuilds held so far.
 */
function heldRebuild(db: LensDB) {
  const worker = offThreadRebuild(simulatedWorker(db).open);
  let release: () => void = () => {};
  let hold = false;
  let pending = 0;
  const offThread: KeeperDeps['offThread'] = async () => {
    const out = await worker();
    if (hold) {
      pending++;
      await new Promise<void>((r) => (release = r));
    }
    return out;
  };
  return { offThread, hold: () => void (hold = true), release: () => release(), pending: () => pending };
}

/**
 * A store of `records` whose keeper has built once and is now in its second
 * build, held in the worker after the worker read and merged: what a test
 * writes now lands between the build's read and its write.
 */
async function heldMidBuild(records: readonly CaptureRecord[]) {
  const db = await storeOf(records);
  const held = heldRebuild(db);
  const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, provisional: false, offThread: held.offThread });
  keeper.changed();
  await keeper.settled();
  held.hold();
  keeper.changed();
  while (!held.pending()) await tick();
  return { db, held, keeper };
}

describe('the off-thread rebuild', () => {
  it('gives exactly the views of the in-thread rebuild (real pages with a decision; a generated library of 30 researchers)', async () => {
    const small = generateLibrary({ researchers: 30 });
    for (const [records, decisions] of [
      [RECORDS, DECISIONS],
      [small.records, []],
    ] as const) {
      const worker = simulatedWorker(await storeOf(records, decisions));
      const off = await offThreadRebuild(worker.open)();
      const here = rebuildViews(records, decisions, mergeRecords);
      expect(off.stats).toEqual(here.stats);
      expect([...off.prints]).toEqual(here.views.map((v) => [v.stored.id, v.print]));
      expect(off.captures).toEqual(Object.fromEntries(records.map((r) => [r.key, r.capture.capturedAt])));
      expect(await off.views('all')).toEqual(here.views);
      const some = here.views.slice(0, 2).map((v) => v.stored.id);
      expect(await off.views(some)).toEqual(here.views.slice(0, 2));
      off.close();
      expect(worker.closed()).toBe(true);

      // And as stored by the keeper, views and keys records, against a keeper that merges itself.
      const a = await storeOf(records, decisions);
      const b = await storeOf(records, decisions);
      const withWorker = createViewKeeper({ db: async () => a, now: NOW, merge: mergeRecords, settleMs: 0, offThread: offThreadRebuild(simulatedWorker(a).open) });
      const inThread = createViewKeeper({ db: async () => b, now: NOW, merge: mergeRecords, settleMs: 0 });
      withWorker.changed();
      inThread.changed();
      const [ma, mb] = await Promise.all([withWorker.settled(), inThread.settled()]);
      expect(ma?.merged?.in).toBe('worker');
      expect(mb?.merged).toBeUndefined();
      expect({ ...ma, build: '', merged: undefined }).toEqual({ ...mb, build: '', merged: undefined });
      expect(await keptState(a)).toEqual(await keptState(b));
    }
  }, 180_000);

  it('while the worker merges, the background answers messages and a new capture\'s fast path is written', async () => {
    const [arxiv] = RECORDS.filter((r) => r.key === ARXIV);
    const db = await storeOf(RECORDS.filter((r) => r.key !== ARXIV));
    const held = heldRebuild(db);
    let fastWrites = 0;
    const deps: KeeperDeps = {
      db: async () => db,
      now: NOW,
      merge: mergeRecords,
      settleMs: 0,
      offThread: held.offThread,
      onProvisional: (u) => void (u?.write && fastWrites++),
    };
    const keeper = createViewKeeper(deps);
    const { handle } = createHandler(
      { db: async () => db, now: NOW, views: keeper, saveStatus: async () => {}, loadStatus: async (tabId) => ({ tabId, url: 'https://example.org/', at: NOW().toISOString(), source: 'none', siteName: 'x', pageKind: 'unrecognized', outcome: 'not-stored', works: 0, notes: [] }) },
      'ext',
    );
    keeper.changed();
    await keeper.settled();
    held.hold();
    keeper.changed();
    while (!held.pending()) await tick();

    // A tab's status, as the popup asks it first: answered with the rebuild pending.
    const status = await handle({ type: 'tab-status', tabId: 7 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(status).toMatchObject({ ok: true, value: { tabId: 7 } });
    // The kept view of a stored page, as the popup reads it: there, from the last build.
    expect((await viewForKey(db, ERNST))?.personId).toBeDefined();

    // A new capture stored meanwhile: its page's view is written provisional before the rebuild is done.
    await db.put('captures', arxiv!);
    keeper.changed(ARXIV);
    while (!fastWrites) await tick();
    expect((await viewForKey(db, ARXIV))?.provisional).toBe(true);
    expect((await viewsMeta(db))?.dirty).toBe(true);

    // The rebuild finishes; the capture that came during it makes one more, and the views end exact.
    const done = keeper.settled();
    held.release();
    while (held.pending() < 2) await tick();
    held.release();
    const meta = await done;
    expect(meta).toMatchObject({ dirty: false, merged: { in: 'worker' } });
    expect(meta?.captures[ARXIV]).toBe(arxiv!.capture.capturedAt);
    const exact = await storeOf(RECORDS);
    const reference = createViewKeeper({ db: async () => exact, now: NOW, merge: mergeRecords, settleMs: 0 });
    reference.changed();
    await reference.settled();
    expect(await keptState(db)).toEqual(await keptState(exact));
  });

  it('a page deleted while the worker merges (the rebuild read it) is gone again as soon as that rebuild is written, and the views end exact', async () => {
    const db = await storeOf(RECORDS);
    const held = heldRebuild(db);
    const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, offThread: held.offThread });
    keeper.changed();
    await keeper.settled();
    held.hold();
    keeper.changed();
    while (!held.pending()) await tick();
    // The rebuild has read every page, Ernst's included; the user deletes it now.
    await db.delete('captures', ERNST);
    const answer = await keeper.deleted([ERNST]);
    expect(answer?.patch.gone).toEqual([ERNST]);
    expect(await viewForKey(db, ERNST)).toBeUndefined();
    const done = keeper.settled();
    held.release();
    while (held.pending() < 2) await tick();
    // The first rebuild's views (with Ernst) are written; the delete is applied on them again
    // while the next rebuild still merges.
    for (let i = 0; i < 200 && (await viewForKey(db, ERNST)); i++) await tick();
    expect(await viewForKey(db, ERNST)).toBeUndefined();
    expect(held.pending()).toBe(2);
    held.release();
    const meta = await done;
    expect(meta?.dirty).toBe(false);
    expect(Object.keys(meta!.captures)).not.toContain(ERNST);
    expect(await viewForKey(db, ERNST)).toBeUndefined();
    const exact = await storeOf(RECORDS.filter((r) => r.key !== ERNST));
    const reference = createViewKeeper({ db: async () => exact, now: NOW, merge: mergeRecords, settleMs: 0 });
    reference.changed();
    await reference.settled();
    expect(await keptState(db)).toEqual(await keptState(exact));
  });

  it('a worker that crashes, cannot start or does not answer: the background merges itself and records why', async () => {
    const reference = await storeOf(RECORDS, DECISIONS);
    const inThread = createViewKeeper({ db: async () => reference, now: NOW, merge: mergeRecords, settleMs: 0 });
    inThread.changed();
    await inThread.settled();
    const expected = await keptState(reference);

    const cases: { offThread(db: LensDB): KeeperDeps['offThread']; why: RegExp }[] = [
      { offThread: (db) => offThreadRebuild(simulatedWorker(db, { crash: 'out of memory' }).open), why: /^the merge worker failed \(out of memory\)$/ },
      {
        offThread: () =>
          offThreadRebuild(async () => {
            throw new Error('no offscreen document');
          }),
        why: /^the merge worker could not start \(no offscreen document\)$/,
      },
      { offThread: (db) => offThreadRebuild(simulatedWorker(db, { silent: true }).open, { readyMs: 20 }), why: /did not start within/ },
    ];
    // Crashed after merging, when asked to write the views.
    cases.push({ offThread: (db) => offThreadRebuild(simulatedWorker(db, { crashOnWrite: 'gone' }).open), why: /^the merge worker failed \(gone\)$/ });
    for (const c of cases) {
      const db = await storeOf(RECORDS, DECISIONS);
      const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, offThread: c.offThread(db) });
      keeper.changed();
      const meta = await keeper.settled();
      expect(meta?.error).toBeUndefined();
      expect(meta?.dirty).toBe(false);
      expect(meta?.merged?.in).toBe('background');
      expect(meta?.merged?.why).toMatch(c.why);
      expect(await keptState(db)).toEqual(expected);
    }
  });

  it('a merge that fails in the worker and again here keeps the last good views with the reason', async () => {
    const db = await storeOf(RECORDS);
    let fail = false;
    const merge: KeeperDeps['merge'] = (rs, ds) => {
      if (fail) throw new TypeError('boom');
      return mergeRecords(rs, ds);
    };
    const failing = async (): Promise<RebuildSource> => {
      throw new Error('the merge failed in the worker (boom)');
    };
    const fromStore = async (): Promise<RebuildSource> => {
      const { records: rs, decisions: ds, changes } = await mergeInput(db);
      return localSource(rebuildViews(rs, ds, merge), rs, changes);
    };
    const keeper = createViewKeeper({ db: async () => db, now: NOW, merge, settleMs: 0, offThread: async () => (fail ? failing() : fromStore()) });
    keeper.changed();
    await keeper.settled();
    const good = await allViews(db);
    fail = true;
    keeper.changed();
    expect(await keeper.settled()).toMatchObject({ dirty: true, error: 'the saved pages could not be merged (boom)' });
    expect(await allViews(db)).toEqual(good);
  });

  it('the worker writes only the views that changed since the last build, all of them when the store holds another build; none crosses to the background', async () => {
    const [arxiv] = RECORDS.filter((r) => r.key === ARXIV);
    const db = await storeOf(RECORDS.filter((r) => r.key !== ARXIV));
    const worker = simulatedWorker(db);
    const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, provisional: false, offThread: offThreadRebuild(worker.open) });
    keeper.changed();
    await keeper.settled();
    expect(worker.written()).toEqual(['all']);
    // The same store again: nothing changed, nothing written, only the prints crossed.
    keeper.changed();
    await keeper.settled();
    expect(worker.written()).toEqual(['all', 0]);
    // One capture more: the views it changes, not the library.
    await db.put('captures', arxiv!);
    keeper.changed();
    await keeper.settled();
    const changedViews = worker.written()[2] as number;
    expect(changedViews).toBeGreaterThan(0);
    expect(changedViews).toBeLessThan((await allViews(db)).length);
    // Views written by someone else in between (here: cleared): the keeper's memory no longer holds, all views are written.
    await db.clear('viewsMeta');
    keeper.changed();
    await keeper.settled();
    expect(worker.written().slice(3)).toEqual([0, 'all']);
    expect(worker.sent()).toEqual([]);
    const exact = await storeOf(RECORDS);
    const reference = createViewKeeper({ db: async () => exact, now: NOW, merge: mergeRecords, settleMs: 0 });
    reference.changed();
    await reference.settled();
    expect(await keptState(db)).toEqual(await keptState(exact));
  });

  it('a change counted after the keeper chose the meta record but before the worker\'s write lands leaves the views marked behind, never current', async () => {
    const db = await storeOf(RECORDS);
    const worker = simulatedWorker(db);
    let keeper: ReturnType<typeof createViewKeeper> | undefined;
    let race = false;
    // The write request on its way to the worker (a message hop): a change is counted and its mark lands first.
    const open = async (): Promise<MergePort> => {
      const port = await worker.open();
      return {
        ...port,
        post(m) {
          if (m.type !== 'write' || !race) return port.post(m);
          race = false;
          keeper!.changed();
          void (async () => {
            while (!(await viewsMeta(db))?.dirty) await tick();
            port.post(m);
          })();
        },
      };
    };
    // The build that follows the change is held back, so what the raced write left can be looked at.
    let holdNext = false;
    let reached: () => void = () => {};
    let release: () => void = () => {};
    const sleep = async () => {
      if (!holdNext) return;
      holdNext = false;
      reached();
      await new Promise<void>((r) => (release = r));
    };
    keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, sleep, provisional: false, offThread: offThreadRebuild(open) });
    keeper.changed();
    await keeper.settled();
    expect((await viewsMeta(db))?.dirty).toBe(false);
    race = true;
    const next = new Promise<void>((r) => (reached = r));
    keeper.changed();
    // The first sleep is this build's own; the one after its write is the next build's.
    await tick();
    holdNext = true;
    await next;
    expect(worker.written().length).toBe(2);
    expect((await viewsMeta(db))?.dirty).toBe(true);
    release();
    await keeper.settled();
    expect((await viewsMeta(db))?.dirty).toBe(false);
  });

  it('a page stored while the worker merges, before the background hears of it, leaves the written views behind, never current, and the keeper builds again', async () => {
    const [arxiv] = RECORDS.filter((r) => r.key === ARXIV);
    const { db, held, keeper } = await heldMidBuild(RECORDS.filter((r) => r.key !== ARXIV));
    // The worker has read and merged; a page is stored now, and the background is not told (its message still on the way,
    // or never sent: the page closed first). The write checks the change count in its own transaction.
    await putCapture(db, ARXIV, arxiv!.capture);
    held.release();
    for (let i = 0; i < 500 && held.pending() < 2; i++) await tick();
    const between = await viewsMeta(db);
    expect(between?.dirty).toBe(true);
    expect(Object.keys(between!.captures)).not.toContain(ARXIV);
    expect(held.pending()).toBe(2);
    held.release();
    const meta = await keeper.settled();
    expect(meta?.dirty).toBe(false);
    expect(Object.keys(meta!.captures)).toContain(ARXIV);
    expect(await viewForKey(db, ARXIV)).toBeDefined();
  });

  it('the same on the background\'s own thread: a page stored during its merge leaves those views behind, and the next build has it', async () => {
    const [arxiv] = RECORDS.filter((r) => r.key === ARXIV);
    const db = await storeOf(RECORDS.filter((r) => r.key !== ARXIV));
    let storeDuring = false;
    const merge: KeeperDeps['merge'] = (rs, ds) => {
      if (storeDuring) {
        storeDuring = false;
        // Its transaction is made now, before the views' write: it lands between the build's read and its write.
        void putCapture(db, ARXIV, arxiv!.capture);
      }
      return mergeRecords(rs, ds);
    };
    const keeper = createViewKeeper({ db: async () => db, now: NOW, merge, settleMs: 0, provisional: false });
    keeper.changed();
    await keeper.settled();
    storeDuring = true;
    keeper.changed();
    const first = await keeper.settled();
    expect(first?.dirty).toBe(true);
    const meta = await keeper.settled();
    expect(meta?.dirty).toBe(false);
    expect(Object.keys(meta!.captures)).toContain(ARXIV);
  });

  it('everything erased while the worker merges: its views are not written back, and the store ends empty', async () => {
    const { db, held, keeper } = await heldMidBuild(RECORDS);
    await eraseAll(db);
    const done = keeper.settled();
    held.release();
    await done;
    expect(await allViews(db)).toEqual([]);
    await keeper.settled();
    expect(await allViews(db)).toEqual([]);
    expect(await viewsMeta(db)).toBeUndefined();
  });

  it('the worker reads the captures, the decisions and the change count in one read transaction', async () => {
    const db = await storeOf(RECORDS, DECISIONS);
    const opened: string[][] = [];
    const spy = new Proxy(db, {
      get(target, p) {
        if (p === 'transaction')
          return (names: string | string[], mode?: string, ...rest: unknown[]) => {
            // Its read transactions; a write of the count's first value before it (a store that had none) is no read.
            if (mode !== 'readwrite') opened.push([names].flat());
            return (target.transaction as (...a: unknown[]) => unknown)(names, mode, ...rest);
          };
        if (p === 'getAll' || p === 'get' || p === 'count' || p === 'getAllFromIndex')
          return (name: string, ...rest: unknown[]) => {
            opened.push([name]);
            return (target[p] as (...a: unknown[]) => unknown)(name, ...rest);
          };
        const v: unknown = Reflect.get(target, p);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const replies: MergeReply[] = [];
    const serve = serveRebuilds({ postMessage: (m) => replies.push(m) }, mergeRecords, async () => spy);
    serve({ type: 'rebuild', id: 1 });
    while (!replies.some((r) => r.type === 'rebuilt' || r.type === 'failed')) await tick();
    expect(replies.find((r) => r.type === 'rebuilt')).toBeDefined();
    expect(opened.map((names) => [...names].sort())).toEqual([['captures', 'decisions', 'viewsMeta']]);
  });

  it('the worker answers a malformed request with a reason, and ignores what is not a request', async () => {
    const replies: MergeReply[] = [];
    const db = await storeOf([]);
    const serve = serveRebuilds({ postMessage: (m) => replies.push(m) }, mergeRecords, async () => db);
    serve({ type: 'rebuild', id: 'three' });
    serve({ type: 'views', id: 4, ids: [1] });
    serve({ type: 'views', id: 5, ids: 'all' });
    serve({ type: 'write', id: 6, ids: 'all', meta: { build: 7 } });
    serve({ type: 'write', id: 7, ids: 'all', meta: { build: 'b', builtAt: '' }, previous: { build: 'a', prints: [[1, 2]] } });
    serve({ type: 'write', id: 8, ids: 'all', meta: { build: 'b', builtAt: '' } });
    serve(null);
    serve({ type: 'hello' });
    expect(replies).toEqual([
      { type: 'ready' },
      { type: 'failed', error: 'a malformed rebuild request' },
      { type: 'failed', id: 4, error: 'a malformed views request' },
      { type: 'failed', id: 5, error: 'no such rebuild here' },
      { type: 'failed', id: 6, error: 'a malformed write request' },
      { type: 'failed', id: 7, error: 'a malformed write request' },
      { type: 'failed', id: 8, error: 'no such rebuild here' },
    ]);
  });
});

describe('the dashboard\'s Rebuild line', () => {
  const meta = { builtAt: '2026-12-03T09:05:00.000Z', captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 } };
  it('says when the last build was made, how long its merge took, and why it merged in the background when it did', () => {
    expect(rebuildLine(undefined)).toBe('Not built yet.');
    expect(rebuildLine({ ...meta, merged: { in: 'worker', ms: 5400 } })).toMatch(/^Last built Dec 3, 2026, \d{1,2}:\d{2}\s?[AP]M in 5\.4 s\.$/);
    expect(rebuildLine({ ...meta, merged: { in: 'background', ms: 7000, why: 'the merge worker could not start (no offscreen document)' } })).toMatch(
      / in 7 s \(merged in the background: the merge worker could not start \(no offscreen document\)\)\.$/,
    );
    expect(rebuildLine(meta)).toMatch(/^Last built Dec 3, 2026, .*M\.$/);
  });
});
