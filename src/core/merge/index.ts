// Cross-site merging: captures in, merged works and people out. Pure and
// deterministic: the same captures in any order give the same result.

import { clustersOf, linkWorks, resolveWorkRef, type WorkLinks } from './cluster';
import { mergePeople, personGroups, type PageInput } from './people';
import { placeRecords, placementContext } from './placement';
import { attributeWorks } from './attribution';
import { buildRecords, usableCaptures, type WorkRecord } from './records';
import { buildMergedWork } from './shown';
import type { MergedWork, MergeResult, StoredCaptureLike, UserDecision } from './types';

export type * from './types';
export { namesCompatible, MIN_SHARED_WORKS, MIN_SHARED_FRACTION } from './people';
export { titleKey, titleInfo, normalizeWorkIds, normalizeDoi, normalizeArxiv, isPreprintDoi } from './normalize';

/** Placement and people linking feed each other; real libraries settle in two or three rounds. */
const MAX_ROUNDS = 8;

export function mergeAll(captures: StoredCaptureLike[], decisions: UserDecision[] = []): MergeResult {
  const usable = usableCaptures(captures);
  // Names are keyed once for the whole merge: records' authors, then possible namesakes' co-authors.
  const nameKeys = new Map<string, string>();
  const records = buildRecords(usable, nameKeys);
  const authorPages = usable.filter((sc) => sc.capture.pageKind === 'author' && sc.capture.person);
  const links = linkWorks(records, decisions);

  placeAll(records, links, authorPages, decisions);

  const { clusters, reasons, unresolved } = clustersOf(records, links);
  const works: MergedWork[] = [];
  // Record number → its merged work's id.
  const workOf: string[] = new Array<string>(records.length);
  for (const c of clusters) works.push(buildMergedWork(c.map((n) => records[n]!), reasons.get(c[0]!), links.versionGroup));
  disambiguateIds(works);
  clusters.forEach((c, i) => {
    const id = works[i]!.id;
    for (const n of c) workOf[n] = id;
  });
  const people = mergePeople(pageInputs(authorPages, records, (n) => workOf[n]!), decisions);
  const byId = new Map<string, MergedWork>();
  for (const w of works) byId.set(w.id, w);
  // Records by key only when a decision names one (most merges have no decisions).
  let byKey: Map<string, number> | undefined;
  const attributionUnresolved = attributeWorks(people.people, byId, decisions, (ref) =>
    byId.has(ref) ? [ref] : [...new Set(resolveWorkRef(ref, records, (byKey ??= new Map(records.map((r) => [r.key, r.n])))).map((n) => workOf[n]!))],
    nameKeys,
  );
  works.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    works,
    people: people.people,
    unresolvedDecisions: [...unresolved, ...people.unresolved, ...attributionUnresolved],
    stats: { captures: usable.length, records: records.length, works: works.length, people: people.people.length },
  };
}

/**
 * Records placed by work, first inside their person: placing a record can
 * link two pages into one person, whose works then place more records, so the
 * two repeat until nothing changes. A function of its own, so the placement
 * context (terms and weights of every record) is garbage once it returns,
 * not held by the merge's frame while the merged works are built.
 */
function placeAll(records: WorkRecord[], links: WorkLinks, authorPages: StoredCaptureLike[], decisions: UserDecision[]): void {
  const ctx = placementContext(records);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // A cluster stands for itself by its root's number (only equality counts in the rounds).
    const personOf = personOfPage(authorPages, pageInputs(authorPages, records, (n) => links.uf.find(n)), decisions);
    let changed = false;
    for (const p of placeRecords(ctx, links.uf, personOf)) {
      if (!links.join(p.a, p.b, p.reason)) continue;
      changed = true;
      if (p.placedBy) records[p.a]!.member.placedBy = p.placedBy;
    }
    if (!changed) break;
  }
}

/** Each author page with the works (by any stable id per cluster) it lists. */
function pageInputs(authorPages: StoredCaptureLike[], records: WorkRecord[], workIdOf: (n: number) => string | number): PageInput[] {
  const byCapture = new Map<string, Set<string | number>>();
  for (const r of records) {
    let set = byCapture.get(r.captureKey);
    if (!set) byCapture.set(r.captureKey, (set = new Set()));
    set.add(workIdOf(r.n));
  }
  return authorPages.map((sc) => ({ sc, ids: { ...(sc.capture.person!.ids ?? {}) }, workIds: byCapture.get(sc.key) ?? new Set<string | number>() }));
}

/** Author page capture key → the person it belongs to, with the works as clustered so far. */
function personOfPage(authorPages: StoredCaptureLike[], pages: PageInput[], decisions: UserDecision[]): Map<string, string> {
  if (!authorPages.length) return new Map();
  return personGroups(pages, decisions);
}

/** A user's split can leave two works with the same strongest id: suffix them by their smallest member. */
function disambiguateIds(works: MergedWork[]): void {
  // The first work of each id, and lists only for the ids shared (rare: no list per work).
  const first = new Map<string, MergedWork>();
  const shared = new Map<string, MergedWork[]>();
  for (const w of works) {
    const f = first.get(w.id);
    if (f === undefined) first.set(w.id, w);
    else {
      const list = shared.get(w.id);
      if (list) list.push(w);
      else shared.set(w.id, [f, w]);
    }
  }
  for (const [id, list] of shared) {
    for (const w of list) {
      const smallest = w.members.map((m) => `${m.captureKey}#${m.index}`).sort()[0]!;
      w.id = `${id}~${smallest}`;
    }
  }
}

