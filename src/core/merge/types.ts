// Public types of cross-site merging. The store, the popup, the backup/export
// code and `cli merge` all build on these; keep them stable (add optional
// fields, don't rename).
//
// Shown-value rules (what a merged field displays; every value is still kept
// in `fields` with its source and capture time):
// - title: the most complete one — a title the page truncated ("…") loses to
//   any full one; a title another one holds as whole segments wins over that
//   citation string around it; then the most frequent normalized form, then the longest,
//   then the smallest record key, so the result does not depend on input order.
// - ids.doi: the publisher's DOI over a preprint server's (arXiv's DataCite
//   DOI 10.48550/arXiv.X is not kept as a DOI at all, it becomes ids.arxiv = X).
// - year / venue / type: the published version's when there is one, else the
//   preprint's; within a version the most frequent value, ties to the earliest year.
// - authors: the longest list that the page did not truncate; else the longest.
// - citations: the highest count among captures of the most recent capture
//   year (counts only grow, and old captures are stale), with its source.
// - abstract / url: the longest abstract; the url of the published version.
// - person name: the longest name variant from an author page (full names beat
//   initials); affiliation: the most recently captured one.
// - stated metrics (h-index, citations, papers…) are never combined: each
//   site's figures are kept as that site stated them, in `MergedPerson.stated`.

import type { Capture, PageKind, PersonIdKey, StatedMetrics, WorkIdKey, WorkType } from '../capture';

/** A capture as the store keeps it (`{ key, firstSeen, lastSeen, capture }` fits). */
export interface StoredCaptureLike {
  key: string;
  capture: Capture;
}

/** One input record that went into a merged work. */
export interface MemberRef {
  captureKey: string;
  /** Index of the work in `capture.works`. */
  index: number;
  /** The input work's `ref`, when it had one. */
  ref?: string;
  source: string;
  capturedAt: string;
  pageKind: PageKind;
  /**
   * Set when this record joined its work on evidence weaker than a title or an
   * identifier: its abstract (`abstract`), or only the numbers and Latin-script
   * names a translated abstract shares with the original (`translated-abstract`).
   * Shown to the user as "placed by abstract".
   */
  placedBy?: Placement;
}

export type Placement = 'abstract' | 'translated-abstract';

/** One value of a field as one capture stated it. */
export interface FieldValue<T> {
  value: T;
  source: string;
  capturedAt: string;
  captureKey: string;
}
/** Every value of a field, one entry per distinct (value, capture). */
export type FieldValues<T> = FieldValue<T>[];

export type WorkIds = Partial<Record<WorkIdKey, string>>;

/** Why two records were put together (the strongest link found for the cluster). */
/**
 * `abstract`: a title-less record placed by its abstract; `translated-abstract`:
 * by the language-independent signature of a translated abstract plus a second
 * signal; `in-person`: a weaker title similarity that clearly won among the
 * works of the person whose author page lists the record.
 */
export type MatchReason = `id:${WorkIdKey}` | 'title' | 'title-prefix' | 'abstract' | 'translated-abstract' | 'in-person' | 'user';

export type VersionKind = 'preprint' | 'published';

/**
 * A preprint and its published version are one work with two versions, both
 * kept. Works the user joined keep a version each (per kind), so a join never
 * folds one work's version into another's.
 */
export interface WorkVersion {
  kind: VersionKind;
  ids: WorkIds;
  title?: string;
  venue?: string;
  year?: number;
  /** Site ids that showed this version, sorted. */
  sources: string[];
  members: MemberRef[];
}

export interface MergedWork {
  /**
   * Stable across runs and input order: derived from the strongest identifier
   * of the cluster ("doi:…", then "arxiv:…", "pmid:…", …) or, without one, from
   * the smallest member key ("rec:<captureKey>#<index>").
   */
  id: string;
  // Shown values (see the rules at the top of this file).
  title?: string;
  /** Set when the only titles seen were cut by the page ("…"). */
  titleTruncated?: boolean;
  authors?: string[];
  year?: number;
  venue?: string;
  type?: WorkType;
  abstract?: string;
  url?: string;
  citations?: number;
  /** Where the shown citation count comes from. */
  citationsFrom?: FieldValue<number>;
  /** One value per identifier kind (the shown one); every value is in `fields.ids`. */
  ids: WorkIds;
  versions: WorkVersion[];
  members: MemberRef[];
  /** The reasons records were joined, sorted; empty for a single record. */
  matchedBy: MatchReason[];
  flags?: string[];
  fields: {
    title: FieldValues<string>;
    authors: FieldValues<string[]>;
    year: FieldValues<number>;
    venue: FieldValues<string>;
    citations: FieldValues<number>;
    abstract: FieldValues<string>;
    url: FieldValues<string>;
    type: FieldValues<WorkType>;
    ids: FieldValues<{ kind: WorkIdKey; id: string }>;
  };
}

/**
 * A merged work without its field provenance (`fields`): what the kept views
 * store and every list shows (shown values, ids, versions, records, flags).
 * The provenance is a function of the work's records, so it is recomputed
 * from the captures they come from when it is needed (src/core/provenance.ts).
 */
export type LightWork = Omit<MergedWork, 'fields'>;

/** A merge result with light works: what the kept views add up to (src/core/kept-views.ts, libraryOf). A MergeResult is one. */
export type LightResult = Omit<MergeResult, 'works'> & { works: LightWork[] };

/** Figures one site stated on one author page, kept exactly as stated. */
export interface StatedFigures {
  source: string;
  captureKey: string;
  capturedAt: string;
  url: string;
  metrics?: StatedMetrics;
  citationsByYear?: Record<string, number>;
  /** How many works that page listed (a page may list only some of them). */
  worksListed: number;
}

/** An author page that went into a merged person. */
export interface PersonPage {
  captureKey: string;
  source: string;
  url: string;
  capturedAt: string;
  name: string;
}

export type PersonLinkReason =
  | `id:${PersonIdKey}`
  | 'page-link'
  | 'shared-works'
  | 'user';

export interface FlaggedWork {
  workId: string;
  reason: 'namesake';
  /** The site whose author page alone lists the work. */
  source: string;
}

/** "Possibly the same person": shown for the user to confirm, never applied automatically. */
export interface PersonSuggestion {
  personId: string;
  reason: string;
  sharedWorks: number;
}

export interface MergedPerson {
  /** Stable: from the strongest id ("orcid:…", "dblp:…", …) or the smallest page key ("page:<captureKey>"). */
  id: string;
  name: string;
  nameVariants: string[];
  affiliation?: string;
  homepage?: string;
  /** Every id seen for this person, by kind (a person may have two Scholar profiles). */
  ids: Partial<Record<PersonIdKey, string[]>>;
  pages: PersonPage[];
  stated: StatedFigures[];
  /** Merged works attributed to this person (from author pages only, never list pages). */
  workIds: string[];
  linkedBy: PersonLinkReason[];
  suggestions: PersonSuggestion[];
  /**
   * Works of `workIds` that only one site's author page lists and that share
   * no co-author, venue or distinctive title word with the person's other
   * works: possibly a namesake's. Shown as "only on <site> — check that it is
   * theirs" until the user confirms or removes it. Absent when none.
   */
  flaggedWorks?: FlaggedWork[];
  /** Works the user removed from this person (a `remove-work` decision); never in `workIds`. Absent when none. */
  removedWorkIds?: string[];
  fields: {
    name: FieldValues<string>;
    affiliation: FieldValues<string>;
    homepage: FieldValues<string>;
  };
}

/**
 * What a user decision points at. Stable across re-captures:
 * - a work: an identifier "doi:10.1/x", "arxiv:2004.10162", … (every record
 *   carrying it), or one record "rec:<captureKey>#<index>";
 * - a person: an id "orcid:0000-…", "gscholar:SbUmSEAAAAAJ", … or an author
 *   page "page:<captureKey>".
 */
export type WorkRef = string;
export type PersonRef = string;

/**
 * A user's correction. Stored, exported in the backup, and applied on every
 * merge after the automatic rules, so automatic merging never undoes it.
 * For the same pair, the decision with the latest `at` wins.
 */
export type UserDecision =
  | { kind: 'link-people'; people: [PersonRef, PersonRef]; at: string }
  | { kind: 'unlink-people'; people: [PersonRef, PersonRef]; at: string }
  | { kind: 'join-works'; works: [WorkRef, WorkRef]; at: string }
  | { kind: 'split-works'; works: [WorkRef, WorkRef]; at: string }
  /** The work is the person's (a flagged work confirmed): it is never flagged again. */
  | { kind: 'confirm-work'; person: PersonRef; work: WorkRef; at: string }
  /** The work is not the person's (a namesake's): it is no longer attributed to them. */
  | { kind: 'remove-work'; person: PersonRef; work: WorkRef; at: string };

export interface MergeResult {
  works: MergedWork[];
  people: MergedPerson[];
  /** Decisions whose refs matched nothing in these captures (kept, not dropped). */
  unresolvedDecisions: UserDecision[];
  stats: { captures: number; records: number; works: number; people: number };
}
