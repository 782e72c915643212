// The generic publication-list reader: on a page of no known layout, find the
// repeated blocks that hold works and read each one. Pure function of
// (Document, URL); never throws; linear in the page size apart from the
// sampled scoring of the few groups that look like prose.

import type { StatedMetrics, Work } from '../../core/capture';
import { ownerMetrics } from './owner-metrics';
import { cleanText } from '../../core/text';
import { FIELD_NAMES, readBlock, repeatedLinkLabels, type BlockContext, type FieldName } from './fields';
import { lineGroups, periodicGroups, repeatedGroups, type Group } from './groups';
import { repeatedFieldLabels } from './field-labels';
import { flatText } from './lines';
import { isName } from './names';
import type { CitationParser } from './citation';

export type { CitationParser, ParsedCitation } from './citation';

export interface ListReading {
  works: Work[];
  /** How many works have each field. */
  fields: Partial<Record<FieldName, number>>;
  /** 0..1: how work-like the chosen blocks are (share of title, year and author signals). */
  confidence: number;
  /** Whose list this may be: the page's h1 or title when shaped like a name, or the author on most works. */
  ownerGuess?: string;
  /** Figures the page states beside the owner's name (h-index, citations, papers); kept only if the user confirms the owner. */
  ownerMetrics?: StatedMetrics;
  notes: string[];
  /** Why each work was accepted, by index of `works`: short machine-readable tokens ("list:12-similar-blocks", "title:link", "year:heading"). */
  reasons: string[][];
}

export interface ReadOptions {
  /** A citation-string parser for entries whose title is a plain sentence (default: the reader's own heuristic). */
  parseCitation?: CitationParser;
  /** A second parser for the sentences the first cannot split, taken only at high confidence (the shell passes the learned one). */
  fallbackCitation?: CitationParser;
}

export { FIELD_NAMES, type FieldName };

const SAMPLE = 16;
const MIN_SCORE = 0.42;
const PAIR_SCORE = 0.75;

interface Scored {
  group: Group;
  mean: number;
  score: number;
  /** Share of the sampled blocks read with authors. */
  authored: number;
}

const MAX_PARTS = 12;

/** A group's blocks by container, when they sit in 2–12 containers: the containers holding two blocks or more. */
function byParent(g: Group): Group[] {
  if (g.sources) return [];
  const by = new Map<Element | null, Element[]>();
  for (const m of g.members) {
    const p = m.parentElement;
    let list = by.get(p);
    if (!list) {
      if (by.size >= MAX_PARTS) return [];
      by.set(p, (list = []));
    }
    list.push(m);
  }
  if (by.size < 2) return [];
  return [...by.values()].filter((ms) => ms.length >= 2).map((members, i) => ({ key: `${g.key}@${i}`, members }));
}

/**
 * Not works beside works: a group of blocks none of which names authors, on a page whose best group names them
 * on most blocks (talks, news, a course's sessions: a title, a date and a place, no authors).
 */
function authorless(g: Scored, authored: number): boolean {
  return authored >= 0.5 && g.authored === 0;
}

/** The share of blocks with authors in a group, or in its most authored container. */
function authoredShare(g: Scored, partsOf: Map<Group, Group[]>, scoreOf: Map<Group, Scored>): number {
  return Math.max(g.authored, ...(partsOf.get(g.group) ?? []).map((p) => scoreOf.get(p)?.authored ?? 0));
}

/** A chosen group without the blocks of its containers that do not read as works (below the floor, or authorless). */
function withoutOtherParts(g: Scored, authored: number, partsOf: Map<Group, Group[]>, scoreOf: Map<Group, Scored>): Scored {
  const parts = partsOf.get(g.group);
  if (!parts) return g;
  const drop = new Set<Element>();
  for (const p of parts) {
    const s = scoreOf.get(p);
    if (!s || s.mean < MIN_SCORE || authorless(s, authored)) for (const m of p.members) drop.add(m);
  }
  if (!drop.size) return g;
  return { ...g, group: { ...g.group, members: g.group.members.filter((m) => !drop.has(m)) } };
}

export function readList(doc: Document, url: URL, now = new Date(), options: ReadOptions = {}): ListReading {
  try {
    return read(doc, url, now, options);
  } catch (err) {
    return { works: [], fields: {}, confidence: 0, reasons: [], notes: [`the page could not be read (${err instanceof Error ? err.message : String(err)})`] };
  }
}

function read(doc: Document, url: URL, now: Date, options: ReadOptions): ListReading {
  const ownerFromPage = pageOwner(doc);
  // A page that declares itself one article (Highwire citation_* tags): its repeated blocks are its references.
  if (declaresOneArticle(doc) || articleUrl(url))
    return { works: [], fields: {}, confidence: 0, reasons: [], notes: ['this page describes a single article (it carries citation metadata); its lists are references, not works'] };
  const base: Omit<BlockContext, 'headingYear' | 'abstractEl' | 'columnHeads'> = {
    url,
    maxYear: now.getUTCFullYear() + 1,
    pageLang: doc.documentElement?.getAttribute('lang')?.toLowerCase().split('-')[0] || undefined,
    parseCitation: options.parseCitation,
    fallbackCitation: options.fallbackCitation,
  };
  const groups = [...repeatedGroups(doc, 2).map((g) => pairAlternating(pairDefinitions(g, doc), doc)), ...lineGroups(doc), ...periodicGroups(doc)]
    .map(withoutLabels)
    .map((g) => withoutNonWorkSections(g, base))
    .filter((g) => g.members.length >= 2)
    .filter(looksLikeText);
  // A group whose blocks sit in a few containers may hold works in some and other things in others (a list of
  // articles and a team list in the same markup): each container's blocks are a candidate of their own too.
  const partsOf = new Map<Group, Group[]>();
  for (const g of groups) {
    const parts = byParent(g);
    if (parts.length) partsOf.set(g, parts);
  }
  const candidates = groups.flatMap((g) => [g, ...(partsOf.get(g) ?? [])]);
  const scoreOf = new Map<Group, Scored>();
  const scored: Scored[] = [];
  let best: Scored | undefined;
  for (const group of candidates) {
    const s = scoreGroup(group, base);
    if (s) scoreOf.set(group, s);
    // Two similar blocks are a list only when both read clearly as works (a profile showing its first two).
    if (s && group.members.length === 2 && s.mean < PAIR_SCORE) continue;
    if (!s) continue;
    scored.push(s);
    if (!best || s.score > best.score) best = s;
  }
  if (!best || best.mean < MIN_SCORE)
    return { works: [], fields: {}, confidence: best ? round(best.mean) : 0, reasons: [], ownerGuess: ownerFromPage, notes: ['no repeated blocks that look like works were found'] };
  const authored = authoredShare(best, partsOf, scoreOf);
  const chosen = otherGroups(best, scored, authored).map((g) => withoutOtherParts(g, authored, partsOf, scoreOf));
  best = chosen.find((g) => g.group.key === best!.group.key)!;
  const works: Work[] = [];
  const reasons: string[][] = [];
  const fields: Partial<Record<FieldName, number>> = {};
  const seen = new Set<string>();
  const titleKey = (w: Work) => (w.title ?? w.abstract ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const read = new Map<Scored, { work: Work; found: Iterable<FieldName>; why: string[] }[]>();
  // The best group first: a second group repeating its works (selected works above the full list) adds nothing.
  for (const g of [best, ...chosen.filter((c) => c !== best)]) {
    const context = contexts(g.group.members);
    const linkLabels = repeatedLinkLabels(g.group.members);
    const fieldLabels = repeatedFieldLabels(g.group.members);
    const listReason = g === best ? `list:${g.group.members.length}-similar-blocks` : `list:${g.group.members.length}-similar-blocks:other-group`;
    const out: { work: Work; found: Iterable<FieldName>; why: string[] }[] = [];
    for (const m of g.group.members) {
      const { work, found, reasons: why } = readBlock(m, { ...base, ...context.get(m), linkLabels, fieldLabels });
      if (!work || (!work.title && !work.abstract)) continue;
      if (!workLike(work)) continue;
      if (g !== best && seen.has(titleKey(work))) continue;
      out.push({ work, found, why: [listReason, ...why] });
    }
    for (const r of out) seen.add(titleKey(r.work));
    read.set(g, out);
  }
  for (const g of chosen)
    for (const { work, found, why } of read.get(g)!) {
      works.push(work);
      reasons.push(why);
      for (const f of found) fields[f] = (fields[f] ?? 0) + 1;
    }
  const ownerGuess = ownerFromPage ?? frequentAuthor(works);
  const metrics = works.length ? ownerMetrics(doc, ownerGuess, best.group.members) : undefined;
  return {
    works,
    reasons,
    fields,
    confidence: round(best.mean),
    ownerGuess,
    ...(metrics ? { ownerMetrics: metrics } : {}),
    notes: [],
  };
}

const OTHER_MIN = 0.6;
/** Two blocks beside a list are a pair the best group's evidence does not cover (a panel of two): not a group of works. */
const OTHER_MIN_BLOCKS = 3;

/**
 * The best group and the other groups of the page that read as works as well: a page may hold its
 * works in several separate groups (books as cards above a list of articles, one list per type in
 * different markup). A group is added when it scores near the best one's mean and shares no element
 * with a group already taken (neither holds the other's blocks). In page order.
 */
function otherGroups(best: Scored, scored: Scored[], authored: number): Scored[] {
  const chosen: Scored[] = [best];
  const inside = new Set<Element>();
  const above = new Set<Element>();
  const take = (g: Group) => {
    for (const el of g.sources ?? g.members) {
      inside.add(el);
      for (let p = el.parentElement; p && !above.has(p); p = p.parentElement) above.add(p);
    }
  };
  const overlaps = (g: Group) =>
    (g.sources ?? g.members).some((el) => {
      if (above.has(el)) return true;
      for (let p: Element | null = el; p; p = p.parentElement) if (inside.has(p)) return true;
      return false;
    });
  take(best.group);
  const rest = scored.filter((s) => s !== best && s.group.members.length >= OTHER_MIN_BLOCKS && s.mean >= Math.max(OTHER_MIN, best.mean * 0.75) && !authorless(s, authored)).sort((a, b) => b.score - a.score);
  for (const s of rest) {
    if (overlaps(s.group)) continue;
    chosen.push(s);
    take(s.group);
  }
  if (chosen.length === 1) return chosen;
  const at = new Map(chosen.map((s) => [s, pagePosition((s.group.sources ?? s.group.members)[0]!)]));
  return chosen.sort((a, b) => comparePositions(at.get(a)!, at.get(b)!));
}

/** An element's place in the page: the index among its siblings of it and of each ancestor, from the root. */
function pagePosition(el: Element): number[] {
  const out: number[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    let i = 0;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) i++;
    out.push(i);
  }
  return out.reverse();
}

function comparePositions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Definition lists put one work in two siblings (<dt> with the id and links,
 * <dd> with title, authors and abstract — arXiv's /list/ pages do this), or in
 * a <dt> and every <dd> after it (a term may have several descriptions: the
 * authors in one, the venue in the next). Such a group is read as detached
 * copies of each term with its descriptions; the page itself is not touched.
 */
function pairDefinitions(g: Group, doc: Document): Group {
  if (!g.members.every((m) => m.tagName.toUpperCase() === 'DT' && m.nextElementSibling?.tagName.toUpperCase() === 'DD')) return g;
  const descriptions = (dt: Element): Element[] => {
    const out: Element[] = [];
    for (let d = dt.nextElementSibling; d && d.tagName.toUpperCase() === 'DD'; d = d.nextElementSibling) out.push(d);
    return out;
  };
  const members = g.members.map((dt) => {
    const box = doc.createElement('div');
    box.appendChild(dt.cloneNode(true));
    for (const dd of descriptions(dt)) box.appendChild(dd.cloneNode(true));
    return box;
  });
  return { key: `${g.key}+dd`, members, sources: g.members.flatMap((dt) => [dt, ...descriptions(dt)]) };
}

/**
 * Siblings of one kind that alternate between two inner shapes (a row with the
 * bold title, then a row with the authors, as a table written without cells
 * does) hold one work in each pair. Such a group is read as detached copies of
 * each pair, like definition lists. The shape is the tags of a member's
 * children; every member must follow the alternation.
 */
function pairAlternating(g: Group, doc: Document): Group {
  const n = g.members.length;
  if (n < 6 || n % 2 !== 0) return g;
  const shape = (m: Element) => Array.from(m.children, (c) => c.tagName).join(',');
  const a = shape(g.members[0]!);
  const b = shape(g.members[1]!);
  if (a === b || !a || !b) return g;
  for (let i = 0; i < n; i++) if (shape(g.members[i]!) !== (i % 2 ? b : a)) return g;
  for (let i = 0; i + 1 < n; i += 2) if (g.members[i]!.nextElementSibling !== g.members[i + 1]) return g;
  const members: Element[] = [];
  for (let i = 0; i < n; i += 2) {
    const box = doc.createElement('div');
    box.appendChild(g.members[i]!.cloneNode(true));
    box.appendChild(g.members[i + 1]!.cloneNode(true));
    members.push(box);
  }
  return { key: `${g.key}+pair`, members, sources: g.members };
}

/**
 * Members that are a label, not an entry: a bare year ("2019", "[2019]") or a short text all in bold or a
 * heading ("Constraint programming") among the entries of a run. They are left out of the group; as
 * non-members they are still read as the year heading of the entries after them.
 */
function withoutLabels(g: Group): Group {
  const members = g.members.filter((m) => !isLabel(m));
  return members.length === g.members.length ? g : { ...g, members };
}

function isLabel(m: Element): boolean {
  const len = m.textContent?.length ?? 0;
  if (len > 80) return false;
  const t = flatText(m);
  if (!t) return false;
  if (YEAR_HEADING.test(t)) return true;
  if (t.length > 60 || t.split(/\s+/).length > 6 || /\d/.test(t)) return false;
  const em = m.querySelector('b, strong, h1, h2, h3, h4, h5, h6');
  return !!em && flatText(em) === t && !m.querySelector('a[href]');
}

// Sections of a researcher's page that are not works, by their heading's whole text: talks, patents, teaching,
// students and team, news, awards, grants, service ("Invited Talks", "Patents (3)", "Teaching and Supervision").
const NON_WORK_WORD =
  '(?:talks?|seminars?|keynotes?|lectures?|colloquia|patents?|patent applications?|teaching|courses?|classes|supervision|students?|' +
  'phd students|team|members|group members|lab members|people|alumni|news|awards?|honou?rs|prizes|grants?|funding|service|' +
  'professional service|press|media|in the media|in the press|in the news|press coverage|media coverage|presse|prensa|imprensa|vortr[äa]ge|patente|lehre|lehrveranstaltungen|betreuung|mitarbeiter(?:innen)?|' +
  'auszeichnungen|brevets?|enseignements?|distinctions|patentes|docencia|cursos|charlas|premios|palestras|ensino|pr[êe]mios|' +
  '特許|講演|招待講演|授業|担当授業|教育活動|受賞|メンバー|報道|メディア掲載|专利|教学|获奖|媒体报道)';
const NON_WORK_MOD = '(?:(?:selected|recent|invited|other|past|upcoming|current|former|contributed|public|granted|eingeladene)\\s+)*';
const NON_WORK_HEADING = new RegExp(`^${NON_WORK_MOD}${NON_WORK_WORD}(?:\\s*(?:,|and|&|und|et|y|e|/)\\s*${NON_WORK_MOD}${NON_WORK_WORD})*\\s*(?:\\(\\d+\\))?\\s*:?$`, 'iu');

// Software and tools: a section of tools (a name, a description, a release) or a topic of papers ("Software"
// among "Theory" and "Applications"); its blocks are kept only when they name their authors.
const SOFTWARE_HEADING = new RegExp(`^${NON_WORK_MOD}(?:software|tools|code|software and tools|logiciels?|herramientas|werkzeuge|ソフトウェア|软件)\\s*(?:\\(\\d+\\))?\\s*:?$`, 'iu');

/** A short heading-like element: h1–h6, or a short line all in bold. */
function headingText(el: Element): string | undefined {
  if ((el.textContent?.length ?? 0) > 60) return undefined;
  const t = flatText(el);
  if (!t) return undefined;
  if (/^H[1-6]$/i.test(el.tagName)) return t;
  const em = el.querySelector('b, strong');
  return em && flatText(em) === t ? t : undefined;
}

/**
 * The heading a block sits under: the nearest heading-like sibling before it, or before its container or one of
 * the container's ancestors (five levels, thirty siblings back each). Bare years are skipped (a year heading
 * inside a section). The walk passes the group's own blocks and short texts, not another block of content: a
 * heading above a section of talks heads that section, not the list after it.
 */
function sectionHeading(el: Element, members: Set<Element>, ours: Map<Element, number>, memo: Map<Element, string | null>): string | undefined {
  const path: Element[] = [];
  let found: string | null = null;
  let node: Element | null = el;
  for (let depth = 0; node && depth < 5; depth++, node = node.parentElement) {
    const known = memo.get(node);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(node);
    let n = 0;
    let afterYear = false;
    let stopped = false;
    for (let sib = node.previousElementSibling; sib && n < 30; sib = sib.previousElementSibling, n++) {
      const t = headingText(sib);
      if (t && !YEAR_HEADING.test(t)) {
        found = t;
        break;
      }
      // Another container of the group is passed only across a year heading (one list per year under a section).
      if (!t && !members.has(sib) && ours.get(sib) !== 1 && !(afterYear && ours.has(sib)) && (sib.textContent?.length ?? 0) > 200) {
        stopped = true;
        break;
      }
      afterYear = !!t;
    }
    if (stopped) break;
    if (found !== null) break;
  }
  for (const p of path) memo.set(p, found);
  return found ?? undefined;
}

/**
 * A group without its blocks that sit under a heading naming a section that is not works ("Invited talks",
 * "Patents"), nor the blocks under a software heading that name no authors.
 */
function withoutNonWorkSections(g: Group, base: BlockContext): Group {
  const memo = new Map<Element, string | null>();
  // Each ancestor of the group's blocks, with how many blocks it holds (one: an entry's box; more: a container).
  const ours = new Map<Element, number>();
  const memberSet = new Set<Element>([...g.members, ...(g.sources ?? [])]);
  for (const m of g.sources ?? g.members) {
    let e: Element | null = m;
    for (let d = 0; e && d < 6; d++, e = e.parentElement) ours.set(e, (ours.get(e) ?? 0) + 1);
  }
  const headingOf = (m: Element, i: number, memo: Map<Element, string | null>) => {
    // Detached boxes (lines of one block, runs): their headings are boxes of the same detached container, else the page's.
    let h = sectionHeading(m, memberSet, ours, memo);
    if (h === undefined && g.sources?.length && !m.ownerDocument.contains(m)) h = sectionHeading(g.sources[Math.min(g.sources.length - 1, Math.floor((i * g.sources.length) / g.members.length))]!, memberSet, ours, memo);
    return h;
  };
  let heads = g.members.map((m, i) => headingOf(m, i, memo));
  // A heading of its own above every block (a tool's name over its description, each in a box of its own) is the
  // block's, not a section's: the section is looked for above the blocks' boxes instead.
  const named = heads.filter((h): h is string => h !== undefined);
  if (named.length >= 3 && named.length >= 0.8 * heads.length && new Set(named).size === named.length) {
    const boxMemo = new Map<Element, string | null>();
    heads = g.members.map((m, i) => {
      let box = m;
      while (box.parentElement && ours.get(box.parentElement) === 1) box = box.parentElement;
      return box === m ? heads[i] : headingOf(box, i, boxMemo);
    });
  }
  const members = g.members.filter((m, i) => {
    const h = heads[i];
    if (!h) return true;
    if (NON_WORK_HEADING.test(h)) return false;
    return !SOFTWARE_HEADING.test(h) || !!readBlock(m, base).work?.authors?.length;
  });
  return members.length === g.members.length ? g : { ...g, members };
}

/** A work needs more than a title-ish phrase: a year, authors, an id, a venue or an abstract. */
function workLike(w: Work): boolean {
  if (!w.title) return !!w.abstract;
  return !!(w.year || w.authors?.length || w.ids || w.abstract || w.citations !== undefined || (w.venue && w.title.split(/\s+/).length >= 4));
}

/** Cheap filter before scoring: members with some prose in them. */
function looksLikeText(g: Group): boolean {
  let len = 0;
  const probe = g.members.slice(0, 5);
  for (const m of probe) len += Math.min(m.textContent?.length ?? 0, 4000);
  // Whole page sections are not list items either.
  return len / probe.length >= 25 && len / probe.length < 3900;
}

function scoreGroup(group: Group, base: Omit<BlockContext, 'headingYear' | 'abstractEl' | 'columnHeads'>): Scored | undefined {
  const members = group.members;
  const step = Math.max(1, Math.floor(members.length / SAMPLE));
  const sample: Element[] = [];
  for (let i = 0; i < members.length && sample.length < SAMPLE; i += step) sample.push(members[i]!);
  const context = contexts(sample, members);
  const linkLabels = repeatedLinkLabels(sample);
  const fieldLabels = repeatedFieldLabels(sample);
  let total = 0;
  let authored = 0;
  const texts = new Set<string>();
  for (const m of sample) {
    const { work } = readBlock(m, { ...base, ...context.get(m), linkLabels, fieldLabels });
    if (!work) continue;
    texts.add(work.title ?? work.abstract ?? '');
    const titleWords = work.title ? work.title.split(/\s+/).length : 0;
    const title = titleWords >= 4 ? 1 : titleWords >= 2 ? 0.5 : work.abstract ? 0.5 : 0;
    const year = work.year ? 1 : 0;
    const people = work.authors?.length ? (work.authors.length >= 2 ? 1 : 0.6) : 0;
    if (people) authored++;
    const extra = work.ids || work.abstract || work.citations !== undefined || work.venue ? 1 : 0;
    total += (title * 2 + year + people + extra * 0.5) / 4.5;
  }
  const mean = total / sample.length;
  // Members that repeat the same text are navigation or chrome, not works.
  const distinct = texts.size / sample.length;
  return { group, mean: mean * distinct, score: mean * distinct * Math.log2(members.length + 1), authored: authored / sample.length };
}

/**
 * Per-member context from the neighbourhood: the bare-year heading above it
 * (lists grouped by year), an abstract in the next sibling, table column heads.
 * One pass over each parent's children.
 */
function contexts(members: Element[], all: Element[] = members): Map<Element, Partial<BlockContext>> {
  const out = new Map<Element, Partial<BlockContext>>();
  const wanted = new Set(members);
  const memberSet = new Set(all);
  const parents = new Set<Element>();
  for (const m of members) if (m.parentElement) parents.add(m.parentElement);
  for (const p of parents) {
    let heading: number | undefined;
    const heads = p.tagName.toUpperCase() === 'TBODY' || p.tagName.toUpperCase() === 'TABLE' ? columnHeads(p) : undefined;
    for (let c = p.firstElementChild; c; c = c.nextElementSibling) {
      if (!memberSet.has(c)) {
        const t = c.children.length <= 2 && (c.textContent?.length ?? 0) <= 40 ? cleanText(c.textContent) : undefined;
        // The same year shapes a label member is recognized by ("2019", "[2019]", "(2019)", "2019:").
        const y = t ? YEAR_HEADING.exec(t) : undefined;
        if (y) heading = Number(y[1]);
        continue;
      }
      if (!wanted.has(c)) continue;
      const next = c.nextElementSibling;
      const abstractEl = next && !memberSet.has(next) && /abstract/i.test(`${next.getAttribute('class') ?? ''} ${next.getAttribute('id') ?? ''}`) ? next : undefined;
      out.set(c, { headingYear: heading ?? headingYearAbove(p), abstractEl, columnHeads: heads });
    }
  }
  return out;
}

// From 1500, as years in entries (old books are listed under their years too).
const YEAR_HEADING = /^[[(]?((?:1[5-9]|20)\d{2})[\])]?:?$/;

/**
 * A bare-year heading ("2023", "[2023]", "2023:") before the list's container
 * or one of its ancestors: lists grouped by year put each year's works in a
 * list of its own under the heading. Up to four levels up, thirty siblings back.
 */
function headingYearAbove(container: Element): number | undefined {
  let node: Element | null = container;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    let n = 0;
    for (let sib = node.previousElementSibling; sib && n < 30; sib = sib.previousElementSibling, n++) {
      const t = (sib.textContent?.length ?? 0) <= 40 ? cleanText(sib.textContent) : undefined;
      const m = t ? YEAR_HEADING.exec(t) : undefined;
      if (m) return Number(m[1]);
      // A heading that is not a year ends the search: the list sits under a type heading, not a year.
      if (sib.matches('h1, h2, h3, h4, h5, h6')) return undefined;
    }
  }
  return undefined;
}

function columnHeads(p: Element): string[] | undefined {
  const table = p.closest('table');
  const row = table?.querySelector('thead tr') ?? table?.querySelector('tr');
  if (!row) return undefined;
  return Array.from(row.children).map((c) => flatText(c) ?? '');
}

function pageOwner(doc: Document): string | undefined {
  const h1 = doc.querySelector('h1');
  const fromH1 = h1 ? flatText(h1) : undefined;
  if (fromH1 && isName(fromH1)) return fromH1;
  const title = cleanText(doc.querySelector('title')?.textContent);
  const head = title?.split(/\s+[-–—|·:]\s+/)[0];
  if (head && isName(head)) return head;
  return undefined;
}

function frequentAuthor(works: Work[]): string | undefined {
  if (works.length < 3) return undefined;
  const counts = new Map<string, number>();
  for (const w of works) for (const a of new Set(w.authors ?? [])) counts.set(a, (counts.get(a) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  return best && best[1] >= works.length * 0.6 ? best[0] : undefined;
}

/** Publisher article addresses name one DOI in their path (/doi/10.…, /doi/abs/10.…): one article, its lists are references. */
function articleUrl(url: URL): boolean {
  return /\/doi\/(?:abs\/|full\/|epdf\/|pdf\/)?10\.\d{4,9}\//i.test(url.pathname);
}

function declaresOneArticle(doc: Document): boolean {
  for (const m of Array.from(doc.querySelectorAll('meta[name]'))) {
    const n = m.getAttribute('name')?.toLowerCase();
    if ((n === 'citation_title' || n === 'bepress_citation_title') && cleanText(m.getAttribute('content'))) return true;
  }
  return false;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Which fields the reader found on at least one work, in a fixed order. */
export function fieldsFound(r: ListReading): FieldName[] {
  return FIELD_NAMES.filter((f) => (r.fields[f] ?? 0) > 0);
}
