// "Read this page": the generic list reader runs in the tab on request and
// hands a preview to the popup; nothing is stored until the user confirms,
// and the user decides whether the list is someone's (an `author` capture
// with that name) or not (a `list` capture). The capture goes through the
// same envelope and validation as every site's (source `generic-list`).

import type { StatedMetrics, Work } from '../core/capture';
import { FIELD_NAMES, fieldsFound, readList, type FieldName, type ReadOptions } from '../readers/list-reader/index';
import { parseCitation } from '../readers/citation-parser/index';
import { withoutHash } from '../core/url';
import { readEmbeddedMetadata } from '../readers/embedded-metadata';

/** What the injected script hands back to the popup (executeScript's result). */
export interface ListPreview {
  url: string;
  works: Work[];
  /** Fields found on at least one work, and on how many. */
  fields: Partial<Record<FieldName, number>>;
  found: FieldName[];
  confidence: number;
  ownerGuess?: string;
  /** Figures the page states beside the owner's name; stored in the person only when the user confirms the owner. */
  ownerMetrics?: StatedMetrics;
  notes: string[];
  /** Why each work was accepted, by index of `works` (machine-readable tokens; shown in the preview). */
  reasons?: string[][];
  /** The page is one article, read by the embedded-metadata reader (no list on it): saved as a paper page. */
  paper?: true;
}

/**
 * How the tab reads a list: the reader's own heuristic for citation sentences, and the learned
 * citation parser for those it cannot split (taken only when clearly a citation). The accuracy tests
 * read with the same options.
 */
export const LIST_OPTIONS: ReadOptions = { fallbackCitation: parseCitation };

/** Runs in the tab (injected script): read the page, return the preview to the popup. */
export function previewPage(doc: Document, url: URL, now = new Date()): ListPreview {
  const r = readList(doc, url, now, LIST_OPTIONS);
  // No list, but the page may be one article with citation tags: the other generic reader's case.
  if (!r.works.length) {
    const work = safely(() => readEmbeddedMetadata(doc, url));
    if (work?.title)
      return { url: withoutHash(url), works: [work], fields: fieldsOf(work), found: Object.keys(fieldsOf(work)) as FieldName[], confidence: 1, notes: ['read from the page\'s citation metadata'], paper: true };
  }
  return { url: withoutHash(url), works: r.works, fields: r.fields, found: fieldsFound(r), confidence: r.confidence, ownerGuess: r.ownerGuess, ...(r.ownerMetrics ? { ownerMetrics: r.ownerMetrics } : {}), notes: r.notes, reasons: r.reasons };
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function fieldsOf(w: Work): Partial<Record<FieldName, number>> {
  const out: Partial<Record<FieldName, number>> = {};
  for (const f of FIELD_NAMES) {
    const v = w[f];
    if (v !== undefined && (!Array.isArray(v) || v.length) && (typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length)) out[f] = 1;
  }
  return out;
}
