// A department-sized library for the benchmark, made from the real saved
// captures: by default 303 researchers, about 58 000 stored work rows that
// merge into about 22 000 works. Deterministic: the same seed gives the same
// records, byte for byte. `npx tsx bench/library.ts [researchers] [seed]`
// prints what it made.
//
// How it is made:
// - the real pages are read by the real adapters through the code's own
//   extract path (benchPages() + capturePage for the saved HTML,
//   tests/helpers/real-library.ts for the DBLP, ORCID and Semantic Scholar
//   responses);
// - their works give the material: every real title (of 4+ words), its year,
//   venue, type, DOI and abstract; their authors give the given and family
//   names; the seven real Scholar profiles give each researcher's profile
//   (affiliation, interests, chart) in turn;
// - researcher r gets a real family name of their own and a real given name,
//   and 15–130 works. A work is a real work re-titled: the k-th use of a real
//   title inserts two words of the real titles' vocabulary into it (the first
//   use keeps it as it is), so titles stay real-sounding and never equal, and
//   none is a prefix of another; a DOI gets the same use number. Co-authors
//   are real names recombined; one work in eight also has another researcher
//   of the library as co-author, and appears on both their pages (shared);
// - every researcher has a Scholar profile listing all their works (authors as
//   initials, as Scholar shows them); one in five shows the name itself with
//   initials. Some also have a DBLP page (60 %), a Semantic Scholar page
//   (50 %, the name as initials), an ORCID record (35 %, titles, years and
//   DOIs only), each listing most of their works;
// - one work in six has an arXiv version: a CoRR row on DBLP, an "arXiv
//   preprint" row on half of the Scholar profiles, the arXiv id on Semantic
//   Scholar, and for one in ten of them the arXiv abstract page itself;
// - one Scholar row in thirty is listed twice (lower-cased title, no venue),
//   as Scholar does for a paper it found twice.
// So every distinct work should merge into one, whatever its rows: the
// generator's `works` count is what a correct merge finds.
//
// Every capture is checked with validateCapture, keys are the adapters' own
// pageKeyOf, and the records are CaptureRecords as putCapture writes them.

import type { Capture, Person, Work } from '../src/core/capture';
import { validateCapture } from '../src/core/validate';
import { capturePage, pageKeyOf } from '../src/adapters/run';
import { parseHtml } from '../src/node/dom';
import { nodeRegistry } from '../src/node/sites';
import { personIdsOf } from '../src/store/store';
import type { CaptureRecord } from '../src/store/schema';
import { realLibrary } from '../tests/helpers/real-library';
import { benchPages } from './pages';

export interface LibraryOptions {
  researchers?: number;
  seed?: number;
}

export interface Library {
  records: CaptureRecord[];
  researchers: number;
  /** Work rows stored, over every capture. */
  rows: number;
  /** Distinct works: what a correct merge makes of the rows. */
  works: number;
  /** Works listed by two researchers of the library. */
  shared: number;
  pages: Record<string, number>;
}

/** mulberry32: small, fast and the same everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BaseWork {
  title: string;
  year?: number;
  venue?: string;
  type?: Work['type'];
  doi?: string;
  abstract?: string;
  citations?: number;
}

interface Material {
  bases: BaseWork[];
  given: string[];
  families: string[];
  vocab: string[];
  profiles: Person[];
  arxivPaper: Capture;
}

let material: Material | undefined;

/** The real captures, read once per process. */
function realMaterial(): Material {
  if (material) return material;
  const { pages } = benchPages();
  const fromPages = pages.map((p) => capturePage(p.adapter, parseHtml(p.html), p.url, { now: new Date('2026-11-22T10:00:00.000Z') }));
  // In a fixed order (folders are listed in whatever order the file system keeps), so every machine makes the same library.
  const captures = [...fromPages, ...realLibrary().map((r) => r.capture)]
    .filter((c) => c.pageKind !== 'blocked' && c.pageKind !== 'unrecognized')
    .sort((a, b) => (a.source + a.url < b.source + b.url ? -1 : a.source + a.url > b.source + b.url ? 1 : 0));
  const works = captures.flatMap((c) => c.works ?? []);
  const seen = new Set<string>();
  const bases: BaseWork[] = [];
  for (const w of works) {
    const title = w.title?.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
    if (!title || title.split(' ').length < 4 || title.length > 220) continue;
    const k = title.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    bases.push({
      title,
      ...(w.year !== undefined ? { year: w.year } : {}),
      ...(w.venue && !/arxiv|corr/i.test(w.venue) ? { venue: w.venue } : {}),
      ...(w.type && w.type !== 'preprint' ? { type: w.type } : {}),
      ...(w.ids?.doi ? { doi: w.ids.doi } : {}),
      ...(w.abstract ? { abstract: w.abstract } : {}),
      ...(w.citations !== undefined ? { citations: w.citations } : {}),
    });
  }
  // Full names only (DBLP, Semantic Scholar, arXiv, ResearchGate, paper pages), not Scholar's initials.
  const given = new Set<string>();
  const families = new Set<string>();
  for (const a of works.flatMap((w) => w.authors ?? [])) {
    const parts = a.trim().split(/\s+/);
    if (parts.length < 2) continue;
    const family = parts.pop()!;
    const first = parts[0]!;
    if (/^\p{Lu}[\p{Ll}'-]{2,}$/u.test(family)) families.add(family);
    if (/^\p{Lu}\p{Ll}{2,}$/u.test(first)) given.add(first);
  }
  const vocab = [...new Set(bases.flatMap((b) => b.title.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 6))].sort();
  const profiles = [...new Map(captures.filter((c) => c.source === 'google-scholar' && c.pageKind === 'author' && c.person).map((c) => [c.url, c.person!])).values()];
  const arxivPaper = captures.find((c) => c.source === 'arxiv' && c.pageKind === 'paper');
  if (!arxivPaper || profiles.length === 0) throw new Error('the real arXiv abstract page or Scholar profiles were not read');
  material = { bases, given: [...given].sort(), families: [...families].sort(), vocab, profiles, arxivPaper };
  return material;
}

interface Author {
  given: string;
  family: string;
}

interface LibWork {
  id: number;
  title: string;
  authors: Author[];
  year: number;
  venue?: string;
  type?: Work['type'];
  doi?: string;
  arxiv?: string;
  arxivYear?: number;
  abstract?: string;
  citations: number;
}

const full = (a: Author) => `${a.given} ${a.family}`;
/** "Jason B. Ernst" → "JB Ernst", Scholar's way. */
const initials = (a: Author) => `${a.given.split(/[\s.-]+/).filter(Boolean).map((t) => t[0]!.toUpperCase()).join('')} ${a.family}`;
const dotted = (a: Author) => `${a.given[0]!.toUpperCase()}. ${a.family}`;

function shuffled<T>(xs: T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const code = (r: () => number, n: number) => Array.from({ length: n }, () => ALPHABET[Math.floor(r() * 64)]!).join('');
const hex = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');

/** A well-formed ORCID iD (ISO 7064 mod 11-2 check digit) from a number. */
function orcidOf(n: number): string {
  const digits = String(1_0000_0000_000 + n).slice(-15).padStart(15, '0');
  let total = 0;
  for (const d of digits) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? 'X' : String(check));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

/** 22 000 works over 303 researchers. */
const WORKS_PER_RESEARCHER = 22_000 / 303;
const AT = Date.parse('2026-06-01T09:00:00.000Z');
const DAY = 86_400_000;

export function generateLibrary(opts: LibraryOptions = {}): Library {
  const researchers = opts.researchers ?? 303;
  const r = rng(opts.seed ?? 16);
  const m = realMaterial();
  const registry = nodeRegistry();
  const adapter = (id: string) => {
    const a = registry.adapterById(id);
    if (!a) throw new Error(`no adapter ${id}`);
    return a;
  };

  // People: a family name each (never shared, so no two are namesakes), co-authors from the rest.
  const families = shuffled(m.families, r);
  if (families.length < researchers * 2) throw new Error(`only ${families.length} real family names for ${researchers} researchers`);
  const people: Author[] = Array.from({ length: researchers }, (_, i) => ({ given: m.given[Math.floor(r() * m.given.length)]!, family: families[i]! }));
  const others = families.slice(researchers);
  const coauthor = (): Author => ({ given: m.given[Math.floor(r() * m.given.length)]!, family: others[Math.floor(r() * others.length)]! });

  // Works: the real titles in a shuffled order, each use after the first with two words inserted.
  const order = shuffled(m.bases, r);
  const lists: LibWork[][] = people.map(() => []);
  const all: LibWork[] = [];
  let shared = 0;
  let arxivSeq = 0;
  // 15 works at least, a long tail of prolific people, about 72.6 works a researcher in all.
  const shape = people.map(() => r() * r());
  const spread = (WORKS_PER_RESEARCHER - 15) * researchers / shape.reduce((a, b) => a + b, 0);
  for (let p = 0; p < researchers; p++) {
    const n = 15 + Math.round(shape[p]! * spread);
    for (let k = 0; k < n; k++) {
      const g = all.length;
      const base = order[g % order.length]!;
      const use = Math.floor(g / order.length);
      const words = base.title.split(' ');
      let title = base.title;
      if (use > 0) {
        const at = 1 + (use % (words.length - 1));
        const v = m.vocab;
        const w1 = v[(use * 7 + g) % v.length]!;
        const w2 = v[(use * 13 + g * 3 + 1) % v.length]!;
        title = [...words.slice(0, at), w1, w2, ...words.slice(at)].join(' ');
      }
      const authors = Array.from({ length: Math.floor(r() * 6) }, coauthor);
      authors.splice(Math.floor(r() * (authors.length + 1)), 0, people[p]!);
      const other = r() < 0.125 ? (p + 1 + Math.floor(r() * (researchers - 1))) % researchers : undefined;
      if (other !== undefined) authors.splice(Math.floor(r() * (authors.length + 1)), 0, people[other]!);
      const year = base.year && base.year >= 1950 ? base.year : 1995 + Math.floor(r() * 31);
      const work: LibWork = {
        id: g,
        title,
        authors,
        year,
        ...(base.venue ? { venue: base.venue } : {}),
        ...(base.type ? { type: base.type } : {}),
        ...(base.doi ? { doi: use === 0 ? base.doi : `${base.doi}.${use}` } : {}),
        ...(base.abstract && use === 0 ? { abstract: base.abstract } : {}),
        citations: base.citations ?? Math.floor(r() * r() * 120),
      };
      if (r() < 1 / 6) {
        arxivSeq++;
        const yy = String(Math.min(Math.max(year, 2008), 2025) % 100).padStart(2, '0');
        work.arxiv = `${yy}${String(1 + (arxivSeq % 12)).padStart(2, '0')}.${String(10000 + arxivSeq).padStart(5, '0')}`;
        work.arxivYear = r() < 0.3 ? year - 1 : year;
      }
      all.push(work);
      lists[p]!.push(work);
      if (other !== undefined) {
        lists[other]!.push(work);
        shared++;
      }
    }
  }

  const records: CaptureRecord[] = [];
  const pages: Record<string, number> = {};
  let rows = 0;
  const store = (site: string, capture: Capture) => {
    const check = validateCapture(capture);
    if (!check.ok) throw new Error(`generated capture ${capture.url} is invalid: ${check.errors.slice(0, 3).join('; ')}`);
    const seenDays = Math.floor(r() * 200);
    records.push({
      key: pageKeyOf(adapter(site), new URL(capture.url)),
      source: capture.source,
      pageKind: capture.pageKind,
      url: capture.url,
      firstSeen: new Date(Date.parse(capture.capturedAt) - seenDays * DAY).toISOString(),
      lastSeen: capture.capturedAt,
      timesSeen: 1 + Math.floor(r() * r() * 6),
      personIds: personIdsOf(capture),
      capture,
    });
    pages[site] = (pages[site] ?? 0) + 1;
    rows += capture.works?.length ?? 0;
  };
  const envelope = (source: string, pageKind: Capture['pageKind'], url: string, rest: Partial<Capture>): Capture => ({
    format: 'scholar-lens.capture',
    version: 1,
    source,
    pageKind,
    url,
    capturedAt: new Date(AT + Math.floor(r() * 150 * DAY)).toISOString(),
    ...rest,
  });
  const pick = (works: LibWork[], share: number) => works.filter(() => r() < share);

  for (let p = 0; p < researchers; p++) {
    const me = people[p]!;
    const mine = lists[p]!;
    const cites = (w: LibWork) => Math.max(0, w.citations + Math.floor(r() * 5) - 2);

    // Google Scholar: every work, authors as initials, arXiv copies on half the profiles, a few rows twice.
    const template = m.profiles[p % m.profiles.length]!;
    const user = `${code(r, 6)}AAAAJ`.padEnd(12, 'A').slice(0, 12);
    const scholarRow = (w: LibWork, over: Partial<Work> = {}): Work => {
      const names = w.authors.map(initials);
      const truncated = names.length > 6 && w.authors.indexOf(me) < 6;
      return {
        title: w.title,
        authors: truncated ? names.slice(0, 6) : names,
        ...(truncated ? { authorsTruncated: true } : {}),
        ...(w.venue ? { venue: w.venue } : {}),
        year: w.year,
        ...(w.citations ? { citations: cites(w) } : {}),
        ids: { gscholar: `${user}:${code(r, 12)}` },
        ...over,
      };
    };
    const scholarRows: Work[] = [];
    const arxivOnScholar = p % 2 === 0;
    for (const w of mine) {
      scholarRows.push(scholarRow(w));
      if (w.arxiv && arxivOnScholar) scholarRows.push(scholarRow(w, { venue: `arXiv preprint arXiv:${w.arxiv}`, year: w.arxivYear!, citations: Math.floor(w.citations / 4) }));
      if (r() < 1 / 30) {
        const dup = scholarRow(w, { title: w.title.toLowerCase(), citations: Math.floor(r() * 3) });
        delete dup.venue;
        scholarRows.push(dup);
      }
    }
    for (const row of scholarRows) row.url = `https://scholar.google.com/citations?view_op=view_citation&hl=en&user=${user}&citation_for_view=${row.ids!.gscholar}`;
    const counts = scholarRows.map((w) => w.citations ?? 0).sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const scale = total / Math.max(1, template.metrics?.citations ?? total);
    const person: Person = {
      name: p % 5 === 4 ? dotted(me) : full(me),
      ...(template.affiliation ? { affiliation: template.affiliation } : {}),
      ...(template.interests ? { interests: template.interests } : {}),
      ids: { gscholar: user },
      metrics: { citations: total, hIndex: counts.filter((c, i) => c >= i + 1).length, i10Index: counts.filter((c) => c >= 10).length },
      ...(template.citationsByYear
        ? { citationsByYear: Object.fromEntries(Object.entries(template.citationsByYear).map(([y, c]) => [y, Math.round(c * scale)])) }
        : {}),
    };
    store('google-scholar', envelope('google-scholar', 'author', `https://scholar.google.com/citations?user=${user}&hl=en`, { person, works: scholarRows }));

    // DBLP: most works, full names, DBLP keys, CoRR rows for the arXiv versions.
    if (r() < 0.6) {
      const pid = `${10 + (p % 90)}/${1000 + p}`;
      const dblpRows: Work[] = [];
      for (const w of pick(mine, 0.85)) {
        const key = `${w.type === 'article' ? 'journals' : 'conf'}/bench/${me.family}${String(w.year % 100).padStart(2, '0')}w${w.id}`;
        dblpRows.push({
          title: w.title,
          authors: w.authors.map(full),
          year: w.year,
          ...(w.venue ? { venue: w.venue } : {}),
          ids: { dblp: key, ...(w.doi ? { doi: w.doi } : {}) },
          ...(w.doi ? { url: `https://doi.org/${w.doi}` } : {}),
          type: w.type === 'article' ? 'article' : 'conference',
        });
        if (w.arxiv)
          dblpRows.push({
            title: w.title,
            authors: w.authors.map(full),
            year: w.arxivYear!,
            venue: 'CoRR',
            ids: { dblp: `journals/corr/abs-${w.arxiv.replace('.', '-')}`, arxiv: w.arxiv },
            url: `https://arxiv.org/abs/${w.arxiv}`,
            type: 'preprint',
          });
      }
      if (dblpRows.length)
        store('dblp', envelope('dblp', 'author', `https://dblp.org/pid/${pid}.html`, { person: { name: full(me), ids: { dblp: pid }, metrics: { papers: dblpRows.length } }, works: dblpRows }));
    }

    // Semantic Scholar: most works, the name as initials, paper ids, DOIs and arXiv ids, abstracts where the real work had one.
    if (r() < 0.5) {
      const s2 = String(2_000_000 + p * 7919);
      const s2Rows = pick(mine, 0.9).map((w): Work => ({
        title: w.title,
        authors: w.authors.map((a) => (a === me ? dotted(a) : full(a))),
        year: w.year,
        ...(w.venue ? { venue: w.venue } : {}),
        ...(w.abstract ? { abstract: w.abstract } : {}),
        citations: cites(w),
        ids: { s2: hex(r, 40), ...(w.doi ? { doi: w.doi } : {}), ...(w.arxiv ? { arxiv: w.arxiv } : {}) },
      }));
      for (const row of s2Rows) row.url = `https://www.semanticscholar.org/paper/${row.ids!.s2}`;
      if (s2Rows.length)
        store(
          'semantic-scholar',
          envelope('semantic-scholar', 'author', `https://www.semanticscholar.org/author/${s2}`, {
            person: { name: dotted(me), ids: { s2 }, metrics: { papers: s2Rows.length, citations: s2Rows.reduce((a, w) => a + (w.citations ?? 0), 0) } },
            works: s2Rows,
          }),
        );
    }

    // ORCID: titles, years, DOIs and types only, as the record lists them.
    if (r() < 0.35) {
      const orcid = orcidOf(4_000_000 + p);
      const orcidRows = pick(mine, 0.7).map((w): Work => ({ title: w.title, year: w.year, ...(w.doi ? { ids: { doi: w.doi } } : {}), type: w.type ?? 'article' }));
      if (orcidRows.length)
        store('orcid', envelope('orcid', 'author', `https://orcid.org/${orcid}`, { person: { name: full(me), ids: { orcid }, ...(template.affiliation ? { affiliation: template.affiliation } : {}) }, works: orcidRows }));
    }
  }

  // arXiv abstract pages: one in ten of the works with an arXiv version, shaped like the real abstract page's capture.
  const real = m.arxivPaper.works![0]!;
  for (const w of all) {
    if (!w.arxiv || r() >= 0.1) continue;
    const url = `https://arxiv.org/abs/${w.arxiv}`;
    store(
      'arxiv',
      envelope('arxiv', 'paper', url, {
        works: [
          {
            title: w.title,
            authors: w.authors.map(full),
            year: w.arxivYear!,
            ...(real.venue ? { venue: real.venue } : {}),
            ...(w.abstract ? { abstract: w.abstract } : {}),
            ids: { arxiv: w.arxiv },
            url,
            type: 'preprint',
          },
        ],
      }),
    );
  }

  records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { records, researchers, rows, works: all.length, shared, pages };
}

/** The researcher count giving about `rows` stored rows (rows grow linearly with researchers). */
export function researchersForRows(rows: number, seed?: number): number {
  const probe = generateLibrary({ researchers: 303, ...(seed !== undefined ? { seed } : {}) });
  return Math.max(1, Math.round((303 * rows) / probe.rows));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const t0 = performance.now();
  const lib = generateLibrary({ researchers: Number(process.argv[2] ?? 303), seed: Number(process.argv[3] ?? 16) });
  const ms = performance.now() - t0;
  console.log(
    `${lib.researchers} researchers, ${lib.records.length} captures (${Object.entries(lib.pages).map(([k, v]) => `${k} ${v}`).join(', ')}), ${lib.rows} work rows, ${lib.works} works (${lib.shared} shared); ${(ms / 1000).toFixed(1)} s`,
  );
}
