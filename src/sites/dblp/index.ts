// DBLP person pages (dblp.org/pid/<a>/<b>.html and its mirrors). The page is
// rendered from the person XML (/pid/<a>/<b>.xml on the same host), which the
// content script fetches; the DOM is read only when that fails.
//
// Choices:
// - DBLP's homonym numbers ("Jun Zhao 0007") are dropped from author names:
//   they are DBLP's disambiguation, not part of the name, and would keep the
//   names from matching other sites. The record key stays in ids.dblp.
// - metrics.papers is the n= count the XML states, not the number of works read.
// - The person's ORCID comes from the person record's orcid.org link, or from
//   the orcid= attribute on the person's own author entries when those agree;
//   when they name different ORCIDs (a merged profile), none is taken.

import type { Extraction, Person, PersonIdKey, Work, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { canonicalArxiv, canonicalDoi, cleanText, compact, parseCount, parseYear, textOf } from '../../core/text';
import { elements, findFirst, parseXmlText, xmlText, type XmlElement } from '../../adapters/kit/xml';
import site from './site.json';
import { own } from '../../core/lookup';

const HOSTS = String.raw`(?:dblp\.org|dblp\.uni-trier\.de|dblp\.dagstuhl\.de)`;
const SEARCH_API = /^\/search\/publ\/api\/?$/;
const PID_PATH = /^\/pid\/([\w.-]+\/[\w.-]+?)(?:\.html|\.xml)?\/?$/;

export function pidOf(url: URL): string | undefined {
  return PID_PATH.exec(url.pathname)?.[1];
}

const ORCID = /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/;

/** "Jun Zhao 0007" → "Jun Zhao". */
export function dropHomonymNumber(name: string): string {
  return name.replace(/\s+\d{4}$/, '');
}

const cleanTitle = (s: string | undefined) => cleanText(s)?.replace(/\.$/, '') || undefined;

function typeOf(tag: string, publtype: string | undefined): WorkType {
  if (publtype === 'informal' || publtype === 'withdrawn') return 'preprint';
  switch (tag) {
    case 'article':
      return 'article';
    case 'inproceedings':
      return 'conference';
    case 'incollection':
      return 'chapter';
    case 'book':
    case 'proceedings':
      return 'book';
    case 'phdthesis':
    case 'mastersthesis':
      return 'thesis';
    default:
      return 'other';
  }
}

function arxivFromLink(href: string): string | undefined {
  return /arxiv\.org\/abs\//i.test(href) ? canonicalArxiv(href.replace(/^.*arxiv\.org\/abs\//i, '')) : undefined;
}

function xmlWork(rec: XmlElement): Work | undefined {
  const key = rec.attrs.key;
  const title = cleanTitle(xmlText(elements(rec, 'title')[0]));
  if (!title) return undefined;
  const people = elements(rec, 'author').length ? elements(rec, 'author') : elements(rec, 'editor');
  const ees = elements(rec, 'ee').map((e) => xmlText(e).trim()).filter(Boolean);
  const doiLink = ees.find((h) => /^https?:\/\/(dx\.)?doi\.org\//i.test(h));
  const journal = cleanText(xmlText(elements(rec, 'journal')[0]));
  const volume = cleanText(xmlText(elements(rec, 'volume')[0]));
  const arxiv =
    ees.map(arxivFromLink).find(Boolean) ??
    (journal === 'CoRR' && volume?.startsWith('abs/') ? canonicalArxiv(volume.slice(4)) : undefined);
  return compact({
    title,
    authors: people.map((a) => cleanText(xmlText(a))).filter((s): s is string => !!s).map(dropHomonymNumber),
    year: parseYear(xmlText(elements(rec, 'year')[0])),
    venue: journal ?? cleanText(xmlText(elements(rec, 'booktitle')[0])) ?? cleanText(xmlText(elements(rec, 'school')[0])),
    ids: compact({ dblp: key, doi: canonicalDoi(doiLink), arxiv }),
    url: ees[0] ?? (key ? `https://dblp.org/rec/${key}.html` : undefined),
    type: typeOf(rec.name, rec.attrs.publtype),
  });
}

// The search API (dblp.org/search/publ/api?format=xml) names each hit's type in words.
const SEARCH_TYPES: Record<string, WorkType> = {
  'Journal Articles': 'article',
  'Conference and Workshop Papers': 'conference',
  'Informal and Other Publications': 'preprint',
  'Informal Publications': 'preprint',
  'Parts in Books or Collections': 'chapter',
  'Books and Theses': 'book',
  Editorship: 'book',
};

/** One `<hit><info>…</info></hit>` of DBLP's publication search API. */
function searchHit(hit: XmlElement): Work | undefined {
  const info = elements(hit, 'info')[0];
  if (!info) return undefined;
  const field = (name: string) => cleanText(xmlText(elements(info, name)[0]));
  const title = cleanTitle(field('title'));
  if (!title) return undefined;
  const authors = elements(info, 'authors')[0];
  const ee = field('ee');
  const key = field('key');
  const type = field('type');
  return compact({
    title,
    authors: (authors ? elements(authors, 'author') : []).map((a) => cleanText(xmlText(a))).filter((n): n is string => !!n).map(dropHomonymNumber),
    year: parseYear(field('year')),
    venue: field('venue'),
    ids: compact({ dblp: key, doi: canonicalDoi(field('doi') ?? ee), arxiv: ee ? arxivFromLink(ee) : undefined }),
    url: ee ?? field('url'),
    type: type ? (own(SEARCH_TYPES, type) ?? 'other') : undefined,
  });
}

/** DBLP's publication search API response (XML): a list of works. */
export function extractSearchXml(text: string): Extraction {
  const result = findFirst(parseXmlText(text), 'result');
  const hits = result && findFirst(result, 'hits');
  if (!hits) return { pageKind: 'unrecognized', notes: ['DBLP: the data is not a search API response (no <result><hits>)'] };
  const list = elements(hits, 'hit');
  const works = list.map(searchHit).filter((w): w is Work => !!w);
  const notes: string[] = [];
  if (works.length < list.length) notes.push(`${list.length - works.length} hit(s) without a title were skipped`);
  const total = parseCount(hits.attrs.total);
  if (total !== undefined && total > list.length) notes.push(`response holds ${list.length} of ${total} hits`);
  return { pageKind: 'list', works, notes };
}

// Profile links a DBLP person record lists (<person><url>…</url>): other sites' person ids.
const PROFILE_IDS: [Exclude<PersonIdKey, 'dblp'>, RegExp][] = [
  ['orcid', /^https?:\/\/orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/i],
  ['gscholar', /^https?:\/\/scholar\.google\.[a-z.]+\/citations\?(?:[^#]*&)?user=([\w-]{12})(?:[&#]|$)/],
  ['s2', /^https?:\/\/(?:www\.)?semanticscholar\.org\/author\/(?:[^/]+\/)?(\d+)\/?$/],
  ['openreview', /^https?:\/\/openreview\.net\/profile\?id=(~[^&#]+)$/],
  ['researchgate', /^https?:\/\/(?:www\.)?researchgate\.net\/profile\/([^/?#]+)\/?$/],
];
// Links that are about the person but not their homepage: reference works, social sites, profile services.
const NOT_HOMEPAGE = /^https?:\/\/(?:[\w-]+\.)*(?:wikipedia\.org|wikidata\.org|orcid\.org|google\.[a-z.]+|semanticscholar\.org|openreview\.net|researchgate\.net|dblp\.[a-z.]+|twitter\.com|x\.com|linkedin\.com|github\.com|mathgenealogy\.org|genealogy\.math\.ndsu\.nodak\.edu|viaf\.org|d-nb\.info|isni\.org|loc\.gov|acm\.org|ieee\.org|zbmath\.org|scopus\.com|mathscinet\.ams\.org|ams\.org|awards?\.[\w.-]+)\//i;

/** Person ids and homepage from a DBLP person record's <url> links. */
export function personLinks(urls: string[]): { ids: Partial<Record<PersonIdKey, string>>; homepage?: string } {
  const ids: Partial<Record<PersonIdKey, string>> = {};
  for (const u of urls)
    for (const [key, re] of PROFILE_IDS) {
      const m = re.exec(u);
      if (m && ids[key] === undefined) ids[key] = key === 'orcid' ? m[1]!.toUpperCase() : decodeURIComponent(m[1]!);
    }
  // DBLP lists the homepage first when it knows one; only a plain web address counts.
  const homepage = urls.find((u) => /^https?:\/\/[^\s]+$/i.test(u) && !NOT_HOMEPAGE.test(u));
  return homepage ? { ids, homepage } : { ids };
}

function personOrcid(dp: XmlElement, pid: string | undefined): { orcid?: string; note?: string } {
  const person = elements(dp, 'person')[0];
  const fromUrl = person && elements(person, 'url').map((u) => xmlText(u)).find((u) => /orcid\.org\//.test(u));
  const listed = fromUrl && ORCID.exec(fromUrl)?.[0];
  if (listed) return { orcid: listed };
  const seen = new Set<string>();
  for (const r of elements(dp, 'r'))
    for (const rec of elements(r))
      for (const a of elements(rec, 'author'))
        if (pid && a.attrs.pid === pid && a.attrs.orcid && ORCID.test(a.attrs.orcid)) seen.add(a.attrs.orcid);
  if (seen.size === 1) return { orcid: [...seen][0] };
  if (seen.size > 1) return { note: `DBLP lists ${seen.size} different ORCIDs on this person's entries (${[...seen].join(', ')}); none was taken` };
  return {};
}

/** Read DBLP's person XML (tolerates re-serialized copies wrapped in <html><body>). */
export function extractPersonXml(text: string): Extraction {
  const dp = findFirst(parseXmlText(text), 'dblpperson');
  const name = cleanText(dp?.attrs.name);
  if (!dp || !name) return { pageKind: 'unrecognized', notes: ['DBLP: the data is not a DBLP person record (no <dblpperson name=…>)'] };
  const pid = cleanText(dp.attrs.pid);
  const records = elements(dp, 'r').flatMap((r) => elements(r));
  const works = records.map(xmlWork).filter((w): w is Work => !!w);
  const { orcid, note } = personOrcid(dp, pid);
  const person = elements(dp, 'person')[0];
  const affiliation = person
    ? cleanText(xmlText(elements(person, 'note').find((n) => n.attrs.type === 'affiliation')))
    : undefined;
  const links = personLinks(person ? elements(person, 'url').map((u) => xmlText(u).trim()).filter(Boolean) : []);
  const stated = parseCount(dp.attrs.n);
  const notes: string[] = [];
  if (note) notes.push(note);
  if (works.length < records.length) notes.push(`${records.length - works.length} record(s) without a title were skipped`);
  if (stated !== undefined && stated !== records.length) notes.push(`DBLP states ${stated} records; ${records.length} are in the data`);
  const p: Person = compact({
    name,
    affiliation,
    ids: compact({ ...links.ids, dblp: pid, orcid }),
    homepage: links.homepage,
    metrics: stated !== undefined ? { papers: stated } : undefined,
  });
  return { pageKind: 'author', person: p, works, notes };
}

// The DOM fallback follows DBLP's documented person-page markup (schema.org
// microdata in li.entry). No saved DBLP HTML page backs it yet.
function domWork(li: Element): Work | undefined {
  const cite = li.querySelector('cite');
  const title = cleanTitle(textOf(cite?.querySelector('.title')));
  if (!cite || !title) return undefined;
  const key = li.getAttribute('id') ?? undefined;
  // Electronic-edition links sit in the entry's nav.publ, next to DBLP's own export links.
  const links = [...li.querySelectorAll('nav.publ a[href]')]
    .map((a) => a.getAttribute('href') ?? '')
    .filter((h) => /^https?:\/\//.test(h) && !/^https?:\/\/(?:[\w-]+\.)*dblp\./.test(h));
  const cls = li.getAttribute('class') ?? '';
  const tag = /\b(article|inproceedings|incollection|book|proceedings|phdthesis|mastersthesis)\b/.exec(cls)?.[1] ?? 'other';
  return compact({
    title,
    authors: [...cite.querySelectorAll('span[itemprop="author"]')]
      .map((a) => textOf(a.querySelector('[itemprop="name"]') ?? a))
      .filter((s): s is string => !!s)
      .map(dropHomonymNumber),
    year: parseYear(textOf(cite.querySelector('[itemprop="datePublished"]'))),
    venue: textOf(cite.querySelector('[itemprop="isPartOf"] [itemprop="name"]')),
    ids: compact({
      dblp: key,
      doi: canonicalDoi(links.find((h) => /doi\.org\//i.test(h))),
      arxiv: links.map(arxivFromLink).find(Boolean),
    }),
    url: links[0],
    type: typeOf(tag, /\binformal\b/.test(cls) ? 'informal' : undefined),
  });
}

function extractDom(doc: Document, url: URL, why: string): Extraction {
  const name = textOf(doc.querySelector('h1 .name[itemprop="name"], h1 span.name')) ?? textOf(doc.querySelector('h1'));
  const entries = [...doc.querySelectorAll('li.entry')];
  if (!name || !entries.length) return { pageKind: 'unrecognized', notes: [why, 'DBLP: the person page layout was not understood'] };
  const works = entries.map(domWork).filter((w): w is Work => !!w);
  return {
    pageKind: 'author',
    person: compact({ name: dropHomonymNumber(name), ids: compact({ dblp: pidOf(url) }) }),
    works,
    notes: [why, 'read from the page instead of DBLP’s XML'],
  };
}

function isBlocked(doc: Document): string | undefined {
  const title = textOf(doc.querySelector('title')) ?? '';
  if (/too many requests|error 429|captcha/i.test(title)) return `DBLP refused the page: "${title}"`;
  return undefined;
}

export const dblpAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://dblp.org/db/conf/mobicom/mobicom2020.html', 'https://dblp.org/faq/index.html'],
  rules: [
    {
      kind: 'author',
      pattern: new RegExp(`^${HOSTS}/pid/[\\w.-]+/[\\w.-]+?(?:\\.html|\\.xml)?/?$`),
      examples: [
        'https://dblp.org/pid/00/5179.html',
        'https://dblp.org/pid/00/5179.xml',
        'https://dblp.uni-trier.de/pid/47/2026-7.html',
        'https://dblp.org/pid/l/XueLiu.html',
      ],
    },
    {
      kind: 'list',
      pattern: new RegExp(`^${HOSTS}/search/publ/api/?\\?`),
      examples: ['https://dblp.org/search/publ/api?q=rui+tan&format=xml&h=2'],
    },
  ],
  detect(doc, url) {
    // The search API is read from its saved response (extractData); in a tab it is an XML tree, not a page of ours.
    if (!pidOf(url)) return undefined;
    if (isBlocked(doc)) return 'blocked';
    return 'author';
  },
  dataRequests(url) {
    const pid = pidOf(url);
    return pid ? [{ url: `${url.origin}/pid/${pid}.xml`, as: 'xml', key: 'person' }] : [];
  },
  extract(doc, url, payloads) {
    if (SEARCH_API.test(url.pathname))
      return { pageKind: 'unrecognized', notes: ['DBLP: the search API is read from a saved response (scholar-lens extract), not in a tab'] };
    const blocked = isBlocked(doc);
    if (blocked) return { pageKind: 'blocked', notes: [blocked] };
    const xml = payloads?.person;
    if (xml) {
      const fromXml = extractPersonXml(xml);
      if (fromXml.pageKind === 'author') return fromXml;
      return extractDom(doc, url, `DBLP's person XML could not be read (${fromXml.notes?.[0] ?? 'unknown'})`);
    }
    return extractDom(doc, url, 'DBLP’s person XML was not available');
  },
  extractData(text, url, contentType) {
    if (contentType !== 'xml') return { pageKind: 'unrecognized', notes: ['DBLP: only the person XML and the search API XML are read'] };
    return SEARCH_API.test(url.pathname) ? extractSearchXml(text) : extractPersonXml(text);
  },
  pageKey(url) {
    const pid = pidOf(url);
    return pid ? `pid:${pid}` : undefined;
  },
};

export default dblpAdapter;
