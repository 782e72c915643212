// Venue strings and author names as Google Scholar prints them, read from the
// saved pages by the real adapter, split into what citation formats want.
// Every expected value is typed by hand from the string shown beside it.

import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { bibtexEntry } from '../../src/formats/bibtex';
import { workToCsl } from '../../src/formats/csl';
import { displayName, initialsName, invertedName, parseName } from '../../src/formats/names';
import { toRis } from '../../src/formats/ris';
import { parseVenue } from '../../src/formats/venue';
import { ernst, newton, scholarCapture } from '../helpers/format-records';

const elmatary = () => scholarCapture('profile_LZ5D_p4AAAAJ_elmatary_ar.html', 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar');
const cherukuri = () => scholarCapture('profile_amIMrIEAAAAJ_cherukuri.html', 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en');
const kietzig = () => scholarCapture('profile_8daWuo4AAAAJ_kietzig_fr_2019.html', 'https://scholar.google.com/citations?user=8daWuo4AAAAJ&hl=fr');
const crispr = () => scholarCapture('search_crispr_cas9_p1.html', 'https://scholar.google.com/scholar?q=crispr+cas9');

/** The page's work with exactly this venue string: the strings below are the pages' own. */
function shown(c: Capture, venue: string) {
  const w = c.works?.find((x) => x.venue === venue);
  if (!w) throw new Error(`no row with venue ${venue}`);
  return w;
}

describe('parseVenue on Scholar venue strings', () => {
  const e = ernst();
  const n = newton();
  const cases: [Capture, string, ReturnType<typeof parseVenue>][] = [
    [e, 'Journal of Computer and System Sciences 77 (4), 652-664', { kind: 'journal', container: 'Journal of Computer and System Sciences', volume: '77', issue: '4', pages: '652-664' }],
    [e, 'IEEE access 6, 53019-53033', { kind: 'journal', container: 'IEEE access', volume: '6', pages: '53019-53033' }],
    [e, 'Procedia Computer Science 29', { kind: 'journal', container: 'Procedia Computer Science', volume: '29' }],
    [e, 'Ubiquity 2019 (April), 1-6', { kind: 'journal', container: 'Ubiquity', volume: '2019', issue: 'April', pages: '1-6' }],
    [e, '2014 IEEE International Conference on Communications (ICC), 2363-2368', { kind: 'proceedings', container: '2014 IEEE International Conference on Communications (ICC)', pages: '2363-2368' }],
    [e, 'Proceedings of the 30th Annual ACM Symposium on Applied Computing, 680-687', { kind: 'proceedings', container: 'Proceedings of the 30th Annual ACM Symposium on Applied Computing', pages: '680-687' }],
    [e, '2019 IEEE 10th Annual Information Technology, Electronics and Mobile …', { kind: 'proceedings', container: '2019 IEEE 10th Annual Information Technology, Electronics and Mobile …', truncated: true }],
    [e, 'Computer and network security essentials, 21-39', { kind: 'collection', container: 'Computer and network security essentials', pages: '21-39' }],
    [e, 'arXiv preprint arXiv:2112.09544', { kind: 'preprint', arxiv: '2112.09544' }],
    [e, 'US Patent 11,102,702', { kind: 'patent', number: 'US Patent 11,102,702' }],
    [e, 'US Patent App. 16/641,358', { kind: 'patent', number: 'US Patent App. 16/641,358' }],
    [e, 'ACM Future of Computing Blog', { kind: 'unknown', container: 'ACM Future of Computing Blog' }],
    [n, 'Cambridge University Press', { kind: 'publisher', publisher: 'Cambridge University Press' }],
    [n, 'BiblioBazaar, LLC', { kind: 'publisher', publisher: 'BiblioBazaar, LLC' }],
    [n, 'Philosophical Transactions of the Royal Society B: Biological Sciences 344 ...', { kind: 'journal', container: 'Philosophical Transactions of the Royal Society B: Biological Sciences 344 …', truncated: true }],
    [n, 'Transactions of the American Philosophical Society, 329-395', { kind: 'journal', container: 'Transactions of the American Philosophical Society', pages: '329-395' }],
    [elmatary(), 'Engineering Research Journal (Shoubra) 51 (1), 88-94', { kind: 'journal', container: 'Engineering Research Journal (Shoubra)', volume: '51', issue: '1', pages: '88-94' }],
    [elmatary(), 'Journal of Computer and Communications, 120-134', { kind: 'journal', container: 'Journal of Computer and Communications', pages: '120-134' }],
    // An en dash between the pages (as this page prints it) is written as a hyphen.
    [cherukuri(), 'International Journal of Science and Research Archive (IJSRA) 12 (1), 3111–3126', { kind: 'journal', container: 'International Journal of Science and Research Archive (IJSRA)', volume: '12', issue: '1', pages: '3111-3126' }],
    [crispr(), 'Annual review of biophysics', { kind: 'journal', container: 'Annual review of biophysics' }],
    [crispr(), 'Science', { kind: 'unknown', container: 'Science' }],
  ];
  for (const [c, venue, want] of cases) it(venue, () => expect(parseVenue(shown(c, venue).venue)).toEqual(want));

  it('a trailing year is the year only when it is the work’s (Scholar search results: "Proceedings of …, 2018")', () => {
    expect(parseVenue('Proceedings of the Royal Society of …, 1985', { year: 1985 })).toEqual({ kind: 'journal', container: 'Proceedings of the Royal Society of …', truncated: true, year: 1985 });
    expect(parseVenue('Proceedings of …, 2018')).toEqual({ kind: 'proceedings', container: 'Proceedings of …', truncated: true, year: 2018 });
    // After a volume it is a page: "IEEE access 6, 2018" is page 2018 of volume 6.
    expect(parseVenue('IEEE access 6, 2018', { year: 2018 })).toEqual({ kind: 'journal', container: 'IEEE access', volume: '6', pages: '2018' });
    expect(parseVenue('Computer and network security essentials, 2018', { year: 2017 })).toEqual({ kind: 'collection', container: 'Computer and network security essentials', pages: '2018' });
  });

  it('DBLP’s CoRR and the other preprint servers are preprints', () => {
    expect(parseVenue('CoRR abs/2203.09372')).toEqual({ kind: 'preprint', container: 'CoRR', arxiv: '2203.09372' });
    expect(parseVenue('bioRxiv, 2020.01.01.123456')).toEqual({ kind: 'preprint', container: 'bioRxiv' });
    expect(parseVenue('')).toEqual({ kind: 'unknown' });
  });
});

describe('names in every site’s forms', () => {
  it('Scholar: initials first, everything after them the family name', () => {
    // The issue's pair: one person as "IK A" and "KA Irshad" — never `A, IK` and `KA, I`.
    expect(invertedName(parseName('IK A'))).toBe('A, I. K.');
    expect(invertedName(parseName('KA Irshad'))).toBe('Irshad, K. A.');
    const e = ernst().works!;
    // "JB Ernst, SC Kremer, JJPC Rodrigues" (Physical Communication 13, 61-72).
    expect(shown(ernst(), 'Physical Communication 13, 61-72').authors!.map(parseName)).toEqual([
      { family: 'Ernst', given: 'J. B.' },
      { family: 'Kremer', given: 'S. C.' },
      { family: 'Rodrigues', given: 'J. J. P. C.' },
    ]);
    // "AT Lawniczak, JB Ernst, BN Di Stefano": a capitalised "Di" is part of the family name.
    expect(parseName(e.find((w) => w.authors?.includes('BN Di Stefano'))!.authors!.at(-1)!)).toEqual({ family: 'Di Stefano', given: 'B. N.' });
    // Elmatary's page: "D E El Matary" (initials apart), "AST El Dien".
    const el = elmatary().works!.flatMap((w) => w.authors ?? []);
    expect(parseName(el.find((a) => a === 'D E El Matary')!)).toEqual({ family: 'El Matary', given: 'D. E.' });
    expect(parseName(el.find((a) => a === 'AST El Dien')!)).toEqual({ family: 'El Dien', given: 'A. S. T.' });
  });

  it('particles in lower case are split off, and kept with the family name in BibTeX and RIS', () => {
    // Newton: "I Newton, MS de Heredia, PF Florez"; Kietzig: "…, RS Stein, T van de Ven".
    const heredia = newton().works!.flatMap((w) => w.authors ?? []).find((a) => a === 'MS de Heredia')!;
    expect(parseName(heredia)).toEqual({ family: 'Heredia', 'non-dropping-particle': 'de', given: 'M. S.' });
    const ven = parseName(kietzig().works!.flatMap((w) => w.authors ?? []).find((a) => a === 'T van de Ven')!);
    expect(ven).toEqual({ family: 'Ven', 'non-dropping-particle': 'van de', given: 'T.' });
    expect(invertedName(ven)).toBe('van de Ven, T.');
    expect(parseName('Teven Le Scao')).toEqual({ family: 'Le Scao', given: 'Teven' });
  });

  it('PubMed’s family-first form, the comma form, dotted and hyphenated initials', () => {
    expect(parseName('Ernst JB')).toEqual({ family: 'Ernst', given: 'J. B.' });
    expect(parseName('van der Berg JM')).toEqual({ family: 'Berg', 'non-dropping-particle': 'van der', given: 'J. M.' });
    expect(parseName('Sen, Sanchari')).toEqual({ family: 'Sen', given: 'Sanchari' });
    expect(parseName('Smith, J.B.')).toEqual({ family: 'Smith', given: 'J. B.' });
    expect(parseName('J.-P. Sartre')).toEqual({ family: 'Sartre', given: 'J.-P.' });
    expect(parseName('Victor CM Leung')).toEqual({ family: 'Leung', given: 'Victor C. M.' });
    // All in capitals, a four-letter word is a name, not initials.
    expect(parseName('I NEWTON')).toEqual({ family: 'NEWTON', given: 'I.' });
    expect(parseName('JOHN SMITH')).toEqual({ family: 'SMITH', given: 'JOHN' });
    expect(parseName('Alhazen')).toEqual({ literal: 'Alhazen' });
  });

  it('CJK names: family name first', () => {
    expect(parseName('张三')).toEqual({ family: '张', given: '三' });
    expect(parseName('欧阳修')).toEqual({ family: '欧阳', given: '修' }); // a two-character family name
    expect(parseName('山田 太郎')).toEqual({ family: '山田', given: '太郎' });
    expect(parseName('김철수')).toEqual({ family: '김', given: '철수' });
    // Four characters run together could be 2 + 2 (Japanese) or 1 + 3: kept whole rather than split wrong.
    expect(parseName('山田太郎')).toEqual({ literal: '山田太郎' });
    expect(displayName(parseName('张三'))).toBe('张三');
  });

  it('the short form Publish or Perish and Scholar write', () => {
    expect(initialsName(parseName('Sen, Sanchari'))).toBe('S Sen');
    expect(initialsName(parseName('JJPC Rodrigues'))).toBe('JJPC Rodrigues');
    expect(initialsName(parseName('MS de Heredia'))).toBe('MS de Heredia');
    expect(initialsName(parseName('J.-P. Sartre'))).toBe('J-P Sartre');
  });
});

describe('exports get the right entry types and fields', () => {
  it('a Scholar journal row is an @article with volume, number and pages, not @misc with howpublished', () => {
    const w = shown(ernst(), 'Journal of Computer and System Sciences 77 (4), 652-664');
    const bib = bibtexEntry(workToCsl(w, 'k'));
    expect(bib).toMatch(/^@article\{k,/);
    expect(bib).toContain('  author = {Ernst, J. B. and Denko, M. K.},');
    expect(bib).toContain('  journal = {Journal of Computer and System Sciences},');
    expect(bib).toContain('  volume = {77},\n  number = {4},\n  pages = {652--664},');
    expect(bib).not.toContain('howpublished');
    const ris = toRis([workToCsl(w, 'k')]);
    expect(ris).toContain('TY  - JOUR\r\n');
    expect(ris).toContain('T2  - Journal of Computer and System Sciences\r\nVL  - 77\r\nIS  - 4\r\nSP  - 652\r\nEP  - 664\r\n');
  });

  it('proceedings, chapters, books, preprints and patents', () => {
    const e = ernst();
    const entry = (c: Capture, venue: string) => bibtexEntry(workToCsl(shown(c, venue), 'k'));
    const icc = entry(e, '2014 IEEE International Conference on Communications (ICC), 2363-2368');
    expect(icc).toMatch(/^@inproceedings\{k,/);
    expect(icc).toContain('  booktitle = {2014 IEEE International Conference on Communications (ICC)},\n  pages = {2363--2368},');
    const chapter = entry(e, 'Computer and network security essentials, 21-39');
    expect(chapter).toMatch(/^@incollection\{k,/);
    expect(chapter).toContain('  booktitle = {Computer and network security essentials},\n  pages = {21--39},');
    const book = entry(newton(), 'Cambridge University Press');
    expect(book).toMatch(/^@book\{k,/);
    expect(book).toContain('  publisher = {Cambridge University Press},');
    const preprint = entry(e, 'arXiv preprint arXiv:2112.09544');
    expect(preprint).toMatch(/^@misc\{k,/);
    expect(preprint).toContain('  eprint = {2112.09544},\n  archivePrefix = {arXiv},');
    expect(preprint).not.toContain('howpublished');
    const patent = workToCsl(shown(e, 'US Patent 11,102,702'), 'k');
    expect([patent.type, patent.number]).toEqual(['patent', 'US Patent 11,102,702']);
    expect(bibtexEntry(patent)).toContain('  howpublished = {US Patent 11,102,702},');
  });

  it('a page that gives the type keeps it; the venue still gives the parts', () => {
    const csl = workToCsl({ title: 'T', type: 'conference', venue: 'Journal of Physics: Conference Series 1234 (1), 012001', year: 2019 }, 'k');
    expect([csl.type, csl['container-title'], csl.volume, csl.issue, csl.page]).toEqual(['paper-conference', 'Journal of Physics: Conference Series', '1234', '1', '012001']);
  });
});
