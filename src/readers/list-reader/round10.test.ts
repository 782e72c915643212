// SYNTHETIC snippets (written for these tests, invented titles and names, expected values by hand; no
// page's text or markup) for the rules of round 10 of the generic list reader.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { readList } from './index';
import { LIST_OPTIONS } from '../../shell/read-list';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-07T00:00:00Z');
const read = (body: string) =>
  readList(parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body><main><h1>Publications</h1>${body}</main></body></html>`), URL_, NOW, LIST_OPTIONS).works;

const TITLES = ['Soil carbon under rotating crops', 'Comparison, Contrast and Irony: Reading Old Letters', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil'];
const NAMES = ['Moreau, Pierre', 'Osei, K., and Lindqvist, J.', 'Lindqvist, Johan', 'Brandt, T., and Moreau, P.'];

describe('a term with several descriptions (round 10)', () => {
  it('reads <dt>title</dt><dd>names</dd><dd>venue, year</dd> as one work, one name of any shape included', () => {
    const w = read(`<dl>${TITLES.map((t, i) => `<dt>${t}</dt><dd>${NAMES[i]}</dd><dd>Annals of Field Studies ${i + 3}: 1–20, ${2021 - i}</dd>`).join('')}</dl>`);
    expect(w.map((x) => x.title)).toEqual(TITLES);
    expect(w.map((x) => x.year)).toEqual([2021, 2020, 2019, 2018]);
    expect(w.map((x) => x.authors?.[0])).toEqual(['Pierre Moreau', 'K. Osei', 'Johan Lindqvist', 'T. Brandt']);
  });

  it('a glossary (terms over definitions, no names) is not a list of works', () => {
    const terms = ['Soil carbon', 'Topsoil', 'Drought index', 'Sediment load'];
    expect(read(`<dl>${terms.map((t) => `<dt>${t}</dt><dd>The amount of ${t.toLowerCase()} measured in a field over a season, as used in this course.</dd>`).join('')}</dl>`)).toEqual([]);
  });
});

describe('press coverage and old years (round 10)', () => {
  it('headlines under "In the press" are not works', () => {
    const items = ['New model predicts river floods earlier', 'How satellites help farmers cope with drought', 'Study links green spaces to better sleep', 'Local team maps invasive beetles'];
    expect(read(`<h2>In the press</h2>${items.map((h, i) => `<p><a href="https://news.example.org/${i}">${h}</a> — <i>The Daily Courier</i>, May ${2019 + i}.</p>`).join('')}`)).toEqual([]);
  });

  it('names before a year before 1900 ("Dabney, J. 1796. “Title.”") are read', () => {
    const w = read(TITLES.map((t, i) => `<p>${['Dabney, J.', 'Moreau, P.', 'Osei, K.', 'Brandt, T.'][i]} ${1796 + i}. “${t}.” <em>Annals of Husbandry</em>.</p>`).join(''));
    expect(w.map((x) => x.title)).toEqual(TITLES);
    expect(w.map((x) => x.authors?.[0])).toEqual(['J. Dabney', 'P. Moreau', 'K. Osei', 'T. Brandt']);
    expect(w.map((x) => x.year)).toEqual([1796, 1797, 1798, 1799]);
  });
});
