// SYNTHETIC snippets (written for these tests, expected values by hand) for the
// layouts of round 4: entries as <br> lines of one block, label lines (a bare
// year, a bold topic) inside a run, entries as runs of sibling elements with no
// wrapper, names after the title, a lone bold "Surname, Given" beside it, and
// the learned parser as a fallback that news lines do not pass.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { parseCitation } from '../citation-parser/index';
import { readList } from './index';
import { lineGroups, periodicGroups } from './groups';
import { anyNameList } from './names';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-03T00:00:00Z');
const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body>${body}</body></html>`);

const ENTRIES = [
  ['Smith, J., & Doe, A.', '2019', 'Learning sparse codes for natural images', 'Journal of Vision Research, 12(3), 45-60'],
  ['Garcia, M., & Lee, K.', '2018', 'A survey of graph partitioning methods', 'ACM Computing Surveys, 50(2), 1-35'],
  ['Chen, L., Park, S., & Novak, T.', '2017', 'Fast approximate nearest neighbour search in high dimensions', 'Proceedings of the VLDB Endowment, 10(5), 577-588'],
  ['Brown, R.', '2016', 'On the stability of distributed consensus protocols', 'Distributed Computing, 29(4), 301-320'],
] as const;
const apa = ([a, y, t, v]: readonly string[]) => `${a} (${y}). ${t}. ${v}.`;

describe('round-4 layouts (synthetic snippets)', () => {
  it('reads entries written as <br>-separated lines of one paragraph', () => {
    const doc = page(`<h2>Papers</h2><p>${ENTRIES.map(apa).join('<br>\n')}</p>`);
    expect(lineGroups(doc)[0]!.members.length).toBe(4);
    const r = readList(doc, URL_, NOW);
    expect(r.works.map((w) => w.title)).toEqual(ENTRIES.map((e) => e[2]));
    expect(r.works.map((w) => w.year)).toEqual([2019, 2018, 2017, 2016]);
    expect(r.works[0]!.authors).toEqual(['J. Smith', 'A. Doe']);
  });

  it('splits at blank lines when each entry takes several lines', () => {
    const doc = page(`<div>${ENTRIES.map(([a, y, t, v]) => `<b>${t}</b><br>${a}<br><i>${v}</i>, ${y}<br><br>`).join('\n')}</div>`);
    const g = lineGroups(doc)[0]!;
    expect(g.members.length).toBe(4);
    const r = readList(doc, URL_, NOW);
    expect(r.works.map((w) => w.title)).toEqual(ENTRIES.map((e) => e[2]));
    expect(r.works[2]!.authors).toEqual(['L. Chen', 'S. Park', 'T. Novak']);
  });

  it('takes a bold year line among the entries as their heading, not as an entry', () => {
    const noYear = ([a, , t, v]: readonly string[]) => `<a href="/p.pdf">${t}</a>. ${a} ${v}.`;
    const doc = page(`<h3>Journal articles</h3><p><b>2019</b></p><p>${noYear(ENTRIES[0])}</p><p>${noYear(ENTRIES[1])}</p><p><b>2017</b></p><p>${noYear(ENTRIES[2])}</p><p>${noYear(ENTRIES[3])}</p>`);
    const r = readList(doc, URL_, NOW, { fallbackCitation: parseCitation });
    expect(r.works.map((w) => w.title)).toEqual(ENTRIES.map((e) => e[2]));
    expect(r.works.map((w) => w.year)).toEqual([2019, 2019, 2017, 2017]);
  });

  it('reads entries written as runs of sibling elements (heading, authors, venue) with no wrapper', () => {
    const doc = page(`<div>${ENTRIES.map(([a, y, t, v]) => `<h4>${t}</h4><p>${a}</p><p>${v}, ${y}</p>`).join('\n')}</div>`);
    expect(periodicGroups(doc)[0]!.members.length).toBe(4);
    const r = readList(doc, URL_, NOW);
    expect(r.works.map((w) => w.title)).toEqual(ENTRIES.map((e) => e[2]));
    expect(r.works[1]!.authors).toEqual(['M. Garcia', 'K. Lee']);
    expect(r.works[1]!.year).toBe(2018);
  });

  it('reads the names after a linked title on its line', () => {
    const doc = page(`<ul>${ENTRIES.map(([a, y, t, v]) => `<li><a href="/p.pdf">${t}</a>. ${a} ${v}, ${y}.</li>`).join('')}</ul>`);
    const r = readList(doc, URL_, NOW);
    expect(r.works[0]!.authors).toEqual(['J. Smith', 'A. Doe']);
    expect(r.reasons[0]).toContain('authors:after-title');
  });

  it('reads a lone bold "Surname, Given" over a quoted title as the author', () => {
    const cards = [
      ['Atkins, Robert', 'Green issues in recent German fiction', 'German Life and Letters', '1996'],
      ['Wordsworth, William', 'Lyrical ballads, with a few other poems', 'J. and A. Arch', '1798'],
      ['Humboldt, Alexander', 'Views of nature or contemplations on the sublime', 'Bohn', '1850'],
    ];
    const doc = page(cards.map(([a, t, v, y]) => `<div class="card"><span class="tag">Paper</span><div><strong>${a}</strong><div>"${t}"</div><div>${v}, ${y}</div></div></div>`).join(''));
    const r = readList(doc, URL_, NOW);
    expect(r.works.map((w) => w.authors)).toEqual([['Robert Atkins'], ['William Wordsworth'], ['Alexander Humboldt']]);
  });

  it('joins given-first names with "et" and "und", and a conjunction after a comma in inverted lists', () => {
    expect(anyNameList('Marcus Wagner et Stefan Schaltegger')?.names).toEqual(['Marcus Wagner', 'Stefan Schaltegger']);
    expect(anyNameList('Anna Schmidt und Paul Martin')?.names).toEqual(['Anna Schmidt', 'Paul Martin']);
    expect(anyNameList('Diggs, G. M., and R. J. George')?.names).toEqual(['G. M. Diggs', 'R. J. George']);
  });

  it('the learned fallback does not turn news lines or a team list into works', () => {
    const news = page(`<ul>${['Our lab welcomes two new PhD students, Maria Lopez and Kenji Sato.', 'Anna Schmidt received the best teaching award of the faculty this year.', 'The lab moved to the new building on the north campus, room 301.', 'Congratulations to Li Wei for defending her thesis with honours.']
      .map((n, i) => `<li><span class="date">June ${2019 + i}</span> ${n}</li>`)
      .join('')}</ul>`);
    expect(readList(news, URL_, NOW, { fallbackCitation: parseCitation }).works).toEqual([]);
    const team = page(`<ul>${['Maria Lopez', 'Kenji Sato', 'Anna Schmidt', 'Paul Martin'].map((p) => `<li><strong>${p}</strong>, PhD student<br>${p.split(' ')[0]!.toLowerCase()}@lab.example.org</li>`).join('')}</ul>`);
    expect(readList(team, URL_, NOW, { fallbackCitation: parseCitation }).works).toEqual([]);
  });
});
