// The fast half of keeping views when a capture arrives: merge only the
// captures it concerns and show the result at once, marked provisional, until
// the full rebuild (src/shell/view-keeper.ts) replaces it.
//
// Why not update the kept state exactly, record by record: the merge uses
// statistics of the whole library it is given (src/core/merge): title words'
// document frequencies choose the blocking keys and order the large blocks
// (cluster.ts), IDF weights and the "no other work close" margins decide
// placement by abstract or reworded title (placement.ts, similarity.ts), and a
// work on more than 50 pages stops counting as shared between people
// (people.ts). A merge of a subset therefore cannot promise the rebuild's
// result, only a close one, which is why it is shown as "updating".
//
// What keeps a provisional view from showing people joined that the rebuild
// keeps apart: people are made only from author pages read whole. A page that
// is in the subset for some of its works only (a co-author's profile sharing a
// paper) goes in as a list page: its rows still join works, but it makes no
// person and cannot link two people through a shortened list of works (two
// shared works out of a list cut to two would pass the 30 % rule).

import type { Capture } from './capture';
import { keptViews, type CaptureNotes, type KeptView } from './kept-views';
import type { MergedWork, MergeResult, UserDecision } from './merge/types';
import { isPersonKey, personKeys, workKeys, type ViewKeys } from './view-keys';

export interface CaptureLike extends CaptureNotes {
  key: string;
  capture: Capture;
}

/** The keys a stored capture may share with kept views. */
export function captureKeys(r: CaptureLike): string[] {
  const out = new Set<string>();
  for (const w of r.capture.works ?? []) for (const k of workKeys(w)) out.add(k);
  if (r.capture.pageKind === 'author' && r.capture.person) for (const k of personKeys(r.capture.person)) out.add(k);
  return [...out];
}

/** What a provisional merge reads: captures whole, and of others only some rows (by index in `capture.works`). */
export interface Concerned {
  whole: Set<string>;
  partial: Map<string, Set<number>>;
}

/**
 * The captures a provisional merge needs, from the new captures and the keys
 * records of the kept views that share exact keys with them (found through
 * the index):
 * - the new captures, whole;
 * - a person the new captures name (an id or name key of an author page in
 *   common, or a paper page's work among theirs): their author pages whole and
 *   every row of their works, so the person comes out complete;
 * - any other view: the rows of its works that share a key, only.
 */
export function concernedCaptures(fresh: readonly CaptureLike[], matched: readonly ViewKeys[]): Concerned {
  const whole = new Set(fresh.map((r) => r.key));
  const partial = new Map<string, Set<number>>();
  const freshKeys = new Set(fresh.flatMap(captureKeys));
  const paperKeys = new Set(fresh.filter((r) => r.capture.pageKind === 'paper').flatMap((r) => (r.capture.works ?? []).flatMap(workKeys)));
  const addRows = (w: ViewKeys['works'][number]) => {
    for (const row of w.rows) {
      const hash = row.lastIndexOf('#');
      const key = row.slice(0, hash);
      const index = Number(row.slice(hash + 1));
      const s = partial.get(key);
      if (s) s.add(index);
      else partial.set(key, new Set([index]));
    }
  };
  const seen = new Set<string>();
  for (const v of matched) {
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    const named = v.pages.length > 0 && (v.person.some((k) => freshKeys.has(k)) || v.works.some((w) => w.keys.some((k) => paperKeys.has(k))));
    if (named) {
      for (const pg of v.pages) whole.add(pg);
      v.works.forEach(addRows);
      continue;
    }
    for (const w of v.works) if (w.keys.some((k) => !isPersonKey(k) && freshKeys.has(k))) addRows(w);
  }
  for (const k of whole) partial.delete(k);
  return { whole, partial };
}

/** A partly read capture's rows: the index in the subset's capture → the index in the stored one. */
export type RowMap = ReadonlyMap<string, readonly number[]>;

/**
 * The records a provisional merge is given: whole captures as stored; partly
 * read ones with only the rows concerned and, for an author page, read as a
 * list page (see the top of this file). Their rows are renumbered; `rows`
 * maps them back (subsetDecisions and provisionalViews use it).
 */
export function subsetRecords<R extends CaptureLike>(concerned: Concerned, stored: ReadonlyMap<string, R>): { records: R[]; demoted: Set<string>; rows: Map<string, number[]> } {
  const records: R[] = [];
  const demoted = new Set<string>();
  const rows = new Map<string, number[]>();
  for (const k of concerned.whole) {
    const r = stored.get(k);
    if (r) records.push(r);
  }
  for (const [k, wanted] of concerned.partial) {
    const r = stored.get(k);
    if (!r) continue;
    const all = r.capture.works ?? [];
    const kept = [...wanted].filter((i) => i < all.length).sort((a, b) => a - b);
    if (!kept.length) continue;
    const capture: Capture = { ...r.capture, works: kept.map((i) => all[i]!) };
    if (capture.pageKind === 'author') {
      capture.pageKind = 'list';
      delete capture.person;
      demoted.add(k);
    }
    rows.set(k, kept);
    records.push({ ...r, capture });
  }
  return { records, demoted, rows };
}

/** A decision naming one row ("rec:<key>#<index>") of a partly read capture names it by its index in the subset, or nothing when the row is left out. */
export function subsetDecisions<D extends UserDecision>(decisions: readonly D[], rows: RowMap): D[] {
  const ref = (r: string): string => {
    if (!r.startsWith('rec:')) return r;
    const hash = r.lastIndexOf('#');
    const map = hash > 4 ? rows.get(r.slice(4, hash)) : undefined;
    if (!map) return r;
    const at = map.indexOf(Number(r.slice(hash + 1)));
    return `${r.slice(0, hash)}#${at < 0 ? 'left-out' : at}`;
  };
  return decisions.map((d) => {
    if (d.kind === 'join-works' || d.kind === 'split-works') return { ...d, works: [ref(d.works[0]), ref(d.works[1])] };
    if (d.kind === 'confirm-work' || d.kind === 'remove-work') return { ...d, work: ref(d.work) };
    return d;
  });
}

/** A work id made from a row ("rec:<key>#<i>", or "<id>~<key>#<i>" when two works share an id) with the row's stored index. */
function storedId(id: string, rows: RowMap): string {
  const hash = id.lastIndexOf('#');
  if (hash < 0) return id;
  const tilde = id.lastIndexOf('~');
  const start = tilde >= 0 ? tilde + 1 : id.startsWith('rec:') ? 4 : -1;
  const map = start >= 0 ? rows.get(id.slice(start, hash)) : undefined;
  const i = map?.[Number(id.slice(hash + 1))];
  return i === undefined ? id : `${id.slice(0, hash)}#${i}`;
}

/**
 * The views of the new captures' pages from a merge of the subset, marked
 * provisional. Rows of partly read captures get their stored index back (in
 * members and in ids made from them), and author pages read as lists their
 * page kind, as the rebuild will show them.
 */
export function provisionalViews(result: MergeResult, records: readonly CaptureLike[], freshKeys: readonly string[], demoted: ReadonlySet<string>, rows: RowMap = new Map()): KeptView<MergedWork>[] {
  const wanted = new Set(freshKeys);
  const views = keptViews(result, records).filter((v) => v.keys.some((k) => wanted.has(k)));
  // Views share works and people (a co-author's view, a suggested person): each object is renumbered once.
  const once = new WeakSet<object>();
  const first = (o: object) => !once.has(o) && !!once.add(o);
  for (const v of views) {
    v.provisional = true;
    if (!rows.size) continue;
    if (v.id.startsWith('work:')) v.id = `work:${storedId(v.id.slice(5), rows)}`;
    for (const w of v.slice.works) {
      if (!first(w)) continue;
      w.id = storedId(w.id, rows);
      for (const m of [...w.members, ...w.versions.flatMap((x) => x.members)]) {
        const map = rows.get(m.captureKey);
        if (!map || !first(m)) continue;
        m.index = map[m.index] ?? m.index;
        if (demoted.has(m.captureKey)) m.pageKind = 'author';
      }
    }
    for (const p of v.slice.people) {
      if (!first(p)) continue;
      p.workIds = p.workIds.map((id) => storedId(id, rows));
      if (p.removedWorkIds) p.removedWorkIds = p.removedWorkIds.map((id) => storedId(id, rows));
      for (const f of p.flaggedWorks ?? []) f.workId = storedId(f.workId, rows);
    }
  }
  return views;
}
