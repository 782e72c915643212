// Publish or Perish's CSV, written and read: a round trip through a real
// Scholar profile, and a PoP-shaped file (SYNTHETIC, typed below in PoP's
// columns) with quoted multi-author cells, read through the same import path
// as BibTeX and merged with the pages.

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import { workToCsl, type CslItem } from '../../src/formats/csl';
import { parseCsv } from '../../src/formats/csv';
import { exportAs } from '../../src/formats/index';
import { readBibliography } from '../../src/formats/import';
import { withCitationKeys } from '../../src/formats/keys';
import { isPopCsv, POP_COLUMNS, toPopCsv } from '../../src/formats/pop-csv';
import { ernst } from '../helpers/format-records';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('export in PoP’s columns', () => {
  const e = ernst();
  const items = withCitationKeys(e.works!.map((w, i) => workToCsl(w, `w${i}`)));
  const csv = exportAs('pop-csv', { items }, { now: NOW });

  it('has PoP’s header and one row per work, read back by papaparse', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...POP_COLUMNS]);
    expect(parsed.data).toHaveLength(58);
    // Row 1 of the profile: 485 citations, 2018, "W Cai, Z Wang, JB Ernst, Z Hong, C Feng, VCM Leung", "IEEE access 6, 53019-53033".
    const first = parsed.data.find((r) => r.Title === 'Decentralized applications: The blockchain-empowered software system')!;
    expect(first).toMatchObject({
      Cites: '485', Authors: 'W Cai, Z Wang, JB Ernst, Z Hong, C Feng, VCM Leung', Year: '2018', Source: 'IEEE access',
      Volume: '6', Issue: '', StartPage: '53019', EndPage: '53033', Type: 'journal-article', QueryDate: '2026-03-01',
      // Age 2026 − 2018 + 1 = 9; 485 / 9 = 53.89 a year; 485 / 6 authors = 80.83.
      Age: '9', CitesPerYear: '53.89', CitesPerAuthor: '80.83', AuthorCount: '6', ECC: '485',
    });
    // A work without a citation count on the page has an empty Cites, not 0.
    expect(parsed.data.filter((r) => r.Cites === '').length).toBe(e.works!.filter((w) => w.citations === undefined).length);
  });

  it('round-trips: the file imports back into the same records', () => {
    expect(isPopCsv(csv)).toBe(true);
    const { capture, problems } = readBibliography(csv, 'ernst-pop.csv', { now: NOW });
    expect(problems).toEqual([]);
    expect(capture.works).toHaveLength(58);
    const back = withCitationKeys(capture.works!.map((w, i) => workToCsl(w, `w${i}`)));
    const fields = (it: CslItem) => ({
      id: it.id, type: it.type, title: it.title, author: it.author, issued: it.issued, container: it['container-title'], volume: it.volume,
      issue: it.issue, page: it.page, publisher: it.publisher, DOI: it.DOI, URL: it.URL, number: it.number, citations: it.custom?.scholarLens?.citations,
    });
    expect(back.map(fields)).toEqual(items.map(fields));
    // Scholar's own venue strings come back as Scholar printed them.
    const venues = new Map(e.works!.map((w) => [w.title, w.venue]));
    expect(capture.works!.find((w) => w.title?.startsWith('Decentralized applications'))!.venue).toBe(venues.get('Decentralized applications: The blockchain-empowered software system'));
    expect(capture.works!.find((w) => w.title?.startsWith('Decentralized applications'))!.venue).toBe('IEEE access 6, 53019-53033');
  });
});

// SYNTHETIC: a PoP results file as PoP writes it (CRLF, every text cell quoted), typed here.
// Two authors in one quoted cell; a title with a comma and doubled quotes; Scholar's cut author
// list ("…"); a row without a title; one of Ernst's works, to merge with his profile.
const POP = [
  'Cites,Authors,Title,Year,Source,Publisher,ArticleURL,CitesURL,GSRank,QueryDate,Type,DOI,ISSN,CitationURL,Volume,Issue,StartPage,EndPage,ECC,CitesPerYear,CitesPerAuthor,AuthorCount,Age,Abstract,FullTextURL,RelatedURL',
  '12,"AG Meyer, J Smith","Rights at work, and ""duties""",2005,"Journal of Human Rights","Taylor & Francis","https://example.org/a",,1,"2026-03-01 10:00:00","journal-article","10.1234/JHR.2005.1",,,4,2,197,211,12,0.55,6,2,22,"An abstract\r\nover two lines.",,',
  '3,"IK A, KA Irshad, B Other, …","Many hands",2019,"Proceedings of the Workshop",,,,2,"2026-03-01 10:00:00",,,,,,,,,3,0.38,1,4,8,,,',
  ',"X Y","",2020,,,,,3,,,,,,,,,,,,,,,,,',
  '485,"W Cai, Z Wang, JB Ernst, Z Hong, C Feng, VCM Leung","Decentralized applications: The blockchain-empowered software system",2018,"IEEE access","IEEE",,,4,,,,,,6,,53019,53033,485,53.89,80.83,6,9,,,',
].join('\r\n');
// An older PoP version: the columns stop after Type.
const POP_OLD = ['Cites,Authors,Title,Year,Source,Publisher,ArticleURL,CitesURL,GSRank,QueryDate,Type', '7,"L Lee, M Ma","Old layout",2001,"Nature",,,,1,,"CITATION"'].join('\r\n');

describe('reading a PoP-shaped file', () => {
  it('splits quoted cells by RFC 4180', () => {
    const rows = parseCsv(POP);
    expect(rows[1]!.cells.slice(0, 3)).toEqual(['12', 'AG Meyer, J Smith', 'Rights at work, and "duties"']);
    expect(rows[1]!.cells[23]).toBe('An abstract\r\nover two lines.');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]); // the abstract's line break moves the next row down
  });

  it('gives works with their authors, venue in Scholar’s form, citations and DOI; the untitled row reported', () => {
    const { capture, problems } = readBibliography(POP, 'saved-results.csv', { now: NOW });
    expect(capture.source).toBe('bibliography');
    expect(capture.pageKind).toBe('list');
    expect(capture.works).toEqual([
      {
        title: 'Rights at work, and "duties"', authors: ['AG Meyer', 'J Smith'], year: 2005, venue: 'Journal of Human Rights 4 (2), 197-211',
        publisher: 'Taylor & Francis', abstract: 'An abstract over two lines.', citations: 12, ids: { doi: '10.1234/jhr.2005.1' }, url: 'https://example.org/a', type: 'article',
      },
      { title: 'Many hands', authors: ['IK A', 'KA Irshad', 'B Other'], authorsTruncated: true, year: 2019, venue: 'Proceedings of the Workshop', citations: 3 },
      {
        title: 'Decentralized applications: The blockchain-empowered software system', authors: ['W Cai', 'Z Wang', 'JB Ernst', 'Z Hong', 'C Feng', 'VCM Leung'],
        year: 2018, venue: 'IEEE access 6, 53019-53033', publisher: 'IEEE', citations: 485,
      },
    ]);
    expect(problems).toEqual([{ line: 5, message: 'no title or abstract, left out', skipped: true }]);
    // The exports then write the first as an @article with its parts.
    const bib = exportAs('bibtex', { items: withCitationKeys([workToCsl(capture.works![0]!, 'x')]) });
    expect(bib).toContain('  journal = {Journal of Human Rights},\n  volume = {4},\n  number = {2},\n  pages = {197--211},\n  publisher = {Taylor \\& Francis},');
  });

  it('reads the older, shorter layout', () => {
    expect(readBibliography(POP_OLD, 'old.csv', { now: NOW }).capture.works).toEqual([{ title: 'Old layout', authors: ['L Lee', 'M Ma'], year: 2001, venue: 'Nature', citations: 7 }]);
  });

  it('merges with the pages: the PoP row of Ernst’s paper joins his Scholar row', () => {
    const pop = readBibliography(POP, 'saved-results.csv', { now: NOW, owner: 'Jason Ernst' }).capture;
    const result = mergeAll([
      { key: 'google-scholar:ernst', capture: ernst() },
      { key: 'bibliography:saved-results.csv', capture: pop },
    ]);
    const joined = result.works.find((w) => w.title === 'Decentralized applications: The blockchain-empowered software system')!;
    expect(joined.members.map((m) => m.source).sort()).toEqual(['bibliography', 'google-scholar']);
  });
});

it('a file that is not PoP’s is not taken for one', () => {
  expect(isPopCsv('@article{k, title={T}}')).toBe(false);
  expect(isPopCsv('key,work_id,title\r\n')).toBe(false);
  expect(toPopCsv([], NOW).replace(/^\uFEFF/, '')).toBe(`${POP_COLUMNS.join(',')}\r\n`);
});
