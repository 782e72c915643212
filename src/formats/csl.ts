// The canonical export record is a CSL-JSON item, as in citation-js: every
// other format is written from it. What CSL has no variable for (Scholar
// Lens ids, sources, citation counts) travels in CSL 1.0.2's `custom` object,
// which citation processors ignore.

import type { Work, WorkIdKey, WorkType } from '../core/capture';
import type { MergedWork } from '../core/merge/types';
import { parseName, type CslName } from './names';
import { parseVenue, type VenueKind } from './venue';

export type { CslName } from './names';

export interface ScholarLensExtras {
  /** The merged work's stable id ("doi:…", "rec:…"), when exported from a merge. */
  workId?: string;
  ids?: Partial<Record<WorkIdKey, string>>;
  /** Site ids that showed the work, sorted. */
  sources?: string[];
  citations?: number;
  citationsSource?: string;
  /** Latest count each site stated, by site id. */
  citationsBySource?: Record<string, number>;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts': [number[]] };
  'container-title'?: string;
  volume?: string;
  issue?: string;
  /** "197-211", CSL's page range. */
  page?: string;
  publisher?: string;
  abstract?: string;
  DOI?: string;
  URL?: string;
  PMID?: string;
  PMCID?: string;
  /** arXiv id as "arXiv:2004.10162" (with `archive: "arXiv"`), the form Zotero writes; a patent's number. */
  number?: string;
  archive?: string;
  custom?: { scholarLens?: ScholarLensExtras };
}

const CSL_TYPES: Record<WorkType, string> = {
  article: 'article-journal',
  preprint: 'article',
  conference: 'paper-conference',
  chapter: 'chapter',
  book: 'book',
  thesis: 'thesis',
  other: 'document',
};

/** A work of unknown type takes the type its venue's shape tells (see venue.ts). */
const TYPE_OF_VENUE: Partial<Record<VenueKind, WorkType>> = {
  journal: 'article',
  proceedings: 'conference',
  collection: 'chapter',
  preprint: 'preprint',
  publisher: 'book',
};

/** The capture's work type, or a preprint when its only identity is an arXiv id. */
export function workTypeOf(type: WorkType | undefined, ids: Partial<Record<WorkIdKey, string>>, venue?: string): WorkType {
  if (type) return type;
  if (ids.arxiv && !ids.doi && (!venue || /arxiv/i.test(venue))) return 'preprint';
  return 'other';
}

export function workToCsl(work: Work, id: string): CslItem {
  const ids = work.ids ?? {};
  return build(id, {
    type: workTypeOf(work.type, ids, work.venue),
    title: work.title,
    authors: work.authors,
    year: work.year,
    date: work.date,
    venue: work.venue,
    publisher: work.publisher,
    abstract: work.abstract,
    url: work.url,
    ids,
    extras: { ids: { ...ids }, ...(work.citations !== undefined ? { citations: work.citations } : {}) },
  });
}

export function mergedToCsl(w: MergedWork, id: string = w.id): CslItem {
  const sources = [...new Set(w.members.map((m) => m.source))].sort();
  // A Map: sources are data (a backup's capture may name any).
  const bySource = new Map<string, { at: string; n: number }>();
  for (const f of w.fields.citations) {
    const prev = bySource.get(f.source);
    if (!prev || f.capturedAt > prev.at) bySource.set(f.source, { at: f.capturedAt, n: f.value });
  }
  const citationsBySource = Object.fromEntries([...bySource].map(([s, v]) => [s, v.n]));
  return build(id, {
    type: workTypeOf(w.type, w.ids, w.venue),
    title: w.title,
    authors: w.authors,
    year: w.year,
    venue: w.venue,
    abstract: w.abstract,
    url: w.url,
    ids: w.ids,
    extras: {
      workId: w.id,
      ids: { ...w.ids },
      sources,
      ...(w.citations !== undefined ? { citations: w.citations } : {}),
      ...(w.citationsFrom ? { citationsSource: w.citationsFrom.source } : {}),
      ...(Object.keys(citationsBySource).length ? { citationsBySource } : {}),
    },
  });
}

interface Parts {
  type: WorkType;
  title?: string;
  authors?: string[];
  year?: number;
  date?: string;
  venue?: string;
  publisher?: string;
  abstract?: string;
  url?: string;
  ids: Partial<Record<WorkIdKey, string>>;
  extras: ScholarLensExtras;
}

function build(id: string, p: Parts): CslItem {
  // The venue string in parts: "Journal 4 (2), 197-211" → container, volume, issue, pages.
  const v = parseVenue(p.venue, p.year !== undefined ? { year: p.year } : {});
  const type = p.type === 'other' ? (TYPE_OF_VENUE[v.kind] ?? 'other') : p.type;
  const patent = p.type === 'other' && v.kind === 'patent';
  const item: CslItem = { id, type: patent ? 'patent' : CSL_TYPES[type] };
  if (p.title) item.title = p.title;
  if (p.authors?.length) item.author = p.authors.map(parseName);
  const dateParts = datePartsOf(p.date, p.year ?? v.year);
  if (dateParts) item.issued = { 'date-parts': [dateParts] };
  // A book's venue on the pages we read is its publisher ("Alianza Editorial").
  if (type === 'book' && !v.publisher && p.venue) item.publisher = v.container ?? p.venue;
  else if (patent) item.number = v.number!;
  else if (v.container && !(type === 'preprint' && /^arxiv\b/i.test(v.container))) item['container-title'] = v.container;
  if (v.volume) item.volume = v.volume;
  if (v.issue) item.issue = v.issue;
  if (v.pages) item.page = v.pages;
  const publisher = p.publisher ?? v.publisher;
  if (publisher && !item.publisher) item.publisher = publisher;
  const arxiv = p.ids.arxiv ?? v.arxiv;
  if (p.abstract) item.abstract = p.abstract;
  if (p.ids.doi) item.DOI = p.ids.doi;
  if (p.url) item.URL = p.url;
  else if (p.ids.doi) item.URL = `https://doi.org/${p.ids.doi}`;
  else if (arxiv) item.URL = `https://arxiv.org/abs/${arxiv}`;
  if (p.ids.pmid) item.PMID = p.ids.pmid;
  if (p.ids.pmcid) item.PMCID = p.ids.pmcid;
  if (arxiv && !patent) {
    item.number = `arXiv:${arxiv}`;
    item.archive = 'arXiv';
  }
  const extras = Object.fromEntries(
    Object.entries(p.extras).filter(([, v]) => v !== undefined && !(typeof v === 'object' && Object.keys(v).length === 0)),
  );
  if (Object.keys(extras).length) item.custom = { scholarLens: extras };
  return item;
}

/** [year, month?, day?] from an ISO-ish date, falling back to the year. */
export function datePartsOf(date: string | undefined, year: number | undefined): number[] | undefined {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  if (m) {
    const parts = [Number(m[1])];
    if (m[2]) parts.push(Number(m[2]));
    if (m[2] && m[3]) parts.push(Number(m[3]));
    if (year === undefined || parts[0] === year) return parts;
  }
  return year !== undefined ? [year] : undefined;
}

/** Serialized CSL-JSON: an array of items, as pandoc, Zotero and citation-js read it. */
export function toCslJson(items: CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}
