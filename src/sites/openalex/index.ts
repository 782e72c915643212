// OpenAlex author and work pages (openalex.org/authors/A…, /works/W…). The
// site is a single-page app drawn from its public API, so, as for ORCID, the
// adapter asks for the record on api.openalex.org (the page's own data host,
// in site.json's matches) and reads that; the page's DOM is not read.
//
// Choices:
// - An author record states works_count, cited_by_count and summary_stats
//   (h-index, i10-index) but lists no works (they are a separate, paged
//   /works?filter=author.id:… query this adapter does not make). The capture
//   keeps the stated figures, lists no works and says so in its notes; the
//   stated works_count makes every comparison say the list is partial.
// - affiliation: last_known_institutions when given, else the institution of
//   the latest year in `affiliations` when exactly one has it.
// - citationsByYear: the record's counts_by_year (OpenAlex's chart).
// - Work authors are OpenAlex's display names, in authorship order.
// - abstract: rebuilt from abstract_inverted_index (word → positions); an
//   index with gaps or clashing positions is not trusted and left out.
// - title: OpenAlex titles may hold markup (<i>, <sub>): its text is kept (markupText).
// - type: as OpenAlex states it, mapped to the capture's types.

import type { Extraction, Person, Work, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { arr, at, isRecord, num, parseJson, str, type Json } from '../../adapters/kit/json';
import { markupText } from '../../core/entities';
import { canonicalDoi, cleanText, compact } from '../../core/text';
import site from './site.json';
import { own } from '../../core/lookup';

type Kind = 'author' | 'work';

const PATH = /^\/(authors|works)\/([AW]\d{3,12})\/?$/i;

/** The record an OpenAlex address names: { kind, id } with the id upper-cased ("A5023888391"). */
export function openAlexRecordOf(url: URL): { kind: Kind; id: string } | undefined {
  if (url.hostname !== 'openalex.org' && url.hostname !== 'api.openalex.org') return undefined;
  const m = PATH.exec(url.pathname);
  if (!m) return undefined;
  const kind: Kind = m[1]!.toLowerCase() === 'authors' ? 'author' : 'work';
  const id = m[2]!.toUpperCase();
  return (kind === 'author') === id.startsWith('A') ? { kind, id } : undefined;
}

/** "https://openalex.org/A5023888391" → "A5023888391". */
const shortId = (v: Json) => /(?:^|\/)([AWSI]\d+)$/i.exec(str(v) ?? '')?.[1]?.toUpperCase();
const text = (v: Json) => {
  const s = str(v);
  return s === undefined ? undefined : cleanText(markupText(s));
};
const orcidOf = (v: Json) => /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/.exec(str(v) ?? '')?.[1];

const TYPES: Record<string, WorkType> = {
  article: 'article',
  review: 'article',
  letter: 'article',
  editorial: 'article',
  preprint: 'preprint',
  'book-chapter': 'chapter',
  book: 'book',
  monograph: 'book',
  dissertation: 'thesis',
};

/** The abstract an inverted index encodes, or undefined when the index has gaps or clashes. */
export function invertedAbstract(index: Json): string | undefined {
  if (!isRecord(index)) return undefined;
  const words: string[] = [];
  let count = 0;
  for (const [word, positions] of Object.entries(index)) {
    for (const p of arr(positions)) {
      if (typeof p !== 'number' || !Number.isSafeInteger(p) || p < 0 || p > 100_000) return undefined;
      if (words[p] !== undefined) return undefined;
      words[p] = word;
      count++;
    }
  }
  if (!count || count !== words.length) return undefined;
  return cleanText(markupText(words.join(' ')));
}

/** A work record (api.openalex.org/works/W…, or a /works list result). */
export function readOpenAlexWork(w: Json): Work | undefined {
  if (!isRecord(w)) return undefined;
  const title = text(w.display_name) ?? text(w.title);
  if (!title) return undefined;
  const date = str(w.publication_date);
  const type = str(w.type)?.toLowerCase();
  return compact({
    title,
    authors: arr(w.authorships)
      .map((a) => text(at(a, 'author', 'display_name')) ?? text(at(a, 'raw_author_name')))
      .filter((n): n is string => !!n),
    year: num(w.publication_year),
    date: date && /^\d{4}-\d{2}(?:-\d{2})?$/.test(date) ? date : undefined,
    venue: text(at(w, 'primary_location', 'source', 'display_name')),
    abstract: invertedAbstract(w.abstract_inverted_index),
    citations: num(w.cited_by_count),
    ids: compact({
      doi: canonicalDoi(str(w.doi) ?? str(at(w, 'ids', 'doi'))),
      pmid: /(\d+)\/?$/.exec(str(at(w, 'ids', 'pmid')) ?? '')?.[1],
      pmcid: /(PMC\d+)\/?$/i.exec(str(at(w, 'ids', 'pmcid')) ?? '')?.[1]?.toUpperCase(),
      openalex: shortId(w.id),
    }),
    url: shortId(w.id) ? `https://openalex.org/works/${shortId(w.id)}` : undefined,
    type: type ? (own(TYPES, type) ?? 'other') : undefined,
  });
}

function affiliationOf(a: Record<string, Json>): string | undefined {
  const last = text(at(a, 'last_known_institutions', 0, 'display_name'));
  if (last) return last;
  const latest = (x: Json) => Math.max(...arr(at(x, 'years')).map((y) => num(y) ?? 0), 0);
  const affs = arr(a.affiliations);
  const top = Math.max(0, ...affs.map(latest));
  const atTop = affs.filter((x) => top > 0 && latest(x) === top);
  return atTop.length === 1 ? text(at(atTop[0], 'institution', 'display_name')) : undefined;
}

function citationsByYear(counts: Json): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const c of arr(counts)) {
    const year = num(at(c, 'year'));
    const n = num(at(c, 'cited_by_count'));
    if (year !== undefined && year >= 1000 && year < 3000 && n !== undefined) out[String(year)] = n;
  }
  return Object.keys(out).length ? out : undefined;
}

/** An author record (api.openalex.org/authors/A…). */
export function readOpenAlexAuthor(a: Json): Extraction {
  if (!isRecord(a)) return { pageKind: 'unrecognized', notes: ['OpenAlex: the data is not an author record'] };
  const id = shortId(a.id);
  const name = text(a.display_name);
  if (!id?.startsWith('A') || !name) return { pageKind: 'unrecognized', notes: ['OpenAlex: the data is not an author record'] };
  const papers = num(a.works_count);
  const person: Person = compact({
    name,
    affiliation: affiliationOf(a),
    ids: compact({ openalex: id, orcid: orcidOf(a.orcid) ?? orcidOf(at(a, 'ids', 'orcid')) }),
    metrics: compact({
      papers,
      citations: num(a.cited_by_count),
      hIndex: num(at(a, 'summary_stats', 'h_index')),
      i10Index: num(at(a, 'summary_stats', 'i10_index')),
    }),
    citationsByYear: citationsByYear(a.counts_by_year),
  });
  return {
    pageKind: 'author',
    person,
    notes: [
      `OpenAlex: the author record lists none of the ${papers ?? 'author’s'} works it counts; they are not read here (the works list is a separate query)`,
    ],
  };
}

function apiError(json: Json): string | undefined {
  if (!isRecord(json)) return 'OpenAlex: the response is not JSON';
  const error = str(json.error);
  return error ? `OpenAlex answered: ${cleanText(error)}${str(json.message) ? ` (${cleanText(str(json.message))})` : ''}` : undefined;
}

/** The record for `kind`, or why not. */
function readRecord(json: Json, kind: Kind): Extraction {
  const error = apiError(json);
  if (error) return { pageKind: 'unrecognized', notes: [error] };
  if (kind === 'author') return readOpenAlexAuthor(json);
  const work = readOpenAlexWork(json);
  if (!work || !work.ids?.openalex?.startsWith('W')) return { pageKind: 'unrecognized', notes: ['OpenAlex: the data is not a work record'] };
  return { pageKind: 'paper', works: [work] };
}

/** The author's works, newest first, as many as one answer holds (OpenAlex's page size limit is 200). */
export const worksQuery = (authorId: string) => `https://api.openalex.org/works?filter=author.id:${authorId}&sort=publication_year:desc&per-page=200`;

/**
 * The author extraction with the works the works query answered. Without them
 * the author has no works, which the runner reports as a page not understood:
 * an author page never creates a person without works.
 */
function withWorks(author: Extraction, list: Json | undefined): Extraction {
  const results = isRecord(list) && Array.isArray(list.results) ? list.results : undefined;
  if (!results) return author;
  const works = results.map(readOpenAlexWork).filter((w): w is Work => w !== undefined);
  const stated = author.person?.metrics?.papers;
  const notes = stated !== undefined && works.length < stated ? [`OpenAlex: ${works.length} of the ${stated} works it counts were read (one answer of its works query)`] : [];
  return { ...author, works, notes };
}

const NO_DATA = 'OpenAlex renders from its API; the record could not be fetched';

const recordIdOf = (e: Extraction) => e.person?.ids?.openalex ?? e.works?.[0]?.ids?.openalex;

export const openAlexAdapter: SiteAdapter = {
  ...site,
  rules: [
    {
      kind: 'author',
      pattern: /^(?:api\.)?openalex\.org\/authors\/A\d{3,12}\/?$/i,
      examples: ['https://openalex.org/authors/A5023888391', 'https://api.openalex.org/authors/A5023888391'],
    },
    {
      kind: 'paper',
      pattern: /^(?:api\.)?openalex\.org\/works\/W\d{3,12}\/?$/i,
      examples: ['https://openalex.org/works/W2741809807', 'https://api.openalex.org/works/W2741809807'],
    },
  ],
  nonMatching: [
    'https://openalex.org/',
    'https://openalex.org/works?filter=author.id:A5023888391',
    'https://api.openalex.org/works?filter=author.id:A5023888391',
    'https://openalex.org/sources/S1983995261',
  ],
  detect(_doc, url) {
    const r = openAlexRecordOf(url);
    return r ? (r.kind === 'author' ? 'author' : 'paper') : undefined;
  },
  // The page's author or work record, and an author's works query.
  dataUrls: [/^api\.openalex\.org\/(?:authors\/A\d{3,12}|works\/W\d{3,12})$/, /^api\.openalex\.org\/works\?filter=author\.id:A\d{3,12}&sort=publication_year:desc&per-page=\d+$/],
  dataRequests(url) {
    const r = openAlexRecordOf(url);
    if (!r) return [];
    const record = { url: `https://api.openalex.org/${r.kind}s/${r.id}`, as: 'json' as const, key: r.kind };
    // An author record lists no works: the app asks the works query for them, and so do we.
    return r.kind === 'author' ? [record, { url: worksQuery(r.id), as: 'json', key: 'works' }] : [record];
  },
  extract(_doc, url, payloads) {
    const r = openAlexRecordOf(url);
    if (!r) return { pageKind: 'unrecognized', notes: ['OpenAlex: not an author or work page'] };
    const json = parseJson(payloads?.[r.kind]);
    if (json === undefined) return { pageKind: 'unrecognized', notes: [NO_DATA] };
    const read = readRecord(json, r.kind);
    if (read.pageKind === 'unrecognized') return { pageKind: 'unrecognized', notes: [NO_DATA, ...(read.notes ?? [])] };
    if (recordIdOf(read) !== r.id) return { pageKind: 'unrecognized', notes: [NO_DATA, `the data is for ${recordIdOf(read) ?? 'another record'}, not ${r.id}`] };
    return r.kind === 'author' ? withWorks(read, parseJson(payloads?.works)) : read;
  },
  extractData(text, url, contentType) {
    if (contentType !== 'json') return { pageKind: 'unrecognized', notes: ['OpenAlex: only API JSON is read'] };
    const json = parseJson(text);
    if (json === undefined) return { pageKind: 'unrecognized', notes: ['OpenAlex: the data is not JSON'] };
    const r = openAlexRecordOf(url);
    const kind: Kind = r?.kind ?? (shortId(at(json, 'id'))?.startsWith('A') ? 'author' : 'work');
    return readRecord(json, kind);
  },
  pageKey(url) {
    const r = openAlexRecordOf(url);
    return r ? `openalex:${r.id}` : undefined;
  },
};

export default openAlexAdapter;
