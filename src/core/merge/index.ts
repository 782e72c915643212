// Cross-site merging: captures in, merged works and people out. Pure and
// deterministic: the same captures in any order give the same result.

import { clusterWorks } from './cluster';
import { mergePeople, type PageInput } from './people';
import { buildRecords, usableCaptures } from './records';
import { buildMergedWork } from './shown';
import type { MergedWork, MergeResult, StoredCaptureLike, UserDecision } from './types';

export type * from './types';
export { namesCompatible, MIN_SHARED_WORKS, MIN_SHARED_FRACTION } from './people';
export { titleKey, titleInfo, normalizeWorkIds, normalizeDoi, normalizeArxiv, isPreprintDoi } from './normalize';

export function mergeAll(captures: StoredCaptureLike[], decisions: UserDecision[] = []): MergeResult {
  const usable = usableCaptures(captures);
  const records = buildRecords(usable);
  const { clusters, reasons, unresolved } = clusterWorks(records, decisions);
  const works: MergedWork[] = [];
  const workOf = new Map<number, string>();
  for (const c of clusters) works.push(buildMergedWork(c.map((n) => records[n]!), reasons.get(c[0]!)));
  disambiguateIds(works);
  clusters.forEach((c, i) => c.forEach((n) => workOf.set(n, works[i]!.id)));
  const workIdsByCapture = new Map<string, Set<string>>();
  for (const r of records) {
    let set = workIdsByCapture.get(r.captureKey);
    if (!set) workIdsByCapture.set(r.captureKey, (set = new Set()));
    set.add(workOf.get(r.n)!);
  }
  const pages: PageInput[] = usable
    .filter((sc) => sc.capture.pageKind === 'author' && sc.capture.person)
    .map((sc) => ({
      sc,
      ids: { ...(sc.capture.person!.ids ?? {}) },
      workIds: workIdsByCapture.get(sc.key) ?? new Set<string>(),
    }));
  const people = mergePeople(pages, decisions);
  works.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    works,
    people: people.people,
    unresolvedDecisions: [...unresolved, ...people.unresolved],
    stats: { captures: usable.length, records: records.length, works: works.length, people: people.people.length },
  };
}

/** A user's split can leave two works with the same strongest id: suffix them by their smallest member. */
function disambiguateIds(works: MergedWork[]): void {
  const seen = new Map<string, MergedWork[]>();
  for (const w of works) seen.set(w.id, [...(seen.get(w.id) ?? []), w]);
  for (const [id, list] of seen) {
    if (list.length < 2) continue;
    for (const w of list) {
      const smallest = w.members.map((m) => `${m.captureKey}#${m.index}`).sort()[0]!;
      w.id = `${id}~${smallest}`;
    }
  }
}
