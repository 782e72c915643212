// Google Scholar author profiles (/citations?user=…): the modern layout
// (gsc_* ids, 2015 to today) and the pre-2014 layout (cit-* classes).
//
// Work ids: a profile row links to `citation_for_view=USER:CITID`. The part
// after the colon is only unique within one profile (the same CITID appears
// in unrelated profiles), so `ids.gscholar` keeps the whole "USER:CITID".
// Result lists carry Scholar's numeric cluster ids instead (see
// lists.ts); the two forms cannot be mistaken for each other.

import type { Extraction, Person, StatedMetrics, Work } from '../../core/capture';
import { absoluteUrl, compact, parseCount, parseYear, textOf } from '../../core/text';
import { countOf, hrefParam, splitAuthors, styleOffset, textWithout } from './dom';
import { visibleText } from '../../adapters/kit/visible-text';
import { collect, withClass } from '../../adapters/kit/subtree';

const USER_ID = /^[\w-]{12}$/;

export function readProfile(doc: Document, url: URL): Extraction {
  const legacy = !doc.getElementById('gsc_prf_in') && !!doc.getElementById('cit-name-display');
  const name = legacy ? textOf(doc.getElementById('cit-name-display')) : textOf(doc.getElementById('gsc_prf_in'));
  if (!name) return { pageKind: 'unrecognized', notes: ['Google Scholar: a profile page without a readable name'] };

  const notes: string[] = [];
  const person: Person = compact({
    name,
    ...(legacy ? legacyHeader(doc) : header(doc, url)),
    ids: compact({ gscholar: userId(doc, url) }),
    metrics: stats(doc, legacy, notes),
    citationsByYear: legacy ? undefined : chart(doc, notes),
  });
  if (legacy) notes.push('Google Scholar (2013 layout): the per-year chart is an image; citations by year were not read');

  const works = legacy ? legacyRows(doc, url) : rows(doc, url);
  if (listContinues(doc, legacy)) notes.push(moreNote(works.length));
  const shortfall = shortfallNote(person, works.length);
  if (shortfall) notes.push(shortfall);
  return { pageKind: 'author', person, works, notes };
}

/** The note that marks a partial list; Collect all (google-scholar-pages.ts) recognizes and replaces it. */
export function moreNote(listed: number): string {
  return `Google Scholar lists ${listed} works on this page and has more; use Collect all to read the rest`;
}

/** A warning when the stated indices need more works than are listed, or undefined. */
export function shortfallNote(person: Person | undefined, listed: number): string | undefined {
  const stated = person?.metrics;
  const minWorks = Math.max(stated?.hIndex ?? 0, stated?.i10Index ?? 0);
  return minWorks > listed
    ? `The stated indices imply at least ${minWorks} works, but only ${listed} are listed on this page`
    : undefined;
}

function header(doc: Document, url: URL): Pick<Person, 'affiliation' | 'homepage' | 'interests'> {
  const box = doc.getElementById('gsc_prf_i') ?? doc.getElementById('gsc_prf');
  const lines = box ? Array.from(box.querySelectorAll('.gsc_prf_il')) : [];
  // The first plain line is the affiliation; the verified-email line has an
  // id, and the interests line has ids today and label links in 2015.
  const affiliationLine = lines.find((l) => !l.id && !l.querySelector('a[href*="mauthors=label:"]'));
  const interests = box
    ? Array.from(box.querySelectorAll('a[href*="mauthors=label:"]'))
        .map((a) => textOf(a))
        .filter((s): s is string => !!s)
    : [];
  return {
    affiliation: textOf(affiliationLine),
    homepage: homepage(box, url),
    interests,
  };
}

// The homepage link's label is translated ("Homepage", "Page d'accueil"); it
// is the one link in the header that leaves Google.
function homepage(box: Element | null, url: URL): string | undefined {
  if (!box) return undefined;
  for (const a of Array.from(box.querySelectorAll('.gsc_prf_il a[href], #gsc_prf_ivh a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/^https?:\/\//i.test(href) && !/^https?:\/\/[^/]*\bgoogle\./i.test(href)) return absoluteUrl(href, url);
  }
  return undefined;
}

function legacyHeader(doc: Document): Pick<Person, 'affiliation' | 'homepage' | 'interests'> {
  const interests = Array.from(doc.querySelectorAll('#cit-int-read a[href*="mauthors=label:"]'))
    .map((a) => textOf(a))
    .filter((s): s is string => !!s);
  const home = doc.querySelector('#cit-homepage-read a[href]')?.getAttribute('href');
  return {
    affiliation: textOf(doc.getElementById('cit-affiliation-display')),
    homepage: home && /^https?:\/\//i.test(home) ? home : undefined,
    interests,
  };
}

function userId(doc: Document, url: URL): string | undefined {
  const fromUrl = url.searchParams.get('user');
  if (fromUrl && USER_ID.test(fromUrl)) return fromUrl;
  // Saved pages may come without their URL: the page names its user in forms and links.
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.getElementById('gsc_a_t')?.closest('form')?.getAttribute('action'),
    doc.querySelector('form[action*="user="]')?.getAttribute('action'),
  ];
  for (const c of candidates) {
    const u = hrefParam(c, 'user');
    if (u && USER_ID.test(u)) return u;
  }
  const input = doc.querySelector('input[name="user"]')?.getAttribute('value');
  return input && USER_ID.test(input) ? input : undefined;
}

// The stats table is read by position (rows: citations, h-index, i10-index;
// columns: all, since) because its labels follow the interface language.
function stats(doc: Document, legacy: boolean, notes: string[]): StatedMetrics | undefined {
  const table = legacy ? doc.querySelector('table#stats') : doc.getElementById('gsc_rsb_st');
  if (!table) return undefined;
  const cellSel = legacy ? 'td.cit-data' : 'td.gsc_rsb_std';
  const figures = Array.from(table.querySelectorAll('tr'))
    .map((tr) => Array.from(tr.querySelectorAll(cellSel)).map((td) => parseCount(td.textContent)))
    .filter((r) => r.length > 0);
  if (figures.length < 3 || figures.slice(0, 3).some((r) => r.length < 2 || r.some((n) => n === undefined))) {
    notes.push('Google Scholar: the citation table has an unexpected shape; its figures were not read');
    return undefined;
  }
  const headCells = legacy
    ? Array.from(table.querySelectorAll('tr.cit-headerrow td'))
    : Array.from(table.querySelectorAll('th.gsc_rsb_sth, th'));
  const sinceYear = parseYear(headCells[headCells.length - 1]?.textContent);
  const [c, h, i10] = figures as [number[], number[], number[]];
  return compact({
    citations: c[0],
    citationsSince: c[1],
    sinceYear,
    hIndex: h[0],
    hIndexSince: h[1],
    i10Index: i10[0],
    i10IndexSince: i10[1],
  });
}

/**
 * Citations per year from the bar chart. Years with no citations have a
 * label but no bar; each bar is matched to its label by horizontal position
 * (bars sit 5px from their label, measured from the right in RTL-styled
 * charts, from the left in 2015), falling back to z-index, which counts bars
 * from the latest year. Labelled years without a bar are recorded as 0, as
 * the chart shows them.
 */
const CHART = {
  labels: { test: withClass('gsc_g_t') },
  bars: { test: withClass('gsc_g_a') },
  values: { test: withClass('gsc_g_al'), within: withClass('gsc_g_a') },
};

function chart(doc: Document, notes: string[]): Record<string, number> | undefined {
  const box = doc.querySelector('.gsc_md_hist_b') ?? doc.getElementById('gsc_g') ?? doc.querySelector('.gsc_g_hist_wrp');
  if (!box) return undefined;
  // Each label's offsets read once, not once per bar.
  // Labels, bars and bar values (.gsc_g_t, .gsc_g_a, .gsc_g_al) in one walk of the chart, not a query per bar.
  const found = collect(box, CHART);
  const labels = found.labels
    .map((el) => ({ year: parseYear(el.textContent), right: styleOffset(el, 'right'), left: styleOffset(el, 'left') }))
    .filter((l): l is Label => l.year !== undefined);
  if (!labels.length) return undefined;

  const out: Record<string, number> = {};
  for (const l of labels) out[String(l.year)] = 0;
  for (const bar of found.bars) {
    const value = parseCount(found.values.find((v) => bar.contains(v))?.textContent ?? bar.textContent);
    const year = barYear(bar, labels);
    if (value === undefined || year === undefined) {
      notes.push('Google Scholar: a bar of the citation chart could not be matched to a year; the chart was not read');
      return undefined;
    }
    out[String(year)] = value;
  }
  return out;
}

interface Label {
  year: number;
  right: number | undefined;
  left: number | undefined;
}

function barYear(bar: Element, labels: Label[]): number | undefined {
  for (const side of ['right', 'left'] as const) {
    const x = styleOffset(bar, side);
    if (x === undefined) continue;
    let best: { d: number; year: number } | undefined;
    for (const l of labels) {
      const lx = l[side];
      if (lx === undefined) continue;
      const d = Math.abs(x - lx);
      if (!best || d < best.d) best = { d, year: l.year };
    }
    // Labels are 32px apart: anything farther than half a slot is not this bar's label.
    if (best && best.d < 16) return best.year;
  }
  const z = Number((/z-index\s*:\s*(\d+)/i.exec(bar.getAttribute('style') ?? '') ?? [])[1]);
  if (Number.isInteger(z) && z >= 1 && z <= labels.length) return labels[labels.length - z]?.year;
  return undefined;
}

// Rows are read with class look-ups rather than selectors: this runs once per
// listed work in the content script, and selector matching per row cost more
// than the rest of the extraction together.
function rows(doc: Document, url: URL): Work[] {
  // '#gsc_a_b tr.gsc_a_tr', from the table body down: the id is unique, and
  // the rest of the page is not walked again (linkedom has no id index).
  const body = doc.getElementById('gsc_a_b');
  if (!body) return [];
  return Array.from(body.querySelectorAll('tr.gsc_a_tr')).flatMap((tr) => {
    const link = byClass(tr, 'gsc_a_at');
    // Visible text, not textContent: a formula in the title may be drawn (image, SVG, MathJax).
    const title = visibleText(link);
    if (!title) return [];
    const href = citationHref(link ?? null);
    const grays = allByClass(byClass(tr, 'gsc_a_t'), 'gs_gray');
    const yearText = textOf(byClass(byClass(tr, 'gsc_a_y'), 'gsc_a_h')) ?? textOf(byClass(grays[1], 'gs_oph'));
    return [
      compact<Work>({
        title,
        ...splitAuthors(textOf(grays[0])),
        venue: textWithout(grays[1], '.gs_oph'),
        year: parseYear(yearText),
        citations: countOf(byClass(byClass(tr, 'gsc_a_c'), 'gsc_a_ac')),
        ids: compact({ gscholar: citationId(href) }),
        url: absoluteUrl(href, url),
      }),
    ];
  });
}

// The cells by id among the row's own children (a <td> is a child of its
// <tr>), then a simple query inside each: cheaper than a descendant selector
// per field ('td#col-title a') matched against the whole row, in Chromium and
// linkedom alike. A row whose cells are not its children falls back to the
// selector.
function legacyRows(doc: Document, url: URL): Work[] {
  return Array.from(doc.querySelectorAll('tr.cit-table.item')).flatMap((tr) => {
    const titleCell = cellById(tr, 'col-title');
    const link = titleCell?.querySelector('a') ?? null;
    const title = visibleText(link);
    if (!title) return [];
    const href = link?.getAttribute('href');
    const grays = titleCell!.querySelectorAll('.cit-gray');
    return [
      compact<Work>({
        title,
        ...splitAuthors(textOf(grays[0])),
        venue: textOf(grays[1]),
        year: parseYear(textOf(cellById(tr, 'col-year'))),
        citations: countOf(cellById(tr, 'col-citedby')?.querySelector('a')),
        ids: compact({ gscholar: citationId(href) }),
        url: absoluteUrl(href, url),
      }),
    ];
  });
}

/** `tr.querySelector('td#' + id)`, looked for among the row's children first. */
function cellById(tr: Element, id: string): Element | null {
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (c.id === id && c.localName === 'td') return c;
  return tr.querySelector(`td#${id}`);
}

/** The first descendant with this class, within a few levels: a row's cells are shallow, and a walk creates no collection. */
function byClass(el: Element | null | undefined, name: string, depth = 4): Element | undefined {
  if (!el || depth === 0) return undefined;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (hasClass(c, name)) return c;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const found = byClass(c, name, depth - 1);
    if (found) return found;
  }
  return undefined;
}

// The class attribute as a string: cheaper than a DOMTokenList per element in
// Chromium (classList here cost it twice as much on a 100-row profile), though
// linkedom builds one behind getAttribute('class') anyway.
function hasClass(el: Element, name: string): boolean {
  const cls = el.getAttribute('class');
  return !!cls && (cls === name || ` ${cls} `.includes(` ${name} `));
}

/** All descendants with this class, in document order, within a few levels. */
function allByClass(el: Element | null | undefined, name: string, depth = 4, out: Element[] = []): Element[] {
  if (!el || depth === 0) return out;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (hasClass(c, name)) out.push(c);
    allByClass(c, name, depth - 1, out);
  }
  return out;
}

// Some layouts make the title a script link and keep the target in data-href.
function citationHref(link: Element | null): string | undefined {
  if (!link) return undefined;
  const href = link.getAttribute('href');
  if (href && !/^javascript:/i.test(href) && href !== '#') return href;
  return link.getAttribute('data-href') ?? undefined;
}

function citationId(href: string | null | undefined): string | undefined {
  const id = hrefParam(href, 'citation_for_view');
  return id && /^[\w-]+:[\w-]+$/.test(id) ? id : undefined;
}

export function listContinues(doc: Document, legacy: boolean): boolean {
  if (legacy) return !!doc.querySelector('a.cit-dark-link[href*="cstart="]');
  const more = doc.getElementById('gsc_bpf_more');
  return !!more && !more.hasAttribute('disabled') && !/\bgs_dis\b/.test(more.getAttribute('class') ?? '');
}

/** Cheap check used by `detect`: the profile's name box, in either layout. */
export function hasProfileMarkup(doc: Document): boolean {
  return !!(doc.getElementById('gsc_prf_in') || doc.getElementById('cit-name-display'));
}
