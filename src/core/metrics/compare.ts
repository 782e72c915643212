// Puts a site's stated figures beside the recomputed ones and says, when they
// differ, what Scholar Lens can actually know about why. Reasons are built
// only from the context given (how many works the page listed, whether the
// list was cut, how many sites were merged); nothing is guessed.

import type { StatedMetrics } from '../capture';
import type { Metrics } from './types';
import { unknownReason } from './unknown';

export interface CompareContext {
  /** Display name, e.g. "Google Scholar". */
  siteName: string;
  /** Works the page listed (and Scholar Lens read). */
  worksListed: number;
  /** Works the site says it has, when it says so. */
  worksStated?: number;
  /** The page showed only part of the list (a "Show more" button, paging). */
  listTruncated: boolean;
  sinceYear?: number;
  /** Number of sites whose captures were merged into the computed works; 1 when only this site. */
  sitesMerged?: number;
  /** Rows of this page that were merged with other rows of it as one work (the site lists a paper twice). */
  duplicatesMerged?: number;
}

export interface ComparisonRow {
  metric: 'citations' | 'hIndex' | 'i10Index' | 'papers';
  stated: number;
  /** Null when Scholar Lens cannot know it (no citation counts): never compared as if it were 0. */
  computed: number | null;
  agrees: boolean;
  reason?: string;
}

const COMPARED = ['papers', 'citations', 'hIndex', 'i10Index'] as const;

/** One row per figure the site states and Scholar Lens also computes, in a fixed order. */
export function compareStated(stated: StatedMetrics, computed: Metrics, context: CompareContext): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const metric of COMPARED) {
    const s = stated[metric];
    if (typeof s !== 'number') continue;
    const c = computed[metric];
    const row: ComparisonRow = { metric, stated: s, computed: c, agrees: s === c };
    if (c === null) row.reason = `not computed: ${unknownReason(computed, metric) ?? 'unknown'}`;
    else if (!row.agrees) row.reason = explain(metric, s, c, computed, context);
    rows.push(row);
  }
  return rows;
}

function explain(metric: ComparisonRow['metric'], stated: number, computed: number, m: Metrics, ctx: CompareContext): string {
  const site = ctx.siteName;
  const merged = (ctx.sitesMerged ?? 1) > 1;
  const partial = ctx.listTruncated || (ctx.worksStated !== undefined && ctx.worksListed < ctx.worksStated);
  const reasons: string[] = [];
  if (partial)
    reasons.push(
      ctx.worksStated !== undefined
        ? `${site} lists ${ctx.worksListed} of ${ctx.worksStated} works on this page`
        : `${site} lists only the first ${ctx.worksListed} works on this page; it has more`,
    );
  if (merged) reasons.push(`computed from ${m.papers} merged works across ${ctx.sitesMerged} sites`);
  const lower = computed < stated;
  const dups = ctx.duplicatesMerged ?? 0;
  if (lower && dups > 0)
    reasons.push(`${dups} of the ${ctx.worksListed} works ${site} lists ${dups === 1 ? 'is a duplicate' : 'are duplicates'} of another listed work; ${site} counts ${dups === 1 ? 'it' : 'them'} separately, Scholar Lens once`);
  if (metric === 'papers') {
    if (lower && !partial && dups === 0) reasons.push(`${site} counts works that Scholar Lens has not seen listed`);
    if (!lower && merged) reasons.push(`works found on other sites are included`);
  } else {
    if (lower && !partial && dups === 0) reasons.push(`${site} counts citations from sources Scholar Lens hasn't seen`);
    if (!lower && merged) reasons.push(`some works have higher citation counts on other sites than on ${site}`);
  }
  if (reasons.length === 0) reasons.push(`${site} does not show how it arrives at this figure`);
  return reasons.join('; ');
}
