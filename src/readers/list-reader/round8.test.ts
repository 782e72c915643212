// SYNTHETIC snippets (written for these tests, invented titles and names, expected values by hand; no
// page's text or markup) for the rules of round 8 of the generic list reader.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { readList } from './index';
import { heuristicCitation } from './citation';
import { invertedNameList } from './names';
import { LIST_OPTIONS } from '../../shell/read-list';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-05T00:00:00Z');
const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body>${body}</body></html>`);
const read = (body: string) => readList(page(`<main><h1>Publications</h1>${body}</main>`), URL_, NOW, LIST_OPTIONS).works;
const ps = (items: string[]) => items.map((s) => `<p>${s}</p>`).join('');
const TITLES = ['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil'];
const ul = (items: string[]) => `<ul>${items.map((s) => `<li>${s}</li>`).join('')}</ul>`;

const MLA = [
  'Moreau, Pierre, et al. “Soil carbon under rotating crops.” <i>Annals of Field Studies</i>, vol. 12, no. 3, 2021, pp. 45–67.',
  'Osei, Kwame, and Pierre Moreau. “A survey of river sediment models.” <i>Water Research Letters</i>, vol. 8, 2020, pp. 101–119.',
  'Lindqvist, Johan, et al. “Measuring drought with satellite data.” <i>Remote Sensing Notes</i>, vol. 4, 2019, pp. 12–30.',
  'Brandt, Tobias. “Grazing and the loss of topsoil.” <i>Journal of Field Studies</i>, vol. 9, 2018, pp. 1–20.',
];

describe('MLA "Surname, Given, et al." (round 8)', () => {
  it('reads the first author before "et al." in <p> and in <li> entries', () => {
    for (const body of [ps(MLA), ul(MLA)]) {
      const w = read(body);
      expect(w.map((x) => x.title)).toEqual(['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil']);
      expect(w.map((x) => x.authors?.[0])).toEqual(['Pierre Moreau', 'Kwame Osei', 'Johan Lindqvist', 'Tobias Brandt']);
      expect(w[0]!.authorsTruncated).toBe(true);
    }
  });

  it('takes a lone inverted pair before "et al." only when its words are a name\'s', () => {
    expect(invertedNameList('Moreau, Pierre, et al.')?.names).toEqual(['Pierre Moreau']);
    expect(invertedNameList('Learning From Data, Methods, et al.')).toBeUndefined();
    expect(invertedNameList('Journal Of Soils, Crops, et al.')).toBeUndefined();
    expect(invertedNameList('Moreau, Pierre')).toBeUndefined();
  });
});

const YEAR_FIRST = [
  '2021. Soil carbon under rotating crops. P. Moreau, J. Lindqvist and K. Osei. Annals of Field Studies 12(3): 45–67.',
  '2020. A survey of river sediment models. K. Osei and P. Moreau. Water Research Letters 8: 101–119.',
  '2019. Measuring drought with satellite data. Lindqvist, J., Osei, K. and Brandt, T. Remote Sensing Notes 4: 12–30.',
  '2018. Grazing and the loss of topsoil. T. Brandt. Journal of Field Studies 9: 1–20.',
];

describe('entries that open on their year, then the title, then the names (round 8)', () => {
  it('reads the names after the title', () => {
    for (const body of [ps(YEAR_FIRST), ul(YEAR_FIRST)]) {
      const w = read(body);
      expect(w.map((x) => x.title)).toEqual(['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil']);
      expect(w.map((x) => x.authors?.[0])).toEqual(['P. Moreau', 'K. Osei', 'J. Lindqvist', 'T. Brandt']);
      expect(w.map((x) => x.year)).toEqual([2021, 2020, 2019, 2018]);
    }
  });

  it('still reads "(2019) Authors. Title" with the names first', () => {
    const w = read(ps(['(2019) Lindqvist, J. and Osei, K. Measuring drought with satellite data. Remote Sensing Notes 4: 12–30.', '(2018) Brandt, T. Grazing and the loss of topsoil. Journal of Field Studies 9: 1–20.', '(2017) Osei, K. and Moreau, P. A survey of river sediment models. Water Research Letters 8: 101–119.']));
    expect(w.map((x) => x.authors?.[0])).toEqual(['J. Lindqvist', 'T Brandt', 'K. Osei']);
    expect(w.map((x) => x.title)).toEqual(['Measuring drought with satellite data', 'Grazing and the loss of topsoil', 'A survey of river sediment models']);
    // The title-then-names reading does not take a "names. title" head for a title.
    expect(heuristicCitation('(2019) Lindqvist, J. and Osei, K. Measuring drought with satellite data. Remote Sensing Notes 4: 12–30.').title ?? '').not.toMatch(/Lindqvist/);
  });

  it('reads "2021 — Names. Title. Venue" (a year set before the names with a dash) as names first', () => {
    const w = read(ps(['2021 — Pierre Moreau, Johan Lindqvist and Kwame Osei. Soil carbon under rotating crops. Annals of Field Studies 12, 45–67.', '2020 — Kwame Osei and Pierre Moreau. A survey of river sediment models. Water Research Letters 8, 101–119.', '2019 — Johan Lindqvist and Tobias Brandt. Measuring drought with satellite data. Remote Sensing Notes 4, 12–30.']));
    expect(w.map((x) => x.title)).toEqual(TITLES.slice(0, 3));
    expect(w.map((x) => x.authors?.[0])).toEqual(['Pierre Moreau', 'Kwame Osei', 'Johan Lindqvist']);
    expect(w.map((x) => x.year)).toEqual([2021, 2020, 2019]);
  });

  it('invents no names when the sentence after the title is the venue', () => {
    const r = heuristicCitation('2021. Soil carbon under rotating crops. Annals of Field Studies 12(3): 45–67.');
    expect(r.authors ?? []).toEqual([]);
  });
});

const MARKED = [
  'P. Moreau*, J. Lindqvist* and K. Osei. Soil carbon under rotating crops. Annals of Field Studies 12(3): 45–67, 2021.',
  'K. Osei and P. Moreau. A survey of river sediment models. Water Research Letters 8: 101–119, 2020.',
  'J. Lindqvist, K. Osei and T. Brandt. Measuring drought with satellite data. Remote Sensing Notes 4: 12–30, 2019.',
  'T. Brandt and K. Osei. Grazing and the loss of topsoil. Journal of Field Studies 9: 1–20, 2018.',
];
const NOTE = '(*) Equal contribution. Work done while the first author was at the University of Lyon in 2019.';

describe('the key to the marks after "(*)" is not a work (round 8)', () => {
  it('leaves the note out as an entry of its own, a paragraph before the list, or a line among <br>s', () => {
    expect(read(ul([NOTE, ...MARKED])).map((w) => w.title)).toEqual(TITLES);
    expect(read(`<p>${NOTE}</p>${ps(MARKED)}`).map((w) => w.title)).toEqual(TITLES);
    expect(read(`<p>${[NOTE, ...MARKED].join('<br>')}</p>`).map((w) => w.title)).toEqual(TITLES);
    expect(read(ul([...MARKED, '[†] Corresponding author: P. Moreau, Department of Soil Science, University of Lyon.'])).map((w) => w.title)).toEqual(TITLES);
    expect(read(ul(['¹ Equal contribution. ² Corresponding author. Work done at the University of Lyon in 2019.', ...MARKED])).map((w) => w.title)).toEqual(TITLES);
  });

  it('keeps an entry that ends on such a note', () => {
    const w = read(ul([`${MARKED[0]} ${NOTE}`, ...MARKED.slice(1)]));
    expect(w.map((x) => x.title)).toEqual(TITLES);
    expect(w[0]!.authors?.[0]).toBe('P. Moreau');
  });
});

describe('a year in an element of its own opening the entry is its year (round 8)', () => {
  it('wins over later years of notes (an award, a talk, an acceptance date)', () => {
    const items = [
      '<span>2021</span> <a href="/papers/1">Soil carbon under rotating crops</a><br><span>Moreau, P. <em>Annals of Field Studies</em>, 12, pp. 45–67, 2021.<br>— Best paper award of the Field Society 2023.</span>',
      '<span>2020</span> <a href="/papers/2">A survey of river sediment models</a><br><span>Osei, K. <em>Water Research Letters</em>, 8, 2020.<br>— Presented at the River Forum, Accra, January 2022.</span>',
      '<span>2019</span> <a href="/papers/3">Measuring drought with satellite data</a><br><span>Lindqvist, J. <em>Remote Sensing Notes</em>, 4, 2019.</span>',
      '<span>2026</span> <a href="/papers/4">Grazing and the loss of topsoil</a><br><span>Brandt, T. <em>Journal of Field Studies</em>, 9, 2026. [Accepted Oct. 2025]</span>',
    ];
    const w = read(ul(items));
    expect(w.map((x) => x.title)).toEqual(TITLES);
    expect(w.map((x) => x.year)).toEqual([2021, 2020, 2019, 2026]);
  });

  it('leaves a year that opens a sentence of the entry to the usual rule', () => {
    const w = read(ul(['Moreau, P. (2021). Soil carbon under rotating crops. Annals of Field Studies, 12, 45–67.', 'Osei, K. (2020). A survey of river sediment models. Water Research Letters, 8, 101–119.', 'Lindqvist, J. (2019). Measuring drought with satellite data. Remote Sensing Notes, 4, 12–30.']));
    expect(w.map((x) => x.year)).toEqual([2021, 2020, 2019]);
  });
});

describe('"and others" ends a name list like "et al." (round 8)', () => {
  it('reads the names before it', () => {
    expect(invertedNameList('Moreau, P., Osei, K., and others')?.names).toEqual(['P. Moreau', 'K. Osei']);
    const w = read(ps(['Pierre Moreau, Kwame Osei, and others. <a href="https://soil.example.org/">Soilkit</a> v2. https://soil.example.org, 2020.', 'Johan Lindqvist and Tobias Brandt. <a href="https://drought.example.org/">Droughtmap</a> v1. https://drought.example.org, 2019.', 'Tobias Brandt, Kwame Osei, and others. <a href="https://graze.example.org/">Grazesim</a> v3. https://graze.example.org, 2018.']));
    expect(w.map((x) => x.authors?.[0])).toEqual(['Pierre Moreau', 'Johan Lindqvist', 'Tobias Brandt']);
    expect(w[0]!.authorsTruncated).toBe(true);
  });
});
