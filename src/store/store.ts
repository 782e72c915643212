// The store: captures, user decisions and settings in IndexedDB, through idb.
// Opened only by the background and extension pages: a content script's
// IndexedDB would belong to the web page's origin.

import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, isDecisionRecord, upgrade, VIEWS_CHANGES_KEY, type CaptureRecord, type DecisionRecord, type LensDB, type LensSchema } from './schema';
import { markViewsBehind, newCount, readChanges } from './views-behind';

export type { CaptureRecord, DecisionRecord, LensDB } from './schema';
export { isDecisionRecord } from './schema';
// Writing a capture validates it (src/core/validate.ts): in a module of its own,
// so the pages that only read (the popup) load none of that code.
export { personIdsOf, putCapture, type PutResult } from './put-capture';

export function openStore(name = DB_NAME): Promise<LensDB> {
  return openDB(name, DB_VERSION, { upgrade });
}

/** What a connection reports that the user may need to act on. */
export interface ConnectionEvents {
  /** Another Scholar Lens page holds the store open at an older version: the upgrade (and every read) waits until it closes. */
  blocked?(): void;
}

/**
 * The one store connection of a page or of the background, opened when first
 * needed and kept. A failed open is not kept: the next call tries again (a
 * full disk freed, a private window's refusal lifted) instead of failing
 * until the page or service worker restarts. When a newer version of the
 * extension wants to upgrade the store, this connection closes so it is not
 * held up, and the next call opens again.
 */
export function storeConnection(name = DB_NAME, events: ConnectionEvents = {}): () => Promise<LensDB> {
  let current: Promise<LensDB> | undefined;
  return () => {
    if (current) return current;
    const opening: Promise<LensDB> = openDB<LensSchema>(name, DB_VERSION, {
      upgrade,
      blocked: () => events.blocked?.(),
      blocking: () => {
        if (current === opening) current = undefined;
        void opening.then((db) => db.close());
      },
      // The browser closed it (storage cleared, disk error): open anew next time.
      terminated: () => {
        if (current === opening) current = undefined;
      },
    }).catch((err: unknown) => {
      if (current === opening) current = undefined;
      throw err;
    });
    current = opening;
    return opening;
  };
}

export function getCapture(db: LensDB, key: string): Promise<CaptureRecord | undefined> {
  return db.get('captures', key);
}

/** How many records a whole-store read asks for at a time (see inBatches). */
export const READ_BATCH = 100;

/**
 * Every record of a store keyed by `key` or `id`, in key order as getAll
 * gives them, read in one transaction `batch` records at a time: the browser
 * then hands the page one batch's bytes at a time, not the whole library's in
 * one message next to the objects made from it (issue 16, renderer memory).
 */
export async function inBatches<N extends 'captures' | 'views'>(db: LensDB, name: N, batch = READ_BATCH): Promise<LensSchema[N]['value'][]> {
  const tx = db.transaction(name, 'readonly');
  const keyOf = (v: unknown) => (name === 'captures' ? (v as { key: string }).key : (v as { id: string }).id);
  const out: LensSchema[N]['value'][] = [];
  for (let after: string | undefined; ; ) {
    const got = (await tx.store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch)) as LensSchema[N]['value'][];
    for (const v of got) out.push(v);
    if (got.length < batch) break;
    after = keyOf(got[got.length - 1]);
  }
  await tx.done;
  return out;
}

export function allCaptures(db: LensDB): Promise<CaptureRecord[]> {
  return inBatches(db, 'captures');
}

export function capturesForPersonId(db: LensDB, personId: string): Promise<CaptureRecord[]> {
  return db.getAllFromIndex('captures', 'byPersonId', personId);
}

/** Delete a stored page; the kept views marked behind in the same transaction, as for a page stored. */
export async function deleteCapture(db: LensDB, key: string): Promise<void> {
  const tx = db.transaction(['captures', 'viewsMeta'], 'readwrite');
  await Promise.all([tx.objectStore('captures').delete(key), markViewsBehind(tx.objectStore('viewsMeta')), tx.done]);
}

/**
 * Make the views' change count (views-behind.ts) when there is none. Made
 * `clean`: the meta record may say current (a store from before the count),
 * so the next write reads it and marks it behind.
 */
async function startChanges(db: LensDB): Promise<void> {
  const tx = db.transaction('viewsMeta', 'readwrite');
  const make = async () => {
    if ((await readChanges(tx.store)) === undefined) await tx.store.put(newCount(true), VIEWS_CHANGES_KEY);
  };
  // Awaited together: when the transaction aborts, neither rejection is left unhandled.
  await Promise.all([make(), tx.done]);
}

/** What a full rebuild merges: every capture and decision, and the views' change count (views-behind.ts changesOf) they go with. */
export interface MergeInput {
  records: CaptureRecord[];
  decisions: DecisionRecord[];
  /** The change count when they were read (views-behind.ts); undefined when there was none. */
  changes: number | undefined;
}

/**
 * Every capture, every well-formed decision and the views' change count, read
 * in one transaction (the captures `batch` at a time, as inBatches): no write
 * lands between them, so the count vouches for exactly what was read.
 */
export async function mergeInput(db: LensDB, batch = READ_BATCH): Promise<MergeInput> {
  // A store without a count (from before it, or written past these functions) gets one first: what the build reads is
  // then always vouched for, and an erase meanwhile (which removes it) is seen when the views are written.
  await startChanges(db);
  const tx = db.transaction(['captures', 'decisions', 'viewsMeta'], 'readonly');
  const captures = tx.objectStore('captures');
  // Asked first, in the same transaction: answered before the captures' batches, as IndexedDB answers in order.
  const others = Promise.all([tx.objectStore('decisions').getAll() as Promise<unknown[]>, readChanges(tx.objectStore('viewsMeta'))]);
  // When a batch's read fails (the connection closed, storage cleared) the loop throws first: these two reject
  // with it, and are marked handled here so neither is reported unhandled; awaited below, they still reject.
  const done = tx.done;
  others.catch(() => undefined);
  done.catch(() => undefined);
  const records: CaptureRecord[] = [];
  for (let after: string | undefined; ; ) {
    const got = await captures.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch);
    for (const r of got) records.push(r);
    if (got.length < batch) break;
    after = got[got.length - 1]!.key;
  }
  const [decisions, changes] = await others;
  await done;
  return { records, decisions: decisions.filter((d): d is DecisionRecord => isDecisionRecord(d)), changes };
}

/** Every well-formed stored decision; a malformed record (hand-edited, or from a bug) is skipped, not passed to merging. */
export async function allDecisions(db: LensDB): Promise<DecisionRecord[]> {
  return (await db.getAll('decisions')).filter((d: unknown) => isDecisionRecord(d));
}

/** Store a decision under its pair id; as for captures, nothing malformed is ever written. */
export async function putDecision(db: LensDB, decision: DecisionRecord): Promise<void> {
  if (!isDecisionRecord(decision)) throw new Error('invalid decision: expected { id, kind, at, people|works: [ref, ref] } or { id, kind, at, person, work }');
  await putDecisions(db, [decision]);
}

/** Several decisions in one transaction (a split of a work of n records is n − 1 of them): all stored, or none. */
export async function putDecisions(db: LensDB, decisions: readonly DecisionRecord[]): Promise<void> {
  for (const d of decisions) if (!isDecisionRecord(d)) throw new Error('invalid decision: expected { id, kind, at, people|works: [ref, ref] } or { id, kind, at, person, work }');
  // The kept views marked behind with them: views built before a decision never say they are current after it
  // (a background that missed the message rebuilds at its next start, view-keeper's start check).
  const tx = db.transaction(['decisions', 'viewsMeta'], 'readwrite');
  const store = tx.objectStore('decisions');
  await Promise.all([...decisions.map((d) => store.put(d)), markViewsBehind(tx.objectStore('viewsMeta')), tx.done]);
}

export async function getSetting<T>(db: LensDB, name: string, fallback: T): Promise<T> {
  const v = await db.get('settings', name);
  return v === undefined ? fallback : (v as T);
}

export async function putSetting(db: LensDB, name: string, value: unknown): Promise<void> {
  await db.put('settings', value, name);
}

/** Erase everything the extension holds, in one transaction (the views' change count too: the next write starts a new one). */
export async function eraseAll(db: LensDB): Promise<void> {
  const names = ['captures', 'decisions', 'settings', 'views', 'viewsMeta', 'viewKeys'] as const;
  const tx = db.transaction([...names], 'readwrite');
  await Promise.all([...names.map((n) => tx.objectStore(n).clear()), tx.done]);
}
