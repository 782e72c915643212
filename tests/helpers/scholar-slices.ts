// Google Scholar "show more" slices cut from a real saved profile, for the
// Collect all tests. No markup is written here: every row, the button and the
// rest of the page are the saved page's own bytes.
//
// Source: google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html (Jason Ernst,
// all 58 rows loaded, "Show more" disabled). How each page is built:
// - the 58 `<tr class="gsc_a_tr">…</tr>` blocks inside `<tbody id="gsc_a_b">`
//   are taken verbatim and split by position;
// - page 1 (the profile as first shown): rows 1–20, the `disabled` attribute
//   removed from `<button id="gsc_bpf_more">` (as Scholar serves a profile
//   with more rows), "Articles 1–58" changed to "Articles 1–20";
// - page 2 (`cstart=20&pagesize=80`): rows 21–58, the button left disabled
//   (the end of the list), "Articles 1–58" changed to "Articles 21–58";
// - `page(from, to, showMore)` is the same cut for any range (used to make a
//   three-page list: 1–20 / 21–40 / 41–58).
// Everything else (header, stats, chart, scripts) is the saved page unchanged.

import { fixtureText } from './fixtures';

export const ERNST_FIXTURE = 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html';

const ROW = /<tr class="gsc_a_tr">[\s\S]*?<\/tr>/g;
const BUTTON_DISABLED = /(<button type="button" id="gsc_bpf_more") disabled/;
const COUNT = 'Articles 1&ndash;58';

export interface Slices {
  page1: string;
  page2: string;
  /** All 58 row blocks, verbatim, in page order. */
  rows: string[];
  /** Rows `from`–`to` (1-based, inclusive) of the saved page, with "Show more" enabled or not (the general form of page1/page2). */
  page(from: number, to: number, showMore: boolean): string;
}

export function ernstSlices(): Slices {
  const html = fixtureText(ERNST_FIXTURE);
  const open = html.indexOf('<tbody id="gsc_a_b">');
  const close = html.indexOf('</tbody>', open);
  if (open < 0 || close < 0) throw new Error('the saved page has no #gsc_a_b body');
  const rows = html.slice(open, close).match(ROW) ?? [];
  if (rows.length !== 58) throw new Error(`expected 58 rows in the saved page, found ${rows.length}`);
  if (!BUTTON_DISABLED.test(html) || !html.includes(COUNT)) throw new Error('the saved page changed: button or count not found');
  const page = (from: number, to: number, showMore: boolean) => {
    const cut = html.slice(0, open) + '<tbody id="gsc_a_b">\n' + rows.slice(from - 1, to).join('\n') + '\n' + html.slice(close);
    const counted = cut.replace(COUNT, `Articles ${from}&ndash;${to}`);
    return showMore ? counted.replace(BUTTON_DISABLED, '$1') : counted;
  };
  return { page1: page(1, 20, true), page2: page(21, 58, false), rows, page };
}
