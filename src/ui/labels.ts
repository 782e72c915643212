// Words the UI uses for formats and statuses, in one place.
import type { PageKind } from '../core/capture';
import type { TabStatus } from '../shell/messages';

export const PAGE_KIND_LABEL: Record<PageKind, string> = {
  author: 'author page',
  paper: 'paper page',
  list: 'list of works',
  blocked: 'page blocked',
  unrecognized: 'page not understood',
};

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** "Google Scholar author page — 58 works saved" and its kin. */
export function statusLine(s: TabStatus): string {
  const what = `${s.siteName} ${PAGE_KIND_LABEL[s.pageKind]}`;
  switch (s.outcome) {
    case 'added':
      return `${what} — ${plural(s.works, 'work')} saved`;
    case 'updated':
      return `${what} — ${plural(s.works, 'work')} updated`;
    case 'rejected':
      return `Not saved: ${s.reason ?? 'the page could not be read'}`;
    case 'error':
      return `${what} — not saved: ${s.reason ?? 'the store refused the write'}`;
    case 'not-stored':
      return s.pageKind === 'blocked'
        ? `${s.siteName}: blocked — ${s.notes[0] ?? 'the site asked for a check'}`
        : notUnderstoodLine(s);
  }
}

/** "ACL Anthology's reader did not understand this author page: …" names its site already; other notes get the site in front. */
function notUnderstoodLine(s: TabStatus): string {
  const note = s.notes[0];
  if (!note) return `${s.siteName}: this page was not understood`;
  return note.startsWith(`${s.siteName}'s reader `) ? note : `${s.siteName}: ${note}`;
}

/** The tab's page is on a supported site whose own reader could not read it (not blocked, not a page it does not claim). */
export function siteReaderFailed(s: TabStatus): boolean {
  return s.pageKind === 'unrecognized' && s.outcome === 'not-stored' && s.source !== 'none' && !GENERIC_SOURCES.has(s.source);
}

const GENERIC_SOURCES = new Set(['generic-list', 'embedded-metadata']);
