// "Read this page": the generic list reader runs in the tab on request and
// hands a preview to the popup; nothing is stored until the user confirms,
// and the user decides whether the list is someone's (an `author` capture
// with that name) or not (a `list` capture). The capture goes through the
// same envelope and validation as every site's (source `generic-list`).

import { fieldsFound, readList } from '../sites/list-reader/index';
import type { ListPreview } from './list-capture';

export { listCapture, type ListPreview, type OwnerChoice } from './list-capture';

/** Runs in the tab (injected script): read the page, return the preview to the popup. */
export function previewPage(doc: Document, url: URL, now = new Date()): ListPreview {
  const r = readList(doc, url, now);
  const u = new URL(url.href);
  u.hash = '';
  return { url: u.href, works: r.works, fields: r.fields, found: fieldsFound(r), confidence: r.confidence, ownerGuess: r.ownerGuess, notes: r.notes };
}
