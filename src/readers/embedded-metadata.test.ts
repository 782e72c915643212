// The generic embedded-metadata reader on real saved article pages. Expected
// values were read by hand from each page's meta tags / JSON-LD (grep), and
// compared with the other project's _expected.json where there is one.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../core/validate';
import { displayName, embeddedMetadata, isoDate, readEmbeddedMetadata } from './embedded-metadata';
import { fallbackAdapterFor } from '../adapters/registry';
import { capturePage } from '../adapters/run';
import { parseHtml } from '../node/dom';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../../tests/helpers/fixtures';

const SPRINGER = 'springer/article_s10924-010-0192-1.html';
const SD = 'sciencedirect/article_S2210271X18305656.html';
const PLOS = 'plos/article_ploscompbiol_2014.html';
const NATURE = 'nature/article_nature-1_2014.html';

describe('readEmbeddedMetadata on real pages', () => {
  it('Springer: citation_* tags, with JSON-LD behind them', () => {
    const url = new URL('https://link.springer.com/article/10.1007/s10924-010-0192-1');
    const w = readEmbeddedMetadata(fixtureDoc(SPRINGER), url);
    const expected = JSON.parse(fixtureText('springer/article_s10924-010-0192-1_expected.json')) as Record<string, string>;
    // citation_title "In&nbsp;Vitro Cytotoxicity …"; expected.title has the U+00A0, which cleanText folds to a space.
    expect(w?.title).toBe(expected.title?.replace(/\u00a0/g, ' '));
    expect(w?.title).toBe('In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications');
    // Four citation_author tags "Bandyopadhyay-Ghosh, Sanchita", "Jeng, Robert", … in that order, shown given-name first.
    expect(w?.authors).toEqual(['Sanchita Bandyopadhyay-Ghosh', 'Robert Jeng', 'Joydeep Mukherjee', 'Mohini Sain']);
    // citation_publication_date "2010/09" (the issue). expected.date is 2010-05-05, the online date
    // (citation_online_date / dc.date); both are on the page and we take the publication date.
    expect(w?.date).toBe('2010-09');
    expect(w?.year).toBe(2010);
    // citation_journal_title; citation_doi; citation_fulltext_html_url (= expected.url).
    expect(w?.venue).toBe('Journal of Polymers and the Environment');
    expect(w?.ids).toEqual({ doi: '10.1007/s10924-010-0192-1' });
    expect(w?.url).toBe(expected.url);
    expect(w?.type).toBe('article');
    // citation_publisher says "Springer US"; expected.publisher "Springer" is dc.publisher. citation_* comes first.
    expect(w?.publisher).toBe('Springer US');
    // dc.description is the full abstract, double-escaped ("in&amp;nbsp;vitro"); expected.abstract has
    // "&nbsp;" left in, the page means a no-break space, which reads as a space here.
    expect(w?.abstract).toBe(expected.abstract?.replace(/&nbsp;/g, ' '));
  });

  it('ScienceDirect: citation_* tags without authors or abstract', () => {
    const w = readEmbeddedMetadata(fixtureDoc(SD), new URL('https://www.sciencedirect.com/science/article/pii/S2210271X18305656'));
    // citation_title, citation_journal_title, citation_publication_date 2018/11/15, citation_doi, citation_publisher.
    expect(w).toMatchObject({
      title: 'Chemical bonding without orbitals',
      venue: 'Computational and Theoretical Chemistry',
      date: '2018-11-15',
      year: 2018,
      ids: { doi: '10.1016/j.comptc.2018.10.004' },
      publisher: 'Elsevier',
      // <link rel="canonical" href=".../science/article/abs/pii/S2210271X18305656"> (= expected.url).
      url: 'https://www.sciencedirect.com/science/article/abs/pii/S2210271X18305656',
    });
    // No citation_author / dc.creator on this page, and og:description ends in "…": neither is taken.
    expect(w?.authors).toBeUndefined();
    expect(w?.abstract).toBeUndefined();
  });

  it('PLOS: citation_* tags, citation_date in y/m/d without padding', () => {
    const w = readEmbeddedMetadata(fixtureDoc(PLOS), new URL('https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604'));
    // citation_author ×4 as shown; citation_date "2014/6/26"; citation_journal_title; citation_doi.
    expect(w?.authors).toEqual(['Shannon R. Moore', 'Gerald M. Saidel', 'Ulf Knothe', 'Melissa L. Knothe Tate']);
    expect(w?.date).toBe('2014-06-26');
    expect(w?.venue).toBe('PLOS Computational Biology');
    expect(w?.ids?.doi).toBe('10.1371/journal.pcbi.1003604');
    // <link rel="canonical"> points to the 2014 ploscompbiol.org address.
    expect(w?.url).toBe('http://www.ploscompbiol.org/article/info%3Adoi%2F10.1371%2Fjournal.pcbi.1003604');
    // twitter:description starts "Author Summary …": a teaser, not the abstract.
    expect(w?.abstract).toBeUndefined();
  });

  it('Nature 2014: "doi:" labelled DOI, empty tags skipped, reference-list COinS ignored', () => {
    const w = readEmbeddedMetadata(fixtureDoc(NATURE), new URL('https://www.nature.com/nature/journal/vaop/ncurrent/full/nature13322.html'));
    // citation_doi content="doi:10.1038/nature13322"; 11 citation_author tags, first and last below.
    expect(w?.title).toBe('Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis');
    expect(w?.ids).toEqual({ doi: '10.1038/nature13322' });
    expect(w?.authors).toHaveLength(11);
    expect(w?.authors?.[0]).toBe('Lieselotte Vande Walle');
    expect(w?.authors?.[10]).toBe('Mohamed Lamkanfi');
    // citation_date is empty (content=""); citation_online_date / DC.date "2014-06-29".
    expect(w?.date).toBe('2014-06-29');
    expect(w?.venue).toBe('Nature');
    // No canonical link or og:url in this file: the page's own address.
    expect(w?.url).toBe('https://www.nature.com/nature/journal/vaop/ncurrent/full/nature13322.html');
  });

  it('returns undefined on a real page with nothing scholarly embedded', () => {
    // arXiv's search page: grep finds no citation_*, DC., JSON-LD, Z3988 or og:title.
    expect(readEmbeddedMetadata(fixtureDoc('arxiv/search_results_200.html'), new URL('https://unknown.example/'))).toBeUndefined();
    expect(embeddedMetadata.detect(fixtureDoc('arxiv/search_results_200.html'), new URL('https://unknown.example/'))).toBeUndefined();
  });

  it('as the fallback adapter: every fixture captures as a valid paper', () => {
    for (const f of [SPRINGER, SD, PLOS, NATURE]) {
      const doc = fixtureDoc(f);
      const url = new URL('https://mirror.example/article');
      expect(fallbackAdapterFor(doc, url)?.id, f).toBe('embedded-metadata');
      const c = capturePage(embeddedMetadata, doc, url, { now: FIXED_NOW });
      expect(validateCapture(c), f).toMatchObject({ ok: true });
      expect(c.pageKind, f).toBe('paper');
      expect(c.works, f).toHaveLength(1);
    }
  });
});

describe('the other embedded formats (synthetic snippets, not any site\'s page)', () => {
  const url = new URL('https://example.org/paper/1');

  it('JSON-LD inside @graph, when no meta tags exist', () => {
    const doc = parseHtml(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":"ScholarlyArticle","headline":"A Title","author":[{"@type":"Person","givenName":"Ada","familyName":"Lovelace"},{"@type":"Person","name":"Alan Turing"}],
       "datePublished":"1843-09-01","isPartOf":{"@type":"Periodical","name":"Taylor's Memoirs"},"sameAs":"https://doi.org/10.1234/ABC","abstract":"Notes."}]}</script></head><body></body></html>`);
    expect(readEmbeddedMetadata(doc, url)).toMatchObject({
      title: 'A Title',
      authors: ['Ada Lovelace', 'Alan Turing'],
      date: '1843-09-01',
      year: 1843,
      venue: "Taylor's Memoirs",
      abstract: 'Notes.',
      ids: { doi: '10.1234/abc' },
      type: 'article',
      url: url.href,
    });
  });

  it('a single COinS span; several are a reference list and are ignored', () => {
    const span = (t: string) => `<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_id=info:doi/10.5555/X1&amp;rft_id=info:pmid/123&amp;rft.genre=article&amp;rft.atitle=${t}&amp;rft.jtitle=J&amp;rft.au=Doe, Jane&amp;rft.date=2001"></span>`;
    const one = readEmbeddedMetadata(parseHtml(`<html><body>${span('One')}</body></html>`), url);
    expect(one).toMatchObject({ title: 'One', authors: ['Doe, Jane'], venue: 'J', year: 2001, ids: { doi: '10.5555/x1', pmid: '123' }, type: 'article' });
    expect(readEmbeddedMetadata(parseHtml(`<html><body>${span('One')}${span('Two')}</body></html>`), url)).toBeUndefined();
  });

  it('OpenGraph alone is not an article', () => {
    const doc = parseHtml('<html><head><meta property="og:title" content="My holiday"><meta property="og:type" content="article"></head></html>');
    expect(readEmbeddedMetadata(doc, url)).toBeUndefined();
  });

  it('helpers: name order and dates', () => {
    expect(displayName('Finzel, Kati')).toBe('Kati Finzel');
    expect(displayName('Smith, Jr.')).toBe('Smith, Jr.');
    expect(displayName('Teven Le Scao')).toBe('Teven Le Scao');
    expect(isoDate('2021/6')).toBe('2021-06');
    expect(isoDate('2010-05-05T00:00:00Z')).toBe('2010-05-05');
    expect(isoDate('n.d.')).toBeUndefined();
  });
});

describe('meta text as the publisher meant it (SYNTHETIC snippets)', () => {
  const url = new URL('https://example.org/article/1');
  const read = (metas: string) => readEmbeddedMetadata(parseHtml(`<html><head>${metas}</head><body></body></html>`), url);

  it('decodes the old |[ouml]| escape, double escapes and numeric references in every meta', () => {
    const w = read(
      '<meta name="citation_title" content="Gr|[ouml]|bner bases &amp;amp; more"><meta name="citation_author" content="Kn|[ouml]|pfel, Anna">' +
        '<meta name="citation_author" content="M&amp;uuml;ller, Jan"><meta name="citation_author" content="Dupr&#233;, Ren&amp;#xE9;e">' +
        '<meta name="citation_journal_title" content="Z. f&amp;uuml;r Physik">',
    );
    expect(w?.title).toBe('Gröbner bases & more');
    expect(w?.authors).toEqual(['Anna Knöpfel', 'Jan Müller', 'Renée Dupré']);
    expect(w?.venue).toBe('Z. für Physik');
  });
});

describe('author meta forms (SYNTHETIC snippets shaped like PubMed Central\'s)', () => {
  const url = new URL('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/');
  const read = (metas: string) => readEmbeddedMetadata(parseHtml(`<html><head>${metas}</head><body></body></html>`), url);

  it('one citation_authors meta with ";"-separated names', () => {
    const w = read('<meta name="citation_title" content="A title"><meta name="citation_authors" content="Smith, John; Doe, Ann;  Lee K ">');
    expect(w?.authors).toEqual(['John Smith', 'Ann Doe', 'Lee K']);
  });

  it('DC.Contributor when nothing else names the authors, and never mixed with creators', () => {
    const dcOnly = read('<meta name="DC.Title" content="A title"><meta name="DC.Contributor" content="John Smith"><meta name="DC.Contributor" content="Ann Doe">');
    expect(dcOnly?.authors).toEqual(['John Smith', 'Ann Doe']);
    const both = read('<meta name="citation_title" content="A title"><meta name="citation_author" content="Ann Doe"><meta name="DC.Contributor" content="Ed Editor">');
    expect(both?.authors).toEqual(['Ann Doe']);
  });

  it('a single citation_author holding a ";" list is a list', () => {
    expect(read('<meta name="citation_title" content="T"><meta name="citation_author" content="A. One; B. Two">')?.authors).toEqual(['A. One', 'B. Two']);
  });
});
