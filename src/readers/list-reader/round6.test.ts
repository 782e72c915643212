// SYNTHETIC snippets (written for these tests, invented titles and names, expected values by hand; no
// page's text or markup) for the rules of round 6: several separate groups of works on one page, and
// groups or records that are not works beside a publication list.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { readList } from './index';
import { LIST_OPTIONS } from '../../shell/read-list';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-04T00:00:00Z');
const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body>${body}</body></html>`);

const ARTICLES = [
  'Moreau, P., & Lindqvist, J. (2021). Soil carbon under rotating crops. Journal of Field Studies, 12(3), 45–67.',
  'Osei, K., Moreau, P., & Brandt, T. (2020). A survey of river sediment models. Water Research Letters, 8, 101–119.',
  'Lindqvist, J., & Osei, K. (2019). Measuring drought with satellite data. Remote Sensing Notes, 4(2), 12–30.',
  'Brandt, T., & Moreau, P. (2018). Grazing and the loss of topsoil. Journal of Field Studies, 9(1), 1–20.',
];
const BOOK = (title: string, year: number) =>
  `<div class="box"><div class="meta">Field Press · ${year}</div><h3><a href="/b/${year}">${title}</a></h3><p><strong>Moreau, P.</strong> (${year}). <em>${title}</em>. Lyon: Field Press.</p></div>`;

describe('several groups of works on one page (round 6)', () => {
  it('reads book cards beside a list of articles, in page order', () => {
    const doc = page(
      `<main><section><h2>Books</h2><div class="grid">${BOOK('Soils of the Western Plains', 2022)}${BOOK('A Short History of Irrigation', 2017)}${BOOK('Rivers and Their Banks', 2012)}</div></section>` +
        `<section><h2>Articles</h2><ul class="pubs">${ARTICLES.map((a) => `<li>${a}</li>`).join('')}</ul></section></main>`,
    );
    const r = readList(doc, URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.title)).toEqual([
      'Soils of the Western Plains',
      'A Short History of Irrigation',
      'Rivers and Their Banks',
      'Soil carbon under rotating crops',
      'A survey of river sediment models',
      'Measuring drought with satellite data',
      'Grazing and the loss of topsoil',
    ]);
    expect(r.reasons[0]).toContain('list:3-similar-blocks:other-group');
    expect(r.reasons[3]).toContain('list:4-similar-blocks');
  });

  it('a second group repeating works of the first adds nothing; a menu and a footer add nothing', () => {
    const doc = page(
      `<nav><ul><li><a href="/">Home</a></li><li><a href="/people">People</a></li><li><a href="/pubs">Publications</a></li></ul></nav>` +
        `<section><h2>Selected</h2><div class="sel">${ARTICLES.slice(0, 2).map((a) => `<p>${a}</p>`).join('')}</div></section>` +
        `<section><h2>All</h2><ul class="pubs">${ARTICLES.map((a) => `<li>${a}</li>`).join('')}</ul></section>` +
        `<footer><ul><li><a href="/rss">RSS</a></li><li><a href="/contact">Contact</a></li></ul></footer>`,
    );
    const r = readList(doc, URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.title).sort()).toEqual(['A survey of river sediment models', 'Grazing and the loss of topsoil', 'Measuring drought with satellite data', 'Soil carbon under rotating crops']);
  });
});

describe('not works beside works (round 6)', () => {
  const TEAM = ['Paula Moreau', 'Jonas Lindqvist', 'Kofi Osei', 'Tilde Brandt', 'Ines Varga', 'Omar Haddad'];
  it('a team list in the list\'s own markup, in a container of its own, is not read', () => {
    const doc = page(
      `<main><h3>Articles</h3><div class="refs">${ARTICLES.map((a) => `<p>${a}</p>`).join('')}</div>` +
        `<h3>Team</h3><div class="refs">${TEAM.map((p) => `<p><strong>${p}</strong>, PhD student. ${p.split(' ')[0]!.toLowerCase()}@lab.example.org</p>`).join('')}</div></main>`,
    );
    const r = readList(doc, URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.title)).toEqual(['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil']);
  });

  it('talks (a title, an event, a place and a date, no authors) beside a list of articles are not read', () => {
    const talks = ['Soil carbon and the farmer', 'What rivers remember', 'Drought from orbit', 'Topsoil, a slow crisis', 'Irrigation in dry valleys'];
    for (const same of [true, false]) {
      const doc = page(
        `<main><h2>Articles</h2><ul class="pubs">${ARTICLES.map((a) => `<li>${a}</li>`).join('')}</ul>` +
          `<h2>Talks</h2><ul class="${same ? 'pubs' : 'talks'}">${talks.map((t, i) => `<li>Invited talk: “${t}”, Annual Meeting of the Soil Society, Lyon, May ${2015 + i}.</li>`).join('')}</ul></main>`,
      );
      const r = readList(doc, URL_, NOW, LIST_OPTIONS);
      expect(r.works.map((w) => w.title), same ? 'same markup' : 'other markup').toEqual(['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil']);
    }
  });
});

describe('link labels repeated across entries (round 6)', () => {
  it('a short link text found identically in most entries is a label, not the title (no word list needed)', () => {
    const doc = page(`<main><h2>Artículos</h2><ul class="pubs">${ARTICLES.map((a, i) => `<li><a href="/pdf/${i}"><strong>Texto completo</strong></a> ${a}</li>`).join('')}</ul></main>`);
    const r = readList(doc, URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.title)).toEqual(['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data', 'Grazing and the loss of topsoil']);
  });

  it('a link label in one entry, apart from its author line, is not an author', () => {
    const entry = (i: number, extra: string) =>
      `<div class="r"><div class="side">${extra}</div><h3><a href="/w/${i}">${['Soil carbon under rotating crops', 'A survey of river sediment models', 'Measuring drought with satellite data'][i]}</a></h3>` +
      `<div class="by">P Moreau, <a href="/u/jl">J Lindqvist</a> - Journal of Field Studies, ${2019 + i} - fieldpress.org</div></div>`;
    const doc = page(`<main>${entry(0, '')}${entry(1, '<a href="/lib/1">Full View</a>')}${entry(2, '')}</main>`);
    const r = readList(doc, URL_, NOW, LIST_OPTIONS);
    expect(r.works.map((w) => w.authors?.[0])).toEqual(['P Moreau', 'P Moreau', 'P Moreau']);
  });
});

describe('Japanese citation styles (round 6)', () => {
  // Invented titles and names in the styles' forms: SIST/JIS (names, a colon, the title up to a comma), titles in
  // 「」 after names between "，" or "、", and the year in brackets after names joined by "・".
  const read = (entries: string[]) =>
    readList(parseHtml(`<html lang="ja"><body><h2>業績</h2><ul>${entries.map((e) => `<li>${e}</li>`).join('')}</ul></body></html>`), URL_, NOW, LIST_OPTIONS).works.map((w) => [w.title, w.authors?.[0], w.year]);
  const expected = [
    ['土壌炭素と輪作の関係について', '山田太郎', 2021],
    ['河川堆積物モデルの概観', '佐藤健', 2020],
    ['衛星データによる干ばつの測定', '鈴木花子', 2019],
  ];
  it('titles in 「」 after unspaced names', () => {
    expect(read(['山田太郎，鈴木花子：「土壌炭素と輪作の関係について」，農業学会誌，Vol. 12，No. 3，pp. 45–67，2021．', '佐藤健，山田太郎：「河川堆積物モデルの概観」，水文学研究，Vol. 8，pp. 101–119，2020．', '鈴木花子、高橋一郎、山田太郎、「衛星データによる干ばつの測定」、リモートセンシング、4巻2号、12-30頁、2019年。'])).toEqual(expected);
  });
  it('SIST/JIS without quotes, and the year after the names', () => {
    expect(read(['山田太郎，鈴木花子：土壌炭素と輪作の関係について，農業学会誌，Vol. 12，No. 3，pp. 45–67 (2021)．', '佐藤健・山田太郎 (2020) 河川堆積物モデルの概観. 水文学研究 8: 101-119.', '鈴木花子，高橋一郎，山田太郎：衛星データによる干ばつの測定，リモートセンシング，Vol. 4，No. 2，pp. 12–30 (2019)．'])).toEqual(expected);
  });
  it('full-width numbers and years, （1） numbering, names between ・, a CJK title in ASCII quotes', () => {
    const fw = (x: string | number) => String(x).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(read(expected.map(([t, a, y], i) => `${fw(i + 1)}．${a}，高橋 一郎：「${t}」，農業学会誌，第${fw(12)}巻，pp.${fw(45)}－${fw(67)}，${fw(y!)}年${fw(3)}月．`))).toEqual(expected);
    expect(read(expected.map(([t, a, y], i) => `（${i + 1}）${a}・高橋一郎：「${t}」『農業学会誌』12巻3号，45-67頁，${y}年`))).toEqual(expected);
    expect(read(expected.map(([t, a, y]) => `${a}, 高橋一郎, "${t}", 農業学会誌, Vol. 12, pp. 45-67 (${y}).`))).toEqual(expected);
    expect(read(expected.map(([t, a, y], i) => `${fw(i + 1)}．${a}，高橋一郎：${t}，農業学会誌，Vol. 12，pp. 45–67 (${y})．`))).toEqual(expected);
  });
  it('a bold title wins over a quoted part of the venue', () => {
    const works = readList(
      parseHtml(`<html lang="ja"><body><ul>${expected.map(([t, a, y]) => `<li><b>${t}</b><br>${String(a).slice(0, 2)} ${String(a).slice(2)}，高橋 一郎<br>${y}年ミニワークショップ「若手研究者講演」，(${y}/03)</li>`).join('')}</ul></body></html>`),
      URL_,
      NOW,
      LIST_OPTIONS,
    ).works;
    expect(works.map((w) => w.title)).toEqual(expected.map(([t]) => t));
  });
});
