// ORCID record pages (orcid.org/<id>). The page is an Angular app that renders
// from the public API, so the adapter asks the content script for the v3.0
// record JSON on pub.orcid.org and reads that; without it there is nothing
// trustworthy in the DOM and the capture is `unrecognized`.
//
// Choices:
// - Each works group is one work, read from its first summary: the API lists
//   the preferred version first. Identifiers come from that summary only, so a
//   preprint DOI and the journal DOI of the same group are not mixed.
// - affiliation is the organization of the first employment with no end date.
// - ORCID summaries carry no author lists, so works have no `authors`.

import type { Extraction, Person, PersonIdKey, Work, WorkIdKey, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { at, arr, isRecord, parseJson, str, type Json } from '../../adapters/kit/json';
import { canonicalArxiv, canonicalDoi, cleanText, compact } from '../../core/text';
import site from './site.json';
import { own } from '../../core/lookup';

const ORCID_ID = /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/;

export function orcidIdOf(url: URL): string | undefined {
  if (url.hostname === 'orcid.org' || url.hostname === 'www.orcid.org')
    return /^\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?:\/|$)/.exec(url.pathname)?.[1];
  if (url.hostname === 'pub.orcid.org') return /^\/v[\d.]+\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?:\/|$)/.exec(url.pathname)?.[1];
  return undefined;
}

const value = (v: Json) => cleanText(str(at(v, 'value')));

const TYPES: Record<string, WorkType> = {
  'journal-article': 'article',
  'conference-paper': 'conference',
  'book-chapter': 'chapter',
  book: 'book',
  'edited-book': 'book',
  dissertation: 'thesis',
  'dissertation-thesis': 'thesis',
  preprint: 'preprint',
  'working-paper': 'preprint',
};

function workIds(summary: Json): Partial<Record<WorkIdKey, string>> {
  const ids: Partial<Record<WorkIdKey, string>> = {};
  for (const e of arr(at(summary, 'external-ids', 'external-id'))) {
    if ((str(at(e, 'external-id-relationship')) ?? 'self').toLowerCase() !== 'self') continue;
    const kind = str(at(e, 'external-id-type'))?.toLowerCase();
    const raw = str(at(e, 'external-id-value'));
    if (!raw) continue;
    if (kind === 'doi') ids.doi ??= canonicalDoi(raw);
    else if (kind === 'arxiv') ids.arxiv ??= canonicalArxiv(raw);
    else if (kind === 'pmid' && /^\d+$/.test(raw.trim())) ids.pmid ??= raw.trim();
    else if (kind === 'pmc') ids.pmcid ??= cleanText(raw)?.toUpperCase();
  }
  return compact(ids);
}

function pubDate(summary: Json): { year?: number; date?: string } {
  const y = str(at(summary, 'publication-date', 'year', 'value'));
  if (!y || !/^\d{4}$/.test(y)) return {};
  const m = str(at(summary, 'publication-date', 'month', 'value'));
  const d = str(at(summary, 'publication-date', 'day', 'value'));
  const date = m && /^\d{1,2}$/.test(m) ? `${y}-${m.padStart(2, '0')}${d && /^\d{1,2}$/.test(d) ? `-${d.padStart(2, '0')}` : ''}` : undefined;
  return { year: Number(y), date };
}

/** Works of an ORCID `works` object (the /works response or the record's activities-summary.works). */
export function readOrcidWorks(works: Json): Work[] {
  const out: Work[] = [];
  for (const group of arr(at(works, 'group'))) {
    const s = at(group, 'work-summary', 0);
    const title = cleanText(str(at(s, 'title', 'title', 'value')));
    if (!s || !title) continue;
    const type = str(at(s, 'type'))?.toLowerCase().replace(/_/g, '-');
    out.push(
      compact({
        title,
        ...pubDate(s),
        venue: value(at(s, 'journal-title')),
        ids: workIds(s),
        url: value(at(s, 'url')),
        type: type ? (own(TYPES, type) ?? 'other') : undefined,
      }),
    );
  }
  return out;
}

function currentEmployer(employments: Json): string | undefined {
  // Older v3.0 responses list summaries directly; current ones group them.
  const summaries = [
    ...arr(at(employments, 'employment-summary')),
    ...arr(at(employments, 'affiliation-group')).flatMap((g) => arr(at(g, 'summaries')).map((x) => at(x, 'employment-summary'))),
  ];
  const current = summaries.find((e) => isRecord(e) && !at(e, 'end-date'));
  return cleanText(str(at(current, 'organization', 'name')));
}

function idsFromUrls(urls: string[]): Partial<Record<PersonIdKey, string>> {
  const ids: Partial<Record<PersonIdKey, string>> = {};
  for (const u of urls) {
    ids.gscholar ??= /scholar\.google\.[a-z.]+\/citations\?(?:.*&)?user=([\w-]{12})/.exec(u)?.[1];
    ids.dblp ??= /dblp\.(?:org|uni-trier\.de)\/pid\/([\w.-]+\/[\w.-]+?)(?:\.html)?$/.exec(u)?.[1];
    ids.s2 ??= /semanticscholar\.org\/author\/(?:[^/]+\/)?(\d+)/.exec(u)?.[1];
  }
  return ids;
}

/** The person section of a record (or the /person response). */
export function readOrcidPerson(person: Json, orcid: string): Person | undefined {
  const credit = value(at(person, 'name', 'credit-name'));
  const given = value(at(person, 'name', 'given-names'));
  const family = value(at(person, 'name', 'family-name'));
  const name = credit ?? cleanText([given, family].filter(Boolean).join(' '));
  if (!name) return undefined;
  const links = arr(at(person, 'researcher-urls', 'researcher-url'));
  const urls = links.map((l) => value(at(l, 'url'))).filter((u): u is string => !!u);
  const home = links.find((l) => /personal|home\s*page|website/i.test(str(at(l, 'url-name')) ?? ''));
  return compact({
    name,
    homepage: value(at(home, 'url')),
    interests: arr(at(person, 'keywords', 'keyword'))
      .map((k) => cleanText(str(at(k, 'content'))))
      .filter((s): s is string => !!s),
    ids: compact({ orcid, ...idsFromUrls(urls) }),
  });
}

function apiError(json: Json): string | undefined {
  if (!isRecord(json)) return 'the response is not JSON';
  const code = str(json['response-code']) ?? str(json['error-code']);
  if (code) return `ORCID answered ${code}: ${cleanText(str(json['user-message']) ?? str(json['developer-message'])) ?? 'error'}`;
  return undefined;
}

/** A full v3.0 record (pub.orcid.org/v3.0/<id>/record), or a person + works pair. */
export function readOrcid(record: Json, works?: Json): Extraction {
  const error = apiError(record);
  if (error) return { pageKind: 'unrecognized', notes: [error] };
  const isFull = isRecord(record) && at(record, 'activities-summary') !== undefined;
  const person = isFull ? at(record, 'person') : record;
  const orcid =
    str(at(record, 'orcid-identifier', 'path')) ?? ORCID_ID.exec(str(at(person, 'path')) ?? str(at(person, 'name', 'path')) ?? '')?.[0];
  if (!orcid || !ORCID_ID.test(orcid)) return { pageKind: 'unrecognized', notes: ['ORCID: the data names no ORCID iD'] };
  const worksJson = isFull ? at(record, 'activities-summary', 'works') : works;
  if (worksJson === undefined) return { pageKind: 'unrecognized', notes: ['ORCID: the person data came without its works'] };
  const worksError = isFull ? undefined : apiError(worksJson);
  if (worksError) return { pageKind: 'unrecognized', notes: [worksError] };
  const p = readOrcidPerson(person, orcid);
  if (!p) return { pageKind: 'unrecognized', notes: ['ORCID: the record shows no public name'] };
  const affiliation = isFull ? currentEmployer(at(record, 'activities-summary', 'employments')) : undefined;
  return { pageKind: 'author', person: compact({ ...p, affiliation }), works: readOrcidWorks(worksJson) };
}

const NO_DATA = 'ORCID renders from data; the record could not be fetched';

export const orcidAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://orcid.org/signin'],
  rules: [
    {
      kind: 'author',
      pattern: /^(?:orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]\/?$|pub\.orcid\.org\/v[\d.]+\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]\/record$)/,
      examples: [
        'https://orcid.org/0000-0003-4423-4370',
        'https://orcid.org/0000-0003-1444-9135',
        'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record',
      ],
    },
  ],
  detect(_doc, url) {
    return orcidIdOf(url) ? 'author' : undefined;
  },
  // The public API's record of the page's ORCID iD, nothing else of pub.orcid.org.
  dataUrls: [/^pub\.orcid\.org\/v3\.0\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]\/record$/],
  dataRequests(url) {
    const id = orcidIdOf(url);
    return id
      ? [{ url: `https://pub.orcid.org/v3.0/${id}/record`, as: 'json', key: 'record', headers: { Accept: 'application/json' } }]
      : [];
  },
  extract(_doc, url, payloads) {
    const id = orcidIdOf(url);
    if (!id) return { pageKind: 'unrecognized', notes: ['ORCID: not a record page'] };
    const record = parseJson(payloads?.record ?? payloads?.person);
    if (record === undefined) return { pageKind: 'unrecognized', notes: [NO_DATA] };
    const read = readOrcid(record, payloads?.record ? undefined : parseJson(payloads?.works));
    if (read.pageKind !== 'author') return { pageKind: 'unrecognized', notes: [NO_DATA, ...(read.notes ?? [])] };
    if (read.person?.ids?.orcid !== id)
      return { pageKind: 'unrecognized', notes: [NO_DATA, `the data is for ${read.person?.ids?.orcid ?? 'another record'}, not ${id}`] };
    return read;
  },
  extractData(text, _url, contentType) {
    if (contentType !== 'json') return { pageKind: 'unrecognized', notes: ['ORCID: only the v3.0 record JSON is read'] };
    const json = parseJson(text);
    if (json === undefined) return { pageKind: 'unrecognized', notes: ['ORCID: the data is not JSON'] };
    if (isRecord(json) && json.group !== undefined && json.person === undefined)
      return { pageKind: 'unrecognized', notes: ['ORCID: a works list without its person; read the /record response instead'] };
    return readOrcid(json);
  },
  pageKey(url) {
    const id = orcidIdOf(url);
    return id ? `orcid:${id}` : undefined;
  },
};

export default orcidAdapter;
