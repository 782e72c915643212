// A site's copy of a published text (docs/merging.md, "Placing what a title rule
// cannot"): a record with neither venue nor a publisher's identifier whose
// abstract opens word for word like one published work's joins it, whatever
// its year; and a title noting where the paper appeared ("… (from ICISC 2021)")
// is that paper. The first test reads real records (Semantic Scholar's "A.
// Turing" page, in the dev split of tests/data/merge-partial), the talk test
// real titles from a lab page; texts marked SYNTHETIC are written here to
// isolate one condition each.
import { describe, expect, it } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import type { StoredCaptureLike } from '../../src/core/merge';
import type { Capture, PageKind, Person, Work } from '../../src/core/capture';
import { captureData } from '../../src/adapters/run';
import { adapterById } from '../../src/adapters/registry';
import { FIXED_NOW, fixtureText } from '../helpers/fixtures';

function cap(key: string, works: Work[], kind: PageKind = 'author', person: Person | undefined = { name: 'Ada Example' }): StoredCaptureLike {
  const capture: Capture = { format: 'scholar-lens.capture', version: 1, source: 'example', pageKind: kind, url: `https://example.org/${key}`, capturedAt: '2026-11-22T10:00:00.000Z', works };
  if (person && kind === 'author') capture.person = person;
  return { key, capture };
}
const together = (r: ReturnType<typeof mergeAll>, a: string, b: string) =>
  r.works.some((w) => w.members.some((m) => `${m.captureKey}#${m.index}` === a) && w.members.some((m) => `${m.captureKey}#${m.index}` === b));

describe('copies of a published text', () => {
  it('joins Semantic Scholar\'s dated copies of "Computing Machinery and Intelligence" to the 1950 paper (real records)', () => {
    const adapter = adapterById('semantic-scholar')!;
    const all = captureData(adapter, fixtureText('semantic_scholar/api_author_2262347_turing.json'), new URL('https://api.semanticscholar.org/graph/v1/author/2262347'), 'json', { now: FIXED_NOW });
    // Checked by hand in the file: 51 is Mind 1950 (DOI 10.1093/mind/lix.236.433); 25 (2007), 23 (2010) and 59 (no year)
    // are copies without venue or DOI whose abstracts open "I propose to consider the question, 'Can machines think?'";
    // 52 is the JSTOR book chapter "PSYCHOLOGY AND PHILOSOPHY" (its own DOI) whose text opens "1. The Imitation Game. I PROPOSE…".
    const pick = [51, 25, 23, 59, 52];
    const works = pick.map((i) => all.works![i]!);
    expect(works.map((w) => w.title)).toEqual([
      'Computing Machinery and Intelligence',
      'Computing Machinery and Intelligence A.M. Turing',
      'Turing 1950 1 The Imitation Game',
      'Computing Machinery and Intelligence 1. the Imitation Game',
      'PSYCHOLOGY AND PHILOSOPHY',
    ]);
    const r = mergeAll([{ key: 's2', capture: { ...all, works } }], []);
    for (const i of [1, 2, 3]) expect(together(r, 's2#0', `s2#${i}`), pick[i]!.toString()).toBe(true);
    expect(together(r, 's2#0', 's2#4')).toBe(false);
    const copy = r.works.find((w) => w.members.some((m) => m.index === 1))!;
    expect(copy.members.filter((m) => m.placedBy === 'abstract').map((m) => m.index).sort()).toEqual([1, 2, 3]);
  });

  // SYNTHETIC texts from here on.
  const TEXT =
    'We describe a scheduler for wireless mesh networks that assigns slots to links from measured interference rather than a model, ' +
    'and show on a testbed of forty nodes that it doubles the throughput of the best static schedule while keeping latency bounded under load; ' +
    'the scheduler runs in the nodes themselves, needs no central controller and adapts within seconds when links fail.';
  const paper: Work = { title: 'Measurement-driven slot scheduling for wireless mesh networks', authors: ['Ada Example', 'Bo Other'], year: 2012, venue: 'Proc. MeshNet', ids: { doi: '10.1000/mesh.2012' }, abstract: TEXT };
  const copy: Work = { title: 'Slot scheduling mesh pdf', authors: ['A. Example'], year: 2019, abstract: TEXT.slice(0, 400) };

  it('joins a copy years later, and leaves it alone when it has a venue, is older than the text, or opens two published works', () => {
    expect(together(mergeAll([cap('p', [paper, copy])], []), 'p#0', 'p#1')).toBe(true);
    // With a venue it is a publication of its own (a talk, a journal version): the year rule stands.
    expect(together(mergeAll([cap('p', [paper, { ...copy, venue: 'Mesh Workshop' }])], []), 'p#0', 'p#1')).toBe(false);
    // A copy is not older than the text.
    expect(together(mergeAll([cap('p', [paper, { ...copy, year: 2009 }])], []), 'p#0', 'p#1')).toBe(false);
    // A conference paper and its journal version with one abstract: not for a copy to choose.
    const journal: Work = { ...paper, title: 'Measurement-driven scheduling in wireless mesh networks', venue: 'Trans. Mesh', year: 2014, ids: { doi: '10.1000/mesh.2014' } };
    const r = mergeAll([cap('p', [paper, journal, copy])], []);
    expect(together(r, 'p#0', 'p#2') || together(r, 'p#1', 'p#2')).toBe(false);
    // Shared words without the same opening, or disjoint authors: no copy.
    const reworded = { ...copy, abstract: `In this work, ${TEXT.slice(0, 400)}` };
    expect(together(mergeAll([cap('p', [paper, reworded])], []), 'p#0', 'p#1')).toBe(false);
    expect(together(mergeAll([cap('p', [paper, { ...copy, authors: ['Zed Stranger'] }])], []), 'p#0', 'p#1')).toBe(false);
  });

  it('breaks a tie between two works of the same year by the record\'s own venue', () => {
    // A paper and a book chapter holding its text, both 2012, and a mirror's title-less copy of the abstract with the paper's venue.
    const chapter: Work = { title: 'Chapter 3: Scheduling', authors: ['Ada Example'], year: 2012, venue: 'Mesh Networks, a Reader', ids: { doi: '10.1000/reader.3' }, abstract: TEXT };
    const mirror: Work = { year: 2012, venue: 'Proc. MeshNet', abstract: TEXT };
    const r = mergeAll([cap('p', [paper, chapter]), cap('m', [mirror], 'list')], []);
    expect(together(r, 'p#0', 'm#0')).toBe(true);
    expect(together(r, 'p#1', 'm#0')).toBe(false);
    // Without a venue the tie stays a tie.
    const { venue: _v, ...bare } = mirror;
    const r2 = mergeAll([cap('p', [paper, chapter]), cap('m', [bare], 'list')], []);
    expect(together(r2, 'p#0', 'm#0') || together(r2, 'p#1', 'm#0')).toBe(false);
  });
});

describe('a title that notes where the paper appeared', () => {
  // Title, authors, venues and years as Masayuki Tezuka's own publication page prints them
  // (lab_pages/tezuka_publications_ja.html, dev split of tests/data/merge-partial); abstracts left out.
  const authors = ['Hiroki Yamamuro', 'Keisuke Hara', 'Masayuki Tezuka', 'Yusuke Yoshida', 'Keisuke Tanaka'];
  const paper: Work = { title: 'Forward Secure Message Franking', authors, year: 2021, venue: 'ICISC 2021' };
  const talk: Work = { title: 'Forward Secure Message Franking (from ICISC 2021)', authors, year: 2022, venue: '電子情報通信学会 情報セキュリティ研究会 (ISEC)[招待講演]' };

  it('joins a talk "(from ICISC 2021)" to the ICISC 2021 paper on the same page, a year later', () => {
    expect(together(mergeAll([cap('t', [paper, talk])], []), 't#0', 't#1')).toBe(true);
  });

  it('needs the whole venue in the note, the same title before it, and no "version" (SYNTHETIC variations)', () => {
    expect(together(mergeAll([cap('t', [paper, { ...talk, title: 'Forward Secure Message Franking (from ICISC 2020)' }])], []), 't#0', 't#1')).toBe(false);
    expect(together(mergeAll([cap('t', [paper, { ...talk, title: 'Forward Secure Message Franking Revisited (from ICISC 2021)' }])], []), 't#0', 't#1')).toBe(false);
    expect(together(mergeAll([cap('t', [paper, { ...talk, title: 'Forward Secure Message Franking (full version of ICISC 2021)' }])], []), 't#0', 't#1')).toBe(false);
    expect(together(mergeAll([cap('t', [paper, { ...talk, authors: ['Someone Else'] }])], []), 't#0', 't#1')).toBe(false);
  });
});
