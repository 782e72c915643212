// SYNTHETIC snippets (written for these tests, invented titles and names, expected values by hand; no
// page's text or markup) for the rules of round 7 of the generic list reader.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { readList } from './index';
import { LIST_OPTIONS } from '../../shell/read-list';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-05T00:00:00Z');
const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body>${body}</body></html>`);
const ul = (items: string[]) => `<ul class="pubs">${items.map((s) => `<li>${s}</li>`).join('')}</ul>`;

const APA = [
  'Moreau, P., Lindqvist, J., &amp; Osei, K. (2021). Soil carbon under rotating crops. <i>Annals of Field Studies</i>, 12(3), 45–67.',
  'Osei, K., &amp; Moreau, P. (2020). A survey of river sediment models. <i>Water Research Letters</i>, 8, 101–119.',
  'Lindqvist, J., Osei, K., &amp; Brandt, T. (2019). Measuring drought with satellite data. In <i>Advances in Remote Sensing Methods</i> (pp. 12–30).',
  'Brandt, T. (2018). Grazing and the loss of topsoil. In A. Keller &amp; B. Roth (Eds.), <i>Handbook of Soil Erosion Control</i> (pp. 1–20). Field Press.',
];

describe('the container in italics after an APA title (round 7)', () => {
  it('reads the plain sentence after the year as the title, not the italic journal or book', () => {
    const r = readList(page(`<main><h1>Publications</h1>${ul(APA)}</main>`), URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.title)).toEqual([
      'Soil carbon under rotating crops',
      'A survey of river sediment models',
      'Measuring drought with satellite data',
      'Grazing and the loss of topsoil',
    ]);
    expect(r.works.map((w) => w.authors?.[0])).toEqual(['P. Moreau', 'K. Osei', 'J. Lindqvist', 'T. Brandt']);
  });

  it('keeps an italic book title right after the year (no sentence between)', () => {
    const books = [
      'Moreau, P. (2022). <i>Soils of the Western Plains</i>. Lyon: Field Press.',
      'Moreau, P., &amp; Osei, K. (2017). <i>A Short History of Irrigation</i>. Accra: River Books.',
      'Osei, K. (2012). <i>Rivers and Their Banks in West Africa</i>. Accra: River Books.',
    ];
    const r = readList(page(`<main><h1>Books</h1>${ul(books)}</main>`), URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.title)).toEqual(['Soils of the Western Plains', 'A Short History of Irrigation', 'Rivers and Their Banks in West Africa']);
  });
});

const ARTICLES = [
  'Moreau, P., Lindqvist, J., &amp; Osei, K. (2021). Soil carbon under rotating crops. Journal of Field Studies, 12(3), 45–67.',
  'Osei, K., &amp; Moreau, P. (2020). A survey of river sediment models. Water Research Letters, 8, 101–119.',
  'Lindqvist, J., Osei, K., &amp; Brandt, T. (2019). Measuring drought with satellite data. Remote Sensing Notes, 4(2), 12–30.',
  'Brandt, T., &amp; Moreau, P. (2018). Grazing and the loss of topsoil. Journal of Field Studies, 9(1), 1–20.',
];
const PATENTS = [
  'Moreau, P., &amp; Osei, K. (2019). Method and apparatus for measuring soil moisture. U.S. Patent No. 10,234,567.',
  'Osei, K., Brandt, T., &amp; Moreau, P. (2021). System for detecting leaks in irrigation pipes. U.S. Patent No. 11,002,311.',
  'Brandt, T., &amp; Moreau, P. (2022). Device for low-power sensing of river levels. European Patent EP 3 456 789.',
];
const TALKS = [
  'Moreau, P. (2022). Soils under pressure. Invited talk, Geography Seminar, University of Lyon, Lyon, France.',
  'Moreau, P. (2021). Measuring drought from space. Keynote, Workshop on Remote Sensing, Accra, Ghana.',
  'Moreau, P. (2019). What rivers remember. Colloquium, Department of Earth Sciences, Uppsala University.',
];
const titles = (body: string) => readList(page(`<main><h1>Publications</h1>${body}</main>`), URL_, NOW, LIST_OPTIONS).works.map((w) => w.title);
const ARTICLE_TITLES = ['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil'];

describe('sections that are not works, by their heading (round 7)', () => {
  it('leaves out patents and authored talks written in the list\'s own markup, above or below it', () => {
    expect(titles(`<h2>Journal articles</h2>${ul(ARTICLES)}<h2>Patents</h2>${ul(PATENTS)}`)).toEqual(ARTICLE_TITLES);
    expect(titles(`<h2>Invited Talks (3)</h2>${ul(TALKS)}<h2>Articles</h2>${ul(ARTICLES)}`)).toEqual(ARTICLE_TITLES);
    expect(titles(`<p><strong>Vorträge</strong></p>${ul(TALKS)}<p><strong>Zeitschriftenartikel</strong></p>${ul(ARTICLES)}`)).toEqual(ARTICLE_TITLES);
  });

  it('looks past year headings inside a section, and one <p> per entry after the heading', () => {
    expect(titles(`<h2>Articles</h2>${ul(ARTICLES)}<h2>Patents</h2><h3>2022</h3>${ul(PATENTS.slice(2))}<h3>2021</h3>${ul(PATENTS.slice(0, 2))}`)).toEqual(ARTICLE_TITLES);
    expect(titles(`<div><h3>Articles</h3>${ARTICLES.map((a) => `<p>${a}</p>`).join('')}<h3>Talks and Seminars</h3>${TALKS.map((a) => `<p>${a}</p>`).join('')}</div>`)).toEqual(ARTICLE_TITLES);
  });

  it('a heading of the talks above does not head a list with no heading of its own after the talks', () => {
    const r = titles(`<h2>Talks</h2><div class="refs">${TALKS.map((a) => `<p>${a}</p>`).join('')}</div><div class="refs">${ARTICLES.map((a) => `<p>${a}</p>`).join('')}</div>`);
    expect(r).toEqual(ARTICLE_TITLES);
  });

  it('keeps works under headings that only mention such words ("Patent law and policy papers") or under publication types', () => {
    expect(titles(`<h2>Patent law and policy papers</h2>${ul(ARTICLES)}`)).toEqual(ARTICLE_TITLES);
    expect(titles(`<h2>Conference papers</h2>${ul(ARTICLES)}`)).toEqual(ARTICLE_TITLES);
  });
});

describe('linked and unlinked names on one author line (round 7)', () => {
  it('reads the whole line when only some names are profile links', () => {
    const entry = (t: string, y: number) =>
      `<div class="res"><h3><a href="/p/${y}">${t}</a></h3><div class="meta">P Moreau, <a href="/citations?user=a1">K Osei</a>, T Brandt, <a href="/citations?user=b2">J Lindqvist</a> - Journal of Field Studies, ${y} - example.org</div><div class="snip">A short summary of the work and what it found in the field.</div></div>`;
    const r = readList(page(`<main>${entry('Soil carbon under rotating crops', 2021)}${entry('A survey of river sediment models', 2020)}${entry('Measuring drought with satellite data', 2019)}</main>`), URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.authors)).toEqual(Array(3).fill(['P Moreau', 'K Osei', 'T Brandt', 'J Lindqvist']));
  });
});

describe('title-first citations (round 7)', () => {
  it('reads "Title, A. Author, B. Author, In Proc. …" with the title first and the run of names after it', () => {
    const items = [
      'Soil carbon under rotating crops in dry regions, P. Moreau, K. Osei, and T. Brandt, In Proc. of the Int. Conf. on Field Studies (ICFS 2021), pp. 45–67.',
      'A survey of river sediment models for small basins, K. Osei, P. Moreau, Water Research Letters, vol. 8, 2020.',
      'Measuring drought with satellite data, J. Lindqvist, K. Osei, T. Brandt, In Proc. of the Remote Sensing Workshop, 2019.',
    ];
    const r = readList(page(`<main><h1>Publications</h1>${ul(items)}</main>`), URL_, NOW);
    expect(r.works.map((w) => [w.title, w.authors?.[0], w.year])).toEqual([
      ['Soil carbon under rotating crops in dry regions', 'P. Moreau', 2021],
      ['A survey of river sediment models for small basins', 'K. Osei', 2020],
      ['Measuring drought with satellite data', 'J. Lindqvist', 2019],
    ]);
  });

  it('does not take an entry opening on an inverted name, nor a place and a publisher, for title-first', () => {
    const items = [
      'GLENDINNING, Nigel, Goya and his critics, New Haven London, Yale University Press, 1977.',
      'MOREAU, Pierre, Rivers and their banks, Lyon Paris, Field University Press, 2012.',
      'OSEI, Kofi, A short history of irrigation, Accra London, River Publishing, 2017.',
    ];
    const r = readList(page(`<main><h1>Books</h1>${ul(items)}</main>`), URL_, NOW);
    for (const w of r.works) expect(w.authors ?? []).not.toContain('Yale University Press');
    for (const w of r.works) expect(w.authors ?? []).not.toContain('Accra London');
  });
});
