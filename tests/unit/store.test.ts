import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach } from 'vitest';
import { deleteDB } from 'idb';
import { allCaptures, deleteCapture, eraseAll, getCapture, inBatches, mergeInput, openStore, putCapture, putDecision, putDecisions, allDecisions, putSetting, getSetting, storeConnection } from '../../src/store/store';
import { markViews, viewsMeta, writeViews } from '../../src/store/views';
import { DB_VERSION } from '../../src/store/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDatabase, type DatabaseDump } from '../helpers/idb-dump';
import type { Capture } from '../../src/core/capture';

// A small synthetic capture: the store does not care where a capture came from.
function capture(at: string, works = 2): Capture {
  return {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'google-scholar',
    pageKind: 'author',
    url: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ',
    capturedAt: at,
    person: { name: 'Synthetic Person', ids: { gscholar: 'SbUmSEAAAAAJ' } },
    works: Array.from({ length: works }, (_, i) => ({ title: `Work ${i}`, citations: i })),
  };
}

const NAME = 'scholar-lens-test';
beforeEach(async () => {
  await deleteDB(NAME);
});

describe('store', () => {
  it('adds, then updates the same page instead of duplicating it, keeping first and last seen', async () => {
    const db = await openStore(NAME);
    const a = await putCapture(db, 'google-scholar:user=SbUmSEAAAAAJ', capture('2026-11-01T00:00:00.000Z', 2));
    expect(a.status).toBe('added');
    const b = await putCapture(db, 'google-scholar:user=SbUmSEAAAAAJ', capture('2026-11-20T00:00:00.000Z', 3));
    expect(b.status).toBe('updated');
    const all = await allCaptures(db);
    expect(all).toHaveLength(1);
    expect(all[0]!.firstSeen).toBe('2026-11-01T00:00:00.000Z');
    expect(all[0]!.lastSeen).toBe('2026-11-20T00:00:00.000Z');
    expect(all[0]!.timesSeen).toBe(2);
    expect(all[0]!.capture.works).toHaveLength(3);
    expect(all[0]!.personIds).toEqual(['gscholar:SbUmSEAAAAAJ']);
    db.close();
  });

  it('keeps the newer capture when an older one arrives late', async () => {
    const db = await openStore(NAME);
    await putCapture(db, 'k', capture('2026-11-20T00:00:00.000Z', 5));
    await putCapture(db, 'k', capture('2026-11-01T00:00:00.000Z', 1));
    const r = await getCapture(db, 'k');
    expect(r!.capture.works).toHaveLength(5);
    expect(r!.firstSeen).toBe('2026-11-01T00:00:00.000Z');
    db.close();
  });

  it('refuses invalid, blocked and unrecognized captures and leaves the store as it was', async () => {
    const db = await openStore(NAME);
    await putCapture(db, 'k', capture('2026-11-01T00:00:00.000Z'));
    const bad = { ...capture('2026-11-02T00:00:00.000Z'), works: [{ title: '' }] } as Capture;
    await expect(putCapture(db, 'k', bad)).rejects.toThrow(/invalid capture/);
    const blocked: Capture = { ...capture('2026-11-02T00:00:00.000Z'), pageKind: 'blocked', notes: ['captcha'] };
    delete blocked.person;
    delete blocked.works;
    await expect(putCapture(db, 'k2', blocked)).rejects.toThrow(/not stored/);
    const all = await allCaptures(db);
    expect(all).toHaveLength(1);
    expect(all[0]!.capture.capturedAt).toBe('2026-11-01T00:00:00.000Z');
    db.close();
  });

  it('stores many captures sent at once, none lost, none duplicated', async () => {
    const db = await openStore(NAME);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => putCapture(db, `k${i % 150}`, capture(new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()))),
    );
    expect(await allCaptures(db)).toHaveLength(150);
    db.close();
  });

  it('keeps decisions and settings, and erases everything', async () => {
    const db = await openStore(NAME);
    await putCapture(db, 'k', capture('2026-11-01T00:00:00.000Z'));
    await putDecision(db, { id: 'd1', at: '2026-11-01T00:00:00.000Z', kind: 'link-people', people: ['page:a', 'page:b'] });
    await putSetting(db, 'collectDelayMs', 3000);
    expect(await allDecisions(db)).toHaveLength(1);
    expect(await getSetting(db, 'collectDelayMs', 2000)).toBe(3000);
    await eraseAll(db);
    expect(await allCaptures(db)).toHaveLength(0);
    expect(await allDecisions(db)).toHaveLength(0);
    expect(await getSetting(db, 'collectDelayMs', 2000)).toBe(2000);
    db.close();
  });

  it('writes only well-formed decisions, and reads back only well-formed ones', async () => {
    const db = await openStore(NAME);
    const good = { id: 'people:page:a|page:b', at: '2026-11-01T00:00:00.000Z', kind: 'unlink-people', people: ['page:a', 'page:b'] } as const;
    await putDecision(db, { ...good, people: [...good.people] });
    for (const bad of [{ ...good, people: ['page:a'] }, { ...good, kind: 'nothing' }, { ...good, at: 'yesterday' }, { ...good, id: '' }, { ...good, kind: 'join-works' }])
      await expect(putDecision(db, bad as never)).rejects.toThrow(/invalid decision/);
    // A record written past putDecision (an older version, a hand-edited database) is skipped on read.
    await db.put('decisions', { id: 'junk', at: 'x', kind: 'link-people' } as never);
    expect((await db.getAllKeys('decisions')).sort()).toEqual(['junk', good.id]);
    expect(await allDecisions(db)).toEqual([good]);
    db.close();
  });

  it('a page or a decision written marks kept views that said current behind, in the same transaction; a refused one leaves them (synthetic records)', async () => {
    const db = await openStore(NAME);
    try {
      // No meta record yet (no views built): none is made.
      await putDecision(db, { id: 'd0', at: '2026-11-01T00:00:00.000Z', kind: 'link-people', people: ['page:a', 'page:b'] });
      expect(await viewsMeta(db)).toBeUndefined();
      await markViews(db, { dirty: false });
      await putCapture(db, 'google-scholar:user=SbUmSEAAAAAJ', capture('2026-11-01T00:00:00.000Z', 2));
      expect((await viewsMeta(db))?.dirty).toBe(true);
      await markViews(db, { dirty: false });
      await putDecision(db, { id: 'd1', at: '2026-11-02T00:00:00.000Z', kind: 'unlink-people', people: ['page:a', 'page:b'] });
      expect((await viewsMeta(db))?.dirty).toBe(true);
      await markViews(db, { dirty: false });
      await putDecisions(db, [
        { id: 'd2', at: '2026-11-03T00:00:00.000Z', kind: 'link-people', people: ['page:a', 'page:c'] },
        { id: 'd3', at: '2026-11-03T00:00:00.000Z', kind: 'link-people', people: ['page:b', 'page:c'] },
      ]);
      expect((await viewsMeta(db))?.dirty).toBe(true);
      await markViews(db, { dirty: false });
      await expect(putDecisions(db, [{ id: 'bad', at: 'yesterday', kind: 'link-people', people: ['page:a', 'page:b'] } as never])).rejects.toThrow(/invalid decision/);
      expect((await viewsMeta(db))?.dirty).toBe(false);
    } finally {
      db.close();
    }
  });

  it('every write of what the views are built from counts itself beside the meta record in its own transaction, deletes included; an erase removes the count and a new one starts elsewhere (synthetic records)', async () => {
    const db = await openStore(NAME);
    try {
      const KEY = 'google-scholar:user=SbUmSEAAAAAJ';
      const count = async () => ((await db.get('viewsMeta', 'changes')) as { changes?: number } | undefined)?.changes;
      await putCapture(db, KEY, capture('2026-11-01T00:00:00.000Z', 2));
      const first = await count();
      expect(typeof first).toBe('number');
      await putCapture(db, 'google-scholar:user=OTHERAAAAAAJ', capture('2026-11-01T00:00:00.000Z', 1));
      expect(await count()).toBe(first! + 1);
      await putDecisions(db, [{ id: 'd2', at: '2026-11-03T00:00:00.000Z', kind: 'link-people', people: ['page:a', 'page:c'] }]);
      expect(await count()).toBe(first! + 2);
      // The keeper's own marks do not count: only what the views are built from.
      await markViews(db, { dirty: false });
      expect(await count()).toBe(first! + 2);
      // A page deleted is such a write: marked behind and counted, with the delete.
      await deleteCapture(db, KEY);
      expect(await viewsMeta(db)).toMatchObject({ dirty: true });
      expect(await count()).toBe(first! + 3);
      expect(await getCapture(db, KEY)).toBeUndefined();
      await eraseAll(db);
      expect(await count()).toBeUndefined();
      await putCapture(db, KEY, capture('2026-11-02T00:00:00.000Z', 2));
      // Counted from a new random start: a rebuild that read a count before the erase never finds it again.
      expect(await count()).not.toBe(first! + 4);
      // A meta record saying current written before the count existed (no count beside it): still marked behind.
      await eraseAll(db);
      await db.put('viewsMeta', { builtAt: 'b', captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 } }, 'current');
      await putCapture(db, KEY, capture('2026-11-03T00:00:00.000Z', 2));
      expect((await viewsMeta(db))?.dirty).toBe(true);
      // mergeInput reads the count with the captures and decisions.
      const input = await mergeInput(db, 1);
      expect(input.records.map((r) => r.key)).toEqual([KEY]);
      expect(input.changes).toBe(await count());
    } finally {
      db.close();
    }
  });

  it('views a rebuild built before an erase are never written back, even when a mark or a page made the count anew since; a page stored since the read leaves them behind (synthetic records)', async () => {
    const db = await openStore(NAME);
    try {
      const KEY = 'google-scholar:user=SbUmSEAAAAAJ';
      const AT = '2026-11-01T00:00:00.000Z';
      const stats = { captures: 1, records: 2, works: 2, people: 1 };
      // What a rebuild writes: no views are needed to see the check, only its meta record naming what it read.
      const write = (changes: number | undefined) =>
        writeViews(db, { prints: new Map(), views: [], complete: true, read: { changes } }, { builtAt: 'b', build: 'b', captures: { [KEY]: AT }, dirty: false, stats });
      for (const after of ['the keeper marks the views behind', 'a page is stored'] as const) {
        await putCapture(db, KEY, capture(AT, 2));
        const input = await mergeInput(db);
        await eraseAll(db);
        if (after === 'the keeper marks the views behind') await markViews(db, { dirty: true });
        else await putCapture(db, 'google-scholar:user=OTHERAAAAAAJ', capture(AT, 1));
        expect(await write(input.changes), after).toBeUndefined();
        expect(Object.keys((await viewsMeta(db))?.captures ?? {}), after).not.toContain(KEY);
        await eraseAll(db);
      }
      // No erase: a page stored after the read is a change, and the views are written marked behind.
      await putCapture(db, KEY, capture(AT, 2));
      const input = await mergeInput(db);
      await putCapture(db, 'google-scholar:user=OTHERAAAAAAJ', capture(AT, 1));
      expect(await write(input.changes)).toMatchObject({ behind: true });
      expect(await viewsMeta(db)).toMatchObject({ dirty: true });
    } finally {
      db.close();
    }
  });

  it('a store whose meta record says current and has no count yet: the count a rebuild makes still lets the next page mark the views behind (synthetic records)', async () => {
    const db = await openStore(NAME);
    try {
      await db.put('viewsMeta', { builtAt: 'b', captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 } }, 'current');
      await mergeInput(db);
      await putCapture(db, 'google-scholar:user=SbUmSEAAAAAJ', capture('2026-11-03T00:00:00.000Z', 2));
      expect((await viewsMeta(db))?.dirty).toBe(true);
    } finally {
      db.close();
    }
  });

  it('leaves every object store empty after eraseAll, including ones added by later schema versions', async () => {
    const db = await openStore(NAME);
    await Promise.all(Array.from({ length: 20 }, (_, i) => putCapture(db, `k${i}`, capture('2026-11-01T00:00:00.000Z'))));
    await putDecision(db, { id: 'd1', at: '2026-11-01T00:00:00.000Z', kind: 'unlink-people', people: ['page:a', 'page:b'] });
    await putSetting(db, 'collectDelayMs', 3000);
    await putSetting(db, 'disabledSites', ['dblp']);
    await eraseAll(db);
    // Walk the database itself, not the store's getters: a store eraseAll forgot would show here.
    const counts = await Promise.all([...db.objectStoreNames].map(async (name) => [name, await db.count(name)] as const));
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts.filter(([, c]) => c > 0)).toEqual([]);
    db.close();
    // And after reopening (a restarted background), still nothing.
    const again = await openStore(NAME);
    for (const name of again.objectStoreNames) expect(await again.count(name)).toBe(0);
    again.close();
  });
});

// Issue 14, finding 7: the connection a page or the background keeps.
describe('whole-store reads in batches', () => {
  it('reads every record once, in key order, as one getAll does, whatever the batch against the count', async () => {
    const db = await openStore(NAME);
    // Keys in an order of their own (not the order written), some sharing a prefix.
    const keys = Array.from({ length: 23 }, (_, i) => `google-scholar:user=${String((i * 7) % 23).padStart(2, '0')}x`);
    for (const [i, k] of keys.entries()) await putCapture(db, k, capture(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`, 1 + (i % 3)));
    const whole = await db.getAll('captures');
    expect(whole.map((r) => r.key)).toEqual([...keys].sort());
    for (const batch of [1, 5, 22, 23, 24, 100]) expect(await inBatches(db, 'captures', batch)).toEqual(whole);
    expect(await allCaptures(db)).toEqual(whole);
    await eraseAll(db);
    expect(await inBatches(db, 'captures', 5)).toEqual([]);
    db.close();
  });
});

describe('storeConnection', () => {
  const rawOpen = (name: string, version: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, version);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });

  it('does not keep a failed open: the next call opens again', async () => {
    // A newer version's database makes our open fail (VersionError), as a refused or broken one would.
    (await rawOpen(NAME, DB_VERSION + 1)).close();
    const db = storeConnection(NAME);
    await expect(db()).rejects.toThrow();
    await deleteDB(NAME);
    const opened = await db();
    expect(opened.version).toBe(DB_VERSION);
    expect(await db()).toBe(opened);
    opened.close();
  });

  it('closes when a newer version wants to upgrade, so the upgrade is not blocked, and opens again on the next call', async () => {
    const db = storeConnection(NAME);
    const first = await db();
    let blocked = false;
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(NAME, DB_VERSION + 1);
      r.onblocked = () => (blocked = true);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    expect(blocked).toBe(false);
    newer.close();
    await deleteDB(NAME);
    const second = await db();
    expect(second).not.toBe(first);
    second.close();
  });

  it('reports when another page holds an older version open, and opens once that page closes', async () => {
    // The stored v1 database, held open by a page that does not close on request.
    await loadDatabase(NAME, JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'store', 'v1.json'), 'utf8')) as DatabaseDump);
    const old = await rawOpen(NAME, 1);
    const reports: string[] = [];
    const db = storeConnection(NAME, { blocked: () => reports.push('blocked') });
    const opening = db();
    await expect.poll(() => reports).toEqual(['blocked']);
    old.close();
    const opened = await opening;
    expect(opened.version).toBe(DB_VERSION);
    opened.close();
  });
});
