// Runs an adapter and wraps its extraction in the capture envelope. This is
// the one place where the "never garbage" rule is enforced for every site:
// an adapter that throws, or returns something the validator rejects, yields
// an `unrecognized` capture whose notes say why. So does an author page or a
// list with no works: a site that changed its layout looks exactly like that
// to a reader written for the old one, and "0 works saved" would pass a
// failure off as success (and an empty author page would still make a person).

import { CAPTURE_FORMAT, CAPTURE_VERSION, type Capture, type Extraction } from '../core/capture';
import { validateCapture } from '../core/validate';
import { isBlockPage, ruleFor, type Payloads, type SiteAdapter } from './contract';
import { withoutHash } from '../core/url';

export interface RunOptions {
  /** Capture time; defaults to now. Tests pass a fixed date. */
  now?: Date;
  payloads?: Payloads;
}

export function capturePage(adapter: SiteAdapter, doc: Document, url: URL, opts: RunOptions = {}): Capture {
  return envelope(adapter, url, atBlockPage(adapter, url, safeExtract(adapter, doc, url, opts.payloads)), opts.now);
}

/**
 * The capture of a page on an address the adapter claims whose `detect` did
 * not know the page: a layout it does not understand. Extracted all the same
 * for its notes (what was missing), never passed off as a record.
 */
export function captureUnknownLayout(adapter: SiteAdapter, doc: Document, url: URL, opts: RunOptions = {}): Capture {
  const read = atBlockPage(adapter, url, safeExtract(adapter, doc, url, opts.payloads));
  if (read.pageKind === 'blocked') return envelope(adapter, url, read, opts.now);
  const detail = read.pageKind === 'unrecognized' ? (read.notes ?? []) : [];
  return envelope(adapter, url, { pageKind: 'unrecognized', notes: [notUnderstood(adapter, url, 'its layout is not one the reader knows'), ...detail] }, opts.now);
}

/** "ACL Anthology's reader did not understand this author page: …", the note that starts every such capture. */
export function notUnderstood(adapter: Pick<SiteAdapter, 'name'> & Partial<Pick<SiteAdapter, 'rules'>>, url: URL, why: string, kind?: string): string {
  const k = kind ?? (adapter.rules ? ruleFor(adapter as SiteAdapter, url)?.kind : undefined);
  const what = k === 'author' ? 'author page' : k === 'list' ? 'list page' : k === 'paper' ? 'paper page' : 'page';
  return `${adapter.name}'s reader did not understand this ${what}: ${why}`;
}

/** At the site's block address, anything but `blocked` is a misreading: the site refused the request. */
function atBlockPage(adapter: SiteAdapter, url: URL, extraction: Extraction): Extraction {
  if (extraction.pageKind === 'blocked' || !isBlockPage(adapter, url)) return extraction;
  return {
    pageKind: 'blocked',
    notes: [`${adapter.name} sent the request to its block page (${url.hostname}${url.pathname}) instead of the page asked for`],
  };
}

/** An adapter's extraction that never throws: a failure is an `unrecognized` page that says why. */
export function safeExtract(adapter: SiteAdapter, doc: Document, url: URL, payloads?: Payloads): Extraction {
  try {
    return adapter.extract(doc, url, payloads);
  } catch (err) {
    return { pageKind: 'unrecognized', notes: [`${adapter.name}: the page could not be read (${describe(err)})`] };
  }
}

/** Same as capturePage for a saved data response (JSON or XML) instead of a page. */
export function captureData(
  adapter: SiteAdapter,
  text: string,
  url: URL,
  contentType: 'json' | 'xml',
  opts: RunOptions = {},
): Capture {
  let extraction: Extraction;
  try {
    extraction = adapter.extractData
      ? adapter.extractData(text, url, contentType)
      : { pageKind: 'unrecognized', notes: [`${adapter.name} does not read ${contentType} data`] };
  } catch (err) {
    extraction = { pageKind: 'unrecognized', notes: [`${adapter.name}: the data could not be read (${describe(err)})`] };
  }
  return envelope(adapter, url, extraction, opts.now);
}

export function envelope(adapter: Pick<SiteAdapter, 'id' | 'name'>, url: URL, read: Extraction, now = new Date()): Capture {
  const extraction = withWorksOrSaySo(adapter, url, read);
  const capture: Capture = {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    source: adapter.id,
    pageKind: extraction.pageKind,
    url: withoutHash(url),
    capturedAt: now.toISOString(),
  };
  if (extraction.person) capture.person = extraction.person;
  if (extraction.works && (extraction.works.length || extraction.pageKind === 'list' || extraction.pageKind === 'author'))
    capture.works = extraction.works;
  if (extraction.notes?.length) capture.notes = extraction.notes;
  const check = validateCapture(capture);
  if (check.ok) return capture;
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    source: adapter.id,
    pageKind: 'unrecognized',
    url: capture.url,
    capturedAt: capture.capturedAt,
    notes: [`${adapter.name}: the page was read but the result is not a valid capture`, ...check.errors.slice(0, 5)],
  };
}

/**
 * An author page or a list is its works: with none, the reader did not find
 * what the page is for. It becomes `unrecognized` (no person, nothing stored)
 * with a note saying so, and the adapter's own notes after it.
 */
function withWorksOrSaySo(adapter: Pick<SiteAdapter, 'name'>, url: URL, e: Extraction): Extraction {
  if ((e.pageKind !== 'author' && e.pageKind !== 'list') || (e.works?.length ?? 0) > 0) return e;
  const why = e.pageKind === 'author' ? 'no works found on it' : 'no works found in it';
  return {
    pageKind: 'unrecognized',
    notes: [notUnderstood(adapter, url, `${why} (the page may list none, or its layout is one the reader does not know)`, e.pageKind), ...(e.notes ?? [])],
  };
}

/** The key under which a page's capture is stored: re-capturing the same page updates it. */
export function pageKeyOf(adapter: SiteAdapter, url: URL): string {
  return `${adapter.id}:${adapter.pageKey?.(url) ?? withoutHash(url)}`;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
