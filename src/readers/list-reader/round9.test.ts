// SYNTHETIC snippets (written for these tests, invented titles and names, expected values by hand; no
// page's text or markup) for the rules of round 9 of the generic list reader.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { readList } from './index';
import { readLabels, repeatedFieldLabels } from './field-labels';
import { LIST_OPTIONS } from '../../shell/read-list';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-07T00:00:00Z');
const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body>${body}</body></html>`);
const read = (body: string) => readList(page(`<main><h1>Publications</h1>${body}</main>`), URL_, NOW, LIST_OPTIONS);

const WORKS = [
  { title: 'Soil carbon under rotating crops', authors: 'Moreau, P.; Osei, K.', venue: 'Annals of Field Studies 12(3): 45–67', year: 2021 },
  { title: 'A survey of river sediment models', authors: 'Osei, K.; Lindqvist, J.', venue: 'Water Research Letters 8: 101–119', year: 2020 },
  { title: 'Measuring drought with satellite data', authors: 'Lindqvist, J.', venue: 'Remote Sensing Notes 4: 12–30', year: 2019 },
  { title: 'Grazing and the loss of topsoil', authors: 'Brandt, T.; Moreau, P.', venue: 'Journal of Field Studies 9: 1–20', year: 2018 },
];

describe('field labels: "Label: value" lines (round 9)', () => {
  const labelled = (t: string, a: string, v: string, y: string) =>
    WORKS.map((w) => `<div class="item"><span>${t}:</span> ${w.title}<br><span>${a}:</span> ${w.authors}<br><span>${v}:</span> ${w.venue}<br><span>${y}:</span> ${w.year}</div>`).join('\n');

  it('reads title, authors, venue and year off their labels, in several languages', () => {
    for (const [t, a, v, y] of [
      ['Título', 'Autores', 'Revista', 'Año'],
      ['Title', 'Authors', 'Journal', 'Year'],
      ['Titel', 'Autoren', 'Zeitschrift', 'Jahr'],
    ] as const) {
      const r = read(labelled(t, a, v, y));
      expect(r.works.map((w) => w.title)).toEqual(WORKS.map((w) => w.title));
      expect(r.works.map((w) => w.year)).toEqual([2021, 2020, 2019, 2018]);
      expect(r.works.map((w) => w.authors?.[0])).toEqual(['P. Moreau', 'K. Osei', 'J. Lindqvist', 'T. Brandt']);
      expect(r.works[0]!.venue).toBe('Annals of Field Studies 12(3): 45–67');
      expect(r.reasons[0]).toContain('title:field-label');
      expect(r.reasons[0]).toContain('authors:field-label');
    }
  });

  it('finds the labels on the group, not from a word list: unknown labels are cut off, not read as text', () => {
    const r = read(labelled('Trabajo', 'Gente', 'Lugar', 'Cuándo'));
    // Unknown labels name no field: the lines are read as any entry's, without their labels (a lone
    // "Lindqvist, J." line after the title is still glued to it then, as without labels).
    expect(r.works.map((w) => w.title?.slice(0, w.title.indexOf(' ', 20)))).toEqual(WORKS.map((w) => w.title.slice(0, w.title.indexOf(' ', 20))));
    for (const w of r.works) expect(`${w.title} ${w.venue ?? ''}`).not.toMatch(/Trabajo|Lugar/);
  });

  it('one label repeated ("Abstract:") is no form; a label must open a line in most blocks', () => {
    const doc = page(WORKS.map((w) => `<p>${w.title}. ${w.authors}. Abstract: a short text on it.</p>`).join(''));
    expect(repeatedFieldLabels(Array.from(doc.querySelectorAll('p'))).size).toBe(0);
    const two = page(WORKS.map((w, i) => `<p>Title: ${w.title}<br>${i < 1 ? 'Authors: ' : ''}${w.authors}</p>`).join(''));
    expect([...repeatedFieldLabels(Array.from(two.querySelectorAll('p')))]).toEqual([]);
    expect(readLabels(['Title: X y z', 'Autores: A. B.', 'Note 3: kept'], new Set(['title', 'autores']))).toEqual({ lines: ['X y z', 'A. B.', 'Note 3: kept'], fields: { title: 'X y z', authors: 'A. B.' } });
  });
});

describe('hand-made separators and initials (round 9)', () => {
  it('reads the names between spaced dashes after a quoted title', () => {
    const r = read(`<ul>${WORKS.map((w) => `<li>“${w.title}” — ${w.authors.replace(/;/g, ',')} — <em>${w.venue}</em> (${w.year})</li>`).join('')}</ul>`);
    expect(r.works.map((w) => w.title)).toEqual(WORKS.map((w) => w.title));
    expect(r.works.map((w) => w.authors?.[0])).toEqual(['P. Moreau', 'K. Osei', 'J. Lindqvist', 'T. Brandt']);
  });

  it('a hyphenated initial ("B.-H.") does not end the names after a title', () => {
    const r = read(`<ol>${WORKS.map((w) => `<li><span class="title">${w.title}</span>. A. Kim, B.-H. Lim, and C. Park. <i>${w.venue}</i>, ${w.year}.</li>`).join('')}</ol>`);
    expect(r.works.map((w) => w.authors)).toEqual(WORKS.map(() => ['A. Kim', 'B.-H. Lim', 'C. Park']));
  });

  it('an abstract in <details> is a line of its own, not glued to the citation', () => {
    const r = read(`<ol>${WORKS.map((w) => `<li><span class="title">${w.title}</span>. A. Kim and C. Park. <i>${w.venue}</i>, ${w.year}. <details><summary>Abstract</summary><p>We study ${w.title.toLowerCase()}. Results follow.</p></details></li>`).join('')}</ol>`);
    expect(r.works.map((w) => w.title)).toEqual(WORKS.map((w) => w.title));
    expect(r.works.map((w) => w.authors)).toEqual(WORKS.map(() => ['A. Kim', 'C. Park']));
    expect(r.works[0]!.abstract).toBe('We study soil carbon under rotating crops. Results follow.');
  });

  it('a title whose words read as two names ("Knowledge Compilation and Theory Approximation") keeps its authors', () => {
    const titles = ['Knowledge Compilation and Theory Approximation', 'Falcons and Falconry', 'Rivers and Lakes', 'Deserts and Dunes'];
    const r = read(`<table><tr><th>Year</th><th>Publication</th><th>Venue</th></tr>${titles.map((t, i) => `<tr><td>${2020 - i}</td><td><a href="/p${i}.pdf">${t}</a><br><small>Selman, B., &amp; Kautz, H. A.</small></td><td>Journal of Soils</td></tr>`).join('')}</table>`);
    expect(r.works.map((w) => w.title)).toEqual(titles);
    for (const w of r.works) expect(w.authors).toEqual(['B. Selman', 'H. A. Kautz']);
  });
});

describe('software sections (round 9)', () => {
  const tools = ['Graphkit', 'SeqTools', 'OptiSolve', 'VizPanel'].map(
    (n, i) => `<div class="tool"><h4><a href="https://code.example.org/${n}">${n}</a></h4><p>A library for ${['fast graph algorithms on sparse networks', 'aligning sequencing reads', 'solving constraint models', 'interactive dashboards'][i]}. Maintained by Anna Schmidt. Latest release 2.${i} (202${i}).</p></div>`,
  );

  it('a list of tools under "Software" (a name, a description, a release) yields nothing', () => {
    expect(read(`<h2>Software</h2>${tools.join('')}`).works).toEqual([]);
  });

  it('papers under a "Software" topic heading, with their authors, are kept', () => {
    const cites = WORKS.map((w) => `<p>${w.authors.replace(/;/g, ',')} (${w.year}). ${w.title}. <i>${w.venue}</i>.</p>`);
    const r = read(`<h3>Theory</h3>${cites.slice(0, 2).join('')}<h3>Software</h3>${cites.slice(2).join('')}`);
    expect(r.works.map((w) => w.title)).toEqual(WORKS.map((w) => w.title));
  });
});
