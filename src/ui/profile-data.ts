// What the popup and the dashboard show, computed from stored records: the
// merge of every capture under the user's decisions, and one person's view of
// it. Pure functions over records (the store is read by the caller), so unit
// tests run them on real fixture captures.

import { mergeAll } from '../core/merge';
import { toUserDecision } from '../core/merge/decision-check';
import type { MergedPerson, MergedWork, MergeResult, UserDecision } from '../core/merge/types';
import { personFigures, reportInputOf, type PersonFigures } from '../core/person-figures';
import type { PersonReportInput } from '../formats';
import type { CaptureRecord, DecisionRecord } from '../store/schema';
import { siteNameOf } from '../adapters/names';

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
  const [what, pair] = d.kind === 'link-people' || d.kind === 'unlink-people' ? ['people', d.people] : ['works', d.works];
  const sorted = [...pair].sort();
  return { id: `${what}:${sorted[0]}|${sorted[1]}`, ...d };
}

export function mergeRecords(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[]): MergeResult {
  return mergeAll(records.map((r) => ({ key: r.key, capture: r.capture })), decisionsOf(decisions));
}

/**
 * The person a stored capture belongs to: the person whose author page it is,
 * or, for a paper page, the one person whose works include that paper.
 */
export function personForKey(result: MergeResult, key: string): MergedPerson | undefined {
  const own = result.people.find((p) => p.pages.some((pg) => pg.captureKey === key));
  if (own) return own;
  const works = new Set(result.works.filter((w) => w.members.some((m) => m.captureKey === key)).map((w) => w.id));
  if (!works.size) return undefined;
  const owners = result.people.filter((p) => p.workIds.some((id) => works.has(id)));
  return owners.length === 1 ? owners[0] : undefined;
}

export const siteName = siteNameOf;

export { toMetricWork, type StatedComparison } from '../core/person-figures';

export interface PersonView extends PersonFigures {
  person: MergedPerson;
  /** The stated per-year citations of the most recently captured page that shows them. */
  citationsByYear?: { source: string; site: string; byYear: Record<string, number> };
}

export function personView(result: MergeResult, person: MergedPerson, currentYear: number, notesOf: (key: string) => string[] = () => []): PersonView {
  const figures = personFigures(result, person, { currentYear, siteName, notesOf });
  const chart = [...person.stated]
    .filter((s) => s.citationsByYear && Object.keys(s.citationsByYear).length)
    .sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0))[0];
  const view: PersonView = { person, ...figures };
  if (chart) view.citationsByYear = { source: chart.source, site: siteName(chart.source), byYear: chart.citationsByYear! };
  return view;
}

/** Most cited first; ties by year (newest first), then title, so the order is stable. */
export function topWorks(works: readonly MergedWork[], n: number): MergedWork[] {
  return [...works]
    .sort((a, b) => (b.citations ?? -1) - (a.citations ?? -1) || (b.year ?? 0) - (a.year ?? 0) || (a.title ?? '').localeCompare(b.title ?? ''))
    .slice(0, n);
}

export function sourcesOf(w: MergedWork): string[] {
  return [...new Set(w.members.map((m) => m.source))].sort();
}

export function reportInput(view: PersonView, date: string): PersonReportInput {
  return reportInputOf(view.person, view.metrics, date);
}

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

/**
 * The person's "possibly the same person" suggestions the user has not
 * dismissed. The merge keeps suggesting a pair it was told to keep apart, so
 * the dismissals (unlink decisions between their pages) are filtered here.
 */
export function openSuggestions(result: MergeResult, person: MergedPerson, decisions: readonly UserDecision[]): { other: MergedPerson; reason: string; sharedWorks: number }[] {
  const pageOwner = new Map<string, string>();
  for (const p of result.people) for (const pg of p.pages) pageOwner.set(`page:${pg.captureKey}`, p.id);
  const apart = new Set<string>();
  for (const d of decisions) {
    if (d.kind !== 'unlink-people') continue;
    const [a, b] = d.people.map((r) => pageOwner.get(r) ?? r);
    apart.add(`${a}|${b}`).add(`${b}|${a}`);
  }
  return person.suggestions.flatMap((s) => {
    const other = result.people.find((p) => p.id === s.personId);
    if (!other || apart.has(`${person.id}|${other.id}`)) return [];
    return [{ other, reason: s.reason, sharedWorks: s.sharedWorks }];
  });
}
