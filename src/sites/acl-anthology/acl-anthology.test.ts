import { describe, expect, it } from 'vitest';
import { aclAnthology, aclIdOf } from './index';
import { capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../../../tests/helpers/fixtures';

const PAPER_URL = new URL('https://aclanthology.org/2021.naacl-main.208/');
const PEOPLE_URL = new URL('https://aclanthology.org/people/a/andreas-madsack/');
// papis' expected extraction for the same page (another project's test).
const EXPECTED = JSON.parse(fixtureText('acl_anthology/paper_2021.naacl-main.208_expected.json')) as Record<string, string>;

describe('ACL Anthology paper page (2021.naacl-main.208, minified, unquoted attributes)', () => {
  const doc = fixtureDoc('acl_anthology/paper_2021.naacl-main.208.html');
  const capture = capturePage(aclAnthology, doc, PAPER_URL, { now: FIXED_NOW });
  const w = capture.works?.[0];

  it('is a valid paper capture', () => {
    expect(aclAnthology.detect(doc, PAPER_URL)).toBe('paper');
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('paper');
    expect(capture.works).toHaveLength(1);
  });

  it('reads the unquoted citation_* tags', () => {
    // <meta content="How many data points is a prompt worth?" name=citation_title>; same as papis' "title".
    expect(w?.title).toBe(EXPECTED.title);
    // Two citation_author tags, in this order. The byline shows "Alexander Rush"; the tag says "Alexander M. Rush".
    expect(w?.authors).toEqual(['Teven Le Scao', 'Alexander M. Rush']);
    // citation_publication_date "2021/6"; papis: publication_date "2021/6", year "2021".
    expect(w?.date).toBe('2021-06');
    expect(w?.year).toBe(2021);
    // citation_conference_title
    expect(w?.venue).toBe(
      'Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies',
    );
    expect(w?.type).toBe('conference');
    // citation_doi, and papis' "doi"
    expect(w?.ids?.doi).toBe(EXPECTED.doi);
    expect(w?.url).toBe('https://aclanthology.org/2021.naacl-main.208/');
  });

  it('takes the Anthology ID and the abstract from the page body', () => {
    // <dt>Anthology ID:</dt><dd>2021.naacl-main.208</dd>; papis: acl_anthology_id
    expect(w?.ids?.acl).toBe(EXPECTED.acl_anthology_id);
    // div.acl-abstract > span: first and last sentences as in the HTML.
    expect(w?.abstract?.startsWith('When fine-tuning pretrained models for classification, researchers either use')).toBe(true);
    expect(w?.abstract?.endsWith('prompting is often worth 100s of data points on average across classification tasks.')).toBe(true);
  });
});

describe('ACL Anthology people page (Andreas Madsack, 2021 template)', () => {
  const doc = fixtureDoc('acl_anthology/author_andreas-madsack_2021.html');
  const capture = capturePage(aclAnthology, doc, PEOPLE_URL, { now: FIXED_NOW });
  const works = capture.works ?? [];

  it('is a valid author capture naming the person', () => {
    expect(aclAnthology.detect(doc, PEOPLE_URL)).toBe('author');
    expect(validateCapture(capture).ok).toBe(true);
    // <h2 id=title><span>Andreas</span> <span>Madsack</span></h2>; slug from the URL
    expect(capture.person).toEqual({ name: 'Andreas Madsack', ids: { acl: 'andreas-madsack' } });
  });

  it('lists every paper under its year heading, in page order', () => {
    // grep '<strong><a class=align-middle href=/anthology/' gives these five ids; headings <h4>2019</h4>, 2018, 2017.
    expect(works.map((x) => x.ids?.acl)).toEqual(['W19-4201', 'K18-3004', 'W18-3607', 'W18-6560', 'W17-3524']);
    expect(works.map((x) => x.year)).toEqual([2019, 2018, 2018, 2018, 2017]);
  });

  it('reads title, authors, venue and url of an entry', () => {
    const w = works[2];
    // The W18-3607 entry: strong > a text, the six people links, the text-muted volume link.
    expect(w?.title).toBe('AX Semantics’ Submission to the Surface Realization Shared Task 2018');
    expect(w?.authors).toEqual([
      'Andreas Madsack',
      'Johanna Heininger',
      'Nyamsuren Davaasambuu',
      'Vitaliia Voronik',
      'Michael Käufl',
      'Robert Weißgraeber',
    ]);
    expect(w?.venue).toBe('Proceedings of the First Workshop on Multilingual Surface Realisation');
    expect(w?.url).toBe('https://aclanthology.org/W18-3607/');
    // Its collapsed abstract div#abstract-W18-3607 begins so.
    expect(w?.abstract?.startsWith('In this paper we describe our system and experimental results')).toBe(true);
    // K18-3004 has no "abs" button and no abstract div.
    expect(works[1]?.abstract).toBeUndefined();
    // Last entry lists Weißgraeber first.
    expect(works[4]?.authors).toEqual(['Robert Weißgraeber', 'Andreas Madsack']);
  });

  it('owns its URLs', () => {
    expect(ruleFor(aclAnthology, PEOPLE_URL)?.kind).toBe('author');
    expect(ruleFor(aclAnthology, new URL('https://aclanthology.org/people/alexander-m-rush/'))?.kind).toBe('author');
    expect(ruleFor(aclAnthology, PAPER_URL)?.kind).toBe('paper');
    expect(ruleFor(aclAnthology, new URL('https://aclanthology.org/volumes/2021.naacl-main/'))).toBeUndefined();
    expect(aclIdOf('/anthology/W19-4201/')).toBe('W19-4201');
  });

  it('says unrecognized, without throwing, on a page it does not understand', () => {
    // synthetic: an empty page at a people URL
    const c = capturePage(aclAnthology, parseHtml('<html><body><p>nothing</p></body></html>'), PEOPLE_URL, { now: FIXED_NOW });
    expect(c.pageKind).toBe('unrecognized');
    expect(validateCapture(c).ok).toBe(true);
  });
});
