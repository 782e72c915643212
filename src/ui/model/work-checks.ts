// What the popup and the dashboard show so the user can check the merge's
// weaker attributions and placements: works flagged as possibly a namesake's
// (with "It's theirs" / "Not theirs"), works the user removed (with an undo),
// and works a record joined on evidence weaker than a title or an identifier
// ("placed by abstract", so the user can open the work and split it).

import type { MemberRef, MergedPerson, LightWork, LightResult } from '../../core/merge/types';

export interface FlagView {
  work: LightWork;
  /** Site id of the one author page that lists the work. */
  source: string;
  /** "only on DBLP — check that it is theirs". */
  text: string;
}

export function flagText(site: string): string {
  return `only on ${site} — check that it is theirs`;
}

/**
 * The person's flagged works that are still attributed to them, in the
 * merge's order, each once. A flag whose work is no longer theirs or no longer
 * exists (a page deleted since) has nothing to confirm and is left out.
 */
export function flaggedOf(result: Pick<LightResult, 'works'>, person: MergedPerson, siteName: (source: string) => string): FlagView[] {
  const byId = new Map(result.works.map((w) => [w.id, w]));
  const mine = new Set(person.workIds);
  const seen = new Set<string>();
  return (person.flaggedWorks ?? []).flatMap((f) => {
    const work = byId.get(f.workId);
    if (!work || !mine.has(f.workId) || seen.has(f.workId)) return [];
    seen.add(f.workId);
    return [{ work, source: f.source, text: flagText(siteName(f.source)) }];
  });
}

/** Flag text by work id, for marking flagged works inside lists and tables. */
export function flagTextById(flags: readonly FlagView[]): Map<string, string> {
  return new Map(flags.map((f) => [f.work.id, f.text]));
}

/** The works the user removed from the person that still exist (each can be put back). */
export function removedOf(result: Pick<LightResult, 'works'>, person: MergedPerson): LightWork[] {
  const byId = new Map(result.works.map((w) => [w.id, w]));
  return [...new Set(person.removedWorkIds ?? [])].flatMap((id) => byId.get(id) ?? []);
}

/** "2 works removed as not theirs", or undefined when none were. */
export function removedNote(n: number): string | undefined {
  if (n <= 0) return undefined;
  return `${n.toLocaleString('en')} ${n === 1 ? 'work' : 'works'} removed as not theirs`;
}

type Placed = 'abstract' | 'translated-abstract' | 'in-person';
const PLACED: readonly Placed[] = ['abstract', 'translated-abstract', 'in-person'];

/** Why, in the words of the mark's tooltip. */
const HOW: Record<Placed, string> = {
  abstract: 'joined by its abstract',
  'translated-abstract': 'joined by the numbers and names its translated abstract shares with this work',
  'in-person': "joined by a similar title among this person's works",
};

export interface PlacementMark {
  label: string;
  /** Which weaker evidence joined it (the tooltip). */
  title: string;
}

/**
 * The mark of a work one of whose records joined it on weaker evidence than a
 * title or an identifier, or undefined. A placement by a similar title alone
 * is labeled as such: calling it "placed by abstract" would send the user
 * looking at the wrong thing.
 */
export function placementMark(w: Pick<LightWork, 'members' | 'matchedBy'>): PlacementMark | undefined {
  const how = new Set<Placed>();
  for (const m of w.members) if (m.placedBy) how.add(m.placedBy);
  for (const r of w.matchedBy) if ((PLACED as readonly string[]).includes(r)) how.add(r as Placed);
  if (how.size === 0) return undefined;
  const ordered = PLACED.filter((p) => how.has(p));
  const byAbstract = how.has('abstract') || how.has('translated-abstract');
  return { label: byAbstract ? 'placed by abstract' : 'placed by similar title', title: sentence(ordered.map((p) => HOW[p]).join('; ')) };
}

/** The tooltip for one record of a work that joined it by its abstract, or undefined. */
export function memberPlacement(m: Pick<MemberRef, 'placedBy'>): string | undefined {
  return m.placedBy ? sentence(HOW[m.placedBy]) : undefined;
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1) + '.';

/** A short mark on a work in a list or table, its tooltip saying why. */
export interface ItemMark {
  label: string;
  title: string;
  /** A flag asks the user to decide; a placement only invites a look. */
  kind: 'flag' | 'placement';
}

/** The marks of one work: "flagged" when it is (its text as the tooltip), then its placement. */
export function marksOf(w: LightWork, flagTexts: ReadonlyMap<string, string>): ItemMark[] {
  const marks: ItemMark[] = [];
  const flag = flagTexts.get(w.id);
  if (flag) marks.push({ label: 'flagged', title: sentence(flag), kind: 'flag' });
  const placed = placementMark(w);
  if (placed) marks.push({ ...placed, kind: 'placement' });
  return marks;
}
