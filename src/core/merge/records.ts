// Flattens captures into comparable work records, in an order that depends
// only on capture keys (never on the order the captures were given in).

import type { Capture, Work, WorkIdKey } from '../capture';
import { nameKey } from '../names';
import { endsWithParen, isPreprintDoi, normalizeWorkIds, titleInfo, type TitleInfo } from './normalize';
import type { MemberRef, StoredCaptureLike, WorkIds } from './types';
import { compareCodePoints } from '../order';
import { interner } from './intern';

export interface WorkRecord {
  /** Position in the sorted record list. */
  n: number;
  /** "<captureKey>#<index>": unique and independent of input order (made when asked for: few are). */
  readonly key: string;
  captureKey: string;
  capture: Capture;
  work: Work;
  index: number;
  ids: WorkIds;
  title?: TitleInfo;
  authorKeys: string[];
  preprint: boolean;
  member: MemberRef;
  /**
   * The work's year and venue as the record's own fields, and whether its
   * title ends in a parenthetical: title matching reads them for every
   * candidate pair, and the works, parsed or cloned from many page shapes,
   * are objects of dozens of shapes, where each read is a slow lookup.
   */
  readonly year: number | undefined;
  readonly venue: string | undefined;
  readonly titleEndsInParen: boolean;
}

/**
 * One record, every field in the object itself (a literal with the title
 * added afterwards kept it in a second block), the key made on demand: a
 * merge holds a record per row until it ends, so their size is its floor.
 */
class Rec implements WorkRecord {
  title: TitleInfo | undefined = undefined;
  readonly year: number | undefined;
  readonly venue: string | undefined;
  readonly titleEndsInParen: boolean;
  constructor(
    public n: number,
    public captureKey: string,
    public capture: Capture,
    public work: Work,
    public index: number,
    public ids: WorkIds,
    public authorKeys: string[],
    public preprint: boolean,
    public member: MemberRef,
  ) {
    this.year = work.year;
    this.venue = work.venue;
    this.titleEndsInParen = work.title !== undefined && endsWithParen(work.title);
  }

  get key(): string {
    return `${this.captureKey}#${this.index}`;
  }
}

const PREPRINT_VENUE = /\b(?:arxiv|corr|biorxiv|medrxiv|chemrxiv|preprints?|ssrn|research square|techrxiv|psyarxiv|osf)\b/i;

/** Captures that carry works worth merging: blocked and unrecognized pages never do. */
export function usableCaptures(captures: StoredCaptureLike[]): StoredCaptureLike[] {
  const byKey = new Map<string, StoredCaptureLike>();
  for (const c of captures) {
    if (c.capture.pageKind === 'blocked' || c.capture.pageKind === 'unrecognized') continue;
    const old = byKey.get(c.key);
    // The same key twice (a page captured again): keep the later capture.
    if (!old || laterThan(c.capture, old.capture)) byKey.set(c.key, c);
  }
  return [...byKey.values()].sort((a, b) => compareCodePoints(a.key, b.key));
}

function laterThan(a: Capture, b: Capture): boolean {
  if (a.capturedAt !== b.capturedAt) return a.capturedAt > b.capturedAt;
  return JSON.stringify(a) > JSON.stringify(b);
}


/** `nameKeys`: name → nameKey, filled as names are read (the merge hands it on to attribution.ts). */
export function buildRecords(captures: StoredCaptureLike[], nameKeys: Map<string, string> = new Map()): WorkRecord[] {
  const out: WorkRecord[] = [];
  // The same names recur across a person's works and sites: fold each once.
  const keys = nameKeys;
  // Many names give one key ("J Ernst", "Jason Ernst"): one string per key.
  const distinctKeys = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) {
      k = nameKey(name);
      const same = distinctKeys.get(k);
      if (same !== undefined) k = same;
      else distinctKeys.set(k, k);
      keys.set(name, k);
    }
    return k;
  };
  // So do titles (one work on several sites, a site listing a row twice):
  // each is read once, and records with the same title share its (never
  // modified) comparison key.
  const titles = new Map<string, TitleInfo | undefined>();
  const titleOf = (title: string | undefined) => {
    if (!title) return undefined;
    // One lookup for a title seen before (a title without words is stored as undefined, and looked up twice).
    const seen = titles.get(title);
    if (seen !== undefined || titles.has(title)) return seen;
    const t = titleInfo(title);
    // Title words recur across titles ("learning", "networks"): one string per word, not one per title.
    if (t) for (let i = 0; i < t.tokens.length; i++) t.tokens[i] = intern(t.tokens[i]!);
    titles.set(title, t);
    return t;
  };
  const intern = interner();
  // Venues recur too, and the preprint-server test is a regular expression.
  const preprintVenue = new Map<string, boolean>();
  const isPreprintVenue = (venue: string) => {
    let v = preprintVenue.get(venue);
    if (v === undefined) preprintVenue.set(venue, (v = PREPRINT_VENUE.test(venue)));
    return v;
  };
  for (const { key, capture } of captures) {
    (capture.works ?? []).forEach((work, index) => {
      // Most rows (a Scholar or DBLP list's) carry no id: they share one empty, never modified, object.
      let ids = work.ids ? normalizeWorkIds(work.ids) : NO_IDS;
      if (ids !== NO_IDS && !hasKeys(ids)) ids = NO_IDS;
      const member: MemberRef = {
        captureKey: key,
        index,
        source: capture.source,
        capturedAt: capture.capturedAt,
        pageKind: capture.pageKind,
      };
      if (work.ref) member.ref = work.ref;
      const rec = new Rec(out.length, key, capture, work, index, ids, authorKeys(work.authors, keyOf), isPreprint(work, ids, isPreprintVenue), member);
      const t = titleOf(work.title);
      if (t) rec.title = t;
      out.push(rec);
    });
  }
  return out;
}

const NO_IDS: WorkIds = Object.freeze({});

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** Each author's key once, in list order, none for a name without letters. */
function authorKeys(authors: string[] | undefined, keyOf: (name: string) => string): string[] {
  if (!authors || !authors.length) return [];
  // Collected in a scratch list and copied at its length: a list grown by
  // push keeps room for 16, and every record keeps its list to the end.
  let n = 0;
  for (const a of authors) {
    const k = keyOf(a);
    if (k.length > 0 && !scratchIncludes(k, n)) scratch[n++] = k;
  }
  return scratch.slice(0, n);
}
const scratch: string[] = [];
function scratchIncludes(k: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (scratch[i] === k) return true;
  return false;
}

function isPreprint(work: Work, ids: WorkIds, isPreprintVenue: (venue: string) => boolean): boolean {
  if (work.type === 'preprint') return true;
  if (ids.doi) return isPreprintDoi(ids.doi);
  if (work.venue && isPreprintVenue(work.venue)) return true;
  return ids.arxiv !== undefined && work.type === undefined && !work.venue;
}

/** Identifier kinds whose equal values mean "the same work", in order of strength (the merged id uses the first). */
export const ID_STRENGTH: WorkIdKey[] = ['doi', 'arxiv', 'pmid', 'pmcid', 'acl', 'dblp', 's2', 'openalex', 'openreview', 'gscholar'];

/**
 * Kinds where two different values mean two different works. Publisher DOIs
 * only: preprint DOIs may be versions of one preprint (Research Square v5/v6),
 * and DBLP lists a paper's CoRR and proceedings entries under different keys.
 */
export function conflictTags(rec: WorkRecord): [string, string][] {
  const tags: [string, string][] = [];
  if (rec.ids.doi && !isPreprintDoi(rec.ids.doi)) tags.push(['doi', rec.ids.doi]);
  if (rec.ids.arxiv) tags.push(['arxiv', rec.ids.arxiv]);
  if (rec.ids.pmid) tags.push(['pmid', rec.ids.pmid]);
  if (rec.ids.pmcid) tags.push(['pmcid', rec.ids.pmcid]);
  return tags;
}
