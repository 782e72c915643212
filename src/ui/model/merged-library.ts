// The merge of every stored capture under the user's decisions, and which
// merged person a stored capture belongs to. Pure over records (the caller
// reads the store), so unit tests run it on real fixture captures.

import { mergeAll } from '../../core/merge';
import type { LightResult, MergedPerson, MergeResult } from '../../core/merge/types';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import { decisionsOf } from './decision-records';

export function mergeRecords(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]): MergeResult {
  return mergeAll(records.map((r) => ({ key: r.key, capture: r.capture })), decisionsOf(decisions));
}

/**
 * The person a stored capture belongs to: the person whose author page it is,
 * or, for a paper page, the one person whose works include that paper.
 */
export function personForKey(result: LightResult, key: string): MergedPerson | undefined {
  const own = result.people.find((p) => p.pages.some((pg) => pg.captureKey === key));
  if (own) return own;
  const works = new Set(result.works.filter((w) => w.members.some((m) => m.captureKey === key)).map((w) => w.id));
  if (!works.size) return undefined;
  const owners = result.people.filter((p) => p.workIds.some((id) => works.has(id)));
  return owners.length === 1 ? owners[0] : undefined;
}
