// Builds a merged work from its records: every value with its provenance, and
// the shown value chosen by the rules documented in types.ts.

import { WORK_ID_KEYS, type Work, type WorkIdKey, type WorkType } from '../capture';
import { contained } from './match';
import { isPreprintDoi } from './normalize';
import { ID_STRENGTH, type WorkRecord } from './records';
import type { FieldValue, FieldValues, MatchReason, MergedWork, VersionKind, WorkIds, WorkVersion } from './types';
import { compareCodePoints } from '../order';

/**
 * `versionGroup`: the record's group by automatic links alone. Records the
 * user joined from different groups are different versions of one work, so a
 * join never folds the first work's version into the other's; without it,
 * one version per kind.
 */
export function buildMergedWork(recs: WorkRecord[], reasons: readonly MatchReason[] | undefined, versionGroup?: (n: number) => number): MergedWork {
  const fields = provenanceOfRecords(recs);

  const published = recs.filter((r) => !r.preprint);
  const preferred = published.length ? published : recs;
  // Shown values first: a work of one version (most) shows that version's
  // title, venue, year and ids, which are then not chosen a second time.
  const ids = shownIds(recs);
  const title = shownTitle(recs);
  const year = mode(preferred.map((r) => r.work.year), (a, b) => a - b);
  const venue = mode(preferred.map((r) => r.work.venue), compareCodePoints);
  const w: MergedWork = {
    id: workId(recs),
    ids,
    versions: versions(recs, versionGroup, { ids, title, year, venue }),
    members: recs.map((r) => r.member),
    matchedBy: reasons ? reasons.slice() : [],
    fields,
  };
  if (title) {
    w.title = title.text;
    if (title.truncated) w.titleTruncated = true;
  }
  const authors = shownAuthors(recs);
  if (authors) w.authors = authors;
  if (year !== undefined) w.year = year;
  if (venue) w.venue = venue;
  const type = mode<WorkType>(preferred.map((r) => r.work.type), compareCodePoints);
  if (type) w.type = type;
  const abstract = longest(recs.map((r) => r.work.abstract));
  if (abstract) w.abstract = abstract;
  const url = firstUrl(preferred, recs);
  if (url) w.url = url;
  const cites = shownCitations(fields.citations);
  if (cites) {
    w.citations = cites.value;
    w.citationsFrom = cites;
  }
  if (recs.some((r) => r.work.flags?.length)) w.flags = [...new Set(recs.flatMap((r) => r.work.flags ?? []))].sort();
  return w;
}

/** The first record's url among the preferred ones, else the first non-empty one among all (no arrays of urls). */
function firstUrl(preferred: readonly WorkRecord[], recs: readonly WorkRecord[]): string | undefined {
  for (const r of preferred) if (r.work.url !== undefined) return r.work.url;
  for (const r of recs) if (r.work.url) return r.work.url;
  return undefined;
}

/** Whether any of the records carries an identifier (most works of a Scholar or DBLP list carry none). */
function anyIds(recs: readonly WorkRecord[]): boolean {
  for (const r of recs) if (hasKeys(r.ids)) return true;
  return false;
}

/** One record of a work as its provenance needs it: the work as the page listed it, its normalized ids, and where it was read. */
export interface ProvenanceRecord {
  work: Work;
  ids: WorkIds;
  captureKey: string;
  capture: { source: string; capturedAt: string };
}

/**
 * Every value of every field with the capture that stated it, each list in
 * record order: the merged work's `fields`. A function of its records alone,
 * so src/core/provenance.ts recomputes it from the stored captures.
 */
export function provenanceOfRecords(recs: readonly ProvenanceRecord[]): MergedWork['fields'] {
  // Each list made at its final length: a list grown by push keeps room for
  // 16 values, and a work has nine of them (most with one value or none), so
  // that room was most of the provenance's memory. Counted first, then filled.
  let nTitle = 0, nAuthors = 0, nYear = 0, nVenue = 0, nCitations = 0, nAbstract = 0, nUrl = 0, nType = 0, nIds = 0;
  for (const r of recs) {
    const x = r.work;
    if (x.title !== undefined) nTitle++;
    if (x.authors !== undefined) nAuthors++;
    if (x.year !== undefined) nYear++;
    if (x.venue !== undefined) nVenue++;
    if (x.citations !== undefined) nCitations++;
    if (x.abstract !== undefined) nAbstract++;
    if (x.url !== undefined) nUrl++;
    if (x.type !== undefined) nType++;
    for (const k in r.ids) if (Object.prototype.hasOwnProperty.call(r.ids, k)) nIds++;
  }
  const fields: MergedWork['fields'] = {
    title: sized(nTitle),
    authors: sized(nAuthors),
    year: sized(nYear),
    venue: sized(nVenue),
    citations: sized(nCitations),
    abstract: sized(nAbstract),
    url: sized(nUrl),
    type: sized(nType),
    ids: sized(nIds),
  };
  nTitle = nAuthors = nYear = nVenue = nCitations = nAbstract = nUrl = nType = nIds = 0;
  const fv = <T>(r: ProvenanceRecord, value: T): FieldValue<T> => ({ value, source: r.capture.source, capturedAt: r.capture.capturedAt, captureKey: r.captureKey });
  for (const r of recs) {
    const x = r.work;
    if (x.title !== undefined) fields.title[nTitle++] = fv(r, x.title);
    if (x.authors !== undefined) fields.authors[nAuthors++] = fv(r, x.authors);
    if (x.year !== undefined) fields.year[nYear++] = fv(r, x.year);
    if (x.venue !== undefined) fields.venue[nVenue++] = fv(r, x.venue);
    if (x.citations !== undefined) fields.citations[nCitations++] = fv(r, x.citations);
    if (x.abstract !== undefined) fields.abstract[nAbstract++] = fv(r, x.abstract);
    if (x.url !== undefined) fields.url[nUrl++] = fv(r, x.url);
    if (x.type !== undefined) fields.type[nType++] = fv(r, x.type);
    if (!hasKeys(r.ids)) continue;
    // Kinds in code-point order: the known kinds in that order, unless the ids hold another.
    let known = 0;
    for (const kind of KINDS_IN_ORDER) if (Object.prototype.hasOwnProperty.call(r.ids, kind)) known++;
    if (known === countKeys(r.ids)) {
      for (const kind of KINDS_IN_ORDER) if (Object.prototype.hasOwnProperty.call(r.ids, kind)) fields.ids[nIds++] = fv(r, { kind, id: r.ids[kind]! });
      continue;
    }
    const ids = Object.entries(r.ids) as [WorkIdKey, string][];
    if (ids.length > 1) ids.sort((a, b) => compareCodePoints(a[0], b[0]));
    for (const [kind, id] of ids) fields.ids[nIds++] = fv(r, { kind, id });
  }
  return fields;
}

/** Every identifier kind, in code-point order (the order of a work's ids in its provenance). */
const KINDS_IN_ORDER: readonly WorkIdKey[] = [...WORK_ID_KEYS].sort(compareCodePoints);

function countKeys(o: object): number {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  return n;
}

/** An array of `n` slots to fill (`[]` for none: an empty literal holds no storage). */
function sized<T>(n: number): T[] {
  return n === 0 ? [] : new Array<T>(n);
}

/** Whether an object has an own enumerable key (most records' ids have none), without building the entries. */
function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** The strongest identifier, else the smallest record key: stable across runs and input order. */
function workId(recs: WorkRecord[]): string {
  if (!anyIds(recs)) return `rec:${first(recs.map((r) => r.key), compareCodePoints)!}`;
  const publisherDoi = first(recs.map((r) => r.ids.doi).filter((d): d is string => !!d && !isPreprintDoi(d)), compareCodePoints);
  if (publisherDoi) return `doi:${publisherDoi}`;
  for (const kind of ID_STRENGTH) {
    const id = first(idsOf(recs, kind), compareCodePoints);
    if (id) return `${kind}:${id}`;
  }
  return `rec:${first(recs.map((r) => r.key), compareCodePoints)!}`;
}

/** The records' values of one id kind, in record order (no array for the usual record without ids). */
function idsOf(recs: WorkRecord[], kind: WorkIdKey): readonly string[] {
  let out: string[] | undefined;
  for (const r of recs) {
    const id = r.ids[kind];
    if (id) (out ??= []).push(id);
  }
  return out ?? NO_IDS;
}
const NO_IDS: readonly string[] = [];

/**
 * The first of `values` in `order` (the earliest of equal ones): what sorting
 * a copy and taking its first element gives, in one pass. Most works have one
 * record, and a sort per shown field was much of the merge's time.
 */
function first<T>(values: readonly T[], order: (a: T, b: T) => number): T | undefined {
  let best = values[0];
  for (let i = 1; i < values.length; i++) if (order(values[i]!, best!) < 0) best = values[i];
  return best;
}

/** One id per kind; for DOIs the publisher's over a preprint server's. */
function shownIds(recs: WorkRecord[]): WorkIds {
  const out: WorkIds = {};
  if (!anyIds(recs)) return out;
  if (recs.length === 1) {
    // One record: its own ids, in the order of strength.
    const ids = recs[0]!.ids;
    for (const kind of ID_STRENGTH) {
      const id = ids[kind];
      if (id) out[kind] = id;
    }
    return out;
  }
  for (const kind of ID_STRENGTH) {
    const all = idsOf(recs, kind);
    const id = kind === 'doi' ? first(all, (a, b) => Number(isPreprintDoi(a)) - Number(isPreprintDoi(b)) || compareCodePoints(a, b)) : first(all, compareCodePoints);
    if (id) out[kind] = id;
  }
  return out;
}

/** The shown values of all of a work's records, which its one version has when it has only one. */
interface Shown {
  ids: WorkIds;
  title: { text: string; truncated: boolean } | undefined;
  year: number | undefined;
  venue: string | undefined;
}

function versions(recs: WorkRecord[], versionGroup: ((n: number) => number) | undefined, whole: Shown): WorkVersion[] {
  // Most works have one record: one version, made without the grouping below.
  if (recs.length === 1) return [version(recs[0]!.preprint ? 'preprint' : 'published', recs, whole)];
  const groups: { kind: VersionKind; mine: WorkRecord[] }[] = [];
  for (const kind of ['preprint', 'published'] as VersionKind[]) {
    const ofKind = recs.filter((r) => r.preprint === (kind === 'preprint'));
    // One version per group, in the order of each group's first record.
    const byGroup = new Map<number, WorkRecord[]>();
    for (const r of ofKind) {
      const g = versionGroup ? versionGroup(r.n) : 0;
      const list = byGroup.get(g);
      if (list) list.push(r);
      else byGroup.set(g, [r]);
    }
    for (const mine of byGroup.values()) groups.push({ kind, mine });
  }
  // One group holds every record, in record order (all of one kind): its values are the work's.
  if (groups.length === 1) return [version(groups[0]!.kind, groups[0]!.mine, whole)];
  return groups.map((g) => version(g.kind, g.mine));
}

function version(kind: VersionKind, mine: WorkRecord[], whole?: Shown): WorkVersion {
  const v: WorkVersion = {
    kind,
    ids: whole ? { ...whole.ids } : shownIds(mine),
    sources: mine.length === 1 ? [mine[0]!.capture.source] : [...new Set(mine.map((r) => r.capture.source))].sort(),
    members: mine.map((r) => r.member),
  };
  const t = whole ? whole.title : shownTitle(mine);
  if (t) v.title = t.text;
  const venue = whole ? whole.venue : mode(mine.map((r) => r.work.venue), compareCodePoints);
  if (venue) v.venue = venue;
  const year = whole ? whole.year : mode(mine.map((r) => r.work.year), (a, b) => a - b);
  if (year !== undefined) v.year = year;
  return v;
}

function shownTitle(recs: WorkRecord[]): { text: string; truncated: boolean } | undefined {
  if (recs.length === 1) {
    // One record: its title, whatever the rules below would weigh it against.
    const r = recs[0]!;
    return r.title && r.work.title ? { text: r.work.title, truncated: r.title.truncated } : undefined;
  }
  const withTitle = recs.filter((r) => r.title && r.work.title);
  if (!withTitle.length) return undefined;
  const full = withTitle.filter((r) => !r.title!.truncated);
  // Among full titles prefer the plain one over a citation string that merely
  // contains it ("…, Physical Communication, v. 13 n"): the most common key,
  // then the longest text, then the smallest record key.
  const base = full.length ? full : withTitle;
  // A title that another title of the work holds as whole segments is the
  // work's title, and the other a citation string around it.
  const plain = base.filter((r) => !base.some((o) => o !== r && contained(o, r)));
  const pool = plain.length ? plain : base;
  const count = new Map<string, number>();
  for (const r of pool) count.set(r.title!.compact, (count.get(r.title!.compact) ?? 0) + 1);
  const best = first(
    pool,
    (a, b) =>
      count.get(b.title!.compact)! - count.get(a.title!.compact)! ||
      b.work.title!.length - a.work.title!.length ||
      compareCodePoints(a.key, b.key),
  )!;
  return { text: best.work.title!, truncated: !full.length };
}

function shownAuthors(recs: WorkRecord[]): string[] | undefined {
  const lists = recs.filter((r) => r.work.authors?.length);
  if (!lists.length) return undefined;
  const best = first(
    lists,
    (a, b) =>
      Number(!!a.work.authorsTruncated) - Number(!!b.work.authorsTruncated) ||
      b.work.authors!.length - a.work.authors!.length ||
      compareCodePoints(a.key, b.key),
  )!;
  return best.work.authors;
}

/** Highest count among the most recent capture year's values: counts only grow, old captures are stale. */
function shownCitations(values: FieldValues<number>): FieldValue<number> | undefined {
  if (!values.length) return undefined;
  const latestYear = first(values.map((v) => v.capturedAt.slice(0, 4)), (a, b) => compareCodePoints(b, a))!;
  return first(
    values.filter((v) => v.capturedAt.slice(0, 4) === latestYear),
    (a, b) => b.value - a.value || compareCodePoints(a.captureKey, b.captureKey),
  );
}

function mode<T extends string | number>(values: (T | undefined)[], order: (a: T, b: T) => number): T | undefined {
  if (values.length === 1) return values[0];
  if (values.length <= 8 && !values.some((v) => v !== v)) {
    // A few values (no NaN, which a scan would not find) (most works): counted by scans, the same choice as below without a Map.
    let best: T | undefined;
    let bestCount = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === undefined || values.indexOf(v) !== i) continue;
      let c = 0;
      for (let j = i; j < values.length; j++) if (values[j] === v) c++;
      if (best === undefined || c > bestCount || (c === bestCount && order(v, best) < 0)) {
        best = v;
        bestCount = c;
      }
    }
    return best;
  }
  const count = new Map<T, number>();
  for (const v of values) if (v !== undefined) count.set(v, (count.get(v) ?? 0) + 1);
  return first([...count.entries()], (a, b) => b[1] - a[1] || order(a[0], b[0]))?.[0];
}

function longest(values: (string | undefined)[]): string | undefined {
  return first(values.filter((v): v is string => !!v), (a, b) => b.length - a.length || compareCodePoints(a, b));
}
