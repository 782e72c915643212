// The generic publication-list reader on a real page, on pages that are not
// lists, on records with little text (synthetic snippets, marked as such:
// there is no saved citation-context page), and on hostile input.

import { describe, expect, it } from 'vitest';
import { readList, fieldsFound } from './list-reader/index';
import { genericList } from './generic-list';
import { adapterById, fallbackAdapterFor } from '../adapters/registry';
import { capturePage, pageKeyOf } from '../adapters/run';
import { validateCapture } from '../core/validate';
import { parseHtml } from '../node/dom';
import { FIXED_NOW, fixtureDoc } from '../../tests/helpers/fixtures';

const ACL = 'acl_anthology/author_andreas-madsack_2021.html';
const ACL_URL = new URL('https://aclanthology.org/people/a/andreas-madsack/');

describe('readList on a real author page (ACL Anthology, 2021 layout)', () => {
  const r = readList(fixtureDoc(ACL), ACL_URL, FIXED_NOW);

  it('finds the five papers with their fields', () => {
    // Checked by hand in the HTML: five <p class="d-sm-flex align-items-stretch"> blocks;
    // the first sits under <h4>2019</h4>, its title is the <strong><a href=/anthology/W19-4201/>,
    // its authors the two /people/ links, its venue the text-muted volume link, and the
    // collapsible div#abstract-W19-4201 after it holds the abstract.
    expect(r.works).toHaveLength(5);
    const w = r.works[0]!;
    expect(w.title).toBe('AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task');
    expect(w.authors).toEqual(['Andreas Madsack', 'Robert Weißgraeber']);
    expect(w.year).toBe(2019);
    expect(w.venue).toBe('Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology');
    expect(w.abstract?.startsWith('This paper describes the AX Semantics’ submission to the SIGMORPHON 2019 shared task')).toBe(true);
    expect(w.url).toBe('https://aclanthology.org/anthology/W19-4201/');
    // The last block is under <h4>2017</h4>.
    expect(r.works[4]!.year).toBe(2017);
  });

  it('says which fields it found and guesses the owner from the page title', () => {
    // Four of the five blocks have an abstract div after them (K18-3004 has none: the HTML has div#abstract-… for W19-4201, W18-3607, W18-6560, W17-3524 only).
    expect(r.fields).toMatchObject({ title: 5, authors: 5, year: 5, venue: 5, abstract: 4, url: 5 });
    expect(fieldsFound(r)).toEqual(['title', 'authors', 'year', 'venue', 'abstract', 'url']);
    // <title>Andreas Madsack - ACL Anthology</title>; there is no <h1>.
    expect(r.ownerGuess).toBe('Andreas Madsack');
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('as the generic-list adapter: a valid list capture under generic-list:<url without hash>', () => {
    const url = new URL(ACL_URL.href + '#top');
    const c = capturePage(genericList, fixtureDoc(ACL), url, { now: FIXED_NOW });
    expect(validateCapture(c).ok).toBe(true);
    expect(c).toMatchObject({ source: 'generic-list', pageKind: 'list', url: ACL_URL.href });
    expect(c.works).toHaveLength(5);
    expect(pageKeyOf(genericList, url)).toBe(`generic-list:${ACL_URL.href}`);
    // The background accepts its captures (the registry's fallback adapters are known ids)...
    expect(adapterById('generic-list')).toBe(genericList);
  });

  it('never claims a page by itself ("Save this page" is unchanged)', () => {
    expect(genericList.detect(fixtureDoc(ACL), ACL_URL)).toBeUndefined();
    expect(fallbackAdapterFor(fixtureDoc(ACL), ACL_URL)?.id).not.toBe('generic-list');
  });
});

describe('readList on pages that are not lists of works', () => {
  it('an article page (citation metadata) yields nothing, and says why', () => {
    const r = readList(fixtureDoc('arxiv/abs_2004.10162.html'), new URL('https://arxiv.org/abs/2004.10162'), FIXED_NOW);
    expect(r.works).toEqual([]);
    expect(r.notes[0]).toMatch(/single article/);
    const c = capturePage(genericList, fixtureDoc('arxiv/abs_2004.10162.html'), new URL('https://arxiv.org/abs/2004.10162'), { now: FIXED_NOW });
    expect(c.pageKind).toBe('unrecognized');
  });

  it('a captcha page yields nothing', () => {
    const r = readList(fixtureDoc('google_scholar/blocked_sorry_page.html'), new URL('https://scholar.google.com/sorry/index'), FIXED_NOW);
    expect(r.works).toEqual([]);
  });

  it('never throws: empty, bodiless, deeply nested and huge flat documents', () => {
    const u = new URL('https://example.org/');
    expect(readList(parseHtml(''), u).works).toEqual([]);
    expect(readList(parseHtml('<frameset></frameset>'), u).works).toEqual([]);
    // Synthetic: 5,000 nested divs.
    expect(() => readList(parseHtml('<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000)), u)).not.toThrow();
    // Synthetic: 20,000 identical short items (a long menu): no works. (Its time is not asserted:
    // tests never assert on wall-clock time; a quadratic reader would show in the test's own duration.)
    const menu = readList(parseHtml(`<ul>${'<li><a href="/x">Home page link</a></li>'.repeat(20_000)}</ul>`), u);
    expect(menu.works).toEqual([]);
  });

  it('reads the largest real page (ResearchGate profile, 1.4 MB)', () => {
    // Its speed is a figure of `npm run bench`, not a test: tests never assert on wall-clock time.
    const doc = fixtureDoc('researchgate/profile_Lorenzo-Prendini.html');
    const r = readList(doc, new URL('https://www.researchgate.net/profile/Lorenzo-Prendini'), FIXED_NOW);
    expect(r.works.length).toBeGreaterThan(90);
  });
});

describe('records with little text (synthetic snippets: no saved citation-context page exists)', () => {
  // SYNTHETIC: shaped like a citation-context site's list — each record is a
  // citing sentence/abstract with a year and a source, and no title.
  const citationContext = `<!doctype html><html lang="en"><head><title>Citing statements</title></head><body><main><ul class="results">
    <li class="result"><p class="snippet">We build on the reinforcement learning environment of prior work and extend it to multi-agent settings, showing that the reward shaping proposed there transfers to cooperative tasks with minor changes to the observation space.</p><span class="meta">Journal of Synthetic Results, 2021</span></li>
    <li class="result"><p class="snippet">Contrary to earlier reports, the measured thermal conductivity of the nanofluid did not increase with particle loading beyond two percent, which we attribute to aggregation of the particles at higher concentrations in our samples.</p><span class="meta">Synthetic Letters, 2019</span></li>
    <li class="result"><p class="snippet" lang="en">Machine translated: The authors propose a method for the segmentation of historical maps that uses a small number of labelled examples and generalizes to maps from other archives without retraining the network.</p><span class="meta">Revista Sintética, 2020</span></li>
  </ul></main></body></html>`;

  it('keeps abstract-only records as works, flagged no-title; a "machine translated" label adds translated-abstract', () => {
    const r = readList(parseHtml(citationContext), new URL('https://cite.example.org/report'), FIXED_NOW);
    expect(r.works).toHaveLength(3);
    for (const w of r.works) {
      expect(w.title).toBeUndefined();
      expect(w.flags).toContain('no-title');
      expect(w.abstract!.split(' ').length).toBeGreaterThan(25);
    }
    expect(r.works.map((w) => w.year)).toEqual([2021, 2019, 2020]);
    expect(r.works[2]!.flags).toEqual(['no-title', 'translated-abstract']);
    expect(r.works[0]!.flags).toEqual(['no-title']);
  });

  it('validateCapture accepts the capture (a work needs a title or an abstract)', () => {
    const c = capturePage(genericList, parseHtml(citationContext), new URL('https://cite.example.org/report'), { now: FIXED_NOW });
    expect(c.pageKind).toBe('list');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.works).toHaveLength(3);
  });

  // SYNTHETIC: a mirror listing titled records whose abstracts are in another
  // language than the page, marked with lang attributes.
  const mirror = `<html lang="en"><body><div class="list">
    <div class="rec"><h3><a href="/p/1">Sparse attention for long documents in retrieval</a></h3><div class="authors">Ana Ruiz, Li Wei</div><div class="abstract" lang="es">Proponemos un mecanismo de atención dispersa que reduce el coste de la recuperación de documentos largos sin pérdida de precisión apreciable en tres colecciones públicas.</div><span>2022</span></div>
    <div class="rec"><h3><a href="/p/2">Graph neural networks for molecule property prediction</a></h3><div class="authors">Jan Novak, Eva Svoboda</div><div class="abstract">We compare message passing networks on molecular benchmarks and find that simple baselines remain competitive when tuned with the same budget.</div><span>2021</span></div>
    <div class="rec"><h3><a href="/p/3">Robust speech recognition in noisy rooms</a></h3><div class="authors">Kim Lee, Park Min</div><div class="abstract" lang="ko">우리는 잡음이 많은 방에서 음성 인식을 위한 강건한 방법을 제안하며 세 가지 데이터 세트에서 오류율을 줄였다 그리고 실험 결과를 자세히 보고한다.</div><span>2020</span></div>
  </div></body></html>`;

  it('flags an abstract whose lang attribute differs from the page as translated-abstract, and keeps the title', () => {
    const r = readList(parseHtml(mirror), new URL('https://mirror.example.org/list'), FIXED_NOW);
    expect(r.works.map((w) => w.title)).toEqual([
      'Sparse attention for long documents in retrieval',
      'Graph neural networks for molecule property prediction',
      'Robust speech recognition in noisy rooms',
    ]);
    expect(r.works[0]!.flags).toEqual(['translated-abstract']);
    expect(r.works[1]!.flags).toBeUndefined();
    expect(r.works[2]!.flags).toEqual(['translated-abstract']);
    expect(r.works[0]!.authors).toEqual(['Ana Ruiz', 'Li Wei']);
    expect(r.works.map((w) => w.year)).toEqual([2022, 2021, 2020]);
  });
});

describe('records with little text can still be placed by merging', () => {
  it('a title-less record joins the titled work with the same abstract', async () => {
    const { mergeAll } = await import('../core/merge/index');
    // Titled side: the generic reader's capture of the real ACL Anthology author page (its first
    // work carries the abstract of W19-4201, checked above).
    const titled = capturePage(genericList, fixtureDoc(ACL), ACL_URL, { now: FIXED_NOW });
    const abstract = titled.works![0]!.abstract!;
    // SYNTHETIC: a citation-context page showing only that abstract, with no title, read by the same reader.
    const html = `<html><body><ul>${[abstract, 'An unrelated study of river sediment transport in alpine catchments measured over twelve seasons with acoustic sensors placed along the main channel and two tributaries of the valley.', 'A second unrelated record about the thermal behaviour of mortar joints in historic masonry walls under repeated freezing and thawing cycles in laboratory conditions over two winters.']
      .map((a, i) => `<li class="r"><p>${a}</p><span>Some Venue, ${2019 + i}</span></li>`)
      .join('')}</ul></body></html>`;
    const bare = capturePage(genericList, parseHtml(html), new URL('https://cite.example.org/r'), { now: FIXED_NOW });
    expect(bare.works![0]).toMatchObject({ abstract, flags: ['no-title'] });
    const result = mergeAll([
      { key: 'generic-list:https://aclanthology.org/people/a/andreas-madsack/', capture: titled },
      { key: 'generic-list:https://cite.example.org/r', capture: bare },
    ]);
    const joined = result.works.find((w) => w.title === 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task')!;
    expect(joined.members.map((m) => m.captureKey).sort()).toEqual(['generic-list:https://aclanthology.org/people/a/andreas-madsack/', 'generic-list:https://cite.example.org/r']);
  });
});

describe('works split over definition-list pairs', () => {
  // SYNTHETIC, shaped like an arXiv /list/ page (no such page is saved here): the id and
  // links in <dt>, title, authors and subjects in the <dd> that follows.
  const item = (id: string, title: string, authors: string[]) =>
    `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a> [<a href="/pdf/${id}">pdf</a>, <a href="/format/${id}">other</a>]</dt>` +
    `<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div>` +
    `<div class="list-authors">${authors.map((a) => `<a href="/a/${a.replace(/ /g, '_')}">${a}</a>`).join(', ')}</div>` +
    `<div class="list-subjects"><span class="descriptor">Subjects:</span> Machine Learning (cs.LG)</div></div></dd>`;
  const page = `<html><body><div id="dlpage"><h3>Fri, 19 Dec 2025</h3><dl id="articles">${[
    item('2512.16001', 'Sparse mixtures of experts for streaming speech', ['Ana Ruiz', 'Li Wei']),
    item('2512.16002', 'A benchmark for tabular reasoning in language models', ['Jan Novak', 'Eva Svoboda', 'Kim Lee']),
    item('2512.16003', 'Certified robustness of graph classifiers', ['Park Min', 'Omar Haddad']),
  ].join('')}</dl></div></body></html>`;

  it('reads each <dt>/<dd> pair as one work (the "Title:" label dropped), without changing the page', () => {
    const doc = parseHtml(page);
    const before = doc.querySelector('dl')!.outerHTML;
    const r = readList(doc, new URL('https://lists.example.org/list/cs.LG/new'), FIXED_NOW);
    expect(r.works.map((w) => w.title)).toEqual([
      'Sparse mixtures of experts for streaming speech',
      'A benchmark for tabular reasoning in language models',
      'Certified robustness of graph classifiers',
    ]);
    expect(r.works.map((w) => w.ids?.arxiv)).toEqual(['2512.16001', '2512.16002', '2512.16003']);
    expect(r.works[1]!.authors).toEqual(['Jan Novak', 'Eva Svoboda', 'Kim Lee']);
    expect(doc.querySelector('dl')!.outerHTML).toBe(before);
  });
});

describe('reasons and the citation-parser boundary', () => {
  it('each record keeps why it was accepted', () => {
    const r = readList(fixtureDoc(ACL), ACL_URL, FIXED_NOW);
    expect(r.reasons).toHaveLength(r.works.length);
    // The five blocks are one group; the title is the <strong> around the link, the year the <h4>2019</h4> above the block.
    expect(r.reasons[0]).toEqual(expect.arrayContaining(['list:5-similar-blocks', 'title:emphasis', 'authors:name-list', 'year:heading']));
  });

  it('entries whose title is a plain sentence go to the CitationParser passed in (synthetic snippet)', () => {
    // Synthetic: three plain-text citations with no markup around the title.
    const html = `<ul>${['Alpha Study of Things', 'Beta Study of Things', 'Gamma Study of Things'].map((t, i) => `<li>Smith J, Wu K. ${t}. J Things. 202${i};5(3):1-9.</li>`).join('')}</ul>`;
    const calls: string[] = [];
    const r = readList(parseHtml(`<html><body>${html}</body></html>`), new URL('https://example.org/pubs'), FIXED_NOW, {
      parseCitation: (text) => {
        calls.push(text);
        return { title: `parsed: ${text.split('. ')[1]}`, authors: ['J Smith', 'K Wu'], year: 2020, confidence: 0.9 };
      },
    });
    expect(calls.length).toBeGreaterThan(0);
    expect(r.works.map((w) => w.title)).toEqual(['parsed: Alpha Study of Things', 'parsed: Beta Study of Things', 'parsed: Gamma Study of Things']);
    expect(r.reasons[0]).toContain('title:citation-sentence');
  });
});

describe("entries with the owner's name emphasised in the author line (synthetic snippets written from the styles)", () => {
  const read = (rows: string[]) => readList(parseHtml(`<html><body><h1>Publications</h1><ul>${rows.join('')}</ul></body></html>`), new URL('https://lab.example/pubs'), FIXED_NOW);
  const titles = ['Reading lists of works by shape', 'Pairing title rows with author rows', 'Echoes of sort keys in entries'];

  it('a bold "Surname, Given" is a name, not the title; APA with full names, German "(Jahr):" and Chicago read whole', () => {
    const apa = read(titles.map((t, i) => `<li><b>Roth, Philip</b>, Haupt, Andreas, &amp; Wu, Kai (201${i}). ${t}. <i>Journal of Things</i>, ${i + 1}(2), 1–20.</li>`));
    expect(apa.works.map((w) => [w.title, w.authors?.[0], w.year])).toEqual(titles.map((t, i) => [t, 'Philip Roth', 2010 + i]));
    const de = read(titles.map((t, i) => `<li>Haupt, Andreas / <strong>Roth, Philip</strong> (201${i}): ${t}. In: Zeitschrift für Dinge ${i + 1}, S. 1–20.</li>`));
    expect(de.works.map((w) => [w.title, w.authors])).toEqual(titles.map((t) => [t, ['Andreas Haupt', 'Philip Roth']]));
    const chicago = read(titles.map((t, i) => `<li><b>Roth, Philip</b>, and Andreas Haupt. 201${i}. “${t}.” <i>Journal of Things</i> ${i + 1}: 1–20.</li>`));
    expect(chicago.works.map((w) => [w.title, w.authors])).toEqual(titles.map((t) => [t, ['Philip Roth', 'Andreas Haupt']]));
  });

  it('an author line ending in an "and 2 more authors" expander: names before it, truncated; the emphasised owner is not the venue', () => {
    // Markup of the al-folio theme's bibliography layout (title, author line with a more-authors expander, periodical).
    const r = read(
      titles.map(
        (t, i) =>
          `<li><div class="row"><div class="title">${t}</div><div class="author"><em>Boqi Chen</em>, Anna Smith, and <span class="more-authors">2 more authors</span></div><div class="periodical"><em>In Proc. of Things</em>, 201${i}</div></div></li>`,
      ),
    );
    expect(r.works.map((w) => [w.title, w.authors, w.authorsTruncated, w.venue, w.year])).toEqual(titles.map((t, i) => [t, ['Boqi Chen', 'Anna Smith'], true, 'In Proc. of Things', 2010 + i]));
  });

  it("a collapsed <details> whose summary says 'Abstract' / '概要' is the abstract: its years are not the work's", () => {
    // Synthetic, in the shape of a hand-written lab page: bold title, author line, venue line with the date, details.
    const r = read(
      titles.map(
        (t, i) =>
          `<li><b>${t}</b><br>手塚 真徹，田中 圭介<br>Workshop on Things，(202${i}/03)<br><details><summary>概要</summary><p>This abstract recalls earlier work by others (FC 2013) and says more than eight words about it.</p></details></li>`,
      ),
    );
    expect(r.works.map((w) => [w.title, w.authors?.[0], w.year, w.abstract?.startsWith('This abstract')])).toEqual(titles.map((t, i) => [t, '手塚 真徹', 2020 + i, true]));
  });
});
