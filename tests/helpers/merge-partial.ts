// Builds the labeled set of partial records (tests/data/merge-partial/set.json,
// README beside it) from the real pages in ../shared/fixtures, at test time:
// the spec names where each record comes from and how a derived page makes it
// partial; no record text is stored in the repository.
//
// Sources are read the way the project reads them: site pages and data
// responses by their site adapter (capturePage / captureData), BibTeX files by
// the bibliography import. Two kinds of file have no reader in the project,
// so they are read here, as plainly as their markup allows:
// - a personal site's daily copy of its Google Scholar list (citations.yml:
//   row id, title, year, citations), read as the Scholar profile rows it copies;
// - Tezuka's publication page, whose entries carry their abstract in a
//   <details> block the generic list reader does not read.
//
// A record is named "<source>#<work>" by its origin (the work's index in the
// source's read, or a Scholar row id); on a page it is "<page>#<work>".

import { load } from 'js-yaml';
import { captureData, capturePage } from '../../src/adapters/run';
import { adapterById } from '../../src/adapters/registry';
import { readBibliography } from '../../src/formats/import';
import { CAPTURE_FORMAT, CAPTURE_VERSION, type Capture, type PageKind, type Work } from '../../src/core/capture';
import type { StoredCaptureLike } from '../../src/core/merge';
import { dataText, FIXED_NOW, fixtureDoc, fixturePath, fixtureText } from './fixtures';

export type Split = 'dev' | 'test';
type WorkKey = number | string;
type Field = 'title' | 'authors' | 'ids' | 'abstract' | 'year' | 'date' | 'venue' | 'citations' | 'url' | 'type' | 'publisher';

export interface Transform {
  /** Fields the derived page does not show. */
  drop?: Field[];
  /** Keep only the first N sentences of the abstract (a "preview abstract"). */
  abstractSentences?: number;
}

type SourceSpec = { fixture: string; titles: Record<string, string> } & (
  | { read: 'page'; adapter: string; url: string }
  | { read: 'data'; adapter: string; url: string; as: 'json' | 'xml' }
  | { read: 'bibtex'; owner: string }
  | { read: 'scholar-copy'; user: string; name: string }
  | { read: 'lab-entries'; url: string; name: string }
);

interface PageWork {
  i: WorkKey;
  transform?: Transform;
  kinds?: string[];
}

interface PageSpec {
  id: string;
  split: Split;
  source: string;
  works: (WorkKey | PageWork)[];
  /** Set on a derived page: what real page it imitates. */
  derived?: string;
  site?: string;
  url?: string;
  pageKind?: PageKind;
  person?: { name: string };
  transform?: Transform;
}

interface Members {
  members: string[];
  kinds?: string[];
  why?: string;
}

export interface PartialSpec {
  split: Record<string, string>;
  sources: Record<string, SourceSpec>;
  pages: PageSpec[];
  groups: Members[];
  uncertain: Members[];
  negatives: Members[];
  people: { name: string; pages: string[] }[];
  namesakes: { page: string; works: WorkKey[]; why: string }[];
}

/** One record of a split: where it comes from and what it became. */
export interface PartialRecord {
  /** "<page>#<work>". */
  id: string;
  /** "<source>#<work>": records of one origin are the same work. */
  origin: string;
  page: string;
  captureKey: string;
  /** Position in the capture's works. */
  index: number;
  work: Work;
  /** What makes the record partial: abstract-only, no-authors, no-ids, preview, plus the page's own kinds. */
  kinds: string[];
}

export interface PartialSplit {
  split: Split;
  captures: StoredCaptureLike[];
  records: PartialRecord[];
  /** Record id of a merged work's member. */
  recordAt(captureKey: string, index: number): string | undefined;
  /** Pairs "a|b" (record ids, sorted) that are the same work, each with its kinds. */
  gold: Map<string, string[]>;
  /** Pairs not counted either way: those of an uncertain set that no group or hard negative decides. */
  uncertain: Set<string>;
  /** Pairs labeled as hard negatives (different works that look alike). */
  negatives: Set<string>;
  /** Expected people: each researcher's author pages (capture keys). */
  people: { name: string; captureKeys: string[] }[];
  /** Records of works on an author page that are not that person's. */
  namesakes: { captureKey: string; record: string }[];
}

export function loadPartialSpec(): PartialSpec {
  return JSON.parse(dataText('merge-partial/set.json')) as PartialSpec;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function pairsOf(members: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.push(pairKey(members[i]!, members[j]!));
  return out;
}

// ---------------------------------------------------------------------------
// Reading sources

interface SourceRead {
  capture: Capture;
  /** Work by the key the spec uses (index as a string, or Scholar row id). */
  works: Map<string, Work>;
}

const cache = new Map<string, SourceRead>();

function readSource(id: string, s: SourceSpec): SourceRead {
  const hit = cache.get(id);
  if (hit) return hit;
  let capture: Capture;
  let keyed: [string, Work][] | undefined;
  if (s.read === 'page' || s.read === 'data') {
    const adapter = adapterById(s.adapter);
    if (!adapter) throw new Error(`${id}: no site adapter ${s.adapter}`);
    capture =
      s.read === 'page'
        ? capturePage(adapter, fixtureDoc(s.fixture), new URL(s.url), { now: FIXED_NOW })
        : captureData(adapter, fixtureText(s.fixture), new URL(s.url), s.as, { now: FIXED_NOW });
  } else if (s.read === 'bibtex') {
    capture = readBibliography(fixtureText(s.fixture), s.fixture.split('/').pop()!, { now: FIXED_NOW, owner: s.owner }).capture;
  } else if (s.read === 'scholar-copy') {
    keyed = readScholarCopy(fixtureText(s.fixture));
    capture = envelope('google-scholar', 'author', `https://scholar.google.com/citations?user=${s.user}`, { name: s.name, ids: { gscholar: s.user } }, keyed.map(([, w]) => w));
  } else {
    keyed = readLabEntries(fixtureDoc(s.fixture)).map((w, i) => [String(i), w]);
    capture = envelope('lab-page', 'author', s.url, { name: s.name }, keyed.map(([, w]) => w));
  }
  const works = new Map<string, Work>(keyed ?? (capture.works ?? []).map((w, i) => [String(i), w] as [string, Work]));
  const read = { capture, works };
  cache.set(id, read);
  return read;
}

function envelope(source: string, pageKind: PageKind, url: string, person: Capture['person'] | undefined, works: Work[]): Capture {
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    source,
    pageKind,
    url,
    capturedAt: FIXED_NOW.toISOString(),
    ...(person ? { person } : {}),
    works,
  };
}

/** A site's copy of its Scholar list: `papers: { "<user>:<row>": { title, year, citations } }`, as the profile rows it copies. */
function readScholarCopy(text: string): [string, Work][] {
  const doc = load(text) as { papers?: Record<string, { title?: string; year?: string | number; citations?: number }> };
  return Object.entries(doc.papers ?? {}).map(([id, p]) => {
    const w: Work = { title: String(p.title ?? '').trim(), ids: { gscholar: id } };
    const year = Number(p.year);
    // "Unknown Year" is the copy's way of saying Scholar showed none.
    if (Number.isInteger(year) && year > 0) w.year = year;
    if (typeof p.citations === 'number') w.citations = p.citations;
    return [id, w];
  });
}

/**
 * Tezuka's page: `ol > li` entries, `<b>title</b><br>authors<br>venue (date)<br>[links]
 * <details><p>abstract</p></details>`; English names joined by ", " and "and",
 * Japanese ones by "，". The year is the last one in the venue line.
 */
function readLabEntries(doc: Document): Work[] {
  const out: Work[] = [];
  for (const li of doc.querySelectorAll('ol > li')) {
    const title = clean(li.querySelector('b')?.textContent ?? '');
    if (!title) continue;
    const lines: string[] = [];
    let line = '';
    for (const n of li.childNodes) {
      if (n.nodeName === 'DETAILS') break;
      if (n.nodeName === 'BR') {
        lines.push(clean(line));
        line = '';
      } else line += n.textContent ?? '';
    }
    lines.push(clean(line));
    const [, authorLine = '', venueLine = ''] = lines.filter((l) => l);
    const w: Work = { title };
    const authors = authorLine.split(/\s*[，、]\s*|\s*,\s*(?:and\s+)?|\s+and\s+/).map(clean).filter((a) => a);
    if (authors.length) w.authors = authors;
    const years = venueLine.match(/\b(?:19|20)\d\d\b/g);
    if (years) w.year = Number(years[years.length - 1]);
    // The venue line ends with its date in parentheses ("(December 2021).", "，(2019/03)]").
    const venue = clean(venueLine.replace(/[，,]?\s*[（(][^()（）]*\d{4}[^()（）]*[)）][\].]*$/, ''));
    if (venue) w.venue = venue;
    const p = li.querySelector('details p');
    if (p) {
      const abstract = clean(textWithBreaks(p));
      if (abstract) w.abstract = abstract;
    }
    out.push(w);
  }
  return out;
}

/** Text of a node with every <br> read as a space (the page breaks paragraphs with them). */
function textWithBreaks(node: Node): string {
  let s = '';
  for (const n of node.childNodes) s += n.nodeName === 'BR' ? ' ' : n.nodeType === 3 ? (n.textContent ?? '') : textWithBreaks(n);
  return s;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------
// Transforms

/** Words before a "." that does not end a sentence. */
const NOT_AN_END = /(?:^|[\s(])(?:[A-Z]|al|e\.g|i\.e|vs|cf|Fig|Eq|Ref|Vol|No|pp)$/;

/**
 * The first `n` sentences. A sentence ends at ".", "!" or "?" (closing quotes
 * kept) before a space and a capital letter or an opening quote, or at a CJK
 * full stop; abbreviations and initials do not end one.
 */
export function firstSentences(text: string, n: number): string {
  const ends: number[] = [];
  const re = /[.!?]["”’)]*(?=\s+["“‘]?[A-Z])|[。．]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('.') && NOT_AN_END.test(text.slice(0, m.index))) continue;
    ends.push(m.index + m[0].length);
  }
  return ends.length >= n ? text.slice(0, ends[n - 1]).trim() : text.trim();
}

function mergedTransform(page?: Transform, work?: Transform): Transform {
  const drop = [...new Set([...(page?.drop ?? []), ...(work?.drop ?? [])])];
  const t: Transform = {};
  if (drop.length) t.drop = drop;
  const n = work?.abstractSentences ?? page?.abstractSentences;
  if (n !== undefined) t.abstractSentences = n;
  return t;
}

function applyTransform(work: Work, t: Transform): Work {
  const out: Work = structuredClone(work);
  for (const f of t.drop ?? []) delete out[f];
  if (t.abstractSentences !== undefined && out.abstract) out.abstract = firstSentences(out.abstract, t.abstractSentences);
  // A derived page shows the record as that site would: no leftover flags or refs of the source.
  delete out.flags;
  delete out.ref;
  return out;
}

function kindsOf(source: Work, work: Work, t: Transform, extra: string[] = []): string[] {
  const k = new Set(extra);
  if (!work.title) k.add('abstract-only');
  if (!work.authors?.length) k.add('no-authors');
  if (t.drop?.includes('ids') && Object.keys(source.ids ?? {}).length) k.add('no-ids');
  if (t.abstractSentences !== undefined) k.add('preview');
  return [...k].sort();
}

// ---------------------------------------------------------------------------
// Building and checking

const workOf = (w: WorkKey | PageWork): PageWork => (typeof w === 'object' ? w : { i: w });

/** Everything in the spec that does not resolve or does not hold; empty when the set is sound. */
export function checkPartialSpec(spec: PartialSpec = loadPartialSpec()): string[] {
  const problems: string[] = [];
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const splitOfOrigin = new Map<string, Split>();
  const pageIds = new Set<string>();
  for (const [id, s] of Object.entries(spec.sources)) {
    try {
      fixturePath(s.fixture);
    } catch (e) {
      problems.push(`${id}: ${(e as Error).message}`);
      continue;
    }
    const read = readSource(id, s);
    if (read.capture.pageKind === 'unrecognized' || read.capture.pageKind === 'blocked') problems.push(`${id}: read as ${read.capture.pageKind}`);
    for (const [k, title] of Object.entries(s.titles)) {
      const w = read.works.get(k);
      if (!w) problems.push(`${id}#${k}: no such work (the source has ${read.works.size})`);
      else if (!norm(w.title ?? '').startsWith(norm(title))) problems.push(`${id}#${k}: title is "${w.title}", the spec says "${title}"`);
    }
  }
  for (const p of spec.pages) {
    if (pageIds.has(p.id)) problems.push(`page ${p.id} twice`);
    pageIds.add(p.id);
    const s = spec.sources[p.source];
    if (!s) {
      problems.push(`${p.id}: no source ${p.source}`);
      continue;
    }
    if (p.derived && (!p.site || !p.url || !p.pageKind)) problems.push(`${p.id}: a derived page needs site, url and pageKind`);
    if (!p.derived && (p.transform || p.works.some((w) => typeof w === 'object' && w.transform))) problems.push(`${p.id}: a page as read has no transform`);
    if (p.pageKind === 'author' && !p.person) problems.push(`${p.id}: a derived author page needs a person`);
    const seen = new Set<string>();
    const pageDropped = new Set<string>();
    for (const pw of p.works.map(workOf)) {
      const k = String(pw.i);
      const origin = `${p.source}#${k}`;
      if (seen.has(k)) problems.push(`${p.id}: ${origin} twice`);
      seen.add(k);
      if (!(k in s.titles)) problems.push(`${p.id}: ${origin} has no title check in the source`);
      const was = splitOfOrigin.get(origin);
      if (was && was !== p.split) problems.push(`${origin} is in both splits`);
      splitOfOrigin.set(origin, p.split);
      const src = spec.sources[p.source] && cache.get(p.source)?.works.get(k);
      if (!src) continue;
      const t = mergedTransform(p.transform, pw.transform);
      const w = applyTransform(src, t);
      if (!w.title && !w.abstract) problems.push(`${p.id}: ${origin} is left with neither title nor abstract`);
      if (t.abstractSentences !== undefined && (!src.abstract || w.abstract === src.abstract))
        problems.push(`${p.id}: ${origin}'s preview of ${t.abstractSentences} sentence(s) is the whole abstract`);
      // A work's own drop must remove something; a page's drop, something on the page.
      for (const f of pw.transform?.drop ?? []) if (src[f] === undefined) problems.push(`${p.id}: ${origin} has no ${f} to drop`);
      for (const f of p.transform?.drop ?? []) if (src[f] !== undefined) pageDropped.add(f);
    }
    for (const f of p.transform?.drop ?? []) if (!pageDropped.has(f)) problems.push(`${p.id}: no work on the page has a ${f} to drop`);
  }
  const check = (what: string, list: Members[], minSize: number) => {
    for (const g of list) {
      if (g.members.length < minSize) problems.push(`${what} ${g.members.join(', ')}: too few members`);
      const splits = new Set(g.members.map((m) => splitOfOrigin.get(m)));
      for (const m of g.members) if (!splitOfOrigin.has(m)) problems.push(`${what}: ${m} is on no page`);
      if (splits.size > 1) problems.push(`${what} ${g.members.join(', ')}: spans both splits`);
    }
  };
  check('group', spec.groups, 2);
  check('uncertain', spec.uncertain, 2);
  check('negatives', spec.negatives, 2);
  const inGroup = new Map<string, number>();
  spec.groups.forEach((g, n) => g.members.forEach((m) => (inGroup.has(m) ? problems.push(`${m} is in two groups`) : inGroup.set(m, n))));
  for (const g of spec.negatives)
    for (const pr of pairsOf(g.members)) {
      const [a, b] = pr.split('|');
      if (a === b || (inGroup.has(a!) && inGroup.get(a!) === inGroup.get(b!))) problems.push(`negative ${pr} is also gold`);
    }
  const personOf = new Map<string, string>();
  for (const person of spec.people)
    for (const id of person.pages) {
      if (!pageIds.has(id)) problems.push(`person ${person.name}: no page ${id}`);
      if (personOf.has(id)) problems.push(`page ${id} belongs to two people`);
      personOf.set(id, person.name);
    }
  for (const p of spec.pages) {
    const kind = p.pageKind ?? (spec.sources[p.source] ? cache.get(p.source)?.capture.pageKind : undefined);
    if (kind === 'author' && !personOf.has(p.id)) problems.push(`author page ${p.id} belongs to no expected person`);
    if (kind !== 'author' && personOf.has(p.id)) problems.push(`${p.id} is not an author page but is given a person`);
  }
  for (const n of spec.namesakes) {
    const p = spec.pages.find((x) => x.id === n.page);
    if (!p) problems.push(`namesakes: no page ${n.page}`);
    else for (const k of n.works) if (!p.works.map(workOf).some((w) => String(w.i) === String(k))) problems.push(`namesakes: ${n.page} has no work ${k}`);
  }
  return problems;
}

/** The captures, records and labels of one split. */
export function buildPartialSplit(split: Split, spec: PartialSpec = loadPartialSpec()): PartialSplit {
  const captures: StoredCaptureLike[] = [];
  const records: PartialRecord[] = [];
  const at = new Map<string, string>();
  const byOrigin = new Map<string, string[]>();
  for (const p of spec.pages.filter((x) => x.split === split)) {
    const s = spec.sources[p.source]!;
    const read = readSource(p.source, s);
    const works: Work[] = [];
    for (const pw of p.works.map(workOf)) {
      const k = String(pw.i);
      const src = read.works.get(k);
      if (!src) throw new Error(`${p.id}: ${p.source}#${k} does not resolve (run the spec check)`);
      const t = mergedTransform(p.transform, pw.transform);
      const work = applyTransform(src, t);
      const rec: PartialRecord = {
        id: `${p.id}#${k}`,
        origin: `${p.source}#${k}`,
        page: p.id,
        captureKey: p.id,
        index: works.length,
        work,
        kinds: kindsOf(src, work, t, pw.kinds),
      };
      works.push(work);
      records.push(rec);
      at.set(`${p.id}#${rec.index}`, rec.id);
      byOrigin.set(rec.origin, [...(byOrigin.get(rec.origin) ?? []), rec.id]);
    }
    const base = read.capture;
    const capture: Capture = p.derived
      ? envelope(p.site!, p.pageKind!, p.url!, p.person, works)
      : { ...structuredClone(base), works };
    captures.push({ key: p.id, capture });
  }
  // Origin-level labels become record-level pairs: every record of one origin
  // stands for that source work.
  // (Pairs of one origin are the same work by construction, never a label's.)
  const originOf = new Map(records.map((r) => [r.id, r.origin]));
  const recordPairs = (members: string[]): string[] => {
    const ids = members.flatMap((m) => byOrigin.get(m) ?? []);
    return pairsOf(ids).filter((pr) => {
      const [a, b] = pr.split('|');
      return originOf.get(a!) !== originOf.get(b!);
    });
  };
  const kindsById = new Map(records.map((r) => [r.id, r.kinds]));
  const gold = new Map<string, string[]>();
  const addGold = (pr: string, kinds: string[]) => {
    const [a, b] = pr.split('|');
    gold.set(pr, [...new Set([...(gold.get(pr) ?? []), ...kinds, ...kindsById.get(a!)!, ...kindsById.get(b!)!])].sort());
  };
  for (const ids of byOrigin.values()) for (const pr of pairsOf(ids)) addGold(pr, ['copy']);
  for (const g of spec.groups) for (const pr of recordPairs(g.members)) addGold(pr, g.kinds ?? []);
  const negatives = new Set<string>();
  for (const g of spec.negatives) for (const pr of recordPairs(g.members)) negatives.add(pr);
  // An uncertain set covers its pairs that no gold group or hard negative decides.
  const uncertain = new Set<string>();
  for (const g of spec.uncertain) for (const pr of recordPairs(g.members)) if (!gold.has(pr) && !negatives.has(pr)) uncertain.add(pr);
  const pages = new Set(spec.pages.filter((x) => x.split === split).map((x) => x.id));
  const people = spec.people.filter((x) => x.pages.every((id) => pages.has(id))).map((x) => ({ name: x.name, captureKeys: x.pages }));
  const namesakes = spec.namesakes
    .filter((n) => pages.has(n.page))
    .flatMap((n) => n.works.map((k) => ({ captureKey: n.page, record: `${n.page}#${k}` })));
  return { split, captures, records, recordAt: (key, index) => at.get(`${key}#${index}`), gold, uncertain, negatives, people, namesakes };
}
