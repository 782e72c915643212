// OpenReview profile pages (openreview.net/profile?id=~First_Last1) and forum
// pages (openreview.net/forum?id=…). Both are drawn by a script from the
// public API v2 on api2.openreview.net, which the content script asks for (through
// the background: it is a sibling host), as the pages themselves do:
//   /profiles?id=<tilde id>           → { profiles: [{ id, content: { names[], history[], homepage, … } }] }
//   /notes?content.authorids=<id>     → { notes: [...], count }  (the profile's publications)
//   /notes?forum=<id>                 → { notes: [...] }         (the submission and its replies)
// A note carries `content.<field>.value` (API v2). Venues run before 2023 are
// on API v1 (api.openreview.net, same queries), whose notes carry plain values
// (`content.title` a string); both are asked for and read.
//
// Not verified on a saved page or a recorded response: written from the API's
// documentation; the tests use minimal JSON shaped like it.
//
// Choices:
// - year: the publication date (`pdate`) when set; else the year the venue
//   names ("ICLR 2024 poster"); else the creation date (`cdate`). Submissions
//   are created the year before the conference, so cdate alone would be wrong.
// - venue as shown, including "Submitted to …" for papers not (yet) accepted.
// - On a forum, the submission is the note whose id is the forum id; replies are not works.
// - No metrics: OpenReview states none.

import type { Extraction, Person, PersonIdKey, Work, WorkType } from '../../core/capture';
import type { DataRequest, SiteAdapter } from '../../adapters/contract';
import { at, arr, isRecord, num, parseJson, str, type Json } from '../../adapters/kit/json';
import { canonicalArxiv, canonicalDoi, cleanText, compact, parseYear } from '../../core/text';
import site from './site.json';

export const OPENREVIEW_API = 'https://api2.openreview.net';
/** Venues run before 2023 live on API v1; the pages ask both, and so does this adapter. */
export const OPENREVIEW_API_V1 = 'https://api.openreview.net';
/** The profile page asks for at most this many notes at once; more are noted, not fetched. */
const NOTES_LIMIT = 1000;

type Route = { kind: 'author' | 'paper'; id: string };

const TILDE_ID = /^~[^\s/?#&]+$/;

export function routeOf(url: URL): Route | undefined {
  if (url.hostname !== 'openreview.net') return undefined;
  const id = cleanText(url.searchParams.get('id'));
  if (!id) return undefined;
  if (/^\/profile\/?$/.test(url.pathname) && TILDE_ID.test(id)) return { kind: 'author', id };
  if (/^\/forum\/?$/.test(url.pathname) && /^[\w-]+$/.test(id)) return { kind: 'paper', id };
  return undefined;
}

/** A field of a note's content: `{ value }` in API v2, the value itself in v1. */
function field(content: Json, key: string): Json {
  const f = at(content, key);
  return isRecord(f) && 'value' in f ? f.value : f;
}

const text = (content: Json, key: string) => cleanText(str(field(content, key)));

function isoDate(ms: Json): string | undefined {
  const n = num(ms);
  if (n === undefined || n < 86_400_000) return undefined;
  const d = new Date(n);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function typeOf(venue: string | undefined, venueid: string | undefined): WorkType | undefined {
  if (venue && /^submitted to\b|withdrawn|rejected|desk.rejected/i.test(venue)) return undefined;
  if (venueid && /\/Conference\b/i.test(venueid)) return 'conference';
  if (venueid && /\/Workshop\b/i.test(venueid)) return 'conference';
  if (venueid && /^(?:TMLR|JMLR|TACL|DMLR)\b/i.test(venueid)) return 'article';
  return undefined;
}

/** One note as a work; undefined for a note without a title (a reply, a review). */
export function readNote(note: Json): Work | undefined {
  const content = at(note, 'content');
  const title = text(content, 'title');
  const forum = cleanText(str(at(note, 'forum'))) ?? cleanText(str(at(note, 'id')));
  if (!title || !forum) return undefined;
  const venue = text(content, 'venue');
  const published = isoDate(at(note, 'pdate'));
  const created = isoDate(at(note, 'cdate'));
  const date = published ?? created;
  return compact({
    title,
    authors: arr(field(content, 'authors'))
      .map((a) => cleanText(str(a)))
      .filter((s): s is string => !!s),
    year: parseYear(published) ?? parseYear(venue) ?? parseYear(created),
    date,
    venue,
    abstract: text(content, 'abstract'),
    ids: compact({ openreview: forum, doi: canonicalDoi(text(content, 'doi')), arxiv: canonicalArxiv(text(content, 'arxiv')) }),
    url: `https://openreview.net/forum?id=${encodeURIComponent(forum)}`,
    type: typeOf(venue, text(content, 'venueid')),
  });
}

/** The API's error bodies: { name, message, status }. */
function apiError(saved: Json): { blocked: boolean; note: string } | undefined {
  // A recorded response may wrap the body with its HTTP status: { status, body }.
  const json = isRecord(saved) && num(saved.status) !== undefined && isRecord(saved.body) && saved.notes === undefined ? saved.body : saved;
  if (!isRecord(json)) return { blocked: false, note: 'OpenReview: the response is not JSON' };
  const name = cleanText(str(json.name));
  const message = cleanText(str(json.message));
  if ((name || message) && json.notes === undefined && json.profiles === undefined) {
    const status = num(json.status);
    const blocked = status === 429 || status === 403 || /rate ?limit|forbidden|too many|challenge/i.test(`${name} ${message}`);
    return { blocked, note: `OpenReview API: ${[name, message].filter(Boolean).join(': ')}` };
  }
  return undefined;
}

function linkedIds(content: Json): Partial<Record<PersonIdKey, string>> {
  const link = (k: string) => cleanText(str(field(content, k))) ?? '';
  return {
    gscholar: /[?&]user=([\w-]{12})/.exec(link('gscholar'))?.[1],
    dblp: /dblp\.(?:org|uni-trier\.de)\/pid\/([\w.-]+\/[\w.-]+?)(?:\.html)?\/?$/.exec(link('dblp'))?.[1],
    orcid: /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(link('orcid'))?.[1],
    s2: /semanticscholar\.org\/author\/(?:[^/]+\/)?(\d+)/.exec(link('semanticScholar'))?.[1],
  };
}

function nameOf(n: Json): string | undefined {
  return cleanText(str(at(n, 'fullname'))) ?? cleanText([str(at(n, 'first')), str(at(n, 'middle')), str(at(n, 'last'))].filter(Boolean).join(' '));
}

/** Does this profile answer to the tilde id (its own id or one of its names' usernames)? */
export function profileAnswersTo(profile: Json, id: string): boolean {
  if (str(at(profile, 'id')) === id) return true;
  return arr(at(profile, 'content', 'names')).some((n) => str(at(n, 'username')) === id);
}

export function readProfile(profile: Json): Person | undefined {
  const content = at(profile, 'content');
  const names = arr(at(content, 'names'));
  const preferred = names.find((n) => at(n, 'preferred') === true) ?? names[0];
  const name = nameOf(preferred);
  const id = cleanText(str(at(profile, 'id')));
  if (!name || !id) return undefined;
  const history = arr(at(content, 'history'));
  const current = history.find((h) => isRecord(h) && at(h, 'end') === undefined);
  const now = arr(at(content, 'expertise')).filter((e) => at(e, 'end') === undefined);
  return compact({
    name,
    affiliation: cleanText(str(at(current, 'institution', 'name'))),
    homepage: cleanText(str(field(content, 'homepage'))),
    interests: [...new Set(now.flatMap((e) => arr(at(e, 'keywords')).map((k) => cleanText(str(k))).filter((s): s is string => !!s)))],
    ids: compact({ openreview: id, ...linkedIds(content) }),
  });
}

function readNotes(json: Json): { works: Work[]; notes: string[] } {
  const rows = arr(at(json, 'notes'));
  const works = rows.map(readNote).filter((w): w is Work => !!w);
  const count = num(at(json, 'count'));
  const notes: string[] = [];
  if (count !== undefined && count > rows.length) notes.push(`the API returned ${rows.length} of the ${count} notes it counts`);
  return { works, notes };
}

export function readForum(json: Json, forumId: string): Extraction {
  const error = apiError(json);
  if (error) return { pageKind: error.blocked ? 'blocked' : 'unrecognized', notes: [error.note] };
  const submission = arr(at(json, 'notes')).find((n) => str(at(n, 'id')) === forumId);
  const work = readNote(submission);
  if (!work) return { pageKind: 'unrecognized', notes: [`OpenReview: the forum data holds no submission ${forumId}`] };
  return { pageKind: 'paper', works: [work] };
}

/** v2 notes first, then v1 notes of forums v2 did not list. Either may be missing. */
export function readAuthor(profileJson: Json, notesJson: Json, id: string, notesV1?: Json): Extraction {
  const error = apiError(profileJson);
  if (error) return { pageKind: error.blocked ? 'blocked' : 'unrecognized', notes: [error.note] };
  const profile = arr(at(profileJson, 'profiles')).find((p) => profileAnswersTo(p, id));
  if (!profile) return { pageKind: 'unrecognized', notes: [`OpenReview: the profile data is not for ${id}`] };
  const person = readProfile(profile);
  if (!person) return { pageKind: 'unrecognized', notes: ['OpenReview: the profile shows no name'] };
  const answers = [notesJson, notesV1].filter((j) => j !== undefined);
  const sets = answers.filter((j) => isRecord(j) && Array.isArray(j.notes)).map(readNotes);
  if (!sets.length) {
    const why = answers.map(apiError).find((e) => e);
    return { pageKind: why?.blocked ? 'blocked' : 'unrecognized', notes: [why?.note ?? 'OpenReview: the profile came without its publications'] };
  }
  const works: Work[] = [];
  const seen = new Set<string>();
  for (const w of sets.flatMap((x) => x.works)) {
    const key = w.ids?.openreview ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    works.push(w);
  }
  return { pageKind: 'author', person, works, notes: sets.flatMap((x) => x.notes) };
}

const NO_DATA = 'OpenReview renders from its API; the data could not be fetched';

function dataRequestsOf(url: URL): DataRequest[] {
  const r = routeOf(url);
  if (!r) return [];
  const id = encodeURIComponent(r.id);
  if (r.kind === 'paper')
    return [
      { url: `${OPENREVIEW_API}/notes?forum=${id}`, as: 'json', key: 'forum' },
      { url: `${OPENREVIEW_API_V1}/notes?forum=${id}`, as: 'json', key: 'forumV1' },
    ];
  return [
    { url: `${OPENREVIEW_API}/profiles?id=${id}`, as: 'json', key: 'profile' },
    { url: `${OPENREVIEW_API}/notes?content.authorids=${id}&sort=cdate:desc&limit=${NOTES_LIMIT}`, as: 'json', key: 'notes' },
    { url: `${OPENREVIEW_API_V1}/notes?content.authorids=${id}&limit=${NOTES_LIMIT}`, as: 'json', key: 'notesV1' },
  ];
}

export const openReviewAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://openreview.net/group?id=ICLR.cc/2024/Conference'],
  rules: [
    {
      kind: 'author',
      pattern: /^openreview\.net\/profile\/?\?(?:.*&)?id=~/,
      examples: ['https://openreview.net/profile?id=~Yoshua_Bengio1', 'https://openreview.net/profile?id=~Kyunghyun_Cho1'],
    },
    {
      kind: 'paper',
      pattern: /^openreview\.net\/forum\/?\?(?:.*&)?id=[\w-]+/,
      examples: ['https://openreview.net/forum?id=YicbFdNTTy', 'https://openreview.net/forum?id=rJ4km2R5t7'],
    },
    // Saved API responses, read by the command line (extractData); a tab showing one is not captured.
    {
      kind: 'paper',
      pattern: /^api2\.openreview\.net\/notes\?(?:.*&)?(?:forum|id)=[\w-]+/,
      examples: ['https://api2.openreview.net/notes?forum=YicbFdNTTy'],
    },
    {
      kind: 'list',
      pattern: /^api2\.openreview\.net\/notes\?(?:.*&)?content\.authorids=~/,
      examples: ['https://api2.openreview.net/notes?content.authorids=~Yoshua_Bengio1&sort=cdate:desc&limit=1000'],
    },
  ],
  detect(_doc, url) {
    return routeOf(url)?.kind;
  },
  // A forum's notes, a profile, a profile's notes, on API v2 and v1.
  dataUrls: [
    /^api2?\.openreview\.net\/notes\?forum=[\w-]+$/,
    /^api2\.openreview\.net\/profiles\?id=~[^&#]+$/,
    /^api2?\.openreview\.net\/notes\?content\.authorids=~[^&#]+(?:&sort=cdate:desc)?&limit=\d+$/,
  ],
  dataRequests: (url) => dataRequestsOf(url),
  extract(_doc, url, payloads) {
    const r = routeOf(url);
    if (!r) return { pageKind: 'unrecognized', notes: ['OpenReview: not a profile or forum page'] };
    if (r.kind === 'paper') {
      const reads = [payloads?.forum, payloads?.forumV1]
        .map((p) => parseJson(p))
        .filter((j) => j !== undefined)
        .map((j) => readForum(j, r.id));
      const paper = reads.find((x) => x.pageKind === 'paper') ?? reads.find((x) => x.pageKind === 'blocked');
      if (paper) return paper;
      return { pageKind: 'unrecognized', notes: [NO_DATA, ...reads.flatMap((x) => x.notes ?? [])] };
    }
    const profile = parseJson(payloads?.profile);
    const notes = parseJson(payloads?.notes);
    const notesV1 = parseJson(payloads?.notesV1);
    if (profile === undefined || (notes === undefined && notesV1 === undefined)) return { pageKind: 'unrecognized', notes: [NO_DATA] };
    const read = readAuthor(profile, notes, r.id, notesV1);
    return read.pageKind === 'unrecognized' ? { ...read, notes: [NO_DATA, ...(read.notes ?? [])] } : read;
  },
  extractData(text, url, contentType) {
    if (contentType !== 'json') return { pageKind: 'unrecognized', notes: ['OpenReview: only API JSON is read'] };
    const json = parseJson(text);
    if (json === undefined) return { pageKind: 'unrecognized', notes: ['OpenReview: the data is not JSON'] };
    const error = apiError(json);
    if (error) return { pageKind: error.blocked ? 'blocked' : 'unrecognized', notes: [error.note] };
    const forum = url.searchParams.get('forum') ?? url.searchParams.get('id');
    if (forum && !url.searchParams.has('content.authorids')) return readForum(json, forum);
    if (isRecord(json) && Array.isArray(json.notes)) {
      // An author's notes without the profile: whose they are is not in the data, so a list.
      const { works, notes } = readNotes(json);
      return works.length ? { pageKind: 'list', works, notes } : { pageKind: 'unrecognized', notes: ['OpenReview: no titled notes in the data'] };
    }
    return { pageKind: 'unrecognized', notes: ['OpenReview: a profile alone lists no works; read it with its notes on the profile page'] };
  },
  pageKey(url) {
    const r = routeOf(url);
    return r ? `${r.kind === 'author' ? 'profile' : 'forum'}:${r.id}` : undefined;
  },
  // No isShowing: nothing is read from the DOM, and the data is asked for by the address's id and
  // checked against it (readForum, profileAnswersTo), so a page still drawing the last record cannot leak in.
};

export default openReviewAdapter;
