// A merged person's figures: the metrics computed from their merged works and
// each site's stated figures beside them, with the reasons they differ. One
// implementation for the popup, the dashboard and `cli merge`.

import type { MergedPerson, LightWork, LightResult, StatedFigures } from './merge/types';
import { compareStated, computeMetrics, flaggedWorksIncluded, type CompareContext, type ComparisonRow, type Metrics, type MetricWork } from './metrics';

export interface StatedComparison {
  stated: StatedFigures;
  site: string;
  rows: ComparisonRow[];
}

export interface PersonFigures {
  works: LightWork[];
  metrics: Metrics;
  comparisons: StatedComparison[];
  sites: string[];
  /** How many of `works` are flagged (possibly a namesake's): the metrics count them until the user decides. */
  flaggedIncluded: number;
}

export interface FigureOptions {
  currentYear: number;
  /** Display name of a site id ("google-scholar" → "Google Scholar"). */
  siteName(source: string): string;
  /** The notes of a stored capture (for "the list has more" notes). */
  notesOf(captureKey: string): readonly string[] | undefined;
  /**
   * The library's works by id, when the caller figures many people: built
   * here otherwise, which per person of a 300-person library is 300 tables of
   * all 22k works.
   */
  workById?: ReadonlyMap<string, LightWork>;
}

export function toMetricWork(w: Pick<LightWork, 'citations' | 'year' | 'authors' | 'venue'>): MetricWork {
  const m: MetricWork = {};
  if (w.citations !== undefined) m.citations = w.citations;
  if (w.year !== undefined) m.year = w.year;
  if (w.authors) m.authors = w.authors;
  if (w.venue) m.venue = w.venue;
  return m;
}

export function personFigures(result: Pick<LightResult, 'works'>, person: MergedPerson, opts: FigureOptions): PersonFigures {
  const byId = opts.workById ?? new Map(result.works.map((w) => [w.id, w]));
  const works = person.workIds.map((id) => byId.get(id)).filter((w): w is LightWork => w !== undefined);
  const metrics = computeMetrics(works.map(toMetricWork), {
    currentYear: opts.currentYear,
    person: { name: person.name, variants: person.nameVariants },
  });
  const sites = [...new Set(person.pages.map((p) => p.source))].sort();
  const comparisons = person.stated
    .filter((s) => s.metrics)
    .map((s) => ({
      stated: s,
      site: opts.siteName(s.source),
      rows: compareStated(s.metrics!, metrics, compareContext(s, works, opts, sites.length)),
    }));
  return { works, metrics, comparisons, sites, flaggedIncluded: flaggedWorksIncluded(person) };
}

function compareContext(s: StatedFigures, works: readonly LightWork[], opts: FigureOptions, sitesMerged: number): CompareContext {
  const stated = s.metrics ?? {};
  // A page lists only part of its works when it says so in its notes ("has
  // more") or when its own h/i10 figures need more works than it listed.
  const impliedMin = Math.max(stated.hIndex ?? 0, stated.i10Index ?? 0);
  const notes = opts.notesOf(s.captureKey) ?? [];
  // Rows of this page that turned out to be one work (a site listing a paper
  // twice): the site counts each, Scholar Lens counts the work once.
  const distinct = works.filter((w) => w.members.some((m) => m.captureKey === s.captureKey)).length;
  return {
    siteName: opts.siteName(s.source),
    worksListed: s.worksListed,
    ...(stated.papers !== undefined ? { worksStated: stated.papers } : {}),
    listTruncated: impliedMin > s.worksListed || notes.some((n) => /\bhas more\b/i.test(n)),
    ...(stated.sinceYear !== undefined ? { sinceYear: stated.sinceYear } : {}),
    sitesMerged,
    duplicatesMerged: Math.max(0, s.worksListed - distinct),
  };
}
