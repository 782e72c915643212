import { describe, expect, it } from 'vitest';
import { pubmedAdapter, pubmedDate } from './index';
import { captureData, capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../../../tests/helpers/fixtures';

const LEGACY_URL = new URL('https://www.ncbi.nlm.nih.gov/pubmed/25817406');
const EFETCH_URL = new URL('https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&retmode=xml');
const EFETCH = fixtureText('pubmed/eutils_efetch.xml');

describe('PubMed, old Entrez abstract page (PMID 25817406, 2015)', () => {
  const doc = fixtureDoc('pubmed/article_legacy_entrez_2015.html');
  const capture = capturePage(pubmedAdapter, doc, LEGACY_URL, { now: FIXED_NOW });
  const w = capture.works?.[0];

  it('is a valid paper capture', () => {
    expect(pubmedAdapter.detect(doc, LEGACY_URL)).toBe('paper');
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('paper');
  });

  it('reads title, authors and the citation line', () => {
    // <h1>Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis.</h1> (MEDLINE period dropped)
    expect(w?.title).toBe('Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis');
    // div.auths: four links, in this order, in PubMed's "Last Initials" form
    expect(w?.authors).toEqual(['Powell DJ', 'Moss-Morris R', 'Liossi C', 'Schlotz W']);
    // div.cit: "Psychoneuroendocrinology. 2015 Mar 12;56:120-131. doi: 10.1016/j.psyneuen.2015.03.010."
    expect(w?.venue).toBe('Psychoneuroendocrinology');
    expect(w?.year).toBe(2015);
    expect(w?.date).toBe('2015-03-12');
    // <dl class="rprtid"><dt>PMID:</dt> <dd>25817406</dd>; DOI from the citation line (lower-cased)
    expect(w?.ids).toEqual({ pmid: '25817406', doi: '10.1016/j.psyneuen.2015.03.010' });
    expect(w?.url).toBe('https://pubmed.ncbi.nlm.nih.gov/25817406/');
  });

  it('reads the abstract without the copyright line', () => {
    // <AbstractText>Cortisol is a key regulator … remains unclear.</AbstractText>, then <p>Copyright © 2015 …</p>
    expect(w?.abstract?.startsWith('Cortisol is a key regulator of the immune system, energy metabolism, and stress')).toBe(true);
    expect(w?.abstract?.endsWith('but whether it is a causal factor remains unclear.')).toBe(true);
    expect(w?.abstract).not.toMatch(/Copyright/);
  });
});

describe('PubMed E-utilities efetch XML (3 articles)', () => {
  const capture = captureData(pubmedAdapter, EFETCH, EFETCH_URL, 'xml', { now: FIXED_NOW });
  const works = capture.works ?? [];

  it('is a valid list of the three articles, in file order', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('list');
    // <PMID Version="1"> of each PubmedArticle
    expect(works.map((w) => w.ids?.pmid)).toEqual(['41884867', '41884779', '41884685']);
  });

  it('reads the first article in full', () => {
    const w = works[0];
    // <ArticleTitle>Neural dynamics … posterior brain areas.</ArticleTitle>
    expect(w?.title).toBe('Neural dynamics of visuospatial endogenous attention: Event-related optical signal evidence from posterior brain areas');
    // Five Author elements: ForeName + LastName
    expect(w?.authors).toEqual(['Giorgia Parisi', 'Sonia Mele', 'Elisabetta Colombari', 'Chiara Mazzi', 'Silvia Savazzi']);
    // <Journal>…<Title>Imaging neuroscience (Cambridge, Mass.)</Title>
    expect(w?.venue).toBe('Imaging neuroscience (Cambridge, Mass.)');
    // PubDate has only <Year>2026</Year>; ArticleDate 2026/03/23 gives the day
    expect(w?.year).toBe(2026);
    expect(w?.date).toBe('2026-03-23');
    // ArticleIdList: pmc PMC13010356, doi 10.1162/IMAG.a.1176 (lower-cased)
    expect(w?.ids).toEqual({ pmid: '41884867', pmcid: 'PMC13010356', doi: '10.1162/imag.a.1176' });
    expect(w?.type).toBe('article');
    expect(w?.abstract?.startsWith('Considerable research has been encouraged by the concept of two distinct human attention networks')).toBe(true);
  });

  it('keeps the labels of a structured abstract', () => {
    // Third article: AbstractText Label="AIMS AND OBJECTIVES", "BACKGROUND", …
    expect(works[2]?.abstract?.startsWith('AIMS AND OBJECTIVES: To investigate reflections on wishes and needs')).toBe(true);
    expect(works[2]?.abstract).toContain(' BACKGROUND: ');
    expect(works[2]?.authors).toEqual(['Pia Zinck Drivsholm', 'Charlotte Handberg']);
  });

  it('gives a paper when the set holds exactly one article', () => {
    // The real file cut down to its first PubmedArticle.
    const start = EFETCH.indexOf('<PubmedArticle>');
    const end = EFETCH.indexOf('</PubmedArticle>') + '</PubmedArticle>'.length;
    const one = `<?xml version="1.0" ?>\n<PubmedArticleSet>\n${EFETCH.slice(start, end)}</PubmedArticleSet>`;
    const c = captureData(pubmedAdapter, one, EFETCH_URL, 'xml', { now: FIXED_NOW });
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]?.ids?.pmid).toBe('41884867');
  });

  it('says unrecognized on other XML and on an HTML error page', () => {
    expect(captureData(pubmedAdapter, '<eSearchResult/>', EFETCH_URL, 'xml', { now: FIXED_NOW }).pageKind).toBe('unrecognized'); // synthetic
    const c = capturePage(pubmedAdapter, parseHtml('<html><body><h1>Error</h1></body></html>'), LEGACY_URL, { now: FIXED_NOW }); // synthetic
    expect(c.pageKind).toBe('unrecognized');
    expect(validateCapture(c).ok).toBe(true);
  });
});

describe('PubMed URL rules and dates', () => {
  it('owns PubMed and PMC article URLs only', () => {
    for (const u of [
      'https://pubmed.ncbi.nlm.nih.gov/25817406/',
      'https://www.ncbi.nlm.nih.gov/pubmed/25817406',
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC13010356/',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC13010356/',
    ])
      expect(ruleFor(pubmedAdapter, new URL(u))?.kind).toBe('paper');
    expect(ruleFor(pubmedAdapter, new URL('https://pubmed.ncbi.nlm.nih.gov/?term=cortisol'))).toBeUndefined();
    expect(pubmedAdapter.pageKey?.(new URL('https://pmc.ncbi.nlm.nih.gov/articles/pmc13010356/'))).toBe('PMC13010356');
  });

  it('parses citation-line dates', () => {
    expect(pubmedDate('2015 Mar 12;56:120-131.')).toBe('2015-03-12');
    expect(pubmedDate('2015 Mar;56:120')).toBe('2015-03');
    expect(pubmedDate('2015;56:120')).toBeUndefined();
  });
});

describe('PubMed Central page authors (SYNTHETIC snippet: no PMC page is saved)', () => {
  it('reads citation_authors and DC.Contributor, the forms PMC pages use', () => {
    const url = new URL('https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/');
    const doc = parseHtml(
      '<html><head><meta name="citation_title" content="A synthetic PMC article"><meta name="citation_authors" content="Powell DJ; Moss-Morris R">' +
        '<meta name="DC.Contributor" content="Powell DJ"><meta name="DC.Contributor" content="Moss-Morris R"><meta name="citation_pmid" content="25817406"></head><body></body></html>',
    );
    const c = capturePage(pubmedAdapter, doc, url, { now: FIXED_NOW });
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]?.authors).toEqual(['Powell DJ', 'Moss-Morris R']);
    expect(c.works?.[0]?.ids?.pmcid).toBe('PMC1234567');
    const dcOnly = parseHtml(
      '<html><head><meta name="DC.Title" content="A synthetic PMC article"><meta name="DC.Contributor" content="Powell DJ"><meta name="DC.Contributor" content="Moss-Morris R"></head><body></body></html>',
    );
    expect(capturePage(pubmedAdapter, dcOnly, url, { now: FIXED_NOW }).works?.[0]?.authors).toEqual(['Powell DJ', 'Moss-Morris R']);
  });
});
