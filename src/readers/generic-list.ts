// The generic publication-list reader as an adapter, so that its captures
// ("Read this page" in the popup) go through the same envelope, validation
// and store key as every site's: source `generic-list`, key
// `generic-list:<url without hash>`. It has no URL rules and never detects a
// page by itself: it runs only when the user asks, and the user decides
// whether the list is someone's (author) or not (list).

import type { Extraction } from '../core/capture';
import type { SiteAdapter } from '../adapters/contract';
import { readList } from './list-reader/index';
import { GENERIC_LIST_ID, READER_NAMES } from './names';

export { GENERIC_LIST_ID };

export const genericList: SiteAdapter = {
  id: GENERIC_LIST_ID,
  name: READER_NAMES[GENERIC_LIST_ID]!,
  precedence: 20,
  nonMatching: [],
  matches: [],
  rules: [],
  detect() {
    return undefined;
  },
  extract(doc, url): Extraction {
    const r = readList(doc, url);
    if (!r.works.length) return { pageKind: 'unrecognized', notes: r.notes.length ? r.notes : ['no list of works found'] };
    return { pageKind: 'list', works: r.works, notes: [`read by the generic list reader (confidence ${r.confidence})`] };
  },
};
