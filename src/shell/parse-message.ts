// The one place where a message from another context (a tab, the popup) turns
// from `unknown` into a typed Message. Everything a page could have tampered
// with is checked here, field by field, so the handlers behind it work on
// typed values only. Fields are read as own properties: a payload that
// carries `__proto__`, `constructor` or `toString` cannot make a lookup land
// on Object.prototype.

import { toUserDecision } from '../core/merge/decision-check';
import { validateCapture } from '../core/validate';
import { parseProgress } from './collect-progress';
import type { UserDecision } from '../core/merge/types';
import type { BackgroundMessage, Message, MessageOf, MessageType, TabMessage } from './messages';
import { BACKGROUND_MESSAGE_TYPES, TAB_MESSAGE_TYPES } from './messages';

/** A join of works with this many records and ids in all is one message; more is not one user action. */
const MAX_DECISIONS = 5000;

/** Captures over this size are refused before validation (many tabs, one hostile page). */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

export type Parsed<T extends MessageType> =
  | { ok: true; message: MessageOf<T> }
  /** `type` is set when the message named an accepted type but its payload was wrong. */
  | { ok: false; error: string; type?: T };

/** An own property of an object, or undefined; never one inherited from a prototype. */
function field(o: object, key: string): unknown {
  const value: unknown = Object.getOwnPropertyDescriptor(o, key)?.value;
  return value;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

type PayloadParser<T extends MessageType> = (m: object) => MessageOf<T> | { error: string };

function approximateSize(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

const PAYLOADS: { [T in MessageType]: PayloadParser<T> } = {
  capture(m) {
    const raw = field(m, 'capture');
    const size = approximateSize(raw);
    if (size > MAX_MESSAGE_BYTES) return { error: `the capture is too large (${Math.round(size / 1024)} kB; the limit is 5 MB)` };
    const check = validateCapture(raw);
    return check.ok ? { type: 'capture', capture: check.capture } : { error: `the capture is malformed: ${check.errors[0]}` };
  },
  'nothing-found'(m) {
    const reason = field(m, 'reason');
    const site = field(m, 'site');
    // No address is read from the message: the background uses the tab's, as the browser reports it.
    return {
      type: 'nothing-found',
      ...(typeof site === 'string' && /^[a-z0-9-]{1,64}$/.test(site) ? { site } : {}),
      reason: (typeof reason === 'string' ? reason : 'nothing scholarly found').slice(0, 300),
    };
  },
  'enable-host'(m) {
    const origin = field(m, 'origin');
    // https only, like every page Scholar Lens reads; a host, no path, no credentials, no port.
    if (typeof origin !== 'string' || !/^https:\/\/[a-z0-9.-]+$/i.test(origin)) return { error: 'an origin like https://example.org expected' };
    return { type: 'enable-host', origin };
  },
  'fetch-data'(m) {
    const url = field(m, 'url');
    const as = field(m, 'as');
    if (typeof url !== 'string' || (as !== 'json' && as !== 'xml' && as !== 'text')) return { error: 'a fetch-data message needs url and as (json, xml or text)' };
    // Only content negotiation is forwarded: the sites need Accept, nothing else.
    const given = field(m, 'headers');
    const accept = isObject(given) ? field(given, 'Accept') : undefined;
    const headers: Record<string, string> = typeof accept === 'string' ? { Accept: accept } : {};
    return { type: 'fetch-data', url, as, headers };
  },
  'collect-progress'(m) {
    const progress = parseProgress(field(m, 'progress'));
    return progress ? { type: 'collect-progress', progress } : { error: 'a progress report from a tab expected' };
  },
  'tab-status'(m) {
    const tabId = field(m, 'tabId');
    return typeof tabId === 'number' ? { type: 'tab-status', tabId } : { error: 'tabId expected' };
  },
  decided(m) {
    const raw = field(m, 'decisions');
    if (!Array.isArray(raw) || raw.length > MAX_DECISIONS) return { error: `a list of at most ${MAX_DECISIONS} decisions expected` };
    const decisions = raw.map(toUserDecision);
    const bad = decisions.findIndex((d) => d === undefined);
    if (bad >= 0) return { error: `decision ${bad + 1} is malformed` };
    return { type: 'decided', decisions: decisions as UserDecision[] };
  },
  deleted(m) {
    const keys = field(m, 'keys');
    if (!Array.isArray(keys) || keys.length > MAX_DECISIONS || !keys.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 2048))
      return { error: `a list of at most ${MAX_DECISIONS} capture keys expected` };
    return { type: 'deleted', keys: keys as string[] };
  },
  prefetch(m) {
    const rows = field(m, 'rows');
    if (!Array.isArray(rows) || rows.length > MAX_DECISIONS || !rows.every((r) => typeof r === 'string' && r.length > 2 && r.length <= 2048 && /#\d+$/.test(r)))
      return { error: `a list of at most ${MAX_DECISIONS} records (capture key#index) expected` };
    return { type: 'prefetch', rows: rows as string[] };
  },
  'refresh-views': (m) => ({ type: 'refresh-views', changed: field(m, 'changed') === true, stale: field(m, 'stale') === true }),
  'collect-all-start': () => ({ type: 'collect-all-start' }),
  'collect-all-cancel': () => ({ type: 'collect-all-cancel' }),
};

function describeType(t: unknown): string {
  return typeof t === 'string' ? JSON.stringify(t.slice(0, 60)) : typeof t;
}

/** Parse a message, accepting only the given types (what this receiver answers). */
export function parseMessage<T extends MessageType>(raw: unknown, accept: readonly T[]): Parsed<T> {
  if (!isObject(raw) || Array.isArray(raw)) return { ok: false, error: 'not a message' };
  const type = field(raw, 'type');
  const known = accept.find((t) => t === type);
  if (known === undefined) return { ok: false, error: `unknown message type ${describeType(type)}` };
  const parse: PayloadParser<T> = PAYLOADS[known];
  const parsed = parse(raw);
  return 'error' in parsed ? { ok: false, error: parsed.error, type: known } : { ok: true, message: parsed };
}

/** What the background accepts. */
export const parseBackgroundMessage = (raw: unknown): Parsed<BackgroundMessage['type']> => parseMessage(raw, BACKGROUND_MESSAGE_TYPES);

/** What a tab's content script accepts from the popup. */
export const parseTabMessage = (raw: unknown): Parsed<TabMessage['type']> => parseMessage(raw, TAB_MESSAGE_TYPES);

// Every message type is accepted by one receiver or the other: a type added to
// the union but to neither list fails to compile here.
type Unreceived = Exclude<Message['type'], (typeof BACKGROUND_MESSAGE_TYPES)[number] | (typeof TAB_MESSAGE_TYPES)[number]>;
const everyTypeReceived: [Unreceived] extends [never] ? true : false = true;
void everyTypeReceived;
