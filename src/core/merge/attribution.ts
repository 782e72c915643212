// Which of a person's works may be a namesake's, and the user's answers.
//
// A site's author page sometimes lists a paper by someone else with the same
// name (DBLP and Scholar both conflate namesakes). Such a work is seen on one
// site only and has nothing in common with the person's other works: no
// co-author, no venue, no distinctive title word. It is flagged "only on
// <site> — check that it is theirs", never removed automatically; the user
// confirms it (`confirm-work`) or removes it (`remove-work`), and the latest
// answer per person and work counts.

import { latestPerPair } from './decisions';
import { contentTerms } from './similarity';
import { nameKey, foldName } from '../names';
import type { FlaggedWork, MergedPerson, MergedWork, UserDecision } from './types';
import { compareCodePoints } from '../order';

/** A person needs this many other works with author lists before one can stand out from them. */
export const MIN_OTHER_WORKS = 3;
/** "Only on one site" says something only when the person has author pages on more than one. */
export const MIN_SITES = 2;

type Attribution = Extract<UserDecision, { kind: 'confirm-work' | 'remove-work' }>;

/** Title words too common in research titles to tie two works together. */
const GENERIC = contentTerms(
  'analysis study approach method model system using based new novel toward towards learning data network review survey application effect case design evaluation framework performance problem research results theory',
);

/**
 * Applies the user's confirm/remove answers and flags possible namesakes'
 * works, in place. `workOfRef` resolves a decision's work ref (a merged work
 * id, an identifier, or one record) to merged work ids. Returns the decisions
 * that matched no person or work.
 */
export function attributeWorks(
  people: MergedPerson[],
  works: ReadonlyMap<string, MergedWork>,
  decisions: readonly UserDecision[],
  workOfRef: (ref: string) => string[],
  /** Names already keyed (name → nameKey), e.g. by buildRecords. */
  nameKeys: Map<string, string> = new Map(),
): UserDecision[] {
  const mine = decisions.filter((d): d is Attribution => d.kind === 'confirm-work' || d.kind === 'remove-work');
  const confirmed = new Map<string, Set<string>>();
  const unresolved: UserDecision[] = [];
  for (const [, d] of latestPerPair(mine, { refs: (x) => [x.person, x.work] as const, isSplit: (x) => x.kind === 'remove-work' })) {
    const person = people.find((p) => personMatches(p, d.person));
    const ids = person ? workOfRef(d.work).filter((w) => person.workIds.includes(w) || person.removedWorkIds?.includes(w)) : [];
    if (!person || !ids.length) {
      unresolved.push(d);
      continue;
    }
    if (d.kind === 'remove-work') {
      person.workIds = person.workIds.filter((w) => !ids.includes(w));
      person.removedWorkIds = [...new Set([...(person.removedWorkIds ?? []), ...ids])].sort(compareCodePoints);
    } else {
      const s = confirmed.get(person.id) ?? new Set();
      for (const w of ids) s.add(w);
      confirmed.set(person.id, s);
    }
  }
  // Co-authors recur across people and works: each name's key is read once.
  const keys = nameKeys;
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = nameKey(name)));
    return k;
  };
  // Venues recur as well (a journal, CoRR): each is folded once.
  const venues = new Map<string, string>();
  const venueOf = (venue: string) => {
    let v = venues.get(venue);
    if (v === undefined) venues.set(venue, (v = venueKey(venue)));
    return v;
  };
  for (const p of people) {
    const flagged = possibleNamesakes(p, works, keyOf, venueOf).filter((f) => !confirmed.get(p.id)?.has(f.workId));
    if (flagged.length) p.flaggedWorks = flagged;
  }
  return unresolved;
}

/** A person ref names this person: one of its pages (`page:<key>`) or one of its ids (`orcid:…`), or its id. */
function personMatches(p: MergedPerson, ref: string): boolean {
  if (ref === p.id) return true;
  if (ref.startsWith('page:')) return p.pages.some((pg) => pg.captureKey === ref.slice(5));
  const colon = ref.indexOf(':');
  if (colon <= 0) return false;
  const kind = ref.slice(0, colon);
  const id = ref.slice(colon + 1).toLowerCase();
  // Own keys only: the ref is user data and must not reach Object.prototype.
  const list = Object.prototype.hasOwnProperty.call(p.ids, kind) ? (p.ids as Record<string, string[] | undefined>)[kind] : undefined;
  return Array.isArray(list) && list.some((v) => v.toLowerCase() === id);
}

/**
 * Works of the person listed by only one site's author page, when the person
 * has author pages on at least two sites (otherwise "only on one site" says
 * nothing), that share no co-author, venue or distinctive title word with any
 * of the person's other works, among at least three others with author lists.
 */
/** The title words that can tie two works: strong features, and content words of four letters or more that are not generic. */
function distinctiveWords(title: string | undefined): string[] {
  const words: string[] = [];
  for (const t of contentTerms(title ?? '')) if (t.startsWith('#') || (t.length >= 4 && !GENERIC.has(t))) words.push(t);
  return words;
}

/** A venue as possibleNamesakes compares it: folded, letters only, single spaces. */
const venueKey = (venue: string): string => foldName(venue).replace(/[^\p{L}]+/gu, ' ').trim();

export function possibleNamesakes(
  p: MergedPerson,
  works: ReadonlyMap<string, MergedWork>,
  keyOf: (name: string) => string = nameKey,
  venueOf: (venue: string) => string = venueKey,
): FlaggedWork[] {
  const pageKeys = new Set(p.pages.map((pg) => pg.captureKey));
  if (new Set(p.pages.map((pg) => pg.source)).size < MIN_SITES) return [];
  const self = new Set(p.nameVariants.concat(p.name).map(nameKey));
  // Lists rather than Sets: a work has a handful of co-authors and title words, each distinct already.
  const facts: { id: string; site: string | undefined; oneSite: boolean; coAuthors: string[]; title: string | undefined; venue: string; hasAuthors: boolean }[] = [];
  for (const id of p.workIds) {
    const w = works.get(id);
    if (!w) continue;
    // The sites of the person's pages that list the work: whether exactly one, and which.
    let site: string | undefined;
    let many = false;
    for (const m of w.members) {
      if (!pageKeys.has(m.captureKey)) continue;
      if (site === undefined) site = m.source;
      else if (m.source !== site) {
        many = true;
        break;
      }
    }
    const coAuthors: string[] = [];
    for (const a of w.authors ?? []) {
      const k = keyOf(a);
      if (k && !self.has(k) && !coAuthors.includes(k)) coAuthors.push(k);
    }
    const venue = w.venue ? venueOf(w.venue) : '';
    facts.push({ id, site, oneSite: site !== undefined && !many, coAuthors, title: w.title, venue, hasAuthors: (w.authors ?? []).length > 0 });
  }
  // A work is tied to the others when a co-author, its venue or a word is also
  // another work's: each of them counted once over all the works, a value of
  // the work's own is on another work when it is counted twice or more (a
  // person's work ids are distinct). The same test as comparing the work with
  // every other one, without doing so for each work.
  // One count per kind of value (co-author, word, venue), so a value needs no prefix.
  const byAuthor = new Map<string, number>();
  const byVenue = new Map<string, number>();
  const bump = (count: Map<string, number>, k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  let withAuthors = 0;
  for (const f of facts) {
    if (f.hasAuthors) withAuthors++;
    for (const k of f.coAuthors) bump(byAuthor, k);
    if (f.venue !== '') bump(byVenue, f.venue);
  }
  // The others with author lists: every one but the work (which has one).
  if (withAuthors - 1 < MIN_OTHER_WORKS) return [];
  const shared = (count: Map<string, number>, k: string) => count.get(k)! >= 2;
  // The works listed on one site that no co-author or venue ties: only they
  // need the title words, and only when there is one are the words read (the
  // slowest of the three), every work's, to count them.
  const open: boolean[] = facts.map(
    (f) => f.oneSite && f.hasAuthors && !f.coAuthors.some((k) => shared(byAuthor, k)) && !(f.venue !== '' && shared(byVenue, f.venue)),
  );
  if (!open.includes(true)) return [];
  const words = facts.map((f) => distinctiveWords(f.title));
  const byWord = new Map<string, number>();
  for (const list of words) for (const t of list) bump(byWord, t);
  const out: FlaggedWork[] = [];
  facts.forEach((f, i) => {
    if (open[i] && !words[i]!.some((t) => shared(byWord, t))) out.push({ workId: f.id, reason: 'namesake', source: f.site! });
  });
  return out;
}
