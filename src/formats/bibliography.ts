// What identifies an imported bibliography, without the BibTeX parser: the
// popup needs these names, and must not load citation-js to get them.

export const BIBLIOGRAPHY_SOURCE = 'bibliography';

/** The URL an imported file's capture carries (the validator accepts this scheme). */
export function importUrl(fileName: string): string {
  return `urn:scholar-lens:import:${encodeURIComponent(fileName.split(/[\\/]/).pop() || 'bibliography')}`;
}
