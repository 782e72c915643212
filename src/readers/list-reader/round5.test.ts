// SYNTHETIC snippets and strings (written for these tests from the styles' rules, expected values by
// hand; no page's text) for the rules of round 5: Chicago/MLA name lists, a lone "Surname, Given"
// beside the title, Vancouver names in the default citation heuristic, ";"-separated ABNT lists,
// names that are not names, and which number of an entry is its year.

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { readList } from './index';
import { heuristicCitation } from './citation';
import { anyNameList, isName, loneInvertedName } from './names';
import { LIST_OPTIONS } from '../../shell/read-list';

const URL_ = new URL('https://lab.example.org/publications/');
const NOW = new Date('2026-12-04T00:00:00Z');
const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="en"><head><title>Publications</title></head><body>${body}</body></html>`);

describe('name lists (round 5)', () => {
  it('Chicago/MLA: the first name inverted, the others given-first', () => {
    expect(anyNameList('Moreau, P. A., J. Lindqvist, K. R. Osei, and T. Brandt')?.names).toEqual(['P. A. Moreau', 'J. Lindqvist', 'K. R. Osei', 'T. Brandt']);
    expect(anyNameList('Moreau, Paula Anne, Jonas Lindqvist, Kofi Osei, and Tilde Brandt')?.names).toEqual(['Paula Anne Moreau', 'Jonas Lindqvist', 'Kofi Osei', 'Tilde Brandt']);
    expect(anyNameList('Moreau, Paula, Jonas Lindqvist, et Kofi Osei')?.names[0]).toBe('Paula Moreau');
    // With "et al." in place of the conjunction.
    expect(anyNameList('Moreau, Paula, Jonas Lindqvist, Kofi Osei et al.')).toEqual({ names: ['Paula Moreau', 'Jonas Lindqvist', 'Kofi Osei'], truncated: true });
    // Still the pairs of APA with full names.
    expect(anyNameList('Moreau, Paula, Lindqvist, Jonas, & Osei, Kofi')?.names).toEqual(['Paula Moreau', 'Jonas Lindqvist', 'Kofi Osei']);
  });

  it('APA 7 "…" before the last name marks the list truncated; "And" and transliterated initials', () => {
    expect(anyNameList('Moreau, P., Lindqvist, J., ... Osei, K.')).toEqual({ names: ['P. Moreau', 'J. Lindqvist', 'K. Osei'], truncated: true });
    expect(anyNameList('Moreau, Paula R. And Jonas Lindqvist')?.names).toEqual(['Paula R. Moreau', 'Jonas Lindqvist']);
    expect(anyNameList('Petrova, I.Yu., Smirnov, A.Zh.')?.names).toEqual(['I.Yu. Petrova', 'A.Zh. Smirnov']);
    // "Jr." does not end a name as an initial does.
    expect(anyNameList('Moreau, Paula ; Osei Jr., Kofi.')?.names).toEqual(['Paula Moreau', 'Kofi Osei Jr.']);
  });

  it('";" lists (ABNT): long capitalised surnames and a given-first or Vancouver first name', () => {
    expect(anyNameList('DE ALMEIDA DA COSTA NETO, JOANA ; PIRES, RUI ; Lima, Ana')?.names).toEqual(['JOANA DE ALMEIDA DA COSTA NETO', 'RUI PIRES', 'Ana Lima']);
    expect(anyNameList('Costa J. P. ; Lima M. A. ; PIRES, R.')?.names).toEqual(['Costa J. P.', 'Lima M. A.', 'R. PIRES']);
  });

  it('a title is not a name: function words, possessives, journal words', () => {
    expect(isName('On Problem Solving')).toBe(false);
    expect(isName('The New Testament')).toBe(false);
    expect(isName('Kant’s Critique')).toBe(false);
    expect(isName('JOURNAL OF APPLIED OPTICS')).toBe(false);
    // Organisations that write keep their name shape; a name in its own script after its romanization too.
    expect(isName('American Psychiatric Association')).toBe(true);
    expect(isName('Tanaka Hiroshi 田中博')).toBe(true);
  });

  it('one "Surname, Given" with full given names, never a venue or a phrase of a title', () => {
    expect(loneInvertedName('Lindqvist, Jonas Erik.')).toBe('Jonas Erik Lindqvist');
    expect(loneInvertedName('Osei, Kofi Ama, Jr.')).toBe('Kofi Ama Osei Jr');
    expect(loneInvertedName('Physical Review Letters, American Physical Society')).toBeUndefined();
    expect(loneInvertedName('Nature Communications, Springer')).toBeUndefined();
    expect(loneInvertedName('Learning, On Graphs')).toBeUndefined();
  });
});

describe('the default citation heuristic (round 5)', () => {
  it('Vancouver names end at the stop after the last initials', () => {
    expect(heuristicCitation('Moreau PA, Lindqvist J, Osei KR. Sparse codes in the visual cortex. J Vis Res. 2019;12(3):45-60.')).toMatchObject({
      title: 'Sparse codes in the visual cortex',
      authors: ['Moreau PA', 'Lindqvist J', 'Osei KR'],
      year: 2019,
    });
  });

  it('one given-first "name" before a colon, with no year, opens no citation (a title\'s head)', () => {
    expect(heuristicCitation('Graph Partitioning Methods: A Survey of Twenty Years. Moreau, P. 2014. Computing Surveys 50.').confidence).toBe(0);
  });
});

describe('readList (round 5, synthetic pages)', () => {
  const works = [
    ['Moreau, Paula', 'Sparse codes in the visual cortex', 'Journal of Vision Research 12', '2019'],
    ['Lindqvist, Jonas Erik', 'A survey of graph partitioning methods', 'Computing Surveys 50', '2018'],
    ['Osei, Kofi', 'Nearest neighbour search in high dimensions', 'Proceedings of the Endowment 10', '2017'],
  ];

  it('a lone "Surname, Given" right before a quoted title on its line is the author', () => {
    const doc = page(`<ol>${works.map(([a, t, v, y]) => `<li>${a}. “${t}.” ${v} (${y}): 1–20.</li>`).join('')}</ol>`);
    expect(readList(doc, URL_, NOW).works.map((w) => w.authors)).toEqual([['Paula Moreau'], ['Jonas Erik Lindqvist'], ['Kofi Osei']]);
  });

  it('… right after a linked title as a sentence of its own, or on its own line under a bold title', () => {
    const after = page(`<ul>${works.map(([a, t, v, y]) => `<li><a href="/p.pdf">${t}</a>. ${a}. ${v}, ${y}.</li>`).join('')}</ul>`);
    expect(readList(after, URL_, NOW).works.map((w) => w.authors?.[0])).toEqual(['Paula Moreau', 'Jonas Erik Lindqvist', 'Kofi Osei']);
    const under = page(`<table>${works.map(([a, t, v, y]) => `<tr><td><b>${t}</b><br>${a}<br><i>${v}</i> (${y})</td><td><a href="#pdf">PDF</a></td></tr>`).join('')}</table>`);
    expect(readList(under, URL_, NOW).works.map((w) => w.authors?.[0])).toEqual(['Paula Moreau', 'Jonas Erik Lindqvist', 'Kofi Osei']);
  });

  it('a lone Vancouver name in bold above the title of a card is the author', () => {
    const doc = page(works.map(([, t, v, y], i) => `<div class="card"><span class="tag">Paper</span><div><strong>${['Moreau PA', 'Lindqvist JE', 'Osei K'][i]}</strong><div>"${t}"</div><div>${v}, ${y}</div></div></div>`).join(''));
    expect(readList(doc, URL_, NOW).works.map((w) => w.authors)).toEqual([['Moreau PA'], ['Lindqvist JE'], ['Osei K']]);
  });

  it('bare years before 1900 are year labels too; pages, article numbers, volumes and counts are not years', () => {
    // The entries state no year: each takes the bare year above it.
    const old = page(
      `<h3>Books</h3><p><b>1859</b></p><p><a href="/a">On sparse codes of the visual cortex</a>. Moreau, P. London: Press.</p><p><b>1792</b></p><p><a href="/b">Observations of graphs and their parts</a>. Osei, K. Paris: Chez.</p><p><a href="/c">Notes on search in high dimensions</a>. Lindqvist, J. Paris: Chez.</p>`,
    );
    expect(readList(old, URL_, NOW).works.map((w) => w.year)).toEqual([1859, 1792, 1792]);
    const nums = page(
      `<ul>${[
        'Moreau, P., & Osei, K. (2014). Sparse codes in the visual cortex. Vision Research, 66(7), 1693–1704.',
        'Osei, K., & Moreau, P. (2019). A survey of graph partitioning methods. Nucleic Research, 54(D1):D1761-D1767.',
        'Lindqvist, J., & Osei, K. (2021). Nearest neighbour search in high dimensions. Chromatography A, 1638:461900. Cited by 1785',
      ]
        .map((e) => `<li>${e}</li>`)
        .join('')}</ul>`,
    );
    expect(readList(nums, URL_, NOW).works.map((w) => w.year)).toEqual([2014, 2019, 2021]);
  });

  it('a year range is taken by its first year when the entry has no other year; a note\'s year only then', () => {
    const doc = page(
      `<ul>${[
        ['Sparse codes in the visual cortex', 'Moreau, P., & Osei, K. Vision Research 6–7, 1984–1985.'],
        ['A survey of graph partitioning methods', 'Osei, K., & Lindqvist, J. Computing Surveys 8, 2001–2002.'],
        ['Nearest neighbour search in high dimensions', 'Lindqvist, J., & Moreau, P. Endowment, 1864(10):3099-3108.<br>Comments: accepted at the 2026 meeting'],
      ]
        .map(([t, r]) => `<li><a href="/p.pdf">${t}</a>. ${r}</li>`)
        .join('')}</ul>`,
    );
    expect(readList(doc, URL_, NOW).works.map((w) => w.year)).toEqual([1984, 2001, 2026]);
  });
});
