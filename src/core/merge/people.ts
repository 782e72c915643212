// Joining author pages across sites into people. Rules (docs/merging.md):
// 1. A strong identifier links two pages: the same ORCID / DBLP / Semantic
//    Scholar / Scholar / OpenReview / ACL id, or one page links to the other
//    (its homepage or a profile link is the other page, or names its id).
// 2. Otherwise names must be compatible AND the pages share enough merged
//    works: at least 3, or at least 2 that are 30 % of the shorter list.
// 3. Compatible names with fewer shared works: a "possibly the same person"
//    suggestion, never a merge. Same name, no shared work: kept apart.
// 4. Two different ORCIDs never merge automatically. User decisions win.
// Only author pages make people; works seen only on list pages are never
// attributed to anyone.

import { PERSON_ID_KEYS, type PersonIdKey } from '../capture';
import { foldName, nameKey } from '../names';
import { ConstrainedUnionFind } from './union-find';
import { constrainSplits, resolveDecisions, SPLIT_TAG, type ResolvedDecisions } from './decisions';
import type { MergedPerson, PersonLinkReason, PersonPage, PersonRef, StatedFigures, StoredCaptureLike, UserDecision } from './types';
import { compareCodePoints } from '../order';
import { parseUrl } from '../url';

export const MIN_SHARED_WORKS = 3;
export const MIN_SHARED_FRACTION = 0.3;

export interface PageInput {
  sc: StoredCaptureLike;
  /**
   * Merged work ids listed on the page (during placement rounds, any number
   * standing for a cluster: only equality counts there).
   */
  workIds: ReadonlySet<string | number>;
  ids: Partial<Record<PersonIdKey, string>>;
}

const ID_KINDS: PersonIdKey[] = ['orcid', 'dblp', 's2', 'gscholar', 'openreview', 'acl', 'researchgate', 'arxiv', 'openalex'];

/** Person ids a URL names (a homepage or profile link pointing at another site's page), read only on that site's own hosts. */
export function idsFromUrl(url: string | undefined): Partial<Record<PersonIdKey, string>> {
  const out: Partial<Record<PersonIdKey, string>> = {};
  // Parsed, and each pattern tested against the host and the path apart: in
  // the raw text "evil.example/scholar.google.com/citations?user=…" would count.
  const u = url ? parseUrl(url) : undefined;
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return out;
  const host = u.hostname.toLowerCase();
  const path = u.pathname;
  let m: RegExpExecArray | null;
  if (host === 'orcid.org' || host === 'www.orcid.org') {
    m = /^\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?:\/|$)/i.exec(path);
    if (m) out.orcid = m[1]!.toUpperCase();
  }
  if (/^scholar\.google\.(?:com|co|[a-z]{2})(?:\.[a-z]{2})?$/.test(host) && path === '/citations') {
    const user = u.searchParams.get('user');
    if (user && /^[\w-]{12}$/.test(user)) out.gscholar = user;
  }
  if (host === 'dblp.org' || host === 'dblp.uni-trier.de' || host === 'dblp.dagstuhl.de') {
    m = /^\/pid\/([\w/-]+?)(?:\.html|\.xml)?$/.exec(path);
    if (m) out.dblp = m[1]!;
  }
  if (host === 'www.semanticscholar.org' || host === 'semanticscholar.org') {
    m = /^\/author\/(?:[^/]+\/)?(\d+)\/?$/.exec(path);
    if (m) out.s2 = m[1]!;
  }
  return out;
}

/**
 * Given-name parts and family name, diacritics folded; and every word of the
 * name in reading order ("given names, family names"), particles and
 * connectors dropped, hyphenated family names split and hyphenated given
 * names kept whole, with where the family words begin when a comma says so,
 * for compound family names (compoundCompatible).
 */
function nameParts(name: string): { family: string; given: string[]; words: string[]; familyFrom: number } {
  const key = nameKey(name);
  const family = key.split(' ')[0] ?? '';
  const raw = name.normalize('NFC').trim();
  const comma = raw.indexOf(',');
  const givenText = comma >= 0 ? raw.slice(comma + 1) : raw.slice(0, Math.max(0, foldName(raw).lastIndexOf(family)));
  const split = (text: string) =>
    foldName(text)
      .split(/[\s.\-]+/)
      .map((w) => w.replace(/[^\p{L}]/gu, ''))
      .filter(Boolean);
  const initials = (w: string) => (w.length <= 3 && w === w.toLowerCase() && /^[a-z]+$/.test(w) && givenText.includes(w.toUpperCase()) ? [...w] : [w]);
  const given = split(givenText).flatMap(initials);
  // Family words as written: before the comma ("López Ruiz, Alfonso"), or the last word ("… López-Ruiz").
  const familyText = comma >= 0 ? raw.slice(0, comma) : raw.slice(Math.max(0, foldName(raw).lastIndexOf(family)));
  // For compound family names a hyphenated given name is one word ("Yu-Chen Wang": "Chen" is no family name).
  const givenWhole = foldName(givenText)
    .split(/[\s.]+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter(Boolean)
    .flatMap(initials)
    .filter((w) => !PARTICLES.has(w));
  const words = [...givenWhole, ...split(familyText).filter((w) => !PARTICLES.has(w))];
  // Where the family words begin, when the comma says so ("Johnson, David Scott": "Scott" is a given name).
  const familyFrom = comma >= 0 ? givenWhole.length : 0;
  return { family, given, words, familyFrom };
}

/**
 * Name particles, which a name is printed with or without ("Renata de Lima",
 * "LIMA, Renata de"). No one-letter connector ("y", "e"): it could be an initial.
 */
const PARTICLES = new Set(['de', 'da', 'do', 'das', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den']);

/**
 * "Samuel L. Smith", "Smith, Samuel L.", "S. L. Smith", "Sámuel Smith": the
 * same family name, and given names that agree word by word where both have
 * one (an initial agrees with any word it starts).
 */
export function namesCompatible(a: string, b: string): boolean {
  return partsCompatible(nameParts(a), nameParts(b));
}

type NameParts = ReturnType<typeof nameParts>;

function partsCompatible(pa: NameParts, pb: NameParts): boolean {
  if (pa.family && pb.family && pa.family !== pb.family) return compoundCompatible(pa, pb) || compoundCompatible(pb, pa);
  if (!pa.family || pa.family !== pb.family) return false;
  const n = Math.min(pa.given.length, pb.given.length);
  for (let i = 0; i < n; i++) {
    const x = pa.given[i]!;
    const y = pb.given[i]!;
    if (x === y) continue;
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) continue;
    return false;
  }
  return true;
}

/**
 * A double family name printed with its first family name only: Spanish and
 * Portuguese "Given Family1 Family2" (or "Family1 Family2, Given",
 * "Family1-Family2") as papers print it, "Given Family1" ("Alfonso López Ruiz"
 * and "Alfonso López"). The short name's words must be the long name's first
 * words, the given names agreeing word by word (an initial agreeing with the
 * word it starts) with at least one of them written out on both sides, and the
 * long name must go on with at least one more family word, written out.
 * ("Alfonso L. Ruiz" is not "Alfonso López": an initial is no family name.)
 * Where the long name is written with a comma, the short name's family name
 * must be among the long one's family words ("Johnson, David Scott" is not
 * "Scott, David"), and a hyphenated given name is one word ("Yu-Chen Wang" is
 * not "Yu Chen"). Without a comma "David Scott Johnson" and "David Scott"
 * cannot be told from "Lucía Fernández Gómez" and "Lucía Fernández": such
 * pages join only on shared works, as any two pages do, and a shared work
 * whose author list names both keeps them apart.
 */
function compoundCompatible(long: NameParts, short: NameParts): boolean {
  const l = long.words;
  const s = short.words;
  const k = s.length - 1;
  if (k < 1 || l.length <= s.length || s[k] !== short.family || s[k]!.length < 2 || l[k] !== s[k] || k < long.familyFrom) return false;
  let spelled = false;
  for (let i = 0; i < k; i++) {
    const x = l[i]!;
    const y = s[i]!;
    if (x === y) spelled ||= x.length > 1;
    else if (!((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y)))) return false;
  }
  return spelled && l.slice(k + 1).every((w) => w.length > 1);
}

/**
 * Whether a user's person ref names this page. The ref is user data: its kind
 * is looked up only when it is a known id kind, so "constructor:x" matches
 * nothing instead of reaching Object.prototype.
 */
export function personRefMatches(ref: PersonRef, p: PageInput): boolean {
  if (ref.startsWith('page:')) return ref.slice(5) === p.sc.key;
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon);
  if (colon <= 0 || !isPersonIdKey(kind)) return false;
  const id = p.ids[kind];
  return id !== undefined && id.toLowerCase() === ref.slice(colon + 1).toLowerCase();
}

const PERSON_KINDS: ReadonlySet<string> = new Set(PERSON_ID_KEYS);
const isPersonIdKey = (k: string): k is PersonIdKey => PERSON_KINDS.has(k);

/**
 * People from author pages, in phases run in this order: the user's decisions
 * first so nothing automatic can undo them, then links from the strongest
 * evidence to the weakest, then the groups become people.
 */
export function mergePeople(input: PageInput[], decisions: UserDecision[]): { people: MergedPerson[]; unresolved: UserDecision[] } {
  const { pages, linking, unresolved, shared, sharedSuggestions, compatible } = linkPages(input, decisions);
  const suggestions = [...sharedSuggestions, ...suggestSameNames(pages, shared, compatible)];
  const { people, personOfPage } = buildPeople(linking);
  attachSuggestions(people, personOfPage, suggestions);
  people.sort((a, b) => compareCodePoints(a.id, b.id));
  return { people, unresolved };
}

/**
 * Which pages are one person, by the same links mergePeople makes, without
 * building the people: the merge asks this once per placement round. Each
 * author page's capture key → the key of its group's first page.
 */
export function personGroups(input: PageInput[], decisions: UserDecision[]): Map<string, string> {
  const { pages, linking } = linkPages(input, decisions);
  const out = new Map<string, string>();
  pages.forEach((p, i) => out.set(p.sc.key, pages[linking.uf.find(i)]!.sc.key));
  return out;
}

/** Every linking phase of mergePeople, in its order; the suggestions of shared works come out on the way. */
function linkPages(input: PageInput[], decisions: UserDecision[]) {
  const pages = inKeyOrder(input);
  const linking = startLinking(pages);
  const unresolved = applyUserDecisions(linking, decisions);
  const compatible = compatibleNames();
  linkBySameId(linking);
  linkByPageLinks(linking, compatible);
  const shared = countSharedWorks(pages);
  const sharedSuggestions = linkBySharedWorks(linking, shared, compatible);
  return { pages, linking, unresolved, shared, sharedSuggestions, compatible };
}

/** namesCompatible with each name's parts read once: the same names meet in many pairs. */
function compatibleNames(): (a: string, b: string) => boolean {
  const cache = new Map<string, NameParts>();
  const parts = (name: string) => {
    let p = cache.get(name);
    if (!p) cache.set(name, (p = nameParts(name)));
    return p;
  };
  return (a, b) => partsCompatible(parts(a), parts(b));
}

/** The pages being grouped, the union-find over their indexes, and why each group (by root) was linked. */
interface Linking {
  pages: PageInput[];
  uf: ConstrainedUnionFind;
  reasons: Set<PersonLinkReason>[];
}

/** "Possibly the same person" between two pages, to be shown on both people if they end up apart. */
interface PageSuggestion {
  i: number;
  j: number;
  reason: string;
  sharedWorks: number;
}

/** Pages in key order: union roots and every tie below follow page indexes, so this makes the result independent of input order. */
function inKeyOrder(pages: PageInput[]): PageInput[] {
  return [...pages].sort((a, b) => compareCodePoints(a.sc.key, b.sc.key));
}

/** Every page its own group; a page's ORCID is a constraint, so two different ORCIDs never merge automatically (rule 4). */
function startLinking(pages: PageInput[]): Linking {
  const uf = new ConstrainedUnionFind(pages.length);
  pages.forEach((p, i) => {
    if (p.ids.orcid) uf.tag(i, 'orcid', p.ids.orcid);
  });
  return { pages, uf, reasons: pages.map(() => new Set()) };
}

/** Union two pages' groups unless a constraint forbids it (`only`: check just those constraints), recording why. */
function link(l: Linking, i: number, j: number, r: PersonLinkReason, only?: string): void {
  const ri = l.uf.find(i);
  const rj = l.uf.find(j);
  if (ri !== rj && l.uf.union(i, j, only)) l.reasons[l.uf.find(i)] = new Set([...l.reasons[ri]!, ...l.reasons[rj]!, r]);
}

/**
 * The user's unlinks become constraints and their links are made before any
 * automatic rule (a link overrides an ORCID conflict, never an unlink), so
 * automatic merging never undoes a decision. Returns the decisions that
 * matched no page.
 */
function applyUserDecisions(l: Linking, decisions: UserDecision[]): UserDecision[] {
  const { joins, splits, unresolved } = personDecisions(l.pages, decisions);
  constrainSplits(l.uf, splits);
  for (const [i, j] of joins) link(l, i, j, 'user', SPLIT_TAG);
  return unresolved;
}

/** Rule 1: the same strong identifier on two pages is the same person, strongest kind first. */
function linkBySameId(l: Linking): void {
  for (const kind of ID_KINDS) {
    const first = new Map<string, number>();
    l.pages.forEach((p, i) => {
      const id = p.ids[kind];
      if (!id) return;
      const f = first.get(id);
      if (f === undefined) first.set(id, i);
      else link(l, f, i, `id:${kind}`);
    });
  }
}

/**
 * Rule 1 too: a page whose URL or homepage names another page's id (a profile
 * linking to the other site's profile). The link is the page's own claim, so
 * the two names must be compatible as well: a homepage field naming Alice's
 * profile does not make its page Alice's.
 */
function linkByPageLinks(l: Linking, compatible: (a: string, b: string) => boolean): void {
  const { pages } = l;
  const linked = pages.map((p) => ({ ...idsFromUrl(p.sc.capture.url), ...idsFromUrl(p.sc.capture.person?.homepage) }));
  // Pages by each id they carry, so a page is compared only with the pages its
  // links name (not with every page), in the same order: other pages by index,
  // then id kinds in ID_KINDS order.
  const byId = new Map<string, number[]>();
  pages.forEach((q, j) => {
    for (const kind of ID_KINDS) {
      const id = q.ids[kind];
      if (typeof id !== 'string') continue;
      const k = `${kind}\u0000${id}`;
      const list = byId.get(k);
      if (list) list.push(j);
      else byId.set(k, [j]);
    }
  });
  pages.forEach((p, i) => {
    const theirs = linked[i]!;
    const named = new Set<number>();
    for (const kind of ID_KINDS) {
      const id = theirs[kind];
      if (id) for (const j of byId.get(`${kind}\u0000${id}`) ?? []) named.add(j);
    }
    for (const j of [...named].sort((x, y) => x - y)) {
      if (i === j) continue;
      const q = pages[j]!;
      for (const kind of ID_KINDS)
        if (theirs[kind] && q.ids[kind] === theirs[kind] && p.sc.capture.url !== q.sc.capture.url && compatible(p.sc.capture.person!.name, q.sc.capture.person!.name))
          link(l, i, j, 'page-link');
    }
  });
}

/**
 * Works shared per pair of pages ("i,j", i < j), over the pairs that list at
 * least one work in common (never all pairs); a work listed on more than 50
 * pages says nothing about who wrote it and is skipped.
 */
function countSharedWorks(pages: PageInput[]): Map<string, number> {
  const byWork = new Map<string | number, number[]>();
  pages.forEach((p, i) => {
    for (const w of p.workIds) {
      const l = byWork.get(w);
      if (l) l.push(i);
      else byWork.set(w, [i]);
    }
  });
  // Counted by a number per pair (i·pages + j), named "i,j" once per pair at the end.
  const counts = new Map<number, number>();
  const size = pages.length;
  for (const list of byWork.values()) {
    if (list.length > 50) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const k = list[x]! * size + list[y]!;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
  }
  const shared = new Map<string, number>();
  for (const [k, n] of counts) shared.set(`${Math.floor(k / size)},${k % size}`, n);
  return shared;
}

/**
 * Rules 2 and 3: compatible names and enough shared works link two pages
 * (pairs sharing the most works first); compatible names with fewer shared
 * works are only suggested.
 */
function linkBySharedWorks(l: Linking, shared: Map<string, number>, compatible: (a: string, b: string) => boolean): PageSuggestion[] {
  const suggestions: PageSuggestion[] = [];
  const pairs = [...shared.entries()].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  const groupNames = new GroupNames(l);
  for (const [k, n] of pairs) {
    const [i, j] = k.split(',').map(Number) as [number, number];
    const a = l.pages[i]!;
    const b = l.pages[j]!;
    if (!compatible(a.sc.capture.person!.name, b.sc.capture.person!.name)) continue;
    const smaller = Math.min(a.workIds.size, b.workIds.size);
    const enough = n >= MIN_SHARED_WORKS || (n >= 2 && n >= MIN_SHARED_FRACTION * smaller);
    if (enough && groupNames.agree(i, j, compatible)) {
      const before: [number, number] = [l.uf.find(i), l.uf.find(j)];
      link(l, i, j, 'shared-works');
      groupNames.joined(i, j, before);
    }
    else suggestions.push({ i, j, reason: `compatible names, ${n} shared work${n === 1 ? '' : 's'}`, sharedWorks: n });
  }
  return suggestions;
}

/**
 * A short name is compatible with two longer ones that are not compatible with
 * each other ("Lucía Fernández" with "Lucía Fernández Gómez" and "Lucía
 * Fernández García"): linking by shared works must not chain two different
 * people through it. Every name of one group must be compatible with every
 * name of the other. The names of each group (by root), kept as groups join.
 */
class GroupNames {
  private byRoot = new Map<number, string[]>();
  constructor(private l: Linking) {
    l.pages.forEach((p, k) => {
      const r = l.uf.find(k);
      const names = this.byRoot.get(r);
      const name = p.sc.capture.person!.name;
      if (!names) this.byRoot.set(r, [name]);
      else if (!names.includes(name)) names.push(name);
    });
  }

  agree(i: number, j: number, compatible: (a: string, b: string) => boolean): boolean {
    const a = this.byRoot.get(this.l.uf.find(i))!;
    const b = this.byRoot.get(this.l.uf.find(j))!;
    if (a === b || (a.length === 1 && b.length === 1)) return true; // one group, or the pair itself (already checked)
    return a.every((x) => b.every((y) => compatible(x, y)));
  }

  /** After a link: the joined group holds both groups' names. */
  joined(i: number, j: number, before: [number, number]): void {
    const r = this.l.uf.find(i);
    if (this.l.uf.find(j) !== r || before[0] === before[1]) return;
    const names = [...new Set([...this.byRoot.get(before[0])!, ...this.byRoot.get(before[1])!])];
    this.byRoot.delete(before[0]);
    this.byRoot.delete(before[1]);
    this.byRoot.set(r, names);
  }
}

/** Rule 3: compatible names without any shared work are only a suggestion (a common name alone proves nothing). */
function suggestSameNames(pages: PageInput[], shared: Map<string, number>, compatible: (a: string, b: string) => boolean): PageSuggestion[] {
  const suggestions: PageSuggestion[] = [];
  const byName = new Map<string, number[]>();
  pages.forEach((p, i) => {
    const k = nameKey(p.sc.capture.person!.name);
    const l = byName.get(k);
    if (l) l.push(i);
    else byName.set(k, [i]);
  });
  for (const list of byName.values())
    for (let x = 0; x < list.length && list.length <= 50; x++)
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!];
        if (shared.has(`${i},${j}`)) continue;
        if (compatible(pages[i]!.sc.capture.person!.name, pages[j]!.sc.capture.person!.name))
          suggestions.push({ i, j, reason: 'compatible names, no shared works', sharedWorks: 0 });
      }
  return suggestions;
}

/** One person per group (groups in order of their first page), with unique ids, and which person each page went into. */
function buildPeople(l: Linking): { people: MergedPerson[]; personOfPage: Map<number, string> } {
  const groups = new Map<number, number[]>();
  l.pages.forEach((_, i) => {
    const r = l.uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const people = [...groups.entries()].map(([root, members]) => buildPerson(members.map((i) => l.pages[i]!), l.reasons[root]!));
  disambiguatePersonIds(people);
  const personOfPage = new Map<number, string>();
  [...groups.values()].forEach((members, g) => members.forEach((i) => personOfPage.set(i, people[g]!.id)));
  return { people, personOfPage };
}

/** Suggestions between pages that ended up in two different people, on both of them, once per pair, in id order. */
function attachSuggestions(people: MergedPerson[], personOfPage: Map<number, string>, suggestions: PageSuggestion[]): void {
  for (const { i, j, reason, sharedWorks } of suggestions) {
    const pi = personOfPage.get(i)!;
    const pj = personOfPage.get(j)!;
    if (pi === pj) continue;
    const a = people.find((p) => p.id === pi)!;
    const b = people.find((p) => p.id === pj)!;
    if (!a.suggestions.some((s) => s.personId === pj)) a.suggestions.push({ personId: pj, reason, sharedWorks });
    if (!b.suggestions.some((s) => s.personId === pi)) b.suggestions.push({ personId: pi, reason, sharedWorks });
  }
  for (const p of people) p.suggestions.sort((x, y) => compareCodePoints(x.personId, y.personId));
}

type PersonDecision = Extract<UserDecision, { kind: 'link-people' | 'unlink-people' }>;

/** The user's link-people / unlink-people decisions, resolved to page numbers. */
function personDecisions(pages: PageInput[], decisions: UserDecision[]): ResolvedDecisions<PersonDecision, number> {
  const mine = decisions.filter((d): d is PersonDecision => d.kind === 'link-people' || d.kind === 'unlink-people');
  return resolveDecisions(mine, {
    refs: (d) => d.people,
    isSplit: (d) => d.kind === 'unlink-people',
    resolve: (ref) => pages.flatMap((p, i) => (personRefMatches(ref, p) ? [i] : [])),
  });
}

/**
 * A user's unlink can leave two people with the same strongest id (two pages
 * of one ORCID kept apart): suffix each with its first page's key, so ids stay
 * unique and stable.
 */
function disambiguatePersonIds(people: MergedPerson[]): void {
  const byId = new Map<string, MergedPerson[]>();
  for (const p of people) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  for (const [id, list] of byId) if (list.length > 1) for (const p of list) p.id = `${id}~${p.pages.map((pg) => pg.captureKey).sort()[0]!}`;
}

function buildPerson(pages: PageInput[], reasons: Set<PersonLinkReason>): MergedPerson {
  // A Map, not an object, while collecting: id kinds come from captured data.
  const byKind = new Map<PersonIdKey, string[]>();
  for (const p of pages)
    for (const [k, v] of Object.entries(p.ids) as [PersonIdKey, string][]) {
      const l = byKind.get(k) ?? [];
      byKind.set(k, l);
      if (!l.includes(v)) l.push(v);
    }
  for (const l of byKind.values()) l.sort();
  const ids: Partial<Record<PersonIdKey, string[]>> = Object.fromEntries(byKind);
  let id = `page:${pages[0]!.sc.key}`;
  for (const kind of ID_KINDS) if (ids[kind]?.[0]) {
    id = `${kind}:${ids[kind][0]}`;
    break;
  }
  const fv = <T>(p: PageInput, value: T) => ({ value, source: p.sc.capture.source, capturedAt: p.sc.capture.capturedAt, captureKey: p.sc.key });
  const names = pages.map((p) => fv(p, p.sc.capture.person!.name));
  const affs = pages.flatMap((p) => (p.sc.capture.person!.affiliation ? [fv(p, p.sc.capture.person!.affiliation)] : []));
  const homes = pages.flatMap((p) => (p.sc.capture.person!.homepage ? [fv(p, p.sc.capture.person!.homepage)] : []));
  const variants = [...new Set(names.map((n) => n.value))].sort();
  const name = [...variants].sort((a, b) => b.replace(/\W/g, '').length - a.replace(/\W/g, '').length || compareCodePoints(a, b))[0]!;
  const person: MergedPerson = {
    id,
    name,
    nameVariants: variants,
    ids,
    pages: pages.map(
      (p): PersonPage => ({ captureKey: p.sc.key, source: p.sc.capture.source, url: p.sc.capture.url, capturedAt: p.sc.capture.capturedAt, name: p.sc.capture.person!.name }),
    ),
    stated: pages.map((p) => {
      const s: StatedFigures = {
        source: p.sc.capture.source,
        captureKey: p.sc.key,
        capturedAt: p.sc.capture.capturedAt,
        url: p.sc.capture.url,
        worksListed: p.sc.capture.works?.length ?? 0,
      };
      if (p.sc.capture.person!.metrics) s.metrics = p.sc.capture.person!.metrics;
      if (p.sc.capture.person!.citationsByYear) s.citationsByYear = p.sc.capture.person!.citationsByYear;
      return s;
    }),
    workIds: [...new Set(pages.flatMap((p) => [...p.workIds] as string[]))].sort(),
    linkedBy: [...reasons].sort(),
    suggestions: [],
    fields: { name: names, affiliation: affs, homepage: homes },
  };
  const aff = [...affs].sort((a, b) => compareCodePoints(b.capturedAt, a.capturedAt) || compareCodePoints(a.captureKey, b.captureKey))[0];
  if (aff) person.affiliation = aff.value;
  const home = [...homes].sort((a, b) => compareCodePoints(b.capturedAt, a.capturedAt) || compareCodePoints(a.captureKey, b.captureKey))[0];
  if (home) person.homepage = home.value;
  return person;
}
