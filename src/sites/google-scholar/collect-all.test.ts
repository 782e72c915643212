// The Google Scholar pagination hook (./pages.ts) on
// real saved profiles and on slices cut from one (tests/helpers/scholar-slices.ts
// says exactly how). Expected values were checked by hand in the saved HTML:
// `grep -c 'class="gsc_a_tr"'` for row counts, the `<button id="gsc_bpf_more">`
// tag for "disabled", and the rows' `gsc_a_at` titles; the next-page
// parameters follow the page's own script (function Ne in the Ernst page:
// cstart = start + shown, pagesize = 100 - shown while under 100, then 100).

import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../core/capture';
import { googleScholar } from './index';
import { scholarCollectAll as hook } from './pages';
import { parseHtml } from '../../node/dom';
import { validateCapture } from '../../core/validate';
import { envelope } from '../../adapters/run';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';
import { ernstSlices, ERNST_FIXTURE } from '../../../tests/helpers/scholar-slices';

const ERNST_URL = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
const PAGE2_URL = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en&cstart=20&pagesize=80');

function read(doc: Document, url: URL): Extraction {
  return googleScholar.extract(doc, url);
}
const params = (u: URL | undefined) => (u ? Object.fromEntries(u.searchParams) : undefined);

describe('Google Scholar: which page comes next', () => {
  it('a profile of 20 rows with "Show more" enabled continues at cstart=20&pagesize=80, keeping sort and language', () => {
    // Zharov: 20 gsc_a_tr rows; the button has no disabled attribute.
    const url = new URL('https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en&oe=ASCII&sortby=pubdate');
    const doc = fixtureDoc('google_scholar/profile_U4LFdJ0AAAAJ_zharov.html');
    const e = read(doc, url);
    expect(hook.truncated(e)).toBe(true);
    const next = hook.next(url, doc, e);
    expect(next?.origin).toBe('https://scholar.google.com');
    expect(next?.pathname).toBe('/citations');
    expect(params(next)).toEqual({ user: 'U4LFdJ0AAAAJ', hl: 'en', oe: 'ASCII', sortby: 'pubdate', cstart: '20', pagesize: '80' });
  });

  it('another 20-row profile (Cherukuri, sorted by citations) continues the same way', () => {
    const url = new URL('https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en');
    const doc = fixtureDoc('google_scholar/profile_amIMrIEAAAAJ_cherukuri.html');
    const next = hook.next(url, doc, read(doc, url));
    expect(params(next)).toMatchObject({ user: 'amIMrIEAAAAJ', cstart: '20', pagesize: '80' });
  });

  it('a page of 100 rows (Newton 2015, pagesize=100, button enabled) continues at cstart=100&pagesize=100', () => {
    const url = new URL('https://scholar.google.com/citations?hl=en&user=j2MGGBAAAAAJ&pagesize=100&view_op=list_works');
    const doc = fixtureDoc('google_scholar/profile_newton_2015.html');
    const e = read(doc, url);
    expect(hook.truncated(e)).toBe(true);
    expect(params(hook.next(url, doc, e))).toEqual({ hl: 'en', user: 'j2MGGBAAAAAJ', view_op: 'list_works', cstart: '100', pagesize: '100' });
    // Read as if it were the slice at cstart=100 (same markup): the one after starts at 200.
    const at100 = new URL('https://scholar.google.com/citations?hl=en&user=j2MGGBAAAAAJ&view_op=list_works&cstart=100&pagesize=100');
    expect(params(hook.next(at100, doc, read(doc, at100)))).toMatchObject({ cstart: '200', pagesize: '100' });
  });

  it('a complete profile ("Show more" disabled, Ernst 58 rows) is not truncated and has no next page', () => {
    const doc = fixtureDoc(ERNST_FIXTURE);
    const e = read(doc, ERNST_URL);
    expect(hook.truncated(e)).toBe(false);
    expect(hook.next(ERNST_URL, doc, e)).toBeUndefined();
  });

  it('the cut pages: page 1 leads to cstart=20&pagesize=80, page 2 (button disabled) ends the list', () => {
    const { page1, page2 } = ernstSlices();
    const d1 = parseHtml(page1);
    expect(params(hook.next(ERNST_URL, d1, read(d1, ERNST_URL)))).toEqual({ user: 'SbUmSEAAAAAJ', hl: 'en', cstart: '20', pagesize: '80' });
    const d2 = parseHtml(page2);
    expect(hook.next(PAGE2_URL, d2, read(d2, PAGE2_URL))).toBeUndefined();
  });

  it('a later slice (cstart > 0) names the start of the list; the start itself does not', () => {
    expect(params(hook.firstPage?.(new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en&cstart=20&pagesize=80')))).toEqual({
      user: 'SbUmSEAAAAAJ',
      hl: 'en',
    });
    expect(hook.firstPage?.(ERNST_URL)).toBeUndefined();
    expect(hook.firstPage?.(new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&cstart=0'))).toBeUndefined();
  });

  it('blocked pages and the 2013 layout (no gsc rows) have no next page', () => {
    const sorry = fixtureDoc('google_scholar/blocked_sorry_page.html');
    expect(hook.next(PAGE2_URL, sorry, read(sorry, PAGE2_URL))).toBeUndefined();
    const legacyUrl = new URL('https://scholar.google.com/citations?user=M7uPknsAAAAJ&hl=en');
    const legacy = fixtureDoc('google_scholar/legacy_profile_M7uPknsAAAAJ_2013.fragment.html');
    expect(hook.next(legacyUrl, legacy, read(legacy, legacyUrl))).toBeUndefined();
  });
});

describe('Google Scholar: the pages become one extraction', () => {
  const { page1, page2 } = ernstSlices();
  const first = read(parseHtml(page1), ERNST_URL);
  const second = read(parseHtml(page2), PAGE2_URL);

  it('page 1 alone reads 20 works and the "has more" note', () => {
    expect(first.works).toHaveLength(20);
    expect(first.notes).toContain('Google Scholar lists 20 works on this page and has more; use Collect all to read the rest');
    expect(second.works).toHaveLength(38);
  });

  it('20 + 38 rows give all 58 works in page order, without the truncation note', () => {
    const all = hook.combine(first, [second], true);
    const works = all.works ?? [];
    expect(works).toHaveLength(58);
    // Rows 1, 20, 21 and 58 of the saved page (titles in gsc_a_at, whitespace collapsed).
    expect(works[0]?.title).toBe('Decentralized applications: The blockchain-empowered software system');
    expect(works[19]?.title).toBe('Biomimicry Based Learning Outcomes of Simple Cognitive Agents');
    expect(works[20]?.title).toBe('An online evolutionary programming method for parameters of wireless networks');
    expect(works[57]?.title).toBe('CWECS 2015');
    // The saved page has 58 distinct citation_for_view ids (grep | sort | uniq -d is empty).
    expect(new Set(works.map((w) => w.ids?.gscholar)).size).toBe(58);
    expect(all.notes?.some((n) => /has more/.test(n))).toBe(false);
    expect(all.notes).toContain('Collected from 2 pages of Google Scholar: all 58 works of the profile');
    // Same works, in the same order, as the saved full page read in one go.
    expect(works).toEqual(read(fixtureDoc(ERNST_FIXTURE), ERNST_URL).works);
    expect(all.person).toEqual(first.person);
    // And a valid capture.
    expect(validateCapture(envelope(googleScholar, ERNST_URL, all, FIXED_NOW)).ok).toBe(true);
  });

  it('a stopped run keeps the list marked partial, so Collect all is offered again', () => {
    const { page } = ernstSlices();
    const rows21to40 = read(parseHtml(page(21, 40, true)), PAGE2_URL);
    const partial = hook.combine(first, [rows21to40], false);
    expect(partial.works).toHaveLength(40);
    expect(partial.notes).toContain('Google Scholar lists 40 works on this page and has more; use Collect all to read the rest');
    expect(partial.notes?.some((n) => /stopped before the end/.test(n))).toBe(true);
    expect(hook.truncated(partial)).toBe(true);
  });

  it('a row seen twice (the list shifted between requests) is kept once', () => {
    expect(hook.combine(first, [first], true).works).toHaveLength(20);
  });

  it('the "stated indices imply more works" warning is recomputed for the whole list', () => {
    // Kietzig: 2 rows listed, i10 stated as 21 (table gsc_rsb_std), button enabled.
    const url = new URL('https://scholar.google.fr/citations?user=8daWuo4AAAAJ&hl=fr');
    const k = read(fixtureDoc('google_scholar/profile_8daWuo4AAAAJ_kietzig_fr_2019.html'), url);
    expect(k.notes).toContain('The stated indices imply at least 21 works, but only 2 are listed on this page');
    // Synthetic second page: the same two rows under other ids, so the whole list has 4.
    const twice = hook.combine(k, [{ ...k, works: (k.works ?? []).map((w) => ({ ...w, ids: { gscholar: `${w.ids?.gscholar}x` } })) }], true);
    expect(twice.notes).toContain('The stated indices imply at least 21 works, but only 4 are listed on this page');
    expect(twice.notes).not.toContain('The stated indices imply at least 21 works, but only 2 are listed on this page');
  });
});
