// "Read this page": the generic list reader runs in the tab on request and
// hands a preview to the popup; nothing is stored until the user confirms,
// and the user decides whether the list is someone's (an `author` capture
// with that name) or not (a `list` capture). The capture goes through the
// same envelope and validation as every site's (source `generic-list`).

import type { StatedMetrics, Work } from '../core/capture';
import { fieldsFound, readList, type FieldName } from '../readers/list-reader/index';
import { withoutHash } from '../core/url';

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
}

/** Runs in the tab (injected script): read the page, return the preview to the popup. */
export function previewPage(doc: Document, url: URL, now = new Date()): ListPreview {
  const r = readList(doc, url, now);
  return { url: withoutHash(url), works: r.works, fields: r.fields, found: fieldsFound(r), confidence: r.confidence, ownerGuess: r.ownerGuess, ...(r.ownerMetrics ? { ownerMetrics: r.ownerMetrics } : {}), notes: r.notes, reasons: r.reasons };
}
