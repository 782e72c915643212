// How many of a person's works that the merge flagged (possibly a namesake's,
// not yet confirmed or removed by the user) the computed figures count. Every
// place that shows a person's metrics states it, so a figure raised by
// someone else's paper is never shown as if it were certain.

/** Structural, so the metrics core needs nothing of the merge but these two fields. */
export interface FlaggedCountable {
  workIds: readonly string[];
  flaggedWorks?: readonly { workId: string }[];
}

/** Flagged works among the works the metrics are computed from (each counted once). */
export function flaggedWorksIncluded(person: FlaggedCountable): number {
  const mine = new Set(person.workIds);
  return new Set((person.flaggedWorks ?? []).map((f) => f.workId).filter((id) => mine.has(id))).size;
}

/** "includes 2 flagged works", or undefined when there are none to mention. */
export function flaggedWorksNote(n: number): string | undefined {
  if (n <= 0) return undefined;
  return `includes ${n.toLocaleString('en')} flagged ${n === 1 ? 'work' : 'works'}`;
}
