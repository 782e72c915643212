// Nothing lost: a database stored by every earlier schema version opens with
// the current code, every record intact; a failed or over-quota write leaves
// the store exactly as it was and the user is told.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { readFileSync } from 'node:fs';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { DB_VERSION } from '../../src/store/schema';
import { allCaptures, allDecisions, capturesForPersonId, getCapture, getSetting, openStore, putCapture, type LensDB } from '../../src/store/store';
import { validateCapture } from '../../src/core/validate';
import { createHandler } from '../../src/shell/background-handler';
import type { TabStatus } from '../../src/shell/messages';
import { statusLine } from '../../src/ui/labels';
import type { Capture } from '../../src/core/capture';
import { dumpDatabase, loadDatabase, type DatabaseDump } from '../helpers/idb-dump';
import { dataPath } from '../helpers/fixtures';
import { decisionsOf } from '../../src/ui/model/decision-records';
import { normalizeSiteSettings, SITE_SETTINGS_KEY } from '../../src/shell/site-settings';
import { allViews, keysMatching, viewForKey, viewsMeta } from '../../src/store/views';
import { createViewKeeper } from '../../src/shell/view-keeper';
import { mergeRecords } from '../../src/ui/model/merged-library';

const readDump = (file: string): DatabaseDump => JSON.parse(readFileSync(dataPath(file), 'utf8')) as DatabaseDump;

/** What the v5 upgrade leaves of a v3 or v4 store: every record but the derived views, their keys and meta record. */
const withoutViews = (dump: DatabaseDump): DatabaseDump => ({
  ...dump,
  stores: dump.stores.map((s) => (s.name === 'views' || s.name === 'viewKeys' || s.name === 'viewsMeta' ? { ...s, records: [] } : s)),
});

/**
 * One row per schema version that users may still hold. Adding version N+1:
 * run tests/helpers/make-store-fixture.ts while the code is at N+1 (for the
 * next one), and add a row here for the frozen v<N>.json with what its upgrade
 * must turn each record into (`expected`, default: unchanged).
 */
const VERSIONS: { version: number; fixture: string; expected?: (dump: DatabaseDump) => DatabaseDump; holds: (db: LensDB) => Promise<void> }[] = [
  {
    version: 1,
    fixture: 'store/v1.json',
    // v1.json was written by an earlier fixture script: a decision id ("d1") and settings the app never writes.
    holds: async (db) => {
      expect(await allDecisions(db)).toHaveLength(1);
      expect(await getSetting(db, 'collectDelayMs', 0)).toBe(3000);
    },
  },
  {
    version: 2,
    fixture: 'store/v2.json',
    // Written through the app's own code paths: the popup's dismissal of a suggestion, the dashboard's site settings.
    holds: async (db) => {
      const decisions = await allDecisions(db);
      expect(decisions.map((d) => d.id)).toEqual(['people:page:dblp:pid:00/5179|page:google-scholar:user=SbUmSEAAAAAJ']);
      expect(decisionsOf(decisions)).toEqual([{ kind: 'unlink-people', people: ['page:google-scholar:user=SbUmSEAAAAAJ', 'page:dblp:pid:00/5179'], at: '2026-11-22T10:00:00.000Z' }]);
      expect(normalizeSiteSettings(await getSetting(db, SITE_SETTINGS_KEY, null))).toEqual({ auto: { 'semantic-scholar': false }, collectAllDelayMs: 3000 });
    },
  },
  {
    version: 3,
    fixture: 'store/v3.json',
    // v3 adds the views the background keeps; written by its keeper after the same changes as v2.
    // v5 stores them light: the upgrade drops views of v3/v4, which the keeper builds again on start.
    expected: withoutViews,
    holds: async (db) => {
      expect(await allViews(db)).toEqual([]);
      expect(await viewsMeta(db)).toBeUndefined();
      expect(await db.count('viewKeys')).toBe(0);
    },
  },
  {
    version: 4,
    fixture: 'store/v4.json',
    // v4 keeps each view's exact keys beside it (store viewKeys), written by the same keeper build; dropped with the views.
    expected: withoutViews,
    holds: async (db) => {
      expect(await allViews(db)).toEqual([]);
      expect(await db.count('viewKeys')).toBe(0);
      expect(await viewsMeta(db)).toBeUndefined();
    },
  },
  {
    version: 5,
    fixture: 'store/v5.json',
    // v5: the same build's views stored light, each work without its field provenance; keys records as in v4.
    holds: async (db) => {
      const views = await allViews(db);
      expect(views.map((v) => v.id).sort()).toEqual(['library', 'person:dblp:00/5179', 'person:gscholar:SbUmSEAAAAAJ', 'person:orcid:0000-0003-4423-4370', 'work:arxiv:2004.10162']);
      for (const v of views) for (const w of v.slice.works) expect(w).not.toHaveProperty('fields');
      expect((await db.getAllKeys('viewKeys')).sort()).toEqual(views.map((v) => v.id).filter((id) => id !== 'library').sort());
      expect((await keysMatching(db, ['p:gscholar:SbUmSEAAAAAJ'])).map((k) => k.id)).toEqual(['person:gscholar:SbUmSEAAAAAJ']);
      expect((await viewsMeta(db))?.dirty).toBe(false);
    },
  },
];

/** The indexes the current schema declares, per object store; an upgrade must leave exactly these. */
const CURRENT_INDEXES: Record<string, string[]> = { captures: ['byPersonId'], decisions: [], settings: [], views: ['byKey'], viewsMeta: [], viewKeys: ['byMatch'] };

let dbName = '';
let n = 0;
afterEach(async () => {
  if (dbName) await deleteDB(dbName);
});

describe('stored databases of every schema version open with the current code', () => {
  it('covers every version up to the current one', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const row of VERSIONS) {
    it(`v${row.version} → v${DB_VERSION}: every record survives`, async () => {
      const stored = readDump(row.fixture);
      expect(stored.version).toBe(row.version);
      dbName = `migrate-v${row.version}-${++n}`;
      await loadDatabase(dbName, stored);
      const db = await openStore(dbName);
      expect(db.version).toBe(DB_VERSION);
      const after = await dumpDatabase(db as never, stored.about);
      const want = row.expected ? row.expected(stored) : stored;
      for (const s of want.stores) {
        const got = after.stores.find((x) => x.name === s.name);
        expect(got, `store ${s.name}`).toBeDefined();
        expect(got!.records).toEqual(s.records);
      }
      // Read through the store's own functions too: captures still valid, indexes still answer.
      for (const r of await allCaptures(db)) expect(validateCapture(r.capture).ok, r.key).toBe(true);
      // The fixture was made by capturing Ernst's profile twice; the page lists 58 rows
      // (SOURCES.tsv: "all58", and the saved page's "Show more" button is disabled).
      const ernst = await getCapture(db, 'google-scholar:user=SbUmSEAAAAAJ');
      expect(ernst?.timesSeen).toBe(2);
      expect(ernst?.capture.works).toHaveLength(58);
      // ORCID id as in the record file's name and its "orcid-identifier.path".
      expect((await capturesForPersonId(db, 'orcid:0000-0003-4423-4370')).map((r) => r.source)).toEqual(['orcid']);
      await row.holds(db);
      // A store from before v5 has no kept views (none before v3; v3's and v4's, stored whole, dropped): the popup
      // shows the page as stored and the background builds them, light, from the upgraded records.
      if (row.version < 5) {
        expect(await viewsMeta(db)).toBeUndefined();
        const keeper = createViewKeeper({ db: async () => db, now: () => new Date('2026-12-02T10:00:00.000Z'), merge: mergeRecords, settleMs: 0 });
        await keeper.resume();
        await keeper.settled();
        const view = await viewForKey(db, 'google-scholar:user=SbUmSEAAAAAJ');
        expect(view?.slice.people[0]?.name).toBe(ernst!.capture.person?.name);
        expect(view!.slice.works.map((w) => w.id).sort()).toEqual([...new Set(view!.slice.people[0]!.workIds)].sort());
        for (const w of view!.slice.works) expect(w).not.toHaveProperty('fields');
        // Ernst's view is found by his Scholar id through the keys index again.
        expect((await keysMatching(db, ['p:gscholar:SbUmSEAAAAAJ'])).map((k) => k.id)).toEqual(['person:gscholar:SbUmSEAAAAAJ']);
      }
      // Indexes dropped by later versions (v2: bySource, byLastSeen) are gone.
      expect(Object.fromEntries(after.stores.map((s) => [s.name, s.indexes.map((i) => i.name)]))).toEqual(CURRENT_INDEXES);
      db.close();
    });
  }
});

// ---- failed writes -------------------------------------------------------

// Synthetic capture: the failure path does not depend on where a capture came from.
function capture(at: string, title: string): Capture {
  return {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'google-scholar',
    pageKind: 'author',
    url: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ',
    capturedAt: at,
    person: { name: 'Synthetic Person', ids: { gscholar: 'SbUmSEAAAAAJ' } },
    works: [{ title }],
  };
}

const KEY = 'google-scholar:user=SbUmSEAAAAAJ';
const originalPut = FakeObjectStore.prototype.put;
afterEach(() => {
  FakeObjectStore.prototype.put = originalPut;
});

/** The browser refuses the write: put throws QuotaExceededError, as Chrome does when the origin is full. */
function quotaOnPut(): void {
  FakeObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
/** The write is accepted, then the transaction aborts before commit (disk full at commit time). */
function abortAfterPut(): void {
  FakeObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const req = originalPut.apply(this, args as never);
    this.transaction.abort();
    return req;
  } as never;
}

async function snapshot(db: LensDB) {
  return (await dumpDatabase(db as never, '')).stores;
}

describe('a failed write leaves the store exactly as it was', () => {
  for (const [label, fail] of [
    ['quota exceeded on put', quotaOnPut],
    ['transaction aborted after put', abortAfterPut],
  ] as const) {
    it(`${label}: putCapture rejects, nothing changes`, async () => {
      dbName = `fail-${++n}`;
      const db = await openStore(dbName);
      await putCapture(db, KEY, capture('2026-11-01T00:00:00.000Z', 'Before'));
      const before = await snapshot(db);
      fail();
      await expect(putCapture(db, KEY, capture('2026-11-20T00:00:00.000Z', 'After'))).rejects.toThrow();
      await expect(putCapture(db, 'other', capture('2026-11-20T00:00:00.000Z', 'New page'))).rejects.toThrow();
      FakeObjectStore.prototype.put = originalPut;
      expect(await snapshot(db)).toEqual(before);
      expect((await getCapture(db, KEY))?.capture.works?.[0]?.title).toBe('Before');
      db.close();
    });
  }

  it('the background reports outcome "error" with the reason the popup shows', async () => {
    dbName = `fail-bg-${++n}`;
    const dbp = openStore(dbName);
    const statuses = new Map<number, TabStatus>();
    const { handle } = createHandler(
      { db: () => dbp, now: () => new Date('2026-11-22T10:00:00.000Z'), saveStatus: async (s) => void statuses.set(s.tabId, s), loadStatus: async (id) => statuses.get(id) },
      'own',
    );
    quotaOnPut();
    const r = await handle({ type: 'capture', capture: capture('2026-11-20T00:00:00.000Z', 'A work') }, { id: 'own', tabId: 5, url: capture('2026-11-20T00:00:00.000Z', 'A work').url });
    FakeObjectStore.prototype.put = originalPut;
    expect(r).toMatchObject({ ok: true, value: { outcome: 'error' } });
    const status = statuses.get(5)!;
    expect(status.reason).toMatch(/^the browser refused to store it \(.*quota.*\)$/i);
    expect(statusLine(status)).toMatch(/^Google Scholar author page — not saved: the browser refused to store it \(.*quota.*\)$/i);
    expect(await allCaptures(await dbp)).toHaveLength(0);
    (await dbp).close();
  });
});

describe('a fresh install walks every upgrade step', () => {
  it('ends with the current stores and indexes only', async () => {
    dbName = `fresh-${++n}`;
    const db = await openStore(dbName);
    const dump = await dumpDatabase(db as never, '');
    expect(dump.version).toBe(DB_VERSION);
    expect(Object.fromEntries(dump.stores.map((s) => [s.name, s.indexes.map((i) => i.name)]))).toEqual(CURRENT_INDEXES);
    db.close();
  });
});
