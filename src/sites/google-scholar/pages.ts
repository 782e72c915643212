// "Collect all" for Google Scholar profiles. A profile shows 20 rows; its
// "Show more" button (#gsc_bpf_more) asks for `cstart=20&pagesize=80`, then
// `cstart=100&pagesize=100`, … (the page's own script rounds the first
// request up to 100 rows and then goes 100 at a time). A GET of the profile
// URL with those parameters returns a full page holding just that slice, with
// the button disabled on the last slice. This module says which URL comes
// next and how the slices become one extraction; src/shell/collect-all.ts
// does the requests.

import type { Extraction, Work } from '../../core/capture';
import type { CollectAll } from '../../adapters/contract';
import { listContinues, moreNote, shortfallNote } from './profile';
import { withoutHash } from '../../core/url';

const PAGE = 100;

export const scholarCollectAll: CollectAll = {
  truncated: (e) => e.pageKind === 'author' && !!e.notes?.includes(moreNote(e.works?.length ?? 0)),
  next: nextPage,
  combine,
  firstPage,
};

function firstPage(url: URL): URL | undefined {
  if (!(Number(url.searchParams.get('cstart')) > 0)) return undefined;
  const start = new URL(withoutHash(url));
  start.searchParams.delete('cstart');
  start.searchParams.delete('pagesize');
  return start;
}

function nextPage(url: URL, doc: Document, extraction: Extraction): URL | undefined {
  if (extraction.pageKind !== 'author') return undefined;
  // The 2013 layout is no longer served; its paging links are not followed.
  if (!doc.querySelector('#gsc_a_b') || !listContinues(doc, false)) return undefined;
  // Rows actually on the page, not the requested size: the user may have
  // pressed "Show more" already, and a short slice must not be skipped past.
  const rows = doc.querySelectorAll('#gsc_a_b tr.gsc_a_tr').length;
  if (rows === 0) return undefined;
  const start = Math.max(0, Math.trunc(Number(url.searchParams.get('cstart'))) || 0);
  const loaded = start + rows;
  const next = new URL(withoutHash(url));
  next.searchParams.delete('cstart');
  next.searchParams.delete('pagesize');
  next.searchParams.set('cstart', String(loaded));
  next.searchParams.set('pagesize', String(PAGE - (loaded % PAGE)));
  return next;
}

function combine(first: Extraction, more: Extraction[], complete: boolean): Extraction {
  const firstCount = first.works?.length ?? 0;
  const seen = new Set<string>();
  const works: Work[] = [];
  // A row may move to the next slice if the profile changes between requests; keep its first sighting.
  for (const w of [first, ...more].flatMap((e) => e.works ?? [])) {
    const key = w.ids?.gscholar ?? `${w.title ?? ''}|${w.year ?? ''}|${w.venue ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    works.push(w);
  }
  const pages = 1 + more.length;
  const stale = new Set([moreNote(firstCount), shortfallNote(first.person, firstCount)]);
  const notes = (first.notes ?? []).filter((n) => !stale.has(n));
  if (complete) notes.push(`Collected from ${pages} pages of Google Scholar: all ${works.length} works of the profile`);
  else {
    notes.push(moreNote(works.length));
    notes.push(`Collect all read ${pages} pages of Google Scholar and stopped before the end of the list`);
  }
  const shortfall = shortfallNote(first.person, works.length);
  if (shortfall) notes.push(shortfall);
  return { ...first, works, notes };
}
