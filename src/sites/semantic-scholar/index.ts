// Semantic Scholar author and paper pages. Both are rendered by a script from
// the Graph API on api.semanticscholar.org, which the content script fetches;
// the adapter reads that response. Without it, paper pages fall back to their
// citation_* meta tags and author pages are `unrecognized`.
//
// Choices:
// - person.metrics are the API's own paperCount, citationCount and hIndex:
//   the figures the author page prints.
// - The author's `externalIds.DBLP` is a list of name variants, not a DBLP
//   person id, so it is not put in ids.dblp. A paper's `DBLP` is a record key
//   and is.
// - An author *search* response lists people, not works; it is not a page kind
//   the format has, so it is read as `unrecognized` with a note.

import type { Extraction, Work, WorkIdKey, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { at, arr, isRecord, num, parseJson, str, type Json } from '../../adapters/kit/json';
import { canonicalArxiv, canonicalDoi, cleanText, compact, parseYear } from '../../core/text';
import { declaresSameRecord } from '../../adapters/kit/page-identity';
import site from './site.json';
import { own } from '../../core/lookup';

const API = 'https://api.semanticscholar.org/graph/v1';
const PAPER_FIELDS = 'title,authors,year,venue,journal,publicationDate,publicationTypes,citationCount,externalIds,url,abstract';
const AUTHOR_FIELDS = `name,affiliations,homepage,paperCount,citationCount,hIndex,externalIds,url,${[
  'title',
  'authors',
  'year',
  'venue',
  'journal',
  'publicationDate',
  'publicationTypes',
  'citationCount',
  'externalIds',
  'url',
]
  .map((f) => `papers.${f}`)
  .join(',')}`;

type Route = { kind: 'author' | 'paper' | 'search' | 'citations' | 'references'; id?: string };

export function routeOf(url: URL): Route | undefined {
  const path = url.pathname;
  if (url.hostname === 'www.semanticscholar.org' || url.hostname === 'semanticscholar.org') {
    const author = /^\/author\/(?:[^/]+\/)?(\d+)\/?$/.exec(path);
    if (author) return { kind: 'author', id: author[1] };
    const paper = /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i.exec(path);
    if (paper) return { kind: 'paper', id: paper[1]?.toLowerCase() };
    return undefined;
  }
  if (url.hostname === 'api.semanticscholar.org') {
    if (/^\/graph\/v1\/paper\/search\/?$/.test(path)) return { kind: 'search' };
    const around = /^\/graph\/v1\/paper\/(.+?)\/(citations|references)\/?$/.exec(path);
    if (around) return { kind: around[2] as 'citations' | 'references', id: decodeURIComponent(around[1] ?? '') };
    const author = /^\/graph\/v1\/author\/(\d+)\/?$/.exec(path);
    if (author) return { kind: 'author', id: author[1] };
    const paper = /^\/graph\/v1\/paper\/([^/]+)\/?$/.exec(path);
    if (paper && paper[1] !== 'search') return { kind: 'paper', id: decodeURIComponent(paper[1] ?? '') };
  }
  return undefined;
}

const TYPES: Record<string, WorkType> = {
  JournalArticle: 'article',
  Review: 'article',
  Conference: 'conference',
  Book: 'book',
  BookSection: 'chapter',
};

function paperType(types: Json): WorkType | undefined {
  const list = arr(types).map(str).filter((s): s is string => !!s);
  if (!list.length) return undefined;
  for (const t of list) {
    const type = own(TYPES, t);
    if (type) return type;
  }
  return 'other';
}

function paperIds(p: Json): Partial<Record<WorkIdKey, string>> {
  const x = at(p, 'externalIds');
  const plain = (k: string) => cleanText(str(at(x, k)));
  return compact({
    s2: cleanText(str(at(p, 'paperId'))),
    doi: canonicalDoi(plain('DOI')),
    arxiv: canonicalArxiv(plain('ArXiv')),
    pmid: plain('PubMed'),
    pmcid: plain('PubMedCentral') ? `PMC${plain('PubMedCentral')?.replace(/^PMC/i, '')}` : undefined,
    dblp: plain('DBLP'),
    acl: plain('ACL'),
  });
}

export function readS2Paper(p: Json): Work | undefined {
  const title = cleanText(str(at(p, 'title')));
  if (!isRecord(p) || !title) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.exec(str(at(p, 'publicationDate')) ?? '')?.[0];
  return compact({
    title,
    authors: arr(at(p, 'authors'))
      .map((a) => cleanText(str(at(a, 'name'))))
      .filter((s): s is string => !!s),
    year: num(at(p, 'year')) ?? parseYear(date),
    date,
    venue: cleanText(str(at(p, 'venue'))) ?? cleanText(str(at(p, 'journal', 'name'))),
    abstract: cleanText(str(at(p, 'abstract'))),
    citations: num(at(p, 'citationCount')),
    ids: paperIds(p),
    url: cleanText(str(at(p, 'url'))),
    type: paperType(at(p, 'publicationTypes')),
  });
}

/** The API's error bodies: {"message": …} or {"error": …}. */
function apiError(json: Json): { blocked: boolean; note: string } | undefined {
  if (!isRecord(json)) return { blocked: false, note: 'Semantic Scholar: the response is not JSON' };
  const msg = cleanText(str(json.message) ?? str(json.error));
  if (msg && json.paperId === undefined && json.authorId === undefined && json.data === undefined)
    return { blocked: /too many requests|rate limit|forbidden|429/i.test(msg), note: `Semantic Scholar API: ${msg}` };
  return undefined;
}

export function readS2Author(json: Json): Extraction {
  const name = cleanText(str(at(json, 'name')));
  const authorId = cleanText(str(at(json, 'authorId')));
  if (!name || !authorId) return { pageKind: 'unrecognized', notes: ['Semantic Scholar: the data is not an author record'] };
  const papers = arr(at(json, 'papers'));
  const works = papers.map(readS2Paper).filter((w): w is Work => !!w);
  const paperCount = num(at(json, 'paperCount'));
  const notes: string[] = [];
  if (works.length < papers.length) notes.push(`${papers.length - works.length} paper(s) without a title were skipped`);
  if (paperCount !== undefined && paperCount > papers.length)
    notes.push(`the API returned ${papers.length} of the ${paperCount} papers it counts`);
  return {
    pageKind: 'author',
    person: compact({
      name,
      affiliation: cleanText(arr(at(json, 'affiliations')).map(str).filter(Boolean).join('; ')),
      homepage: cleanText(str(at(json, 'homepage'))),
      ids: { s2: authorId },
      metrics: compact({ papers: paperCount, citations: num(at(json, 'citationCount')), hIndex: num(at(json, 'hIndex')) }),
    }),
    works,
    notes,
  };
}

export function readS2Data(text: string, route: Route | undefined): Extraction {
  const json = parseJson(text);
  const error = apiError(json);
  if (error) return { pageKind: error.blocked ? 'blocked' : 'unrecognized', notes: [error.note] };
  if (isRecord(json) && Array.isArray(json.data)) {
    // /paper/{id}/citations and /references wrap each paper: {citingPaper: {…}} or {citedPaper: {…}}.
    const rows = json.data.map((r) => (isRecord(r) ? (r.citingPaper ?? r.citedPaper ?? r) : r));
    if (rows.some((r) => at(r, 'authorId') !== undefined && at(r, 'paperId') === undefined))
      return { pageKind: 'unrecognized', notes: ['Semantic Scholar: an author search lists people, not works; open an author to capture it'] };
    const works = rows.map(readS2Paper).filter((w): w is Work => !!w);
    const around = route?.kind === 'citations' || route?.kind === 'references' ? route : undefined;
    const what = around ? `the ${around.kind} response of paper ${around.id}` : 'the search response';
    if (!works.length) return { pageKind: 'unrecognized', notes: [`Semantic Scholar: no papers in ${what}`] };
    const notes: string[] = [];
    if (around) notes.push(around.kind === 'citations' ? `papers citing ${around.id}` : `papers ${around.id} cites`);
    if (works.length < rows.length) notes.push(`${rows.length - works.length} paper(s) without a title were skipped`);
    const total = num(json.total);
    if (total !== undefined && total > rows.length) notes.push(`response holds ${rows.length} of ${total} results`);
    // A page of citations says where the next starts: more may follow.
    if (around && num(json.next) !== undefined) notes.push(`the API has more after these ${rows.length} (next offset ${num(json.next)})`);
    return { pageKind: 'list', works, notes };
  }
  if (route?.kind === 'author' || at(json, 'authorId') !== undefined) return readS2Author(json);
  const work = readS2Paper(json);
  return work ? { pageKind: 'paper', works: [work] } : { pageKind: 'unrecognized', notes: ['Semantic Scholar: the data is not a paper record'] };
}

function metaAll(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)]
    .map((m) => cleanText(m.getAttribute('content')))
    .filter((s): s is string => !!s);
}

// Unverified on a saved page: S2 paper pages are known to carry Highwire
// citation_* tags for indexers, which is all this reads.
function paperFromMeta(doc: Document, id: string | undefined): Extraction {
  const title = metaAll(doc, 'citation_title')[0];
  if (!title) return { pageKind: 'unrecognized', notes: ['Semantic Scholar: the paper data could not be fetched and the page has no citation metadata'] };
  const date = metaAll(doc, 'citation_publication_date')[0] ?? metaAll(doc, 'citation_date')[0];
  const work: Work = compact({
    title,
    authors: metaAll(doc, 'citation_author'),
    year: parseYear(date),
    venue: metaAll(doc, 'citation_journal_title')[0] ?? metaAll(doc, 'citation_conference_title')[0],
    ids: compact({ s2: id, doi: canonicalDoi(metaAll(doc, 'citation_doi')[0]), arxiv: canonicalArxiv(metaAll(doc, 'citation_arxiv_id')[0]) }),
    url: id ? `https://www.semanticscholar.org/paper/${id}` : undefined,
  });
  return { pageKind: 'paper', works: [work], notes: ['read from the page’s citation metadata, not the Semantic Scholar API'] };
}

export const semanticScholarAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://www.semanticscholar.org/search?q=turing'],
  rules: [
    {
      kind: 'author',
      pattern: /^(?:www\.semanticscholar\.org\/author\/(?:[^/]+\/)?\d+\/?$|api\.semanticscholar\.org\/graph\/v1\/author\/\d+)/,
      examples: [
        'https://www.semanticscholar.org/author/A.-Turing/2262347',
        'https://www.semanticscholar.org/author/2262347',
        'https://api.semanticscholar.org/graph/v1/author/2262347?fields=name,paperCount',
      ],
    },
    {
      kind: 'paper',
      pattern: /^(?:www\.semanticscholar\.org\/paper\/(?:[^/]+\/)?[0-9a-f]{40}\/?$|api\.semanticscholar\.org\/graph\/v1\/paper\/(?!search)[^/?]+\/?(?:\?|$))/i,
      examples: [
        'https://www.semanticscholar.org/paper/A-review-on-the-attention-mechanism-of-deep-Niu-Zhong/a56bf7ee9a56d8f84079684339a953c2df9ce76b',
        'https://www.semanticscholar.org/paper/a56bf7ee9a56d8f84079684339a953c2df9ce76b',
        'https://api.semanticscholar.org/graph/v1/paper/a56bf7ee9a56d8f84079684339a953c2df9ce76b?fields=title',
      ],
    },
    {
      kind: 'list',
      pattern: /^api\.semanticscholar\.org\/graph\/v1\/paper\/(?:search\b|[^?#]+?\/(?:citations|references)\/?(?:\?|$))/,
      examples: [
        'https://api.semanticscholar.org/graph/v1/paper/search?query=attention+mechanism&limit=3',
        'https://api.semanticscholar.org/graph/v1/paper/a56bf7ee9a56d8f84079684339a953c2df9ce76b/citations?fields=title,year,authors',
        'https://api.semanticscholar.org/graph/v1/paper/DOI:10.18653/v1/N18-3011/references',
      ],
    },
  ],
  detect(_doc, url) {
    const r = routeOf(url);
    return r?.kind === 'search' || r?.kind === 'citations' || r?.kind === 'references' ? 'list' : r?.kind;
  },
  // The Graph API's author or paper of the page, with a list of fields.
  dataUrls: [/^api\.semanticscholar\.org\/graph\/v1\/(?:author\/\d+|paper\/[0-9a-f]{40})\?fields=[\w.,]+$/],
  dataRequests(url) {
    const r = routeOf(url);
    if (!r?.id || (r.kind !== 'author' && r.kind !== 'paper')) return [];
    const fields = r.kind === 'author' ? AUTHOR_FIELDS : PAPER_FIELDS;
    return [{ url: `${API}/${r.kind}/${encodeURIComponent(r.id)}?fields=${fields}`, as: 'json', key: r.kind }];
  },
  extract(doc, url, payloads) {
    const r = routeOf(url);
    // API responses (search, citations, references) are read from their saved text (extractData), not as pages.
    if (!r || (r.kind !== 'author' && r.kind !== 'paper')) return { pageKind: 'unrecognized', notes: ['Semantic Scholar: not an author or paper page'] };
    const payload = payloads?.[r.kind];
    let why = 'the Semantic Scholar API response was not available';
    if (payload !== undefined) {
      const read = readS2Data(payload, r);
      const sameRecord = r.kind === 'author' ? read.person?.ids?.s2 === r.id : read.works?.[0]?.ids?.s2 === r.id;
      if (read.pageKind === r.kind && sameRecord) return read;
      if (read.pageKind === 'blocked') return read;
      why = read.notes?.[0] ?? 'the Semantic Scholar API response is for another record';
    }
    if (r.kind === 'paper') {
      const fromMeta = paperFromMeta(doc, r.id);
      return { ...fromMeta, notes: [why, ...(fromMeta.notes ?? [])] };
    }
    return { pageKind: 'unrecognized', notes: [why, 'Semantic Scholar author pages render from data; nothing is read from the page itself'] };
  },
  extractData(text, url, contentType) {
    if (contentType !== 'json') return { pageKind: 'unrecognized', notes: ['Semantic Scholar: only Graph API JSON is read'] };
    return readS2Data(text, routeOf(url));
  },
  pageKey(url) {
    const r = routeOf(url);
    return r?.id ? `${r.kind}:${r.id}` : undefined;
  },
  // Assumed, not seen on a saved page: the app keeps a canonical link / og:url
  // naming the record it shows, so one naming another id means the redraw is pending.
  isShowing(doc, url) {
    return declaresSameRecord(doc, url, (u) => routeOf(u)?.id);
  },
};

export default semanticScholarAdapter;
