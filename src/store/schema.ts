// The IndexedDB schema, versioned from day one. Each version's upgrade is an
// `if (oldVersion < N)` step so a database of any earlier version walks up to
// the current one; tests/unit/store-migrations.test.ts opens a stored database
// of each earlier version.

import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Capture, PageKind } from '../core/capture';
import { isUserDecision } from '../core/merge/decision-check';
import type { UserDecision } from '../core/merge/types';
import type { KeptView, ViewsMeta } from '../core/kept-views';
import type { ViewKeys } from '../core/view-keys';

export const DB_NAME = 'scholar-lens';
export const DB_VERSION = 5;
/** The key of the kept views' one meta record in `viewsMeta` (src/store/views.ts). */
export const VIEWS_META_KEY = 'current';
/** The key of the change count beside it in `viewsMeta` (src/store/views-behind.ts). */
export const VIEWS_CHANGES_KEY = 'changes';

/**
 * How many writes of what the views are built from (captures, decisions) the
 * store has seen, counted from a random start when first made; removed with
 * everything by an erase. A rebuild reads it with what it merges, and its views
 * say current only if it is unchanged when they are written.
 */
export interface ViewsChanges {
  changes: number;
  /**
   * Where this count started (its random first value), kept as it moves on: a
   * count made again after an erase has another start, so a rebuild that read
   * the old one sees the erase even when a write made the count anew since
   * (views-behind.ts sameCount). Absent on counts written before it.
   */
  start?: number;
  /** The meta record may say current (it was written with `dirty` false since the last count): the next write marks it behind. */
  clean?: true;
}

/** One stored page: the latest capture of it, and when it was first and last seen. */
export interface CaptureRecord {
  /** `<source>:<page key>`, from the adapter's pageKey: the same page always has the same key. */
  key: string;
  source: string;
  pageKind: PageKind;
  url: string;
  firstSeen: string;
  lastSeen: string;
  timesSeen: number;
  /** `kind:id` of the person's identifiers, for finding a person's pages across sites. */
  personIds: string[];
  capture: Capture;
}

/**
 * A user's curation decision as stored: the decision itself and an id naming
 * the pair it is about ("people:<ref>|<ref>", "works:<ref>|<ref>"), so a later
 * decision about the same pair replaces the earlier one. Automatic merging
 * never undoes one.
 */
export type DecisionRecord = UserDecision & { id: string };

/** A stored value read back: a record older code or a hand-edited database wrote is checked, not trusted. */
export function isDecisionRecord(v: unknown): v is DecisionRecord {
  const id = isUserDecision(v) ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '';
}

export interface LensSchema extends DBSchema {
  captures: {
    key: string;
    value: CaptureRecord;
    indexes: { byPersonId: string };
  };
  decisions: { key: string; value: DecisionRecord };
  settings: { key: string; value: unknown };
  /** What the popup shows per page, rebuilt by the background from captures and decisions (src/core/kept-views.ts); works stored without provenance (v5). Derived: never backed up. */
  views: {
    key: string;
    value: KeptView;
    indexes: { byKey: string };
  };
  /** Per view, its exact keys and rows (src/core/view-keys.ts), for the fast path when a capture arrives. Derived with the views. */
  viewKeys: {
    key: string;
    value: ViewKeys;
    indexes: { byMatch: string };
  };
  /** `current`: what the views were built from (ViewsMeta); `changes`: the change count (ViewsChanges, since v5 without an upgrade: a store without it simply has none yet). */
  viewsMeta: { key: string; value: ViewsMeta | ViewsChanges };
}

export type LensDB = IDBPDatabase<LensSchema>;

export function upgrade(
  db: LensDB,
  oldVersion: number,
  _newVersion: number | null,
  tx: IDBPTransaction<LensSchema, StoreNames<LensSchema>[], 'versionchange'>,
): void {
  // v1: the stores, as version 1 created them. Kept as it was (a fresh install
  // walks every step), so each step stays exactly what its version did.
  if (oldVersion < 1) {
    const captures = db.createObjectStore('captures', { keyPath: 'key' });
    // Indexes v1 had and v2 drops; the schema type no longer names them.
    captures.createIndex('bySource' as never, 'source');
    captures.createIndex('byLastSeen' as never, 'lastSeen');
    captures.createIndex('byPersonId', 'personIds', { multiEntry: true });
    db.createObjectStore('decisions', { keyPath: 'id' });
    db.createObjectStore('settings');
  }
  // v2: nothing ever queried captures by source or by last seen; the two
  // indexes only cost a write per capture and disk space. Records are untouched.
  if (oldVersion < 2) {
    const captures = tx.objectStore('captures');
    captures.deleteIndex('bySource');
    captures.deleteIndex('byLastSeen');
  }
  // v3: the merged library kept per page for the popup. Empty after the
  // upgrade (no meta record): the background rebuilds it from the records,
  // which are untouched, and the popup waits for that build meanwhile.
  if (oldVersion < 3) {
    const views = db.createObjectStore('views', { keyPath: 'id' });
    views.createIndex('byKey', 'keys', { multiEntry: true });
    db.createObjectStore('viewsMeta');
  }
  // v4: each view's exact keys (ids, title keys, person keys) and rows, so a
  // new capture finds what it concerns without reading the library. Empty
  // after the upgrade: a v3 store's views are simply not found by the fast
  // path until the next rebuild, which the first change starts.
  if (oldVersion < 4) {
    const keys = db.createObjectStore('viewKeys', { keyPath: 'id' });
    keys.createIndex('byMatch', 'match', { multiEntry: true });
  }
  // v5: views are stored light, each work without its field provenance
  // (recomputed from the captures where it is used, src/core/provenance.ts):
  // 128 → about 50 MB of JSON for a library of 300 researchers. The views of
  // v4, written whole, their keys and meta record are dropped (derived data:
  // records and decisions are untouched), and the background rebuilds them on
  // start as after the v3 upgrade; the popup shows the page as stored meanwhile.
  if (oldVersion < 5 && oldVersion >= 3) {
    tx.objectStore('views').clear();
    tx.objectStore('viewKeys').clear();
    tx.objectStore('viewsMeta').clear();
  }
}
