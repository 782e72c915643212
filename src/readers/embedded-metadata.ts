// The generic article-page reader, modelled on Zotero's "Embedded Metadata"
// translator: Highwire `citation_*` tags, bepress, Dublin Core, PRISM,
// JSON-LD, COinS and OpenGraph, in that order of precedence. Site adapters
// call readEmbeddedMetadata and patch what their site needs; the
// `embeddedMetadata` adapter serves any other page when the user asks.
//
// Choices:
// - Something scholarly must be present (citation_title, bepress_citation_title,
//   DC.title with a DC.identifier/creator, PRISM, a ScholarlyArticle in JSON-LD,
//   or exactly one COinS span). OpenGraph alone describes every blog post, so it
//   only fills gaps; several COinS spans are a reference list, not the page.
// - Authors keep the page's order, from the first form the page uses
//   (metaAuthors: citation_author, citation_authors "A; B", DC creators, DC
//   contributors; the last because elsewhere a contributor may be an editor).
//   "Family, Given" (exactly one comma) becomes
//   "Given Family", the form most sites show, so that names from different
//   sites compare; anything else is kept as shown.
// - The abstract comes only from fields meant for it: citation_abstract,
//   dcterms.abstract, DC.description, JSON-LD `abstract` (or the `description`
//   of a ScholarlyArticle). `description`, og:description and
//   twitter:description are teasers, usually cut short, and are never used.
// - date is the publication date (citation_publication_date, citation_date,
//   DC.date, prism.publicationDate, then the online date), as YYYY[-MM[-DD]].

import type { Extraction, PageKind, Work, WorkType } from '../core/capture';
import type { SiteAdapter, UrlRule } from '../adapters/contract';
import type { SiteMeta } from '../adapters/catalog';
import { absoluteUrl, canonicalArxiv, canonicalDoi, cleanText, compact, parseYear } from '../core/text';
import { EMBEDDED_METADATA_ID, READER_NAMES } from './names';
import { decodeLeftoverEntities } from '../core/entities';

type Metas = Map<string, string[]>;

// Some pages escape their meta content twice ("In&amp;nbsp;vitro", "Kn&amp;ouml;pfel")
// or in an old publisher form ("Kn|[ouml]|pfel"), leaving entity text in the
// attribute value; a browser shows the same literal text, but the publisher
// meant the character. Decoded for every site in src/core/entities.ts.
const decodeLeftovers = decodeLeftoverEntities;

const clean = (s: string | null | undefined) => cleanText(s == null ? s : decodeLeftovers(s));

/** Every meta tag's content by its lower-cased name or property, in page order. */
export function readMetas(doc: Document): Metas {
  const out: Metas = new Map();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').trim().toLowerCase();
    const value = clean(m.getAttribute('content'));
    if (!key || !value) continue;
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

function first(metas: Metas, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = metas.get(k)?.[0];
    if (v) return v;
  }
  return undefined;
}

function all(metas: Metas, ...keys: string[]): string[] {
  for (const k of keys) {
    const v = metas.get(k);
    if (v?.length) return v;
  }
  return [];
}

/** "Family, Given" → "Given Family"; other forms as shown. */
export function displayName(name: string): string {
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [family, given] = parts.map((p) => p.trim()) as [string, string];
  if (!family || !given || /^(jr|sr|[ivx]+)\.?$/i.test(given)) return name;
  return `${given} ${family}`;
}

/** "2010/09", "2014/6/26", "2010-05-05T00:00:00Z" → "2010-09", "2014-06-26", "2010-05-05". */
export function isoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(s.trim());
  if (!m) return undefined;
  const pad = (p: string | undefined) => (p ? '-' + p.padStart(2, '0') : '');
  return m[1] + pad(m[2]) + (m[2] ? pad(m[3]) : '');
}

// ---- JSON-LD ----

type Json = Record<string, unknown>;
const SCHOLARLY = /^(ScholarlyArticle|MedicalScholarlyArticle|Article|NewsArticle|Report|Thesis|Chapter|Book|CreativeWork)$/;

function typesOf(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** All objects in the page's JSON-LD blocks, walking @graph, arrays and nested entities. */
export function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Json;
    out.push(o);
    for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage']) if (k in o) walk(o[k], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      walk(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      /* a broken block is skipped, as a browser would */
    }
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? clean(v) : typeof v === 'number' ? String(v) : undefined);
const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return clean(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Json;
    return str(o.name) ?? cleanText([str(o.givenName), str(o.familyName)].filter(Boolean).join(' '));
  }
  return undefined;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function jsonLdWork(doc: Document): Work | undefined {
  const o = jsonLdObjects(doc).find((x) => typesOf(x).some((t) => SCHOLARLY.test(t)) && (x.headline || x.name));
  if (!o) return undefined;
  const scholarly = typesOf(o).some((t) => /Scholarly/.test(t));
  const ids = [...list(o.identifier), ...list(o.sameAs), o.url].map((x) => (typeof x === 'object' && x ? str((x as Json).value) : str(x)));
  return compact({
    title: str(o.headline) ?? str(o.name),
    authors: list(o.author).map(nameOf).filter((s): s is string => !!s),
    date: isoDate(str(o.datePublished)),
    venue: nameOf(list(o.isPartOf)[0]),
    publisher: nameOf(o.publisher),
    abstract: str(o.abstract) ?? (scholarly ? str(o.description) : undefined),
    ids: compact({ doi: ids.map(canonicalDoi).find(Boolean) }),
    type: scholarly ? ('article' as const) : undefined,
  });
}

// ---- COinS ----

function coinsWork(doc: Document): Work | undefined {
  const spans = Array.from(doc.querySelectorAll('span.Z3988'));
  if (spans.length !== 1) return undefined;
  const kv = new URLSearchParams(spans[0]?.getAttribute('title') ?? '');
  const get = (k: string) => clean(kv.get(k));
  const authors = kv.getAll('rft.au').map((a) => clean(a)).filter((s): s is string => !!s);
  if (!authors.length && get('rft.aulast')) authors.push(cleanText(`${get('rft.aufirst') ?? ''} ${get('rft.aulast')}`)!);
  const rftIds = kv.getAll('rft_id');
  const genre = get('rft.genre');
  return compact({
    title: get('rft.atitle') ?? get('rft.title') ?? get('rft.btitle'),
    authors,
    date: isoDate(get('rft.date')),
    venue: get('rft.jtitle') ?? (get('rft.atitle') ? get('rft.btitle') : undefined),
    ids: compact({
      doi: canonicalDoi(rftIds.find((i) => /^info:doi\//.test(i))?.slice(9)),
      pmid: rftIds.find((i) => /^info:pmid\/\d+$/.test(i))?.slice(10),
    }),
    type: genre === 'article' ? ('article' as const) : genre === 'proceeding' || genre === 'conference' ? ('conference' as const) : genre === 'bookitem' ? ('chapter' as const) : genre === 'book' ? ('book' as const) : undefined,
  });
}

// ---- meta tags ----

function metaType(metas: Metas, arxiv: string | undefined): WorkType | undefined {
  if (first(metas, 'citation_journal_title', 'bepress_citation_journal_title')) return 'article';
  if (first(metas, 'citation_conference_title', 'citation_conference', 'bepress_citation_conference')) return 'conference';
  if (first(metas, 'citation_inbook_title', 'citation_book_title')) return 'chapter';
  if (first(metas, 'citation_dissertation_institution', 'bepress_citation_dissertation_institution')) return 'thesis';
  if (first(metas, 'citation_technical_report_institution')) return 'other';
  if (arxiv) return 'preprint';
  if (first(metas, 'prism.publicationname')) return 'article';
  return undefined;
}

/**
 * The author list, from the first form the page uses: one citation_author per
 * person (Highwire, bepress), one citation_authors holding them all separated
 * by ";" (older Highwire, PubMed Central), DC/DCTERMS creators, and only then
 * DC contributors (PMC lists its authors as DC.Contributor; elsewhere a
 * contributor may be an editor, so they never join a list of creators).
 */
export function metaAuthors(metas: Metas): string[] {
  const forms = [
    ['citation_author', 'bepress_citation_author'],
    ['citation_authors', 'bepress_citation_authors'],
    ['dc.creator', 'dcterms.creator'],
    ['dc.contributor', 'dcterms.contributor'],
  ];
  for (const keys of forms) {
    // A ";" never occurs in a name: a value holding one is a list (also seen in single citation_author tags).
    const names = all(metas, ...keys)
      .flatMap((v) => v.split(';'))
      .map((n) => cleanText(n))
      .filter((n): n is string => !!n);
    if (names.length) return names.map(displayName);
  }
  return [];
}

function metaWork(metas: Metas, doc: Document, url: URL): Work | undefined {
  const title = first(metas, 'citation_title', 'bepress_citation_title', 'dc.title', 'dcterms.title', 'prism.title');
  if (!title) return undefined;
  const dcIdentifiers = all(metas, 'dc.identifier', 'dcterms.identifier');
  const arxiv = canonicalArxiv(first(metas, 'citation_arxiv_id'));
  const date = isoDate(
    first(metas, 'citation_publication_date', 'citation_date', 'bepress_citation_date', 'dc.date', 'dcterms.issued', 'dcterms.date', 'prism.publicationdate', 'citation_online_date'),
  );
  return compact({
    title,
    authors: metaAuthors(metas),
    date,
    venue: first(
      metas,
      'citation_journal_title',
      'bepress_citation_journal_title',
      'citation_conference_title',
      'citation_conference',
      'citation_inbook_title',
      'citation_book_title',
      'prism.publicationname',
    ),
    publisher: first(metas, 'citation_publisher', 'bepress_citation_publisher', 'dc.publisher', 'dcterms.publisher'),
    abstract: first(metas, 'citation_abstract', 'dcterms.abstract', 'dc.description', 'dcterms.description'),
    ids: compact({
      doi: canonicalDoi(first(metas, 'citation_doi', 'bepress_citation_doi', 'prism.doi')) ?? dcIdentifiers.map(canonicalDoi).find(Boolean),
      pmid: first(metas, 'citation_pmid')?.match(/^\d+$/)?.[0],
      pmcid: first(metas, 'citation_pmcid')?.match(/^(?:PMC)?(\d+)$/i)?.[1]?.replace(/^/, 'PMC'),
      arxiv,
    }),
    url: absoluteUrl(
      first(metas, 'citation_abstract_html_url', 'citation_fulltext_html_url') ??
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
        first(metas, 'og:url', 'prism.url'),
      url,
    ),
    type: metaType(metas, arxiv),
  });
}

function hasScholarlyMeta(metas: Metas): boolean {
  return (
    metas.has('citation_title') ||
    metas.has('bepress_citation_title') ||
    (metas.has('dc.title') && (metas.has('dc.identifier') || metas.has('dc.creator') || metas.has('dc.contributor'))) ||
    (metas.has('dcterms.title') && (metas.has('dcterms.identifier') || metas.has('dcterms.creator') || metas.has('dcterms.contributor'))) ||
    metas.has('prism.publicationname')
  );
}

/** Fill what `base` lacks from `extra` (ids merged key by key). */
function fill(base: Work, extra: Work | undefined): Work {
  if (!extra) return base;
  const out: Work = { ...extra, ...base };
  if (base.ids || extra.ids) out.ids = { ...extra.ids, ...base.ids };
  return out;
}

/**
 * The article this page describes, from its embedded metadata, or undefined
 * when nothing scholarly is embedded. Never throws on odd pages.
 */
export function readEmbeddedMetadata(doc: Document, url: URL): Work | undefined {
  const metas = readMetas(doc);
  const fromMeta = hasScholarlyMeta(metas) ? metaWork(metas, doc, url) : undefined;
  const fromJson = jsonLdWork(doc);
  const fromCoins = coinsWork(doc);
  let work = fromMeta ?? fromJson ?? fromCoins;
  if (!work?.title) return undefined;
  if (work !== fromJson) work = fill(work, fromJson);
  if (work !== fromCoins && !fromMeta && !fromJson) work = fill(work, fromCoins);
  work = fill(work, compact({ url: absoluteUrl(first(metas, 'og:url'), url) ?? url.href }));
  const year = parseYear(work.date);
  return compact({ ...work, year: work.year ?? year });
}

/** A `paper` extraction from the reader, or `unrecognized` saying why. */
// An exception here is caught once, by the runner's safeExtract, which says so in the capture.
export function embeddedPaper(doc: Document, url: URL, siteName: string, patch?: (w: Work) => Work): Extraction {
  const found = readEmbeddedMetadata(doc, url);
  const work = found && patch ? compact(patch(found)) : found;
  if (!work?.title) return { pageKind: 'unrecognized', notes: [`${siteName}: no article metadata (citation_*, Dublin Core, JSON-LD, COinS) on this page`] };
  return { pageKind: 'paper', works: [work] };
}

/** What a publisher site adds to the embedded-metadata reader (Zotero's Embedded Metadata translator with its `itemDone` hook). */
export interface PublisherSite {
  /** The site folder's site.json. */
  site: SiteMeta;
  rules: UrlRule[];
  nonMatching: string[];
  /** Fills what the site's tags leave out, from its own markup (the `itemDone` of Zotero's translator). */
  patch?(work: Work, doc: Document, url: URL): Work;
  pageKey?(url: URL): string | undefined;
}

/**
 * A publisher's article pages whose citation_* tags carry the record: the
 * embedded-metadata reader on the publisher's own hosts, plus its patch.
 */
export function publisherSite({ site, rules, nonMatching, patch, pageKey }: PublisherSite): SiteAdapter {
  return {
    ...site,
    rules,
    nonMatching,
    detect: (doc) => (readMetas(doc).has('citation_title') ? 'paper' : undefined),
    extract: (doc, url) => embeddedPaper(doc, url, site.name, patch && ((w) => patch(w, doc, url))),
    ...(pageKey ? { pageKey } : {}),
  };
}

export const embeddedMetadata: SiteAdapter = {
  id: EMBEDDED_METADATA_ID,
  name: READER_NAMES[EMBEDDED_METADATA_ID]!,
  precedence: 10,
  nonMatching: [],
  matches: [],
  rules: [],
  detect(doc: Document): PageKind | undefined {
    try {
      const metas = readMetas(doc);
      if (hasScholarlyMeta(metas)) return 'paper';
      return jsonLdWork(doc) || coinsWork(doc)?.title ? 'paper' : undefined;
    } catch {
      return undefined;
    }
  },
  extract(doc, url) {
    return embeddedPaper(doc, url, 'Article page');
  },
};
