// The decisions the user's buttons make ("Same person", "Not the same",
// "Unlink from this person"), built from merged people. They name pages, not
// person ids, because a person id may name pages of both sides.

import type { MergedPerson, UserDecision } from '../../core/merge/types';

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
