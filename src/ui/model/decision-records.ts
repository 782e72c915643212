// Decisions as the store keeps them, and back: the store holds whatever a
// backup or an older version wrote, so reading them back checks every field.

import { toUserDecision } from '../../core/merge/decision-check';
import type { UserDecision } from '../../core/merge/types';
import type { DecisionRecord } from '../../store/schema';

/** Stored decision records back to the merge's decisions; anything malformed is skipped. */
export function decisionsOf(records: readonly unknown[]): UserDecision[] {
  return records.flatMap((r) => toUserDecision(r) ?? []);
}

/**
 * A decision as a store record. The id names the pair, not the kind, so a
 * later "unlink" replaces an earlier "link" of the same two (only the latest
 * decision about a pair counts in the merge anyway).
 */
export function decisionRecord(d: UserDecision): DecisionRecord {
  // A confirm and a remove of one work for one person share an id: the later replaces the earlier.
  if (d.kind === 'confirm-work' || d.kind === 'remove-work') return { id: `attribution:${d.person}|${d.work}`, ...d };
  const [what, pair] = d.kind === 'link-people' || d.kind === 'unlink-people' ? ['people', d.people] : ['works', d.works];
  const sorted = [...pair].sort();
  return { id: `${what}:${sorted[0]}|${sorted[1]}`, ...d };
}
