// The runtime check for user decisions where they enter from outside the
// code's types: the store (a record written by an older version, or by hand)
// and backups. Everything after this point can trust UserDecision's type.

import { PERSON_ID_KEYS, WORK_ID_KEYS } from '../capture';
import type { UserDecision } from './types';

export const DECISION_KINDS = ['link-people', 'unlink-people', 'join-works', 'split-works', 'confirm-work', 'remove-work'] as const satisfies readonly UserDecision['kind'][];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKind = (v: unknown): v is UserDecision['kind'] => (DECISION_KINDS as readonly unknown[]).includes(v);
/** Decisions are ordered by `at`, so it must be a date-time the app could have written. */
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isRef = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((r) => typeof r === 'string' && r.length > 0);

/** Whether a decision is about one person's attribution of one work (`person` and `work` refs). */
export const isAttributionDecision = (kind: UserDecision['kind']): kind is 'confirm-work' | 'remove-work' => kind === 'confirm-work' || kind === 'remove-work';

// The references a decision may hold (types.ts, WorkRef and PersonRef): an
// author page or a person id; a record or a work id. Only known id kinds: a
// reference is user data, checked here once, where it comes in.
const PERSON_REF = new RegExp(`^(?:page|${PERSON_ID_KEYS.join('|')}):.`, 's');
const WORK_REF = new RegExp(`^(?:rec:.+#\\d+$|(?:${WORK_ID_KEYS.join('|')}):.)`, 's');
const refsAre = (re: RegExp, pair: [string, string]) => pair.every((r) => re.test(r));

/** Whether a decision is about people (its refs are in `people`) rather than works (`works`). */
export const isPeopleDecision = (kind: UserDecision['kind']): kind is 'link-people' | 'unlink-people' => kind === 'link-people' || kind === 'unlink-people';

/**
 * The decision a value holds — `{ kind, at, people | works: [ref, ref] }` or
 * `{ kind, at, person, work }` —
 * rebuilt from just those fields (a stored record's `id` and anything else
 * are dropped), or undefined when it is not one.
 */
export function toUserDecision(v: unknown): UserDecision | undefined {
  if (!isObj(v) || !isKind(v.kind) || !isDate(v.at)) return undefined;
  const { kind, at } = v;
  if (isAttributionDecision(kind))
    return isRef(v.person) && isRef(v.work) && PERSON_REF.test(v.person) && WORK_REF.test(v.work) ? { kind, person: v.person, work: v.work, at } : undefined;
  if (isPeopleDecision(kind)) return isPair(v.people) && refsAre(PERSON_REF, v.people) ? { kind, people: [v.people[0], v.people[1]], at } : undefined;
  return isPair(v.works) && refsAre(WORK_REF, v.works) ? { kind, works: [v.works[0], v.works[1]], at } : undefined;
}

export function isUserDecision(v: unknown): v is UserDecision {
  return toUserDecision(v) !== undefined;
}
