// The popup's half of "Read this page": the capture built from the tab's
// preview once the user confirms. Kept apart from the reader
// (shell/read-list.ts) so the popup does not load the list reader's code.

import type { Capture, Extraction } from '../../core/capture';
import { envelope } from '../../adapters/run';
import { SITE_NAMES } from '../../adapters/names';
import { cleanText } from '../../core/text';
import type { ListPreview } from '../../shell/read-list';

const GENERIC_LIST = { id: 'generic-list', name: SITE_NAMES['generic-list']! };
const EMBEDDED_METADATA = { id: 'embedded-metadata', name: SITE_NAMES['embedded-metadata']! };

export interface OwnerChoice {
  /** The user ticked "This is <name>'s list of works". */
  confirmed: boolean;
  /** The owner's name as the user left it in the text field. */
  name?: string;
}

/** The capture to store once the user confirms: `author` only with a confirmed, non-empty name. */
export function listCapture(preview: ListPreview, choice: OwnerChoice, now = new Date()): Capture {
  // One article read from its citation tags: a paper page of the embedded-metadata reader, nobody's list.
  if (preview.paper)
    return envelope(EMBEDDED_METADATA, new URL(preview.url), { pageKind: 'paper', works: preview.works, notes: ['read from the page\'s citation metadata; confirmed by the user'] }, now);
  const name = cleanText(choice.name);
  const notes = [`read by the generic list reader (confidence ${preview.confidence}); confirmed by the user`];
  const extraction: Extraction =
    choice.confirmed && name
      ? // The page's stated figures (h-index, citations, papers) go with the owner the user confirmed.
        { pageKind: 'author', person: { name, ...(preview.ownerMetrics ? { metrics: preview.ownerMetrics } : {}) }, works: preview.works, notes }
      : { pageKind: 'list', works: preview.works, notes };
  return envelope(GENERIC_LIST, new URL(preview.url), extraction, now);
}
