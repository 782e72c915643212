// Who the works were written with and where they appeared: co-authors ranked
// by shared works, the person's first/last/sole-author counts, and venues.
// Names are grouped by nameKey (family name + first initial), so two
// different people with the same key are counted as one.

import { foldName, nameKey } from '../names';
import { authorCountIsLowerBound } from './work-facts';
import type { MetricWork, RankedName, RankedVenue } from './types';
import { compareCodePoints } from '../order';

export interface Positions {
  /** Person is listed first (sole-authored works included). */
  firstAuthor: number;
  /** Person is listed last of two or more authors on a list that is complete. */
  lastAuthor: number;
  soleAuthor: number;
}

/** Keys under which the person appears, from their name and its known variants. */
export function personKeys(person: { name: string; variants?: string[] }): Set<string> {
  return new Set([person.name, ...(person.variants ?? [])].map(nameKey).filter((k) => k !== ''));
}

export function authorPositions(works: readonly MetricWork[], self: Set<string>): Positions {
  const out: Positions = { firstAuthor: 0, lastAuthor: 0, soleAuthor: 0 };
  for (const w of works) {
    const keys = (w.authors ?? []).map(nameKey);
    if (keys.length === 0) continue;
    const complete = !authorCountIsLowerBound(w) && (w.authorCount === undefined || w.authorCount === keys.length);
    if (self.has(keys[0]!)) out.firstAuthor++;
    if (keys.length === 1 && complete && self.has(keys[0]!)) out.soleAuthor++;
    if (keys.length > 1 && complete && self.has(keys[keys.length - 1]!)) out.lastAuthor++;
  }
  return out;
}

/**
 * Everyone but the person, ranked by the number of works shared (each work
 * counted once per co-author), then by name. The name shown is the spelling
 * seen most often, the longer one on a tie (it usually carries more of the name).
 */
export function coAuthors(works: readonly MetricWork[], self: Set<string>): RankedName[] {
  const tally = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const w of works) {
    const seen = new Set<string>();
    for (const raw of w.authors ?? []) {
      const name = raw.replace(/\s+/g, ' ').trim();
      const key = nameKey(name);
      if (key === '' || self.has(key) || seen.has(key)) continue;
      seen.add(key);
      const t = tally.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      t.count++;
      t.spellings.set(name, (t.spellings.get(name) ?? 0) + 1);
      tally.set(key, t);
    }
  }
  return [...tally]
    .map(([key, t]) => ({ name: bestSpelling(t.spellings), key, sharedWorks: t.count }))
    .sort((a, b) => b.sharedWorks - a.sharedWorks || compareCodePoints(a.key, b.key) || compareCodePoints(a.name, b.name));
}

/**
 * Venues ranked by number of works, then alphabetically. Grouped case- and
 * accent-insensitively after dropping the volume/issue/pages tail that Google
 * Scholar appends ("IEEE access 6, 53019-53033" → "IEEE access"); the
 * first spelling seen, so trimmed, is shown.
 */
export function venues(works: readonly MetricWork[]): RankedVenue[] {
  const tally = new Map<string, RankedVenue>();
  for (const w of works) {
    const venue = venueName(w.venue ?? '');
    if (!venue) continue;
    const key = foldName(venue);
    const t = tally.get(key) ?? { venue, works: 0 };
    t.works++;
    tally.set(key, t);
  }
  return [...tally].sort(([ka, a], [kb, b]) => b.works - a.works || compareCodePoints(ka, kb)).map(([, v]) => v);
}

/** The venue without a trailing citation locator: volume, issue, pages, or an arXiv id. */
export function venueName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+arxiv:\S+$/i, '')
    .replace(/[\s,]+\d[\d\s()\-–,.]*$/, '')
    .replace(/[.,;:\s]+$/, '');
}

function bestSpelling(spellings: Map<string, number>): string {
  return [...spellings].sort(([a, na], [b, nb]) => nb - na || b.length - a.length || compareCodePoints(a, b))[0]![0];
}

