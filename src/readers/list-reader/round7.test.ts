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
