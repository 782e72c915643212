// The decisions the user's buttons make ("Same person", "Not the same",
// "Unlink from this person"), built from merged people. They name pages, not
// person ids, because a person id may name pages of both sides.

import type { LightWork, MergedPerson, MergedWork, UserDecision } from '../../core/merge/types';

/** Decisions that separate one author page from every other page of its person. */
export function unlinkPage(person: MergedPerson, captureKey: string, at: string): UserDecision[] {
  return person.pages
    .filter((p) => p.captureKey !== captureKey)
    .map((p) => ({ kind: 'unlink-people' as const, people: [`page:${captureKey}`, `page:${p.captureKey}`] as [string, string], at }));
}

/** Confirms "possibly the same person". Page refs, because a person id may name pages of both sides. */
export function linkPeople(a: MergedPerson, b: MergedPerson, at: string): UserDecision {
  return { kind: 'link-people', people: [`page:${a.pages[0]!.captureKey}`, `page:${b.pages[0]!.captureKey}`], at };
}

/** Dismissing a suggestion is an unlink: the merge then never suggests or joins them. */
export function dismissSuggestion(a: MergedPerson, b: MergedPerson, at: string): UserDecision {
  return { kind: 'unlink-people', people: [`page:${a.pages[0]!.captureKey}`, `page:${b.pages[0]!.captureKey}`], at };
}

/** "It is theirs" on a flagged work: the merge never flags it again for this person. */
export function confirmWork(person: MergedPerson, workId: string, at: string): UserDecision {
  return { kind: 'confirm-work', person: person.id, work: workId, at };
}

/** "Not theirs" on a flagged work (a namesake's): the work is no longer attributed to the person. */
export function removeWork(person: MergedPerson, workId: string, at: string): UserDecision {
  return { kind: 'remove-work', person: person.id, work: workId, at };
}

/**
 * "Join selected into one work": every record of every selected work is
 * joined to the first work's first record. Joining one record of each work
 * would not do: a user's join overrides an identifier conflict only for the
 * records it names, so the other records of a work with another arXiv id (or
 * DOI) would stay apart by that conflict and the works would not become one
 * (docs/merging.md, "Your decisions"). Records, not ids: "split this record
 * out" names records too, so it replaces exactly the join it undoes, and a
 * page captured later with one of the ids is not pulled into the join past a
 * split.
 */
export function joinWorks(works: readonly LightWork[], at: string): UserDecision[] {
  const first = works[0]?.members[0];
  if (!first || works.length < 2) return [];
  const anchor = `rec:${first.captureKey}#${first.index}`;
  const refs = new Set<string>();
  for (const w of works) for (const m of w.members) refs.add(`rec:${m.captureKey}#${m.index}`);
  refs.delete(anchor);
  return [...refs].map((r) => ({ kind: 'join-works' as const, works: [anchor, r] as [string, string], at }));
}
