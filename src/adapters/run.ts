// Runs an adapter and wraps its extraction in the capture envelope. This is
// the one place where the "never garbage" rule is enforced for every site:
// an adapter that throws, or returns something the validator rejects, yields
// an `unrecognized` capture whose notes say why.

import { CAPTURE_FORMAT, CAPTURE_VERSION, type Capture, type Extraction } from '../core/capture';
import { validateCapture } from '../core/validate';
import type { Payloads, SiteAdapter } from './contract';
import { withoutHash } from '../core/url';

export interface RunOptions {
  /** Capture time; defaults to now. Tests pass a fixed date. */
  now?: Date;
  payloads?: Payloads;
}

export function capturePage(adapter: SiteAdapter, doc: Document, url: URL, opts: RunOptions = {}): Capture {
  return envelope(adapter, url, safeExtract(adapter, doc, url, opts.payloads), opts.now);
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

export function envelope(adapter: Pick<SiteAdapter, 'id' | 'name'>, url: URL, extraction: Extraction, now = new Date()): Capture {
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

/** The key under which a page's capture is stored: re-capturing the same page updates it. */
export function pageKeyOf(adapter: SiteAdapter, url: URL): string {
  return `${adapter.id}:${adapter.pageKey?.(url) ?? withoutHash(url)}`;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
