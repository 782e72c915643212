// What the popup and the dashboard show of one merged person: the figures,
// the chart to draw, the top works, the open "possibly the same person"
// suggestions, and the report handed to the exports.

import type { MergedPerson, LightWork, LightResult, UserDecision } from '../../core/merge/types';
import { personFigures, type PersonFigures } from '../../core/person-figures';
import type { PersonReportInput } from '../../formats';
import { siteNameOf } from '../../adapters/names';

export const siteName = siteNameOf;

export interface PersonView extends PersonFigures {
  person: MergedPerson;
  /** The stated per-year citations of the most recently captured page that shows them. */
  citationsByYear?: { source: string; site: string; byYear: Record<string, number> };
}

export function personView(result: Pick<LightResult, 'works'>, person: MergedPerson, currentYear: number, notesOf: (key: string) => string[] = () => []): PersonView {
  const figures = personFigures(result, person, { currentYear, siteName, notesOf });
  const chart = [...person.stated]
    .filter((s) => s.citationsByYear && Object.keys(s.citationsByYear).length)
    .sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0))[0];
  const view: PersonView = { person, ...figures };
  if (chart) view.citationsByYear = { source: chart.source, site: siteName(chart.source), byYear: chart.citationsByYear! };
  return view;
}

/** Most cited first; ties by year (newest first), then title, so the order is stable. */
export function topWorks(works: readonly LightWork[], n: number): LightWork[] {
  return [...works]
    .sort((a, b) => (b.citations ?? -1) - (a.citations ?? -1) || (b.year ?? 0) - (a.year ?? 0) || (a.title ?? '').localeCompare(b.title ?? ''))
    .slice(0, n);
}

export function sourcesOf(w: LightWork): string[] {
  return [...new Set(w.members.map((m) => m.source))].sort();
}

/** Made on a report export: every metric's definition is loaded then (the popup opens without them). */
export async function reportInput(view: PersonView, date: string): Promise<PersonReportInput> {
  const { reportInputOf } = await import('../../core/person-report');
  return reportInputOf(view.person, view.metrics, date);
}

/**
 * The person's "possibly the same person" suggestions the user has not
 * dismissed. The merge keeps suggesting a pair it was told to keep apart, so
 * the dismissals (unlink decisions between their pages) are filtered here.
 */
export function openSuggestions(result: Pick<LightResult, 'people'>, person: MergedPerson, decisions: readonly UserDecision[]): { other: MergedPerson; reason: string; sharedWorks: number }[] {
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
