// Decisions as the store keeps them, and back: the store holds whatever a
// backup or an older version wrote, so reading them back checks every field.

import type { UserDecision } from '../../core/merge/types';
import type { DecisionRecord } from '../../store/schema';

const DECISION_KINDS = ['link-people', 'unlink-people', 'join-works', 'split-works'] as const;

/** Stored decision records back to the merge's decisions; anything malformed is skipped. */
export function decisionsOf(records: readonly DecisionRecord[]): UserDecision[] {
  const out: UserDecision[] = [];
  for (const r of records) {
    const kind = r.kind as UserDecision['kind'];
    if (!DECISION_KINDS.includes(kind) || typeof r.at !== 'string') continue;
    const pair = kind === 'link-people' || kind === 'unlink-people' ? r.people : r.works;
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((p) => typeof p === 'string')) continue;
    const p = [pair[0], pair[1]] as [string, string];
    out.push(kind === 'link-people' || kind === 'unlink-people' ? { kind, people: p, at: r.at } : { kind, works: p, at: r.at });
  }
  return out;
}

/**
 * A decision as a store record. The id names the pair, not the kind, so a
 * later "unlink" replaces an earlier "link" of the same two (only the latest
 * decision about a pair counts in the merge anyway).
 */
export function decisionRecord(d: UserDecision): DecisionRecord {
  const [what, pair] = d.kind === 'link-people' || d.kind === 'unlink-people' ? ['people', d.people] : ['works', d.works];
  const sorted = [...pair].sort();
  return { id: `${what}:${sorted[0]}|${sorted[1]}`, ...d };
}
