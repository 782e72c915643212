// The generic readers' ids and names, apart from the readers themselves so the
// extension pages can print a source's name without loading a reader.
export const EMBEDDED_METADATA_ID = 'embedded-metadata';
export const GENERIC_LIST_ID = 'generic-list';

export const READER_NAMES: Readonly<Record<string, string>> = {
  [EMBEDDED_METADATA_ID]: 'Article page (embedded metadata)',
  [GENERIC_LIST_ID]: 'Generic list reader',
};
