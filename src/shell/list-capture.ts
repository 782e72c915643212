// The popup's half of "Read this page": the preview the tab sends, and the
// capture built from it once the user confirms. Kept apart from the reader
// (read-list.ts) so the popup does not load the list reader's code.

import type { Capture, Extraction, Work } from '../core/capture';
import type { FieldName } from '../readers/list-reader/index';
import { envelope } from '../adapters/run';
import { SITE_NAMES } from '../adapters/names';
import { cleanText } from '../core/text';

const GENERIC_LIST = { id: 'generic-list', name: SITE_NAMES['generic-list']! };

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
  return envelope(GENERIC_LIST, new URL(preview.url), extraction, now);
}
