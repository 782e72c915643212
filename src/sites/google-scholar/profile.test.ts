// Google Scholar author profiles, on every saved profile page we have.
// Expected values were read by hand from the saved HTML (grep for
// gsc_rsb_std, gsc_g_t/gsc_g_a, gsc_a_tr rows) and from Google's own stats
// table as recorded in ../shared/fixtures/SOURCES.tsv — never from this code's output.

import { describe, expect, it } from 'vitest';
import type { Capture, Work } from '../../core/capture';
import { capturePage } from '../../adapters/run';
import { googleScholar } from './index';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';
import { parseHtml } from '../../node/dom';

function capture(file: string, url: string): Capture {
  return capturePage(googleScholar, fixtureDoc(`google_scholar/${file}`), new URL(url), { now: FIXED_NOW });
}

// Written here on purpose: the metrics module is someone else's, and this
// test checks the rows against Google's table, not against that module.
function hIndex(works: Work[]): number {
  const c = works.map((w) => w.citations ?? 0).sort((a, b) => b - a);
  let h = 0;
  while (h < c.length && (c[h] ?? 0) >= h + 1) h++;
  return h;
}
const i10 = (works: Work[]) => works.filter((w) => (w.citations ?? 0) >= 10).length;
const sum = (works: Work[]) => works.reduce((s, w) => s + (w.citations ?? 0), 0);

describe('Google Scholar profile, 2024 layout, all 58 rows (Ernst)', () => {
  const c = capture('profile_SbUmSEAAAAAJ_ernst_all58.html', 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
  const works = c.works ?? [];

  it('reads the person and the stats table', () => {
    expect(c.pageKind).toBe('author');
    // #gsc_prf_in, the .gsc_prf_ila org link, the "Homepage" link and five .gsc_prf_inta links.
    expect(c.person?.name).toBe('Jason Ernst');
    expect(c.person?.affiliation).toBe('University of Guelph');
    expect(c.person?.homepage).toBe('http://www.jasonernst.com/');
    expect(c.person?.interests).toEqual([
      'Wireless Mesh Networks',
      'Heteroeneous Wireless Networks', // sic, as the page spells it
      'Decentralization',
      'Simulation',
      'Robotics',
    ]);
    expect(c.person?.ids?.gscholar).toBe('SbUmSEAAAAAJ');
    // gsc_rsb_std cells 1083/806, 14/8, 17/7; header "Since 2019" (also in SOURCES.tsv).
    expect(c.person?.metrics).toEqual({
      citations: 1083,
      citationsSince: 806,
      sinceYear: 2019,
      hIndex: 14,
      hIndexSince: 8,
      i10Index: 17,
      i10IndexSince: 7,
    });
  });

  it('maps every chart bar to its year label', () => {
    // 16 labels 2009..2024 and 16 bars; bar right:488px ↔ label right:483px (2009) holds 3, last bar 35.
    const y = c.person?.citationsByYear ?? {};
    expect(Object.keys(y)).toHaveLength(16);
    expect(y['2009']).toBe(3);
    expect(y['2011']).toBe(15);
    expect(y['2019']).toBe(110);
    expect(y['2023']).toBe(200);
    expect(y['2024']).toBe(35);
  });

  it('lists all 58 rows, and they reproduce Google h=14, i10=17 and 1083 citations', () => {
    // "Articles 1–58" and 58 tr.gsc_a_tr; the "Show more" button is disabled.
    expect(works).toHaveLength(58);
    expect(hIndex(works)).toBe(14);
    expect(i10(works)).toBe(17);
    expect(sum(works)).toBe(1083);
    expect(c.notes ?? []).toEqual([]);
  });

  it('reads the first and last rows', () => {
    expect(works[0]).toEqual({
      title: 'Decentralized applications: The blockchain-empowered software system',
      authors: ['W Cai', 'Z Wang', 'JB Ernst', 'Z Hong', 'C Feng', 'VCM Leung'],
      venue: 'IEEE access 6, 53019-53033',
      year: 2018,
      citations: 485,
      ids: { gscholar: 'SbUmSEAAAAAJ:HoB7MX3m0LUC' },
      url: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=SbUmSEAAAAAJ&pagesize=80&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
    });
    // Last row: empty venue line, empty "Cited by" link and empty year cell; author list ends "..."
    const last = works[57];
    expect(last?.title).toBe('CWECS 2015');
    expect(last?.authors).toEqual(['I You', 'A Sala', 'A Colella', 'CC Lien', 'CL Chen', 'CC Tuan', 'C Soriente']);
    expect(last?.authorsTruncated).toBe(true);
    expect(last).not.toHaveProperty('venue');
    expect(last).not.toHaveProperty('year');
    expect(last).not.toHaveProperty('citations');
  });

  it('keys the page by user id whatever the sort order or language', () => {
    const a = googleScholar.pageKey?.(new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en'));
    const b = googleScholar.pageKey?.(
      new URL('https://scholar.google.de/citations?hl=de&user=SbUmSEAAAAAJ&view_op=list_works&sortby=pubdate&cstart=20'),
    );
    expect(a).toBe('user=SbUmSEAAAAAJ');
    expect(b).toBe(a);
  });
});

describe('Google Scholar profile, 2015 layout without <html> (Newton)', () => {
  const c = capture(
    'profile_newton_2015.html',
    'https://scholar.google.com/citations?hl=en&user=j2MGGBAAAAAJ&pagesize=100&view_op=list_works',
  );
  const works = c.works ?? [];

  it('reads the person, the table and the left-positioned chart', () => {
    expect(c.person?.name).toBe('isaac newton'); // lower case on the page
    expect(c.person?.affiliation).toBe('University of Cambridge');
    // 2015 interests are .gsc_prf_ila label links in a plain .gsc_prf_il line.
    expect(c.person?.interests?.slice(0, 4)).toEqual(['Physics', 'Natural philosophy', 'Mathematics', 'Astronomy']);
    expect(c.person?.metrics).toEqual({
      citations: 13038,
      citationsSince: 4574,
      sinceYear: 2010,
      hIndex: 45,
      hIndexSince: 26,
      i10Index: 99,
      i10IndexSince: 61,
    });
    // Bars at left:8px … left:264px under labels 2007 … 2015.
    expect(c.person?.citationsByYear).toEqual({
      '2007': 639, '2008': 729, '2009': 697, '2010': 674, '2011': 760,
      '2012': 808, '2013': 919, '2014': 865, '2015': 535,
    });
  });

  it('lists 100 rows that reproduce h=45 and i10=99, and says more exist', () => {
    expect(works).toHaveLength(100); // "1–100"
    expect(hIndex(works)).toBe(45);
    expect(i10(works)).toBe(99);
    expect(works[0]).toMatchObject({
      title: 'Philosophiae naturalis principia mathematica',
      authors: ['I Newton', 'D Bernoulli', 'C MacLaurin', 'L Euler'],
      venue: 'excudit G. Brookman; impensis TT et J. Tegg, Londini',
      year: 1833,
      citations: 1743,
      ids: { gscholar: 'j2MGGBAAAAAJ:silx2ntsSuwC' },
    });
    expect(works[99]).toMatchObject({ venue: 'Dunod', year: 2005, citations: 9, authorsTruncated: true });
    expect(works[99]?.title).toMatch(/^Principia: PRINCIPES MATHEMATIQUES/);
    // The "Show more" button (#gsc_bpf_more) is not disabled on this page.
    expect(c.notes?.some((n) => /lists 100 works .*Collect all/.test(n))).toBe(true);
  });
});

describe('Google Scholar profile, French interface 2019 (Kietzig)', () => {
  const c = capture('profile_8daWuo4AAAAJ_kietzig_fr_2019.html', 'https://scholar.google.fr/citations?user=8daWuo4AAAAJ&hl=fr');

  it('reads "Toutes / Depuis 2014" by position and the translated homepage link', () => {
    expect(c.person?.name).toBe('Anne Kietzig');
    expect(c.person?.affiliation).toBe('Professor of Chemical Engineering, McGill Univeristy'); // sic
    expect(c.person?.homepage).toBe('http://kietzig-lab.mcgill.ca/'); // labelled "Page d'accueil"
    expect(c.person?.interests).toEqual(['laser micromachining', 'wetting', 'biomimetics']);
    expect(c.person?.metrics).toEqual({
      citations: 1338,
      citationsSince: 1149,
      sinceYear: 2014,
      hIndex: 17,
      hIndexSince: 16,
      i10Index: 21,
      i10IndexSince: 21,
    });
    // 11 labels 2009..2019, 11 bars: 6 … 348 (2018), 83 (2019).
    expect(c.person?.citationsByYear?.['2009']).toBe(6);
    expect(c.person?.citationsByYear?.['2018']).toBe(348);
    expect(c.person?.citationsByYear?.['2019']).toBe(83);
  });

  it('lists the 2 rows shown and says the list is partial', () => {
    const works = c.works ?? [];
    expect(works).toHaveLength(2);
    // First row has an empty "Cited by" cell; second has 1.
    expect(works[0]).toMatchObject({ venue: 'Carbon 140, 201-209', year: 2018 });
    expect(works[0]).not.toHaveProperty('citations');
    expect(works[1]).toMatchObject({
      title: 'Boiling heat transfer enhancement with stable nanofluids and laser textured copper surfaces',
      authors: ['A Karthikeyan', 'S Coulombe', 'AM Kietzig'],
      citations: 1,
    });
    expect(c.notes?.some((n) => /Collect all/.test(n))).toBe(true);
    // i10 = 21 stated, only 2 listed.
    expect(c.notes?.some((n) => /at least 21 works, but only 2/.test(n))).toBe(true);
  });
});

describe('Google Scholar profile, ISO-8859-1, 20 rows of more (Zharov)', () => {
  const c = capture(
    'profile_U4LFdJ0AAAAJ_zharov.html',
    'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en&oe=ASCII&sortby=pubdate',
  );
  const works = c.works ?? [];

  it('reads the person and maps a chart with a missing year (2022 has no bar)', () => {
    expect(c.person?.name).toBe('Yaroslav Zharov');
    expect(c.person?.affiliation).toBe('Researcher @ JetBrains');
    expect(c.person?.interests).toEqual(['Deep Learning', 'AI Agents']);
    expect(c.person?.metrics).toMatchObject({ citations: 55, citationsSince: 54, sinceYear: 2020, hIndex: 5, i10Index: 1 });
    // Labels 2019..2025; bars at right:200,168,136,72,40,8 — none at right:104 (2022).
    expect(c.person?.citationsByYear).toEqual({
      '2019': 1, '2020': 1, '2021': 3, '2022': 0, '2023': 3, '2024': 8, '2025': 38,
    });
  });

  it('lists 20 rows, says more exist, and the rows alone fall short of the stated h-index', () => {
    expect(works).toHaveLength(20);
    expect(hIndex(works)).toBe(4); // Google states 5: the rest of the list is not on this page
    expect(c.notes?.some((n) => /lists 20 works .*Collect all/.test(n))).toBe(true);
    expect(works[0]).toMatchObject({
      title: 'PIPer: On-Device Environment Setup via Online Reinforcement Learning',
      venue: 'arXiv preprint arXiv:2509.25455',
      year: 2025,
    });
    expect(works[0]).not.toHaveProperty('citations');
    expect(works[19]).toMatchObject({
      title: 'Self Supervised Learning for Object Localisation in 3D Tomographic Images.',
      authors: ['Y Zharov', 'A Ershov', 'T Baumbach'],
      venue: 'CoRR',
      year: 2020,
    });
  });
});

describe('Google Scholar profile, 2026 (Cherukuri)', () => {
  const c = capture('profile_amIMrIEAAAAJ_cherukuri.html', 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en');
  const works = c.works ?? [];

  it('reads the person, table and chart', () => {
    expect(c.person?.name).toBe('Bangar Raju Cherukuri');
    expect(c.person?.affiliation).toBe('Senior .NET Web Developer');
    expect(c.person).not.toHaveProperty('homepage'); // "Verified email at dc.gov", no link
    expect(c.person?.metrics).toEqual({
      citations: 425,
      citationsSince: 417,
      sinceYear: 2021,
      hIndex: 11,
      hIndexSince: 11,
      i10Index: 11,
      i10IndexSince: 11,
    });
    expect(c.person?.citationsByYear).toEqual({
      '2020': 8, '2021': 20, '2022': 23, '2023': 26, '2024': 41, '2025': 95, '2026': 212,
    });
  });

  it('rows reproduce h=11, i10=11 and the 425 citations; venues keep Google’s "…"', () => {
    expect(works).toHaveLength(20);
    expect(hIndex(works)).toBe(11);
    expect(i10(works)).toBe(11);
    expect(sum(works)).toBe(425);
    expect(works[0]).toMatchObject({
      authors: ['BR Cherukuri', 'V Arulkumar'],
      venue: '2024 IEEE International Conference on Computing, Power and Communication …',
      year: 2024,
      citations: 131,
      ids: { gscholar: 'amIMrIEAAAAJ:u5HHmVD_uO8C' },
    });
    expect(works[19]).toMatchObject({
      title: 'Scalable machine learning model deployment using serverless cloud architectures',
      year: 2022,
      citations: 1,
    });
    // "Show more" is enabled on this page.
    expect(c.notes?.some((n) => /lists 20 works/.test(n))).toBe(true);
  });
});

describe('Google Scholar profile, Arabic page (Elmatary)', () => {
  const c = capture('profile_LZ5D_p4AAAAJ_elmatary_ar.html', 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar');
  const works = c.works ?? [];

  it('reads the Arabic affiliation and a chart with two empty years', () => {
    expect(c.person?.name).toBe('Doaa Elmatary');
    expect(c.person?.affiliation).toBe('مدرس هندسة الاتصالات في معهد الصفوة العالي للهندسة');
    expect(c.person?.metrics).toEqual({
      citations: 56,
      citationsSince: 30,
      sinceYear: 2021,
      hIndex: 4,
      hIndexSince: 2,
      i10Index: 2,
      i10IndexSince: 1,
    });
    // 14 labels 2012..2025, 12 bars; no bar at right:264 (2017) nor right:168 (2020).
    const y = c.person?.citationsByYear ?? {};
    expect(y['2017']).toBe(0);
    expect(y['2020']).toBe(0);
    expect(y['2018']).toBe(3);
    expect(y['2023']).toBe(9);
    expect(y['2025']).toBe(9);
  });

  it('lists all 12 rows; they reproduce h=4, i10=2, 56 citations; no invisible marks remain', () => {
    expect(works).toHaveLength(12);
    expect(hIndex(works)).toBe(4);
    expect(i10(works)).toBe(2);
    expect(sum(works)).toBe(56);
    expect(c.notes ?? []).toEqual([]);
    for (const w of works) expect(w.title).not.toMatch(/[\u200E\u200F\u202A-\u202E]/);
    expect(works[11]).toEqual({
      title: 'Non-Gaussian Noisy Channel Effect on Multi-user IDMA-UWB Communication System',
      authors: ['DEE Matary', 'EAA Hagras', 'HM Abdel-Kader'],
      ids: { gscholar: 'LZ5D_p4AAAAJ:eQOLeE2rZwMC' },
      url: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=LZ5D_p4AAAAJ&citation_for_view=LZ5D_p4AAAAJ:eQOLeE2rZwMC',
    });
  });
});

describe('Google Scholar profile, pre-2014 layout fragment (Deitering)', () => {
  const c = capture('legacy_profile_M7uPknsAAAAJ_2013.fragment.html', 'https://scholar.google.com/citations?user=M7uPknsAAAAJ&hl=en');
  const works = c.works ?? [];

  it('reads name, affiliation, interests and the cit-data table', () => {
    expect(c.pageKind).toBe('author');
    expect(c.person?.name).toBe('Anne-Marie Deitering');
    expect(c.person?.affiliation).toBe('Oregon State University Libraries');
    expect(c.person?.interests).toEqual(['information literacy']);
    expect(c.person?.ids?.gscholar).toBe('M7uPknsAAAAJ');
    // table#stats: 59/49, 4/4, 2/2, "Since 2008".
    expect(c.person?.metrics).toEqual({
      citations: 59,
      citationsSince: 49,
      sinceYear: 2008,
      hIndex: 4,
      hIndexSince: 4,
      i10Index: 2,
      i10IndexSince: 2,
    });
    // The chart is a Google Chart image with scaled values: not read.
    expect(c.person).not.toHaveProperty('citationsByYear');
  });

  it('reads the 20 cit-table rows and notices the "Next >" link', () => {
    expect(works).toHaveLength(20); // "1-20", 20 tr.cit-table.item
    expect(works[0]).toEqual({
      title: "Weblogs and the 'middle space'for learning",
      authors: ['AM Deitering', 'S Huston'],
      venue: 'Academic Exchange Quarterly 8 (4), 273-278',
      year: 2004,
      citations: 25,
      ids: { gscholar: 'M7uPknsAAAAJ:kNdYIx-mwKoC' },
      url: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=M7uPknsAAAAJ&citation_for_view=M7uPknsAAAAJ:kNdYIx-mwKoC',
    });
    expect(works[19]).toMatchObject({ authors: ['R Wilkinson', 'AM Deitering'], year: 2006 });
    expect(works[19]).not.toHaveProperty('citations'); // empty col-citedby
    // "K Cook, …, C Mead, AM ..." — the cut name is kept as shown, and flagged.
    const messenger = works.find((w) => w.title === 'Messenger; Vol. 23 No. 2 (Winter 2008)');
    expect(messenger?.authorsTruncated).toBe(true);
    expect(messenger?.authors?.at(-1)).toBe('AM');
    expect(c.notes?.some((n) => /lists 20 works/.test(n))).toBe(true);
  });
});

describe('Google Scholar profile row titles with formulas (SYNTHETIC rows shaped like the 2024 layout)', () => {
  // The row markup is the Ernst page's (tr.gsc_a_tr > td.gsc_a_t > a.gsc_a_at, two div.gs_gray, the
  // citation and year cells); only the title's formula is made up, in each way a page can draw it.
  const row = (title: string) =>
    `<html><body><div id="gsc_prf_in">Test Person</div><table><tbody id="gsc_a_b"><tr class="gsc_a_tr"><td class="gsc_a_t">` +
    `<a href="/citations?view_op=view_citation&amp;hl=en&amp;user=AAAAAAAAAAAA&amp;citation_for_view=AAAAAAAAAAAA:u5HHmVD_uO8C" class="gsc_a_at">${title}</a>` +
    `<div class="gs_gray">A Author, B Author</div><div class="gs_gray">Physical Review B 101, 045118<span class="gs_oph">, 2020</span></div></td>` +
    `<td class="gsc_a_c"><a class="gsc_a_ac gs_ibl">12</a></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2020</span></td></tr></tbody></table></body></html>`;
  const url = new URL('https://scholar.google.com/citations?user=AAAAAAAAAAAA&hl=en');
  const titleOf = (formula: string) =>
    capturePage(googleScholar, parseHtml(row(`Evolution of topological phases of ${formula} under hydrostatic pressure`)), url, { now: FIXED_NOW }).works?.[0]?.title;

  it('keeps the formula whether it is text, sub/sup, SVG, MathML, an image or MathJax glyphs', () => {
    const expected = 'Evolution of topological phases of TaSe3 under hydrostatic pressure';
    expect(titleOf('TaSe<sub>3</sub>')).toBe(expected);
    expect(titleOf('<svg><text>TaSe</text><text>3</text></svg>')).toBe(expected);
    expect(titleOf('<math><msub><mi>TaSe</mi><mn>3</mn></msub></math>')).toBe(expected);
    // These two were saved without "TaSe3" before: textContent has no text for them.
    expect(titleOf('<img src="/formula.png" alt="TaSe3">')).toBe(expected);
    expect(titleOf('<mjx-container jax="CHTML"><mjx-math>' + ['54', '61', '53', '65', '33'].map((c) => `<mjx-c class="mjx-c${c}"></mjx-c>`).join('') + '</mjx-math></mjx-container>')).toBe(expected);
  });
});
