// Google Scholar pages other than profiles: the citation page, result lists,
// blocked pages, URL rules, and the validity of every Scholar capture.
// Expected values were read by hand from the saved HTML (gsc_oci_* fields,
// gs_rt / gs_a / gs_fl of each result, the captcha and sign-in markup).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Capture } from '../../core/capture';
import { validateCapture } from '../../core/validate';
import { ruleFor } from '../../adapters/contract';
import { capturePage } from '../../adapters/run';
import { googleScholar } from './index';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc, fixturePath, sitePages } from '../../../tests/helpers/fixtures';

function capture(file: string, url: string): Capture {
  return capturePage(googleScholar, fixtureDoc(`google_scholar/${file}`), new URL(url), { now: FIXED_NOW });
}

describe('Google Scholar citation page (ISO-8859-1 declared)', () => {
  const c = capture(
    'view_citation_ernst_ieeeaccess2018.html',
    'https://scholar.google.com/citations?view_op=view_citation&hl=en&oe=ASCII&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
  );

  it('is a paper with the fields the gsc_oci table shows', () => {
    expect(c.pageKind).toBe('paper');
    const w = c.works?.[0];
    expect(w?.title).toBe('Decentralized applications: The blockchain-empowered software system');
    // Authors field: all six full names.
    expect(w?.authors).toEqual(['Wei Cai', 'Zehua Wang', 'Jason B Ernst', 'Zhen Hong', 'Chen Feng', 'Victor CM Leung']);
    expect(w).not.toHaveProperty('authorsTruncated');
    expect(w?.date).toBe('2018-09-16'); // "2018/9/16"
    expect(w?.year).toBe(2018);
    expect(w?.venue).toBe('IEEE access'); // "Journal" field
    expect(w?.type).toBe('article');
    expect(w?.publisher).toBe('IEEE');
    expect(w?.abstract).toMatch(/^Blockchain technology has attracted tremendous attention/);
    expect(w?.abstract).toMatch(/recent developments in the blockchain\.$/);
    expect(w?.citations).toBe(485); // "Cited by 485"; the per-year bars (44 … 17) are not the total
    expect(w?.ids).toEqual({ gscholar: 'SbUmSEAAAAAJ:HoB7MX3m0LUC' });
    expect(w?.url).toBe('https://ieeexplore.ieee.org/abstract/document/8466786/');
  });

  it('has its own page key', () => {
    expect(googleScholar.pageKey?.(new URL(c.url))).toBe('citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC');
  });
});

describe('Google Scholar result lists', () => {
  it('search results: tags stripped, book/citation entries, cluster ids (quantum theory, 2017)', () => {
    const c = capture('search_quantum_theory_2017.html', 'https://scholar.google.co.jp/scholar?hl=en&as_sdt=0%2C5&q=quantum+theory&btnG=');
    expect(c.pageKind).toBe('list');
    expect(c.works).toHaveLength(10); // 10 div.gs_r.gs_or
    // "[BOOK][B] Quantum field theory and critical phenomena"; byline "J Zinn-Justin - 1996 - cds.cern.ch".
    expect(c.works?.[0]).toEqual({
      title: 'Quantum field theory and critical phenomena',
      authors: ['J Zinn-Justin'],
      year: 1996,
      citations: 4821,
      ids: { gscholar: '16499695044466828447' },
      url: 'http://cds.cern.ch/record/2280881',
      type: 'book',
    });
    // "[CITATION][C] Quantum theory of solids": no title link; "C Kittel, C Fong - 1963 - Wiley New York".
    const kittel = c.works?.[1];
    expect(kittel?.title).toBe('Quantum theory of solids');
    expect(kittel).not.toHaveProperty('url');
    expect(kittel).toMatchObject({ authors: ['C Kittel', 'C Fong'], year: 1963, citations: 4190 });
    // "Y Aharonov, D Bohm - Physical Review, 1959 - APS", "Cited by 6961", cluster=5545735591029960915.
    expect(c.works?.[2]).toMatchObject({
      title: 'Significance of electromagnetic potentials in the quantum theory',
      authors: ['Y Aharonov', 'D Bohm'],
      venue: 'Physical Review',
      year: 1959,
      citations: 6961,
      ids: { gscholar: '5545735591029960915' },
      url: 'https://journals.aps.org/pr/abstract/10.1103/PhysRev.115.485',
    });
  });

  it('"Cited by" list, with an author list Scholar cut with "…"', () => {
    const c = capture(
      'cites_5545735591029960915_2017.html',
      'https://scholar.google.co.jp/scholar?cites=5545735591029960915&as_sdt=2005&sciodt=0,5&hl=en',
    );
    expect(c.pageKind).toBe('list');
    expect(c.works).toHaveLength(10);
    expect(c.works?.[0]).toMatchObject({
      title: 'Quantal phase factors accompanying adiabatic changes',
      authors: ['MV Berry'],
      venue: 'Proceedings of the Royal Society of …',
      year: 1984,
      citations: 7813,
      ids: { gscholar: '15570691018430890829' },
    });
    // "ME Cage, K Klitzing, AM Chang, F Duncan, M Haldane… - 2012 - books.google.com"
    const cage = c.works?.find((w) => w.authors?.[0] === 'ME Cage');
    expect(cage?.authors).toEqual(['ME Cage', 'K Klitzing', 'AM Chang', 'F Duncan', 'M Haldane']);
    expect(cage?.authorsTruncated).toBe(true);
    expect(cage?.year).toBe(2012);
    expect(cage).not.toHaveProperty('venue');
  });

  it('agrees with another project’s expected parse where that parse agrees with the page (crispr cas9)', () => {
    const c = capture('search_crispr_cas9_p1.html', 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9&btnG=');
    const expected = JSON.parse(readFileSync(fixturePath('google_scholar/search_crispr_cas9_p1_expected.json'), 'utf8')) as {
      papers: { title: string; url: string; citation?: { count: number } }[];
    };
    expect(c.works).toHaveLength(expected.papers.length);
    expected.papers.forEach((p, i) => {
      const w = c.works?.[i];
      // That parse keeps Scholar's "[HTML][HTML]" tag in three titles; the page's h3 shows it as a tag span.
      expect(w?.title).toBe(p.title.replace(/^(?:\[[A-Z]+\])+\s*/, ''));
      expect(w?.url).toBe(p.url);
      expect(w?.citations).toBe(p.citation?.count);
    });
    // That parse lists only authors who have a profile link; the page's .gs_a line shows all of them:
    // "M Redman, A King, C Watson, D King - Archives of Disease in …, 2016 - ep.bmj.com".
    expect(c.works?.[1]).toMatchObject({
      authors: ['M Redman', 'A King', 'C Watson', 'D King'],
      venue: 'Archives of Disease in …',
      year: 2016,
    });
    // "F Ran, PD Hsu, J Wright, V Agarwala, DA Scott… - Nature protocols, 2013 - nature.com"
    expect(c.works?.[3]).toMatchObject({
      authors: ['F Ran', 'PD Hsu', 'J Wright', 'V Agarwala', 'DA Scott'],
      authorsTruncated: true,
      venue: 'Nature protocols',
      year: 2013,
    });
    expect(c.works?.[0]?.ids?.gscholar).toBe('2456688039791281496'); // cluster= of "All 8 versions"
  });
});

describe('Google Scholar blocked and unknown pages', () => {
  it('the "unusual traffic" captcha page is blocked', () => {
    const c = capture('blocked_sorry_page.html', 'https://scholar.google.com/scholar?as_q=program%20phase&hl=en');
    expect(c.pageKind).toBe('blocked');
    expect(c.notes?.[0]).toMatch(/captcha/i);
    expect(c).not.toHaveProperty('works');
  });

  it('the sign-in page served for an unknown user is blocked', () => {
    const c = capture('invalid_user_AAAAAAAAAAAA_signin.html', 'https://scholar.google.com/citations?hl=en&user=AAAAAAAAAAAA');
    expect(c.pageKind).toBe('blocked');
    expect(c.notes?.[0]).toMatch(/sign-in/i);
    expect(c).not.toHaveProperty('person');
  });

  it('a "We\'re sorry" error text is blocked (synthetic snippet)', () => {
    // Synthetic: the wording of Google's 403 page, not a saved page.
    const doc = parseHtml(
      "<html><head><title>Error 403 (Forbidden)</title></head><body><p>We're sorry... but your computer or network may be sending automated queries.</p></body></html>",
    );
    const c = capturePage(googleScholar, doc, new URL('https://scholar.google.com/scholar?q=x'), { now: FIXED_NOW });
    expect(c.pageKind).toBe('blocked');
  });

  it('a Scholar page with no known layout is unrecognized, with a note (synthetic snippet)', () => {
    // Synthetic: a made-up Scholar-looking page with none of the known markup.
    const doc = parseHtml('<html><body><div id="gs_bdy"><p>Something new</p></div></body></html>');
    const url = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ');
    expect(googleScholar.detect(doc, url)).toBeUndefined();
    const c = capturePage(googleScholar, doc, url, { now: FIXED_NOW });
    expect(c.pageKind).toBe('unrecognized');
    expect(c.notes?.length).toBeGreaterThan(0);
  });

  it('a profile whose stats table is malformed keeps the person and says so (synthetic snippet)', () => {
    // Synthetic: a name box, a one-row stats table and one work (an author page
    // without works is not understood, src/adapters/run.ts, so the snippet lists one).
    const doc = parseHtml(
      '<div id="gsc_prf_i"><div id="gsc_prf_in">A Person</div></div><table id="gsc_rsb_st"><tr><td class="gsc_rsb_std">x</td></tr></table>' +
        '<table><tbody id="gsc_a_b"><tr class="gsc_a_tr"><td class="gsc_a_t"><a class="gsc_a_at" href="/citations?view_op=view_citation&amp;citation_for_view=SbUmSEAAAAAJ:u5HHmVD_uO8C">A Paper</a></td></tr></tbody></table>',
    );
    const c = capturePage(googleScholar, doc, new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ'), { now: FIXED_NOW });
    expect(c.pageKind).toBe('author');
    expect(c.person).toEqual({ name: 'A Person', ids: { gscholar: 'SbUmSEAAAAAJ' } });
    expect(c.notes?.some((n) => /unexpected shape/.test(n))).toBe(true);
  });
});

describe('Google Scholar URL rules', () => {
  it('each example matches its own rule', () => {
    for (const rule of googleScholar.rules)
      for (const ex of rule.examples) expect(ruleFor(googleScholar, new URL(ex))?.kind, ex).toBe(rule.kind);
  });

  it('does not claim other Scholar paths or other Google hosts', () => {
    for (const u of [
      'https://scholar.google.com/citations?view_op=search_authors&mauthors=label:physics',
      'https://scholar.google.com/scholar?as_q=x', // only an exact q= parameter is a search
      'https://scholar.google.com/sorry/index?continue=x',
      'https://www.google.com/search?q=x',
      'https://accounts.google.com/v3/signin/identifier?continue=https://scholar.google.com/citations?user=AAAAAAAAAAAA',
    ])
      expect(ruleFor(googleScholar, new URL(u)), u).toBeUndefined();
  });

  it('asks only for Scholar hosts', () => {
    for (const m of googleScholar.matches) expect(m).toMatch(/^https:\/\/scholar\.google\.[a-z.]+\/\*$/);
  });
});

describe('every Scholar fixture yields a valid capture', () => {
  const urls: Record<string, string> = {
    blocked_sorry_page: 'https://scholar.google.com/scholar?as_q=program%20phase&hl=en',
    cites_: 'https://scholar.google.co.jp/scholar?cites=5545735591029960915&hl=en',
    invalid_user: 'https://scholar.google.com/citations?hl=en&user=AAAAAAAAAAAA',
    legacy_profile: 'https://scholar.google.com/citations?user=M7uPknsAAAAJ&hl=en',
    profile_: 'https://scholar.google.com/citations?hl=en',
    search_: 'https://scholar.google.com/scholar?q=x',
    view_citation: 'https://scholar.google.com/citations?view_op=view_citation&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
  };
  const files = sitePages(/^google_scholar\/.*\.html$/).map((f) => f.slice('google_scholar/'.length));

  it.each(files)('%s', (file) => {
    const key = Object.keys(urls).find((k) => file.startsWith(k));
    const c = capture(file, key ? (urls[key] as string) : 'https://scholar.google.com/');
    expect(c.pageKind).not.toBe('unrecognized');
    expect(validateCapture(c)).toEqual({ ok: true, capture: c });
    // Profiles without `user` in the URL still get their id from the page.
    if (c.pageKind === 'author') expect(c.person?.ids?.gscholar).toMatch(/^[\w-]{12}$/);
  });
});
