// "Read this page": the generic list reader runs in the tab on request and
// hands a preview to the popup; nothing is stored until the user confirms,
// and the user decides whether the list is someone's (an `author` capture
// with that name) or not (a `list` capture). The capture goes through the
// same envelope and validation as every site's (source `generic-list`).

import { fieldsFound, readList } from '../readers/list-reader/index';
import type { ListPreview } from './list-capture';
import { withoutHash } from '../core/url';

export { listCapture, type ListPreview, type OwnerChoice } from './list-capture';

/** Runs in the tab (injected script): read the page, return the preview to the popup. */
export function previewPage(doc: Document, url: URL, now = new Date()): ListPreview {
  const r = readList(doc, url, now);
  return { url: withoutHash(url), works: r.works, fields: r.fields, found: fieldsFound(r), confidence: r.confidence, ownerGuess: r.ownerGuess, notes: r.notes };
}
