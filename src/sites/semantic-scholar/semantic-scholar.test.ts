import { describe, expect, it } from 'vitest';
import { semanticScholarAdapter as s2 } from './index';
import { captureData, capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { adapterFor } from '../../adapters/registry';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureText } from '../../../tests/helpers/fixtures';
import { cassetteBodies } from '../../../tests/helpers/cassette';

const AUTHOR_JSON = fixtureText('semantic_scholar/api_author_2262347_turing.json');
const AUTHOR_PAGE = new URL('https://www.semanticscholar.org/author/A.-Turing/2262347');
const BLANK = () => parseHtml('<html><head><title>Semantic Scholar</title></head><body><div id="app"></div></body></html>'); // synthetic shell

describe('Semantic Scholar author (Graph API, A. Turing 2262347)', () => {
  const capture = captureData(s2, AUTHOR_JSON, new URL('https://api.semanticscholar.org/graph/v1/author/2262347'), 'json', { now: FIXED_NOW });
  const works = capture.works ?? [];

  it('is a valid author capture with the stated figures', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('author');
    // "name": "A. Turing", "paperCount": 60, "citationCount": 12415, "hIndex": 23; affiliations [] and homepage null.
    expect(capture.person).toEqual({ name: 'A. Turing', ids: { s2: '2262347' }, metrics: { papers: 60, citations: 12415, hIndex: 23 } });
    // externalIds.DBLP is ["Alan M. Turing"], a name, so no ids.dblp.
    expect(capture.person?.ids?.dblp).toBeUndefined();
  });

  it('reads all 60 papers, and the stated h-index agrees with their citation counts', () => {
    expect(works).toHaveLength(60);
    expect(capture.notes).toBeUndefined(); // 60 papers returned of paperCount 60
    // Recomputed here from the raw JSON, not from the capture: h = 23 as stated.
    const raw = (JSON.parse(AUTHOR_JSON) as { papers: { citationCount: number }[] }).papers.map((p) => p.citationCount);
    const sorted = [...raw].sort((a, b) => b - a);
    const h = sorted.filter((c, i) => c >= i + 1).length;
    expect(h).toBe(23);
    expect(works.map((w) => w.citations)).toEqual(raw);
  });

  it('reads papers and their external ids', () => {
    // Second paper: 947efa54…, "Systems of Logic Based on Ordinals", 2012, publicationDate 2012-12-31,
    // venue "Alan Turing's Systems of Logic", 328 citations, DOI 10.1016/b978-044450423-4/50007-3, DBLP phd/Turing38.
    expect(works[1]).toEqual({
      title: 'Systems of Logic Based on Ordinals',
      authors: ['A. Turing'],
      year: 2012,
      date: '2012-12-31',
      venue: "Alan Turing's Systems of Logic",
      citations: 328,
      ids: { s2: '947efa54175145240c1a33f62321f23db43571e7', doi: '10.1016/b978-044450423-4/50007-3', dblp: 'phd/Turing38' },
      url: 'https://www.semanticscholar.org/paper/947efa54175145240c1a33f62321f23db43571e7',
    });
    // python Counter over papers[].externalIds: DOI 32, DBLP 11, PubMed 1.
    expect(works.filter((w) => w.ids?.doi)).toHaveLength(32);
    expect(works.filter((w) => w.ids?.dblp)).toHaveLength(11);
    expect(works.filter((w) => w.ids?.pmid)).toHaveLength(1);
    expect(works.every((w) => w.ids?.s2 && /^[0-9a-f]{40}$/.test(w.ids.s2))).toBe(true);
  });

  it('reads the API response handed to the author page', () => {
    const c = capturePage(s2, BLANK(), AUTHOR_PAGE, { now: FIXED_NOW, payloads: { author: AUTHOR_JSON } });
    expect(c.pageKind).toBe('author');
    expect(c.works).toHaveLength(60);
  });
});

describe('Semantic Scholar search responses', () => {
  it('reads a paper search as a list', () => {
    const c = captureData(s2, fixtureText('semantic_scholar/api_paper_search.json'), new URL('https://api.semanticscholar.org/graph/v1/paper/search?query=attention+mechanism&limit=3'), 'json', { now: FIXED_NOW });
    expect(validateCapture(c).ok).toBe(true);
    expect(c.pageKind).toBe('list');
    // "total": 12143225 with three rows in data[].
    expect(c.works).toHaveLength(3);
    expect(c.notes).toEqual(['response holds 3 of 12143225 results']);
    // data[0]: Niu, Zhong, Yu — Neurocomputing 2021, 2865 citations, DOI 10.1016/J.NEUCOM.2021.03.091 (lower-cased here).
    expect(c.works?.[0]).toMatchObject({
      title: 'A review on the attention mechanism of deep learning',
      authors: ['Zhaoyang Niu', 'G. Zhong', 'Hui Yu'],
      year: 2021,
      venue: 'Neurocomputing',
      citations: 2865,
      ids: { s2: 'a56bf7ee9a56d8f84079684339a953c2df9ce76b', doi: '10.1016/j.neucom.2021.03.091', dblp: 'journals/ijon/NiuZY21' },
    });
    // data[1]: "ArXiv": "2406.10581".
    expect(c.works?.[1]?.ids?.arxiv).toBe('2406.10581');
  });

  it('does not read an author search (people, not works) as works', () => {
    // vcrpy cassette: graph/v1/author/search?query=turing, 59 authors with name only.
    const [rec] = cassetteBodies(fixtureText('semantic_scholar/vcr_author_search.yaml'));
    expect(rec?.status).toBe(200);
    expect(JSON.parse(rec?.body ?? '{}').total).toBe(59);
    const c = captureData(s2, rec?.body ?? '', new URL(rec?.uri ?? 'https://api.semanticscholar.org/'), 'json', { now: FIXED_NOW });
    expect(c.pageKind).toBe('unrecognized');
    expect(c.notes?.[0]).toContain('lists people, not works');
  });
});

describe('Semantic Scholar without data, rules and requests', () => {
  it('asks the Graph API for the author with its papers', () => {
    const [req] = s2.dataRequests?.(AUTHOR_PAGE, BLANK()) ?? [];
    expect(req?.url.startsWith('https://api.semanticscholar.org/graph/v1/author/2262347?fields=')).toBe(true);
    expect(req?.url).toContain('hIndex');
    expect(req?.url).toContain('papers.externalIds');
    expect(req?.key).toBe('author');
  });

  it('is blocked on a rate-limit answer and unrecognized without data on author pages', () => {
    // Synthetic: the shape of the API's 429 body.
    const limited = capturePage(s2, BLANK(), AUTHOR_PAGE, {
      now: FIXED_NOW,
      payloads: { author: '{"message": "Too Many Requests. Please wait and try again or apply for a key for higher rate limits."}' },
    });
    expect(limited.pageKind).toBe('blocked');
    const none = capturePage(s2, BLANK(), AUTHOR_PAGE, { now: FIXED_NOW });
    expect(none.pageKind).toBe('unrecognized');
    // A payload for another author is not taken for this page.
    const other = capturePage(s2, BLANK(), new URL('https://www.semanticscholar.org/author/X/1741101'), { now: FIXED_NOW, payloads: { author: AUTHOR_JSON } });
    expect(other.pageKind).toBe('unrecognized');
  });

  it('falls back to citation meta tags on paper pages (synthetic snippet, unverified on a saved page)', () => {
    const doc = parseHtml(`<html><head>
      <meta name="citation_title" content="A review on the attention mechanism of deep learning">
      <meta name="citation_author" content="Zhaoyang Niu"><meta name="citation_author" content="G. Zhong">
      <meta name="citation_publication_date" content="2021/09/01">
      <meta name="citation_journal_title" content="Neurocomputing">
      </head><body></body></html>`);
    const url = new URL('https://www.semanticscholar.org/paper/A-review-Niu-Zhong/a56bf7ee9a56d8f84079684339a953c2df9ce76b');
    const c = capturePage(s2, doc, url, { now: FIXED_NOW, payloads: { paper: '<html>Service Unavailable</html>' } });
    expect(validateCapture(c).ok).toBe(true);
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]).toMatchObject({ title: 'A review on the attention mechanism of deep learning', year: 2021, ids: { s2: 'a56bf7ee9a56d8f84079684339a953c2df9ce76b' } });
    expect(c.notes?.join(' ')).toContain('not the Semantic Scholar API');
  });

  it('matches its example URLs and keys pages by id', () => {
    for (const rule of s2.rules)
      for (const ex of rule.examples) {
        expect(ruleFor(s2, new URL(ex))?.kind).toBe(rule.kind);
        expect(adapterFor(ex)?.id).toBe('semantic-scholar');
      }
    expect(s2.pageKey?.(AUTHOR_PAGE)).toBe('author:2262347');
    expect(s2.pageKey?.(new URL('https://www.semanticscholar.org/author/2262347'))).toBe('author:2262347');
    expect(adapterFor('https://www.semanticscholar.org/search?q=turing')).toBeUndefined();
  });
});
