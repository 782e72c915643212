// A layout corpus for the generic list reader: SYNTHETIC pages assembled at
// test time from REAL citation strings. The strings are AnyStyle's hand-labeled
// reference strings (../shared/fixtures/reference_strings/, read in place), only
// those of the citation parser's train and dev parts (never its test part,
// src/readers/citation-parser/split.md). Each string is rendered in one of the
// layouts that real publication-list generators emit (jekyll-scholar, Hugo
// Academic/Wowchemy, al-folio, Sphinx bibtex, Doxygen citelist, WordPress
// papercite, bibbase, Zotero bibliography HTML, ScriptLattes, plain 1990s HTML),
// inside page chrome (a nav menu, a footer, a team list) that must yield nothing.
// The gold of every entry is the string's hand labels (title, family name of the
// first author, year of the date), never what the reader produces.
//
// Split (recorded in tests/data/generic-reader/layouts/README.md): by layout
// family — within each kind of layout, the variants sorted by SHA-256 of their
// name, the first half (rounded up) development — AND by string — FNV-1a of
// "layouts:" + the string, mod 10 < 6 development. Development pages use
// development variants and development strings only; test pages test variants
// and test strings only.

import { createHash } from 'node:crypto';
import { readDataset, fnv1a, goldOf, normTitle, splitOf, type LabeledSequence } from '../../src/readers/citation-parser/dataset';
import { familyOf, splitAuthors } from '../../src/readers/citation-parser/index';
import { fixtureText } from './fixtures';
import { rng, type Rng } from './prng';

export type Part = 'dev' | 'test';

export interface Entry {
  /** The citation string as printed (its labeled parts joined by spaces). */
  text: string;
  /** The labeled parts, raw. */
  seq: LabeledSequence;
  title: string;
  authors: string;
  year: number;
  /** Everything after the title that is not the date (container, volume, pages, publisher…), as printed. */
  rest: string;
  /** The container or publisher alone, when labeled. */
  venue?: string;
  /** The string without its date part (for pages that state the year in a heading only). */
  withoutDate: string;
  gold: GoldWork;
  script: 'latin' | 'other';
}

export interface GoldWork {
  title: string;
  year: number;
  /** Family name of the first author, from the hand-labeled author part. */
  firstAuthor?: string;
}

export interface LayoutPage {
  name: string;
  kind: string;
  variant: string;
  part: Part;
  html: string;
  /** Empty for negatives. */
  gold: GoldWork[];
  /** The citation strings the page was built from, in order of `gold`. */
  strings: string[];
}

const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Greek}\p{Script=Hangul}\p{Script=Hebrew}\p{Script=Thai}]/u;

const trim = (s: string) => s.replace(/[\s.,;:]+$/u, '').replace(/^[\s.,;:]+/u, '');
/** The author part without its trailing separator; an initial keeps its stop ("Kahle, H. G." not "Kahle, H. G"). */
const trimNames = (s: string) => s.replace(/(?<!\b\p{Lu})[\s.,;:]+$/u, '').replace(/[\s,;:]+$/u, '').replace(/^[\s.,;:]+/u, '');
/** "Names" + ". " unless the names already end on a stop. */
const dot = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/** The AnyStyle strings usable as entries: one author part, one title part (3+ words), a year; not the parser's test part. */
export function corpusEntries(): { dev: Entry[]; test: Entry[] } {
  const dev: Entry[] = [];
  const test: Entry[] = [];
  for (const f of ['core', 'good']) {
    for (const seq of readDataset(fixtureText(`reference_strings/anystyle_${f}.xml`))) {
      if (splitOf(seq.text) === 'test') continue;
      const tags = seq.parts.map((p) => p.tag);
      const count = (t: string) => tags.filter((x) => x === t).length;
      if (count('title') !== 1 || count('author') !== 1 || count('date') !== 1 || count('note') > 0) continue;
      const g = goldOf(seq);
      if (!g.year || !g.title || g.title.split(/\s+/).length < 3) continue;
      const ti = tags.indexOf('title');
      const restParts = seq.parts.filter((p, i) => i > ti && p.tag !== 'date' && p.tag !== 'citation-number');
      const venue = seq.parts.find((p) => p.tag === 'container-title' || p.tag === 'journal' || p.tag === 'publisher')?.text;
      const entry: Entry = {
        text: seq.parts.filter((p) => p.tag !== 'citation-number').map((p) => p.text).join(' '),
        seq,
        title: g.title,
        authors: trimNames(g.authorText ?? ''),
        year: g.year,
        rest: trim(restParts.map((p) => p.text).join(' ')),
        venue: venue ? trim(venue) : undefined,
        withoutDate: seq.parts.filter((p) => p.tag !== 'date' && p.tag !== 'citation-number').map((p) => p.text).join(' '),
        gold: { title: g.title, year: g.year, firstAuthor: familyOf(splitAuthors(g.authorText)[0]) },
        script: OTHER_SCRIPT.test(g.title) ? 'other' : 'latin',
      };
      (fnv1a(`layouts:${seq.text}`) % 10 < 6 ? dev : test).push(entry);
    }
  }
  return { dev, test };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30);

/** A short badge for a venue ("Biological Psychiatry" → "BP"), as al-folio and card layouts show. */
function badge(e: Entry): string {
  const w = (e.venue ?? e.rest).split(/\s+/).filter((x) => /^\p{Lu}/u.test(x));
  return esc(w.map((x) => x[0]).join('').slice(0, 6) || 'Paper');
}

interface Variant {
  kind: string;
  name: string;
  /** Which strings: Latin-script titles or other scripts. */
  script: 'latin' | 'other';
  /** The list's HTML from its entries (sorted by year, newest first, where the layout groups by year). */
  render: (entries: Entry[], r: Rng) => string;
  /** Not a list of works: the gold is empty. */
  negative?: boolean;
  /** A negative page that names real titles of its part (as project names): it is given entries, none of them gold. */
  namesTitles?: boolean;
  /**
   * A mixed page: the list of `layout` (a variant above, whose split it takes) beside a section that is not works,
   * one kind per page of the variant (`OTHER_SECTIONS`), written in the list's own markup (`item`).
   */
  mixed?: { layout: string; item: (html: string) => string; wrap: (heading: string, items: string) => string };
}

const byYear = (entries: Entry[]) => [...entries].sort((a, b) => b.year - a.year);
function yearRuns(entries: Entry[]): [number, Entry[]][] {
  const runs = new Map<number, Entry[]>();
  for (const e of byYear(entries)) runs.set(e.year, [...(runs.get(e.year) ?? []), e]);
  return [...runs];
}
const links = (r: Rng) => ['PDF', 'BibTeX', 'Code', 'Slides', 'DOI', 'Abstract'].filter(() => r.next() < 0.5).map((l) => `<a href="#${l.toLowerCase()}">${l}</a>`).join(' | ') || '<a href="#pdf">PDF</a>';

const TOPICS = ['Constraint programming', 'Machine learning', 'Applications', 'Surveys and tutorials', 'Theory', 'Software'];

const VARIANTS: Variant[] = [
  // <ul>/<ol><li>
  { kind: 'list-li', name: 'jekyll-scholar-ol', script: 'latin', render: (es) => `<h2 class="bibliography">Publications</h2>\n<ol class="bibliography">\n${es.map((e, i) => `<li><span id="ref${i}">${esc(e.text)}</span></li>`).join('\n')}\n</ol>` },
  { kind: 'list-li', name: 'link-title-ul', script: 'latin', render: (es) => `<ul class="pubs">\n${es.map((e, i) => `<li><a href="papers/${i}.pdf">${esc(e.title)}</a>. ${esc(dot(e.authors))} ${esc(e.rest)}, ${e.year}.</li>`).join('\n')}\n</ul>` },
  { kind: 'list-li', name: 'zotero-csl-entry', script: 'latin', render: (es) => `<div class="csl-bib-body">\n${es.map((e) => `  <div class="csl-entry">${esc(e.text)}</div>`).join('\n')}\n</div>` },
  // One <p> per entry
  { kind: 'p-entry', name: 'papercite-p', script: 'latin', render: (es) => `<div class="entry-content"><h3>Selected papers</h3>\n${es.map((e) => `<p>${esc(e.text)}</p>`).join('\n')}</div>` },
  { kind: 'p-entry', name: 'ieee-numbered-p', script: 'latin', render: (es) => `<div class="refs">\n${es.map((e, i) => `<p>[${i + 1}] ${esc(e.authors)}, “${esc(e.title)},” <i>${esc(e.rest)}</i>, ${e.year}.</p>`).join('\n')}</div>` },
  // <br>-separated lines in one block
  { kind: 'br-lines', name: 'br-single-line', script: 'latin', render: (es) => `<h2>Publications</h2>\n<p>\n${es.map((e, i) => `${i + 1}. ${esc(e.text)}`).join('<br>\n')}\n</p>` },
  { kind: 'br-lines', name: 'br-double-three-lines', script: 'latin', render: (es) => `<div class="content"><h2>Papers</h2>\n${es.map((e) => `<b>${esc(e.title)}</b><br>\n${esc(e.authors)}<br>\n<i>${esc(e.rest)}</i>, ${e.year}<br><br>\n`).join('')}</div>` },
  // Unclosed 1990s <P>
  { kind: 'unclosed-p', name: 'p-unclosed-font', script: 'latin', render: (es) => `<H2>Publications</H2>\n<FONT SIZE=2>\n${es.map((e, i) => `<P>${i + 1}. ${esc(e.text)}\n`).join('')}</FONT>\n<HR>` },
  { kind: 'unclosed-p', name: 'p-unclosed-quoted-year-lines', script: 'latin', render: (es) => `<H3>Papers</H3>\n${yearRuns(es).map(([y, run]) => `<P><B>${y}</B>\n${run.map((e) => `<P><FONT FACE="Arial">${esc(e.authors)}, "${esc(e.title)}", ${esc(e.rest)}, ${e.year}.</FONT>\n`).join('')}`).join('')}<HR>` },
  // <div> cards
  { kind: 'cards', name: 'div-card-badge', script: 'latin', render: (es) => `<section class="papers">\n${es.map((e) => `<div class="paper-card"><span class="venue-tag" style="background:#c33">${badge(e)}</span><div class="paper-body"><strong>${esc(e.authors)}</strong><div>"${esc(e.title)}"</div><div class="meta">${esc(e.rest)}, ${e.year}</div></div></div>`).join('\n')}\n</section>` },
  { kind: 'cards', name: 'wowchemy-pub-list', script: 'latin', render: (es, r) => `<div class="container">\n${es.map((e, i) => `<div class="pub-list-item" style="margin-bottom:1rem"><i class="far fa-file-alt pub-icon"></i> <span class="article-metadata li-cite-author">${esc(e.authors)}</span> (${e.year}). <a href="/publication/p${i}/">${esc(e.title)}</a>. <em>${esc(e.rest)}</em>. <p>${links(r)}</p></div>`).join('\n')}\n</div>` },
  // Table rows
  { kind: 'table', name: 'scriptlattes-table', script: 'latin', render: (es) => `<h3>Artigos completos publicados em periódicos</h3>\n<table border=0 width="100%">\n${es.map((e, i) => `<tr valign="top"><td>${i + 1}.</td><td>${esc(e.text)}</td></tr>`).join('\n')}\n</table>` },
  { kind: 'table', name: 'bibbase-table', script: 'latin', render: (es, r) => `<table class="bibbase">\n${es.map((e) => `<tr><td class="bibbase_paper"><b>${esc(e.title)}</b><br>${esc(e.authors)}<br><i>${esc(e.rest)}</i> (${e.year})</td><td>${links(r)}</td></tr>`).join('\n')}\n</table>` },
  // <dl> pairs
  { kind: 'dl', name: 'doxygen-citelist', script: 'latin', render: (es) => `<div class="textblock"><dl class="citelist">\n${es.map((e, i) => `<dt><a name="CITEREF_r${i}"></a>[${i + 1}]</dt><dd><p>${esc(e.text)}</p></dd>`).join('\n')}\n</dl></div>` },
  { kind: 'dl', name: 'sphinx-bibtex-dl', script: 'latin', render: (es) => `<div class="section"><dl class="citation">\n${es.map((e, i) => `<dt class="label" id="id${i}"><span class="brackets">${esc(slug(e.authors).slice(0, 3))}${e.year % 100}</span></dt><dd><p>${esc(dot(e.authors))} ${esc(e.title)}. <em>${esc(e.rest)}</em>, ${e.year}.</p></dd>`).join('\n')}\n</dl></div>` },
  // Year or type headings between runs
  { kind: 'headings', name: 'year-h2-ul-no-date', script: 'latin', render: (es) => yearRuns(es).map(([y, run]) => `<h2>${y}</h2>\n<ul>\n${run.map((e) => `<li>${esc(e.withoutDate)}</li>`).join('\n')}\n</ul>`).join('\n') },
  { kind: 'headings', name: 'type-h3-bold-year-p', script: 'latin', render: (es) => `<h3>Journal articles</h3>\n${yearRuns(es).map(([y, run]) => `<p><b>${y}</b></p>\n${run.map((e) => `<p>${esc(e.text)}</p>`).join('\n')}`).join('\n')}` },
  { kind: 'headings', name: 'bracket-year-h4-li', script: 'latin', render: (es) => yearRuns(es).map(([y, run]) => `<h4>[${y}]</h4>\n<ul class="list">\n${run.map((e) => `<li>${esc(e.text)}</li>`).join('\n')}\n</ul>`).join('\n') },
  // Several <p>/<div> per entry, or several entries per repeated block
  { kind: 'nested', name: 'alfolio-li', script: 'latin', render: (es, r) => `<div class="publications"><h2 class="bibliography">${es[0]?.year ?? ''}</h2><ol class="bibliography">\n${es.map((e) => `<li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">${badge(e)}</abbr></div><div class="col-sm-8"><div class="title">${esc(e.title)}</div><div class="author">${esc(e.authors)}</div><div class="periodical"><em>${esc(e.rest)}</em>, ${e.year}</div><div class="links">${links(r)}</div></div></div></li>`).join('\n')}\n</ol></div>` },
  { kind: 'nested', name: 'li-title-author-venue-links-p', script: 'latin', render: (es, r) => `<ul class="publist">\n${es.map((e) => `<li><p><b>${esc(e.title)}</b></p><p>${esc(e.authors)}</p><p>${esc(e.rest)}, ${e.year}</p><p>${links(r)}</p></li>`).join('\n')}\n</ul>` },
  {
    kind: 'nested',
    name: 'li-topic-several-p',
    script: 'latin',
    render: (es) => {
      const blocks: string[] = [];
      for (let i = 0, t = 0; i < es.length; t++) {
        const n = 2 + (t % 3);
        blocks.push(`<li><p><strong>${TOPICS[t % TOPICS.length]}</strong></p>\n${es.slice(i, i + n).map((e) => `<p>${esc(e.text)}</p>`).join('\n')}</li>`);
        i += n;
      }
      return `<ul class="simple">\n${blocks.join('\n')}\n</ul>`;
    },
  },
  { kind: 'nested', name: 'year-div-several-p', script: 'latin', render: (es) => yearRuns(es).map(([y, run]) => `<div class="year-block"><h3>${y}</h3>\n${run.map((e) => `<p>${esc(e.text)}</p>`).join('\n')}</div>`).join('\n') },
  // Flat runs: several sibling elements per entry with no wrapper, or entries as bare text between unclosed <P>
  { kind: 'flat-runs', name: 'h4-p-p-runs', script: 'latin', render: (es) => `<div class="pubs">\n${es.map((e) => `<h4>${esc(e.title)}</h4>\n<p class="authors">${esc(e.authors)}</p>\n<p>${esc(e.rest)}, ${e.year}</p>`).join('\n')}\n</div>` },
  { kind: 'flat-runs', name: 'td-text-then-unclosed-p', script: 'latin', render: (es) => `<TABLE><TR><TD>\n${es.map((e, i) => `${i ? '<P>' : ''}${esc(e.text)}\n`).join('')}</TD></TR></TABLE>` },
  // Other scripts
  { kind: 'scripts', name: 'script-ul-li', script: 'other', render: (es) => `<ul>\n${es.map((e) => `<li>${esc(e.text)}</li>`).join('\n')}\n</ul>` },
  { kind: 'scripts', name: 'script-p-bold-title', script: 'other', render: (es) => es.map((e) => `<p>${esc(dot(e.authors))} <b>${esc(e.title)}</b>. ${esc(e.rest)}, ${e.year}.</p>`).join('\n') },
  // Pages that are not publication lists (must yield nothing)
  { kind: 'negative', name: 'neg-team-list', script: 'latin', negative: true, render: (_es, r) => `<h2>Team</h2>\n<ul class="people">\n${PEOPLE.map((p) => `<li><strong>${p}</strong>, ${r.pick(ROLES)}<br>${p.split(' ')[0]!.toLowerCase()}@lab.example.org</li>`).join('\n')}\n</ul>` },
  { kind: 'negative', name: 'neg-course-schedule', script: 'latin', negative: true, render: (_es, r) => `<h2>Schedule</h2>\n<table><tr><th>Date</th><th>Topic</th><th>Reading</th></tr>\n${COURSE.map((t, i) => `<tr><td>${2020 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}</td><td>${t}</td><td>Chapter ${1 + r.int(12)}, slides</td></tr>`).join('\n')}\n</table>` },
  { kind: 'negative', name: 'neg-news', script: 'latin', negative: true, render: () => `<h2>News</h2>\n<ul>\n${NEWS.map((n, i) => `<li><span class="date">${['May', 'June', 'March', 'October'][i % 4]} ${2019 + (i % 5)}</span> ${n}</li>`).join('\n')}\n</ul>` },
  { kind: 'negative', name: 'neg-about-menus', script: 'latin', negative: true, render: () => `<h1>Welcome to the Lab</h1>\n${ABOUT.map((p) => `<p>${p}</p>`).join('\n')}\n<ul class="menu">${['Research', 'Teaching', 'Contact', 'Join us', 'Software', 'Events'].map((m) => `<li><a href="/${m.toLowerCase()}">${m}</a></li>`).join('')}</ul>` },
  // Round 9 (7 Dec 2026): layouts of kinds the rounds before had none of, written from what real list
  // generators and hand-made pages emit (column tables with a header row, abstracts under each entry,
  // hand-made separators, field labels in another language, key/value tables per entry), and two more
  // sections that are not works (funding, software). New kinds only, so no earlier variant changes part.
  { kind: 'columns', name: 'year-title-venue-table', script: 'latin', render: (es) => `<h2>Publications</h2>\n<table class="table"><thead><tr><th>Year</th><th>Publication</th><th>Venue</th></tr></thead><tbody>\n${byYear(es).map((e, i) => `<tr><td>${e.year}</td><td><a href="/papers/${i}.pdf">${esc(e.title)}</a><br><small>${esc(e.authors)}</small></td><td>${esc(e.venue ?? e.rest)}</td></tr>`).join('\n')}\n</tbody></table>` },
  { kind: 'columns', name: 'title-authors-venue-year-table', script: 'latin', render: (es) => `<table border="1"><tr><th>Title</th><th>Authors</th><th>Published in</th><th>Year</th></tr>\n${es.map((e) => `<tr><td>${esc(e.title)}</td><td>${esc(e.authors)}</td><td>${esc(e.rest)}</td><td>${e.year}</td></tr>`).join('\n')}\n</table>` },
  { kind: 'abstracts', name: 'li-details-abstract', script: 'latin', render: (es, r) => `<ol class="pubs">\n${es.map((e) => `<li><span class="title">${esc(e.title)}</span>. ${esc(dot(e.authors))} <i>${esc(e.rest)}</i>, ${e.year}. <details><summary>Abstract</summary><p>${abstractOf(e, r)}</p></details></li>`).join('\n')}\n</ol>` },
  { kind: 'abstracts', name: 'div-pub-abstract-p', script: 'latin', render: (es, r) => es.map((e) => `<div class="publication"><h5>${esc(e.title)}</h5><p class="authors">${esc(e.authors)}</p><p><em>${esc(e.rest)}</em> (${e.year})</p><p class="abstract"><b>Abstract.</b> ${abstractOf(e, r)}</p></div>`).join('\n') },
  { kind: 'hand-made', name: 'emdash-quoted-li', script: 'latin', render: (es) => `<h3>Papers</h3><ul>\n${es.map((e) => `<li>“${esc(e.title)}” — ${esc(e.authors)} — <em>${esc(e.rest)}</em> (${e.year})</li>`).join('\n')}\n</ul>` },
  { kind: 'hand-made', name: 'authors-colon-title-in-p', script: 'latin', render: (es) => `<h2>Veröffentlichungen</h2>\n${es.map((e) => `<p>${esc(e.authors)}: ${esc(e.title)}. In: ${esc(e.rest)}, ${e.year}.</p>`).join('\n')}` },
  { kind: 'labels', name: 'es-labelled-div', script: 'latin', render: (es) => `<h2>Producción científica</h2>\n${es.map((e) => `<div class="produccion"><span class="etq">Título:</span> ${esc(e.title)}<br><span class="etq">Autores:</span> ${esc(e.authors)}<br><span class="etq">Revista:</span> ${esc(e.rest)}<br><span class="etq">Año:</span> ${e.year}</div>`).join('\n')}` },
  { kind: 'labels', name: 'de-key-value-table', script: 'latin', render: (es) => `<h2>Publikationen</h2>\n${es.map((e) => `<table class="pub"><tr><th>Titel</th><td>${esc(e.title)}</td></tr><tr><th>Autoren</th><td>${esc(e.authors)}</td></tr><tr><th>Erschienen in</th><td>${esc(e.rest)}</td></tr><tr><th>Jahr</th><td>${e.year}</td></tr></table>`).join('\n')}` },
  { kind: 'negative-sections', name: 'neg-funding', script: 'latin', negative: true, namesTitles: true, render: (es, r) => `<h2>Funding</h2>\n<ul class="grants">\n${es.map((e) => `<li>${e.year - 1}–${e.year + 2}: <b>${esc(e.title)}</b>. ${r.pick(AGENCIES)}, grant no. ${100000 + r.int(900000)}. PI: ${r.pick(PEOPLE)}.</li>`).join('\n')}\n</ul>` },
  { kind: 'negative-sections', name: 'neg-software', script: 'latin', negative: true, render: (_es, r) => `<h2>Software</h2>\n${TOOLS.map(([name, what]) => `<div class="tool"><h4><a href="https://github.example/lab/${name.toLowerCase()}">${name}</a></h4><p>${what} Maintained by ${r.pick(PEOPLE)}. Latest release ${1 + r.int(4)}.${r.int(10)} (${2019 + r.int(7)}).</p></div>`).join('\n')}` },
  // Round 10 (7 Dec 2026): five more kinds, written in one go before the reader read any of them: paper
  // aggregators' cards (metrics and topics beside the entry), citation styles assembled from the labelled parts
  // (ACM's reference format, Chicago author-date), image cards (Bootstrap, figure captions), entries as runs of
  // siblings (paragraphs between rules, a <dt> with two <dd>), and two more pages that are not works (a seminar
  // series: speakers, talk titles, dates; press coverage: outlets, headlines, dates).
  { kind: 'aggregator', name: 'aggregator-card-dots', script: 'latin', render: (es, r) => es.map((e, i) => `<div class="paper-row"><a class="paper-title" href="/paper/${i}">${esc(e.title)}</a><div class="paper-meta"><span class="authors">${esc(e.authors)}</span> · <span class="venue">${esc(e.venue ?? e.rest)}</span> · <span>${e.year}</span></div><div class="paper-stats">${r.int(400)} citations · ${1 + r.int(6)} versions</div></div>`).join('\n') },
  { kind: 'aggregator', name: 'article-h3-topic-chips', script: 'latin', render: (es, r) => `<section class="results">\n${es.map((e, i) => `<article class="result"><h3><a href="/w/${i}">${esc(e.title)}</a></h3><p class="authors">${esc(e.authors)}</p><p class="source"><time>${e.year}</time> · ${esc(e.rest)}</p><ul class="chips">${[r.pick(TOPICS), r.pick(TOPICS)].map((t) => `<li>${t}</li>`).join('')}</ul><p class="score">Topic score ${(r.next() * 10).toFixed(1)}</p></article>`).join('\n')}\n</section>` },
  { kind: 'styles', name: 'acm-reference-li', script: 'latin', render: (es) => `<h2>Publications</h2><ol>\n${es.map((e) => `<li>${esc(dot(e.authors))} ${e.year}. ${esc(dot(e.title))} In <i>${esc(e.rest)}</i>.</li>`).join('\n')}\n</ol>` },
  { kind: 'styles', name: 'chicago-author-date-p', script: 'latin', render: (es) => `<div class="bib">\n${es.map((e) => `<p class="hanging">${esc(dot(e.authors))} ${e.year}. “${esc(dot(e.title))}” <em>${esc(e.rest)}</em>.</p>`).join('\n')}\n</div>` },
  { kind: 'image-cards', name: 'bootstrap-card-img', script: 'latin', render: (es, r) => `<div class="row">\n${es.map((e, i) => `<div class="col-md-4"><div class="card"><img class="card-img-top" src="/thumbs/${i}.png" alt="thumbnail"><div class="card-body"><h5 class="card-title">${esc(e.title)}</h5><h6 class="card-subtitle text-muted">${esc(e.venue ?? e.rest)}, ${e.year}</h6><p class="card-text">${esc(e.authors)}</p><a class="btn btn-primary" href="#">${r.pick(['PDF', 'Paper', 'Read'])}</a></div></div></div>`).join('\n')}\n</div>` },
  { kind: 'image-cards', name: 'figure-caption-cards', script: 'latin', render: (es) => `<div class="gallery">\n${es.map((e, i) => `<figure><img src="/fig/${i}.jpg" alt=""><figcaption><b>${esc(e.title)}</b><br>${esc(e.authors)}<br><i>${esc(e.rest)}</i> ${e.year}</figcaption></figure>`).join('\n')}\n</div>` },
  { kind: 'sibling-runs', name: 'p-runs-between-rules', script: 'latin', render: (es) => `<div class="post">\n${es.map((e) => `<p><strong>${esc(e.title)}</strong></p>\n<p>${esc(e.authors)}</p>\n<p><em>${esc(e.rest)}</em>, ${e.year}</p>\n<hr>`).join('\n')}\n</div>` },
  { kind: 'sibling-runs', name: 'dt-title-two-dd', script: 'latin', render: (es) => `<dl class="pubs">\n${es.map((e) => `<dt>${esc(e.title)}</dt><dd>${esc(e.authors)}</dd><dd>${esc(e.rest)}, ${e.year}</dd>`).join('\n')}\n</dl>` },
  { kind: 'negative-events', name: 'neg-seminar-series', script: 'latin', negative: true, namesTitles: true, render: (es, r) => `<h2>Seminar series</h2>\n<ul class="events">\n${es.map((e, i) => `<li><b>${MONTHS[(i * 5) % 12]} ${1 + r.int(28)}, ${e.year}</b> — ${r.pick(PEOPLE)} (${r.pick(PLACES)} University): <i>${esc(e.title)}</i>. Room ${100 + r.int(300)}, 4 pm.</li>`).join('\n')}\n</ul>` },
  { kind: 'negative-events', name: 'neg-press-coverage', script: 'latin', negative: true, render: (_es, r) => `<h2>In the press</h2>\n${PRESS.map((h, i) => `<p><a href="https://news.example.org/${i}">${h}</a> — <i>${r.pick(OUTLETS)}</i>, ${MONTHS[(i * 7) % 12]} ${2018 + (i % 7)}.</p>`).join('\n')}` },
  // Mixed pages (round 6): a list of one layout above beside a section that is not works in the same markup.
  { kind: 'mixed', name: 'mixed-jekyll-scholar-ol', script: 'latin', render: () => '', mixed: { layout: 'jekyll-scholar-ol', item: (h) => `<li><span>${h}</span></li>`, wrap: (t, items) => `<h2 class="bibliography">${t}</h2>\n<ol class="bibliography">\n${items}\n</ol>` } },
  { kind: 'mixed', name: 'mixed-div-card-badge', script: 'latin', render: () => '', mixed: { layout: 'div-card-badge', item: (h) => `<div class="paper-card"><div class="paper-body">${h}</div></div>`, wrap: (t, items) => `<h3>${t}</h3><section class="papers">\n${items}\n</section>` } },
  { kind: 'mixed', name: 'mixed-ieee-numbered-p', script: 'latin', render: () => '', mixed: { layout: 'ieee-numbered-p', item: (h) => `<p>${h}</p>`, wrap: (t, items) => `<h3>${t}</h3><div class="refs">\n${items}</div>` } },
  { kind: 'mixed', name: 'mixed-zotero-csl-entry', script: 'latin', render: () => '', mixed: { layout: 'zotero-csl-entry', item: (h) => `  <div class="csl-entry">${h}</div>`, wrap: (t, items) => `<h2>${t}</h2><div class="csl-bib-body">\n${items}\n</div>` } },
  { kind: 'mixed', name: 'mixed-wowchemy-pub-list', script: 'latin', render: () => '', mixed: { layout: 'wowchemy-pub-list', item: (h) => `<div class="pub-list-item" style="margin-bottom:1rem"><i class="far fa-file-alt pub-icon"></i> ${h}</div>`, wrap: (t, items) => `<h2>${t}</h2><div class="container">\n${items}\n</div>` } },
  { kind: 'mixed', name: 'mixed-papercite-p', script: 'latin', render: () => '', mixed: { layout: 'papercite-p', item: (h) => `<p>${h}</p>`, wrap: (t, items) => `<div class="entry-content"><h3>${t}</h3>\n${items}</div>` } },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PLACES = ['Lisbon', 'Kyoto', 'Toronto', 'Nairobi', 'Berlin', 'Santiago', 'Melbourne', 'Boston'];
const EVENTS = ['Invited talk', 'Keynote', 'Seminar talk', 'Contributed talk', 'Invited lecture', 'Colloquium'];

/**
 * The sections of a mixed page that are not works, one per page of a mixed variant: news items, talks (titles of
 * real strings of the page's part that are not on the page, with an event, a place and a date: a talk is not a
 * work), a team list, and a course schedule — the schedule table of the development negative page
 * lab_pages/NEG_cmu15316_course_schedule.html, read in place (a real page part; its rows, as they are).
 */
const OTHER_SECTIONS = ['news', 'talks', 'team', 'course'] as const;

function otherSection(kind: (typeof OTHER_SECTIONS)[number], v: NonNullable<Variant['mixed']>, r: Rng, talks: Entry[]): string {
  if (kind === 'news') return v.wrap('News', NEWS.map((n, i) => v.item(`<span class="date">${MONTHS[(i * 5) % 12]} ${2019 + (i % 5)}</span> ${esc(n)}`)).join('\n'));
  if (kind === 'talks')
    return v.wrap(
      'Talks',
      talks.map((e, i) => v.item(`${r.pick(EVENTS)}: “${esc(e.title)}”, ${esc(e.venue ?? r.pick(PLACES))}, ${r.pick(PLACES)}, ${MONTHS[(i * 7) % 12]} ${e.year}.`)).join('\n'),
    );
  if (kind === 'team') return v.wrap('Team', PEOPLE.map((p) => v.item(`<strong>${p}</strong>, ${r.pick(ROLES)}. ${p.split(' ')[0]!.toLowerCase()}@lab.example.org`)).join('\n'));
  const page = fixtureText('lab_pages/NEG_cmu15316_course_schedule.html');
  const from = page.indexOf('<table');
  const to = page.indexOf('</table>', from);
  return `<h2>Teaching</h2>\n${from >= 0 && to > from ? page.slice(from, to + 8) : ''}`;
}

const AGENCIES = ['National Science Foundation', 'European Research Council', 'Deutsche Forschungsgemeinschaft', 'Wellcome Trust', 'JSPS KAKENHI', 'Swiss National Science Foundation'];
const TOOLS: [string, string][] = [
  ['Graphkit', 'A Python package for fast graph algorithms on large sparse networks.'],
  ['SeqTools', 'Command-line tools to align, filter and summarize sequencing reads.'],
  ['OptiSolve', 'A constraint solver with a modelling language and bindings for C++ and Java.'],
  ['VizPanel', 'Interactive dashboards for exploring experimental results in the browser.'],
  ['DataClean', 'A library for detecting and repairing errors in tabular data sets.'],
];
/** SYNTHETIC abstract text (not from any page): an opening on the entry's own title, then generic sentences. */
const ABSTRACT_OPENINGS = ['In this paper we study', 'We present a new approach to', 'This work examines', 'We report on'];
const ABSTRACT_SENTENCES = [
  'Our experiments on three data sets show consistent improvements over earlier methods.',
  'The results suggest several directions for future work.',
  'We discuss the implications of these findings for theory and practice.',
  'A prototype implementation and the data are available online.',
  'The analysis combines field observations with a simple quantitative model.',
];
function abstractOf(e: Entry, r: Rng): string {
  const t = e.title.replace(/[.?!]+$/u, '');
  return esc(`${r.pick(ABSTRACT_OPENINGS)} ${t.charAt(0).toLowerCase()}${t.slice(1)}. ${r.pick(ABSTRACT_SENTENCES)} ${r.pick(ABSTRACT_SENTENCES)}`);
}
const OUTLETS = ['The Daily Courier', 'Science Weekly', 'Radio Nord', 'The Evening Post', 'Tech Review Online'];
/** SYNTHETIC headlines (not from any page) of press coverage: a page section that is not works. */
const PRESS = [
  'New model predicts river floods days earlier than before',
  'Local researchers map the spread of invasive beetles across the valley',
  'How satellites help farmers cope with drought',
  'University team wins national prize for open-source software',
  'Why the city’s bridges need a closer look, according to engineers',
  'Study links green spaces to better sleep in older adults',
];
const PEOPLE = ['Maria Lopez', 'Kenji Sato', 'Anna Schmidt', 'Paul Martin', 'Li Wei', 'Fatima Haddad', 'John Carter', 'Olga Ivanova', 'Pedro Alves', 'Sara Rossi'];
const ROLES = ['PhD student', 'Postdoctoral researcher', 'Professor', 'Research engineer', 'Master student', 'Lab manager'];
const COURSE = ['Introduction and course overview', 'Linear models and least squares', 'Probability review', 'Gradient descent and its variants', 'Neural networks, part one', 'Midterm review session', 'Kernel methods', 'Project presentations', 'Final exam preparation'];
const NEWS = [
  'Our lab welcomes two new PhD students, Maria Lopez and Kenji Sato.',
  'Anna Schmidt received the best teaching award of the faculty this year.',
  'We are hiring a postdoctoral researcher in computational biology, apply by the end of the month.',
  'The lab moved to the new building on the north campus, room 301.',
  'Paul Martin gave an invited talk at the spring workshop of the national society.',
  'Congratulations to Li Wei for defending her thesis with honours.',
  'The summer school registration is open; see the events page for details.',
];
const ABOUT = [
  'We study how cells sense their environment and how this knowledge can be used to design better therapies. Our group combines experiments, theory and computation.',
  'The lab is part of the Department of Biology and collaborates with hospitals and companies in the region and abroad.',
  'Students interested in joining should write to the principal investigator with a short statement of interest and a CV.',
];

function chrome(body: string, r: Rng, title: string): string {
  const nav = `<nav class="navbar"><ul class="nav">${['Home', 'People', 'Research', 'Publications', 'Teaching', 'Contact'].map((m) => `<li class="nav-item"><a class="nav-link" href="/${m.toLowerCase()}/">${m}</a></li>`).join('')}</ul></nav>`;
  const team = r.next() < 0.5 ? `<aside class="sidebar"><h4>Members</h4><ul>${PEOPLE.slice(0, 5).map((p) => `<li><a href="/people/${slug(p)}">${p}</a>, ${r.pick(ROLES)}</li>`).join('')}</ul></aside>` : '';
  const footer = `<footer><p>© 2026 The Lab, Department of Biology, University of Example. Last updated March 2026.</p><ul class="social"><li><a href="https://twitter.example/lab">Twitter</a></li><li><a href="https://github.example/lab">GitHub</a></li><li><a href="/rss.xml">RSS</a></li></ul></footer>`;
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>\n${nav}\n<main>${body}</main>\n${team}\n${footer}\n</body></html>`;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The variant split: within each kind, variants sorted by SHA-256 of their name, the first ceil(n/2) development. */
export function variantParts(): Map<string, Part> {
  const out = new Map<string, Part>();
  for (const kind of new Set(VARIANTS.filter((v) => !v.mixed).map((v) => v.kind))) {
    const vs = VARIANTS.filter((v) => v.kind === kind).map((v) => v.name).sort((a, b) => (sha(a) < sha(b) ? -1 : 1));
    vs.forEach((n, i) => out.set(n, i < Math.ceil(vs.length / 2) ? 'dev' : 'test'));
  }
  // A mixed page takes the part of the list layout it uses.
  for (const v of VARIANTS) if (v.mixed) out.set(v.name, out.get(v.mixed.layout)!);
  return out;
}

export const PAGES_PER_VARIANT = 3;

/** Every page of the corpus, deterministic (seeded by the variant's name). */
export function layoutPages(): LayoutPage[] {
  const pool = corpusEntries();
  const parts = variantParts();
  const pages: LayoutPage[] = [];
  for (const v of VARIANTS) {
    const part = parts.get(v.name)!;
    const strings = pool[part].filter((e) => e.script === v.script);
    const r = rng(fnv1a(v.name));
    const pick = (n: number, seen: Set<string>) => {
      const es: Entry[] = [];
      while (es.length < n) {
        const e = strings[r.int(strings.length)]!;
        if (seen.has(e.gold.title)) continue;
        seen.add(e.gold.title);
        es.push(e);
      }
      return es;
    };
    if (v.mixed) {
      const layout = VARIANTS.find((x) => x.name === v.mixed!.layout)!;
      OTHER_SECTIONS.forEach((other, k) => {
        const seen = new Set<string>();
        const es = pick(8 + r.int(10), seen);
        const talks = other === 'talks' ? pick(6, seen) : [];
        const list = layout.render(es, r);
        const section = otherSection(other, v.mixed!, r, talks);
        // The other section below the list on even pages, above it on odd ones.
        const body = k % 2 ? `${section}\n${list}` : `${list}\n${section}`;
        pages.push({ name: `${v.name}+${other}`, kind: v.kind, variant: v.name, part, html: chrome(body, r, 'Publications'), gold: es.map((e) => e.gold), strings: [...es, ...talks].map((e) => e.seq.text) });
      });
      continue;
    }
    for (let k = 0; k < PAGES_PER_VARIANT; k++) {
      const n = v.negative ? (v.namesTitles ? 6 + r.int(5) : 0) : 8 + r.int(10);
      const es = pick(n, new Set<string>());
      pages.push({ name: `${v.name}#${k + 1}`, kind: v.kind, variant: v.name, part, html: chrome(v.render(es, r), r, v.negative ? 'The Lab' : 'Publications'), gold: v.negative ? [] : es.map((e) => e.gold), strings: es.map((e) => e.seq.text) });
    }
  }
  return pages;
}

export { normTitle as labelTitle };
