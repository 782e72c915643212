// The keeper's fast path when a capture arrives (src/core/provisional-views.ts):
// find the kept views that share exact keys with it through the byMatch index
// (their small keys records, not the views),
// read only the captures they come from, merge those, and write the new
// page's view at once, marked provisional. Reads no other capture.

import { captureKeys, concernedCaptures, decisionConcerned, decisionTargets, type DecisionTargets, deleteConcerned, provisionalViews, renumberedViews, renumberResult, subsetDecisions, subsetRecords, type ResultPatch } from '../core/provisional-views';
import { lightWork } from '../core/provenance';
import type { KeptView } from '../core/kept-views';
import type { MergeResult, UserDecision } from '../core/merge/types';
import { isViewKeys, personKeys, workKeys, type ViewKeys } from '../core/view-keys';
import { isDecisionRecord, type CaptureRecord, type DecisionRecord, type LensDB } from '../store/store';
import { keysMatching, writeProvisional, type ProvisionalWrite } from '../store/views';
import { readChanges } from '../store/views-behind';

export interface ProvisionalUpdate {
  views: KeptView[];
  /** Undefined when the write was refused (the rebuild decides). */
  write?: ProvisionalWrite;
  /** Captures and rows the subset merge read. */
  captures: number;
  rows: number;
  /** Milliseconds per step (find, read, merge, write; for a decision also views: made after its answer), for the bench. */
  ms: { find: number; read: number; merge: number; write: number; views?: number };
}

async function capturesByKey(db: LensDB, keys: Iterable<string>): Promise<Map<string, CaptureRecord>> {
  return (await readCaptures(db, keys)).captures;
}

/** Milliseconds since the last call (or since it was made): the phases a fast path reports. */
function stopwatch(): () => number {
  let t = performance.now();
  return () => {
    const now = performance.now();
    const d = now - t;
    t = now;
    return d;
  };
}

/**
 * Captures by key, and with `decisions` every stored decision too and the
 * views' change count (`changes`), in one transaction: a fast path's first
 * read, whose count its write is checked against (writeProvisional), so
 * nothing it read before an erase is written after it.
 */
async function readCaptures(db: LensDB, keys: Iterable<string>, decisions = false): Promise<{ captures: Map<string, CaptureRecord>; decisions: DecisionRecord[]; changes: number | undefined }> {
  const tx = db.transaction(decisions ? ['captures', 'decisions', 'viewsMeta'] : ['captures'], 'readonly');
  const store = tx.objectStore('captures');
  const list = [...keys];
  const [got, ds, changes] = await Promise.all([
    Promise.all(list.map((k) => store.get(k))),
    decisions ? tx.objectStore('decisions').getAll() : [],
    decisions ? readChanges(tx.objectStore('viewsMeta')) : undefined,
    tx.done,
  ]);
  const out = new Map<string, CaptureRecord>();
  got.forEach((r, i) => r && out.set(list[i]!, r));
  return { captures: out, decisions: (ds as unknown[]).filter(isDecisionRecord), changes };
}

/**
 * The captures the last decisions' fast paths read, kept by the keeper
 * (src/shell/view-keeper.ts) so that the next decision on the same people
 * (a join, then the split of it) does not read them out of IndexedDB again:
 * at most `limit` work rows, the least recently used let go past it (the
 * keeper once kept every capture its rebuild read here, a copy of the whole
 * library between rebuilds: issue 16, renderer memory). Its keeper calls
 * `invalidate` on every change of the stored captures (a capture stored,
 * deleted, imported, erased); a read that began before a change keeps
 * nothing. A kept record is used only when its key is still stored (a key
 * read, no value). Decisions are always read from the store.
 */
export interface CaptureCache {
  gen: number;
  /** In order of use, the least recent first. */
  records: Map<string, CaptureRecord>;
  /** Work rows of the kept records. */
  rows: number;
  limit: number;
}
/**
 * About a quarter of the 303-researcher library's 59 090 rows, about 11 MB of
 * heap (16 028 rows of its captures held: 10.9 MB after GC, Node 20): a join
 * of two works reads whole every author page that lists either (380–752 rows
 * merged, but its captures' rows counted whole: 4 500–7 500 for one work's),
 * so at 6 000 the second work's read-ahead let go of the first's.
 */
export const CACHE_ROWS = 16000;
export const captureCache = (limit = CACHE_ROWS): CaptureCache => ({ gen: 0, records: new Map(), rows: 0, limit });
export function invalidate(cache: CaptureCache): void {
  cache.gen++;
  cache.records = new Map();
  cache.rows = 0;
}
const rowsOf = (r: CaptureRecord) => r.capture.works?.length ?? 0;
function drop(cache: CaptureCache, key: string): void {
  const r = cache.records.get(key);
  if (!r) return;
  cache.records.delete(key);
  cache.rows -= rowsOf(r);
}
/** Kept as the most recently used; the least recent let go while the rows are over the limit (this one too when it alone is). */
function keep(cache: CaptureCache, r: CaptureRecord): void {
  drop(cache, r.key);
  cache.records.set(r.key, r);
  cache.rows += rowsOf(r);
  for (const k of cache.records.keys()) {
    if (cache.rows <= cache.limit) break;
    drop(cache, k);
  }
}

/**
 * Captures by key as readCaptures reads them, those the cache holds (and the store still has) taken from it;
 * `used`: how many were. Each kept one is checked with a key read (in Chromium 94 key reads take about as long
 * as one read of every key of a library of 1 124 pages, 8.3 against 9.6 ms, and the latter grows with the
 * library). The record is taken before the check: a read-ahead running meanwhile may let it go from the cache.
 */
async function readCachedCaptures(db: LensDB, keys: Iterable<string>, cache: CaptureCache | undefined, decisions = false): Promise<{ captures: Map<string, CaptureRecord>; decisions: DecisionRecord[]; changes: number | undefined; used: number }> {
  if (!cache?.records.size) return { ...(await readCaptures(db, keys, decisions)), used: 0 };
  const tx = db.transaction(decisions ? ['captures', 'decisions', 'viewsMeta'] : ['captures'], 'readonly');
  const store = tx.objectStore('captures');
  const list = [...keys];
  let used = 0;
  const fromCache = async (k: string, r: CaptureRecord) => ((await store.getKey(k)) !== undefined ? (used++, r) : undefined);
  const [got, ds, changes] = await Promise.all([
    Promise.all(list.map((k) => {
      const r = cache.records.get(k);
      return r ? fromCache(k, r) : store.get(k);
    })),
    decisions ? tx.objectStore('decisions').getAll() : [],
    decisions ? readChanges(tx.objectStore('viewsMeta')) : undefined,
    tx.done,
  ]);
  const out = new Map<string, CaptureRecord>();
  // A kept page no longer stored is let go.
  got.forEach((r, i) => (r ? out.set(list[i]!, r) : drop(cache, list[i]!)));
  return { captures: out, decisions: (ds as unknown[]).filter(isDecisionRecord), changes, used };
}

/** Undefined when none of the keys is a stored author or paper page (only those have a view of their own). */
export async function provisionalUpdate(
  db: LensDB,
  keys: readonly string[],
  merge: (records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]) => MergeResult,
): Promise<ProvisionalUpdate | undefined> {
  const lap = stopwatch();
  // The new captures and the decisions in one read; each capture's keys computed once.
  const first = await readCaptures(db, keys, true);
  const fresh = [...first.captures.values()].filter((r) => r.capture.pageKind === 'author' || r.capture.pageKind === 'paper');
  if (!fresh.length) return undefined;
  const keysOf = new Map(fresh.map((r) => [r.key, captureKeys(r)]));
  const matched = await keysMatching(db, [...new Set([...keysOf.values()].flat())]);
  const concerned = concernedCaptures(fresh, matched, keysOf);
  const find = lap();
  // Only what the first read did not bring.
  const stored = await capturesByKey(db, [...concerned.whole, ...concerned.partial.keys()].filter((k) => !first.captures.has(k)));
  for (const r of fresh) stored.set(r.key, r);
  const decisions = first.decisions;
  const read = lap();
  const { records, demoted, rows: renumbered } = subsetRecords(concerned, stored);
  const views = provisionalViews(merge(records, subsetDecisions(decisions, renumbered)), records, fresh.map((r) => r.key), demoted, renumbered);
  const merged = lap();
  const rows = records.reduce((n, r) => n + (r.capture.works?.length ?? 0), 0);
  if (!views.length) return { views, captures: records.length, rows, ms: { find, read, merge: merged, write: 0 } };
  const write = await writeProvisional(db, views, Object.fromEntries(fresh.map((r) => [r.key, r.capture.capturedAt])), [], { changes: first.changes });
  return { views, ...(write ? { write } : {}), captures: records.length, rows, ms: { find, read, merge: merged, write: lap() } };
}

export interface DecisionUpdate extends ProvisionalUpdate {
  /** The subset merge's works and people, renumbered: what the dashboard patches its library with (patchResult). */
  patch: ResultPatch;
}

/**
 * What a decision on these targets reads, as its fast path does: the named
 * rows' and pages' captures with every stored decision and the change count
 * (one transaction), the kept views their keys find, and the captures of
 * those views (decisionConcerned). Each capture read is kept in `cache`,
 * unless the captures changed meanwhile. Undefined when no kept view and no
 * stored row is concerned. `lap` is called once the views are found (`find`).
 */
async function decisionCaptures(db: LensDB, targets: DecisionTargets, cache: CaptureCache | undefined, lap: () => number = () => 0) {
  const gen = cache?.gen;
  const first = await readCachedCaptures(db, new Set([...targets.rows.map((r) => r.slice(0, r.lastIndexOf('#'))), ...targets.pages]), cache, true);
  const named = first.captures;
  const keys = new Set(targets.keys);
  for (const row of targets.rows) {
    const hash = row.lastIndexOf('#');
    const w = named.get(row.slice(0, hash))?.capture.works?.[Number(row.slice(hash + 1))];
    if (w) for (const k of workKeys(w)) keys.add(k);
  }
  for (const pg of targets.pages) {
    const c = named.get(pg)?.capture;
    if (c?.pageKind === 'author' && c.person) for (const k of personKeys(c.person)) keys.add(k);
  }
  const { concerned, views: hit } = decisionConcerned(targets, await keysMatching(db, [...keys]));
  if (!hit.length && !concerned.partial.size) return undefined;
  const find = lap();
  const missing = [...concerned.whole, ...concerned.partial.keys()].filter((k) => !named.has(k));
  const rest = await readCachedCaptures(db, missing, cache);
  for (const [k, r] of rest.captures) named.set(k, r);
  // How many of the captures read the cache gave (reported with the decision's phases, for the bench).
  const cachedHits = first.used + rest.used;
  // Kept for the next decision: what this one read too, unless the captures changed meanwhile.
  if (cache && cache.gen === gen) for (const r of named.values()) keep(cache, r);
  return { named, concerned, hit, first, find, cachedHits };
}

/**
 * Read ahead what a decision on these rows would read (decisionCaptures),
 * into `cache`, before the decision is made: the dashboard asks when a work
 * is selected for a join or its records are about to be split, so the click
 * finds the captures read. Changes nothing stored. Resolves with the number
 * of captures now kept for these rows (0 when no view holds them).
 */
export async function prefetchDecision(db: LensDB, rows: readonly string[], cache: CaptureCache): Promise<number> {
  const found = await decisionCaptures(db, { rows: [...rows], pages: [], keys: [] }, cache);
  return found?.named.size ?? 0;
}

/**
 * A decision's fast path: the kept views holding what it names (rows, author
 * pages, ids; found through the byMatch index from the named rows' and pages'
 * own keys) are merged again from their captures alone, under every stored
 * decision, and written marked provisional. Undefined when no kept view and
 * no stored row is concerned (the rebuild decides alone). `merged`: called
 * with the patch as soon as it is made, before the write.
 */
export async function provisionalDecisionUpdate(
  db: LensDB,
  decisions: readonly UserDecision[],
  merge: (records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]) => MergeResult,
  merged?: (patch: ResultPatch, ms: Record<string, number>) => void,
  cache?: CaptureCache,
): Promise<DecisionUpdate | undefined> {
  const lap = stopwatch();
  const found = await decisionCaptures(db, decisionTargets(decisions), cache, lap);
  if (!found) return undefined;
  const { named, concerned, hit, first, find, cachedHits } = found;
  const stored = first.decisions;
  const read = lap();
  const { records, demoted, rows: renumbered } = subsetRecords(concerned, named);
  const result = merge(records, subsetDecisions(stored, renumbered));
  renumberResult(result, demoted, renumbered);
  const mergeMs = lap();
  // Light, as the dashboard's library is: the provenance is most of a work's size, and the answer is copied to the page.
  const patch: ResultPatch = { works: result.works.map(lightWork), people: result.people };
  // The patch handed on before the views are made and written (the dashboard shows it meanwhile; the write still
  // comes before any rebuild, which waits for it). Making the views reads the result and changes nothing in it.
  const rows = records.reduce((n, r) => n + (r.capture.works?.length ?? 0), 0);
  if (merged) {
    merged(patch, { find, read, merge: mergeMs, captures: records.length, rows, cached: cachedHits });
    // A task's wait: the answer's promise chain (the message handler, sendResponse) runs and the answer is sent
    // before the views are made, not after.
    await new Promise((r) => setTimeout(r, 0));
    lap();
  }
  const views = renumberedViews(result, records, hit.flatMap((v) => v.keys));
  const viewsMs = lap();
  if (!views.length) return { views, patch, captures: records.length, rows, ms: { find, read, merge: mergeMs, views: viewsMs, write: 0 } };
  const write = await writeProvisional(db, views, {}, [], { changes: first.changes });
  return { views, patch, ...(write ? { write } : {}), captures: records.length, rows, ms: { find, read, merge: mergeMs, views: viewsMs, write: lap() } };
}

/**
 * A delete's fast path (captures deleted from the dashboard: a page, or every
 * page of a person). The kept views that show a deleted page (byKey) or hold
 * one of its rows (found through the byMatch index from the keys of the works
 * holding them) are merged again from their remaining captures alone, under
 * every stored decision, and written provisional; a stored view left with no
 * page is deleted. The patch names the deleted keys (`gone`), so the
 * dashboard drops their rows and pages before it puts the subset's works and
 * people in. Undefined when no kept view holds anything of them.
 */
export async function provisionalDeleteUpdate(
  db: LensDB,
  deleted: readonly string[],
  merge: (records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]) => MergeResult,
): Promise<DecisionUpdate | undefined> {
  const lap = stopwatch();
  const gone = new Set(deleted);
  const { views: owners, changes } = await viewKeysShowing(db, deleted);
  const rowOfGone = (r: string) => gone.has(r.slice(0, r.lastIndexOf('#')));
  // The works of the owners' views that held a deleted row: their keys find the other views holding the same works.
  const keys = new Set<string>();
  for (const v of owners) for (const w of v.works) if (w.rows.some(rowOfGone)) for (const k of w.keys) keys.add(k);
  for (const v of owners) for (const k of v.person) keys.add(k);
  const matched = keys.size ? await keysMatching(db, [...keys]) : [];
  const hit = new Map<string, ViewKeys>();
  for (const v of [...owners, ...matched]) if (!hit.has(v.id) && (v.keys.some((k) => gone.has(k)) || v.pages.some((p) => gone.has(p)) || v.works.some((w) => w.rows.some(rowOfGone)))) hit.set(v.id, v);
  if (!hit.size) return undefined;
  const concerned = deleteConcerned([...hit.values()], gone);
  const find = lap();
  const { captures: stored, decisions } = await readCaptures(db, [...concerned.whole, ...concerned.partial.keys()], true);
  const read = lap();
  const { records, demoted, rows: renumbered } = subsetRecords(concerned, stored);
  const result = merge(records, subsetDecisions(decisions, renumbered));
  const shownKeys = [...hit.values()].flatMap((v) => v.keys).filter((k) => !gone.has(k));
  const views = provisionalViews(result, records, shownKeys, demoted, renumbered);
  const merged = lap();
  const rows = records.reduce((n, r) => n + (r.capture.works?.length ?? 0), 0);
  const patch: ResultPatch = { works: result.works.map(lightWork), people: result.people, gone: [...gone] };
  const write = await writeProvisional(db, views, {}, [...gone], { changes });
  return { views, patch, ...(write ? { write } : {}), captures: records.length, rows, ms: { find, read, merge: merged, write: lap() } };
}

/** The keys records of the views that show any of these pages (byKey on the views, then their small keys records), and the views' change count read with them (the delete's first read). */
async function viewKeysShowing(db: LensDB, pages: readonly string[]): Promise<{ views: ViewKeys[]; changes: number | undefined }> {
  const tx = db.transaction(['views', 'viewKeys', 'viewsMeta'], 'readonly');
  const byKey = tx.objectStore('views').index('byKey');
  const [lists, changes] = await Promise.all([Promise.all(pages.map((k) => byKey.getAllKeys(k))), readChanges(tx.objectStore('viewsMeta'))]);
  const ids = new Set(lists.flat());
  const found = await Promise.all([...ids].map((id) => tx.objectStore('viewKeys').get(id)));
  await tx.done;
  return { views: (found as unknown[]).filter(isViewKeys), changes };
}
