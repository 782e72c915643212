// "Read this page": the generic list reader runs in the tab on request and
// hands a preview to the popup; nothing is stored until the user confirms,
// and the user decides whether the list is someone's (an `author` capture
// with that name) or not (a `list` capture). The capture goes through the
// same envelope and validation as every site's (source `generic-list`).

import type { Capture, Extraction, Work } from '../core/capture';
import { genericList } from '../sites/generic-list';
import { fieldsFound, readList, type FieldName } from '../sites/list-reader/index';
import { envelope } from '../sites/run';
import { cleanText } from '../sites/text';

export interface ListPreview {
  url: string;
  works: Work[];
  /** Fields found on at least one work, and on how many. */
  fields: Partial<Record<FieldName, number>>;
  found: FieldName[];
  confidence: number;
  ownerGuess?: string;
  notes: string[];
}

/** Runs in the tab (injected script): read the page, return the preview to the popup. */
export function previewPage(doc: Document, url: URL, now = new Date()): ListPreview {
  const r = readList(doc, url, now);
  const u = new URL(url.href);
  u.hash = '';
  return { url: u.href, works: r.works, fields: r.fields, found: fieldsFound(r), confidence: r.confidence, ownerGuess: r.ownerGuess, notes: r.notes };
}

export interface OwnerChoice {
  /** The user ticked "This is <name>'s list of works". */
  confirmed: boolean;
  /** The owner's name as the user left it in the text field. */
  name?: string;
}

/** The capture to store once the user confirms: `author` only with a confirmed, non-empty name. */
export function listCapture(preview: ListPreview, choice: OwnerChoice, now = new Date()): Capture {
  const name = cleanText(choice.name);
  const notes = [`read by the generic list reader (confidence ${preview.confidence}); confirmed by the user`];
  const extraction: Extraction =
    choice.confirmed && name
      ? { pageKind: 'author', person: { name }, works: preview.works, notes }
      : { pageKind: 'list', works: preview.works, notes };
  return envelope(genericList, new URL(preview.url), extraction, now);
}
