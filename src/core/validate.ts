// Runtime validation of captures wherever they cross a boundary: a message into
// the background, a file into the command line, a backup being imported.
// Hand-written rather than a schema library: the rules are few, the messages
// must be precise, and the content script bundle must stay small.

import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  PAGE_KINDS,
  PERSON_ID_KEYS,
  WORK_ID_KEYS,
  WORK_TYPES,
  type Capture,
} from './capture';

export type ValidationResult = { ok: true; capture: Capture } | { ok: false; errors: string[] };

const MAX_STRING = 100_000;
const MAX_WORKS = 50_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  errors: string[] = [];
  fail(path: string, msg: string) {
    if (this.errors.length < 20) this.errors.push(`${path}: ${msg}`);
  }
  str(o: Obj, key: string, path: string, required = false): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(`${path}.${key}`, 'missing');
      return;
    }
    if (typeof v !== 'string') return this.fail(`${path}.${key}`, `expected a string, got ${typeof v}`);
    if (v.length === 0) return this.fail(`${path}.${key}`, 'empty string (leave the field out instead)');
    if (v.length > MAX_STRING) this.fail(`${path}.${key}`, 'string too long');
  }
  num(o: Obj, key: string, path: string, integer = true): void {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(`${path}.${key}`, 'expected a finite number');
    if (integer && !Number.isInteger(v)) this.fail(`${path}.${key}`, 'expected an integer');
    if (v < 0) this.fail(`${path}.${key}`, 'expected a non-negative number');
  }
  bool(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v !== undefined && typeof v !== 'boolean') this.fail(`${path}.${key}`, 'expected a boolean');
  }
  strArray(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v === undefined) return;
    if (!Array.isArray(v)) return this.fail(`${path}.${key}`, 'expected an array of strings');
    v.forEach((s, i) => {
      if (typeof s !== 'string' || s.length === 0 || s.length > MAX_STRING)
        this.fail(`${path}.${key}[${i}]`, 'expected a non-empty string');
    });
  }
  ids(o: Obj, key: string, path: string, allowed: readonly string[]): void {
    const v = o[key];
    if (v === undefined) return;
    if (!isObj(v)) return this.fail(`${path}.${key}`, 'expected an object');
    for (const [k, id] of Object.entries(v)) {
      if (!allowed.includes(k)) this.fail(`${path}.${key}.${k}`, 'unknown identifier kind');
      else if (typeof id !== 'string' || id.length === 0 || id.length > 1000)
        this.fail(`${path}.${key}.${k}`, 'expected a non-empty string');
    }
    if (typeof v.doi === 'string' && (v.doi !== v.doi.toLowerCase() || /^https?:/i.test(v.doi)))
      this.fail(`${path}.${key}.doi`, 'DOI must be lower-case, without a resolver prefix');
    if (typeof v.arxiv === 'string' && (/^arxiv:/i.test(v.arxiv) || /v\d+$/.test(v.arxiv)))
      this.fail(`${path}.${key}.arxiv`, 'arXiv id must have no "arXiv:" prefix and no version');
    if (typeof v.orcid === 'string' && !/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(v.orcid))
      this.fail(`${path}.${key}.orcid`, 'ORCID must look like 0000-0000-0000-0000');
  }
}

/** The messages for one work (validateCapture, for a work workOk refused). */
function checkWork(c: Checker, w: unknown, i: number): void {
  const path = `works[${i}]`;
  if (!isObj(w)) return c.fail(path, 'expected an object');
  c.str(w, 'title', path);
  c.strArray(w, 'authors', path);
  c.bool(w, 'authorsTruncated', path);
  c.num(w, 'year', path);
  c.str(w, 'date', path);
  c.str(w, 'venue', path);
  c.str(w, 'publisher', path);
  c.str(w, 'abstract', path);
  c.num(w, 'citations', path);
  c.ids(w, 'ids', path, WORK_ID_KEYS);
  c.str(w, 'url', path);
  c.str(w, 'ref', path);
  c.strArray(w, 'flags', path);
  if (w.type !== undefined && !WORK_TYPES.includes(w.type as never))
    c.fail(`${path}.type`, `expected one of ${WORK_TYPES.join(', ')}`);
  if (w.title === undefined && w.abstract === undefined)
    c.fail(path, 'a work needs a title or an abstract');
}

/** What the checks with messages say of one work, alone (tests hold workOk to them). */
export function workErrors(w: unknown): string[] {
  const c = new Checker();
  checkWork(c, w, 0);
  return c.errors;
}

// What checkWork accepts, as predicates that say only yes or no (the same rules as Checker's methods).
const okStr = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length > 0 && v.length <= MAX_STRING);
const okInt = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
function okStrArray(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || s.length === 0 || s.length > MAX_STRING) return false;
  }
  return true;
}
const WORK_ID_KINDS: ReadonlySet<string> = new Set(WORK_ID_KEYS);
function okWorkIds(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObj(v)) return false;
  for (const k of Object.keys(v)) {
    const id = v[k];
    if (!WORK_ID_KINDS.has(k) || typeof id !== 'string' || id.length === 0 || id.length > 1000) return false;
  }
  if (typeof v.doi === 'string' && (v.doi !== v.doi.toLowerCase() || /^https?:/i.test(v.doi))) return false;
  if (typeof v.arxiv === 'string' && (/^arxiv:/i.test(v.arxiv) || /v\d+$/.test(v.arxiv))) return false;
  if (typeof v.orcid === 'string' && !/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(v.orcid)) return false;
  return true;
}

/** Whether checkWork would find nothing wrong with this work; tests/unit/validate-fast.test.ts holds it to workErrors. */
export function workOk(w: unknown): boolean {
  if (!isObj(w)) return false;
  return (
    okStr(w.title) &&
    okStrArray(w.authors) &&
    (w.authorsTruncated === undefined || typeof w.authorsTruncated === 'boolean') &&
    okInt(w.year) &&
    okStr(w.date) &&
    okStr(w.venue) &&
    okStr(w.publisher) &&
    okStr(w.abstract) &&
    okInt(w.citations) &&
    okWorkIds(w.ids) &&
    okStr(w.url) &&
    okStr(w.ref) &&
    okStrArray(w.flags) &&
    (w.type === undefined || WORK_TYPES.includes(w.type as never)) &&
    !(w.title === undefined && w.abstract === undefined)
  );
}

export function validateCapture(input: unknown): ValidationResult {
  const c = new Checker();
  if (!isObj(input)) return { ok: false, errors: ['capture: expected an object'] };
  if (input.format !== CAPTURE_FORMAT) c.fail('capture.format', `expected "${CAPTURE_FORMAT}"`);
  if (input.version !== CAPTURE_VERSION) c.fail('capture.version', `expected ${CAPTURE_VERSION}`);
  c.str(input, 'source', 'capture', true);
  c.str(input, 'url', 'capture', true);
  c.str(input, 'capturedAt', 'capture', true);
  // Imported bibliography files have no web address; they carry urn:scholar-lens:import:<file name>.
  if (typeof input.url === 'string' && !/^(?:https?:\/\/|urn:scholar-lens:import:.)/.test(input.url))
    c.fail('capture.url', 'expected an http(s) URL (or urn:scholar-lens:import:<file> for an imported file)');
  if (typeof input.capturedAt === 'string' && Number.isNaN(Date.parse(input.capturedAt)))
    c.fail('capture.capturedAt', 'expected an ISO date-time');
  const kind = input.pageKind;
  if (!PAGE_KINDS.includes(kind as never)) c.fail('capture.pageKind', `expected one of ${PAGE_KINDS.join(', ')}`);
  c.strArray(input, 'notes', 'capture');

  if (input.person !== undefined) {
    const p = input.person;
    if (!isObj(p)) c.fail('capture.person', 'expected an object');
    else {
      c.str(p, 'name', 'person', true);
      c.str(p, 'affiliation', 'person');
      c.str(p, 'homepage', 'person');
      c.strArray(p, 'interests', 'person');
      c.ids(p, 'ids', 'person', PERSON_ID_KEYS);
      if (p.metrics !== undefined) {
        if (!isObj(p.metrics)) c.fail('person.metrics', 'expected an object');
        else for (const k of Object.keys(p.metrics)) c.num(p.metrics, k, 'person.metrics');
      }
      if (p.citationsByYear !== undefined) {
        if (!isObj(p.citationsByYear)) c.fail('person.citationsByYear', 'expected an object');
        else
          for (const [y] of Object.entries(p.citationsByYear)) {
            if (!/^\d{4}$/.test(y)) c.fail(`person.citationsByYear.${y}`, 'key must be a year');
            c.num(p.citationsByYear, y, 'person.citationsByYear');
          }
      }
    }
  }

  if (input.works !== undefined) {
    const ws = input.works;
    if (!Array.isArray(ws)) c.fail('capture.works', 'expected an array');
    else {
      if (ws.length > MAX_WORKS) c.fail('capture.works', `more than ${MAX_WORKS} works`);
      // Each work checked first by workOk, which builds no message (no path string, no closure): a
      // capture's hundreds of works are most of the time validation takes when a page is stored (issue 16,
      // store throughput). Only a work it refuses goes through the checks that say what is wrong.
      for (let i = 0; i < ws.length; i++) if (!workOk(ws[i])) checkWork(c, ws[i], i);
    }
  }

  if (kind === 'paper' && (!Array.isArray(input.works) || input.works.length !== 1))
    c.fail('capture.works', 'a paper page has exactly one work');
  if ((kind === 'blocked' || kind === 'unrecognized') && (input.person !== undefined || (Array.isArray(input.works) && input.works.length > 0)))
    c.fail('capture', `a ${String(kind)} capture carries no person and no works`);
  if ((kind === 'blocked' || kind === 'unrecognized') && !(Array.isArray(input.notes) && input.notes.length > 0))
    c.fail('capture.notes', `a ${String(kind)} capture says what was seen in notes`);
  if (kind === 'author' && input.person === undefined) c.fail('capture.person', 'an author page names its person');

  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, capture: input as unknown as Capture };
}
