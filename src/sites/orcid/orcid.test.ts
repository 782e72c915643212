import { describe, expect, it } from 'vitest';
import { orcidAdapter, readOrcidWorks } from './index';
import { captureData, capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { adapterFor } from '../../adapters/registry';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureText } from '../../../tests/helpers/fixtures';
import { cassetteBodies } from '../../../tests/helpers/cassette';

const ID = '0000-0003-4423-4370';
const PAGE_URL = new URL(`https://orcid.org/${ID}`);
const RECORD = fixtureText('orcid/record_0000-0003-4423-4370.json');
const SPA = () => parseHtml('<html><head><title>ORCID</title></head><body><app-root></app-root></body></html>'); // synthetic shell

describe('ORCID v3.0 record (Charles Tapley Hoyt)', () => {
  const capture = captureData(orcidAdapter, RECORD, new URL(`https://pub.orcid.org/v3.0/${ID}/record`), 'json', { now: FIXED_NOW });
  const works = capture.works ?? [];

  it('is a valid author capture', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('author');
  });

  it('reads the person section', () => {
    // person.name.credit-name "Charles Tapley Hoyt"; researcher-url "Personal Website" → https://cthoyt.com;
    // five keywords in order; the one employment with end-date null is at Harvard Medical School.
    expect(capture.person).toEqual({
      name: 'Charles Tapley Hoyt',
      homepage: 'https://cthoyt.com',
      interests: ['Knowledge Assembly', 'Networks Biology', 'Systems Biology', 'Data Integration', 'Cheminformatics'],
      ids: { orcid: ID },
      affiliation: 'Harvard Medical School',
    });
  });

  it('reads one work per works group', () => {
    // activities-summary.works.group has 26 entries (python len()).
    expect(works).toHaveLength(26);
    // Group 1: JOURNAL_ARTICLE, 2021-02, doi 10.3233/jad-201397, pmid 33554913.
    expect(works[0]).toEqual({
      title: "A Systems Biology Approach for Hypothesizing the Effect of Genetic Variants on Neuroimaging Features in Alzheimer's Disease.",
      year: 2021,
      date: '2021-02',
      ids: { pmid: '33554913', doi: '10.3233/jad-201397' },
      type: 'article',
    });
  });

  it('reads arXiv ids and keeps preprint and journal DOIs apart', () => {
    // "PyKEEN 1.0…": external-id arxiv "arXiv:2007.14175v2", date 2020-07-28.
    const pykeen = works.find((w) => w.title?.startsWith('PyKEEN 1.0'));
    expect(pykeen?.ids).toEqual({ arxiv: '2007.14175' });
    expect(pykeen?.date).toBe('2020-07-28');
    // "GuiltyTargets…": the group holds the bioRxiv DOI 10.1101/521161 and the TCBB DOI; the first
    // (preferred, display-index 3) summary has the TCBB one.
    const gt = works.find((w) => w.title?.startsWith('GuiltyTargets'));
    expect(gt?.ids).toEqual({ pmid: '32750869', doi: '10.1109/tcbb.2020.3003830' });
    // Types of each group's first summary (python Counter): 17 JOURNAL_ARTICLE, 1 CONFERENCE_PAPER, 8 OTHER.
    expect(works.filter((w) => w.type === 'article')).toHaveLength(17);
    expect(works.filter((w) => w.type === 'conference')).toHaveLength(1);
    expect(works.filter((w) => w.type === 'other')).toHaveLength(8);
  });

  it('reads the record on the page through the payload', () => {
    const fromPage = capturePage(orcidAdapter, SPA(), PAGE_URL, { now: FIXED_NOW, payloads: { record: RECORD } });
    expect(fromPage.pageKind).toBe('author');
    expect(fromPage.works).toHaveLength(26);
  });
});

describe('ORCID /person and /works responses (rorcid VCR cassette)', () => {
  const recorded = cassetteBodies(fixtureText('orcid/vcr_works.yml'));

  it('unwraps the four recorded interactions', () => {
    // The cassette records /person and /works for 0000-0003-1620-1408 and 0000-0003-1444-9135, all 200.
    expect(recorded.map((r) => [r.uri.replace('https://pub.orcid.org/v3.0/', ''), r.status])).toEqual([
      ['0000-0003-1620-1408/person', 200],
      ['0000-0003-1620-1408/works', 200],
      ['0000-0003-1444-9135/person', 200],
      ['0000-0003-1444-9135/works', 200],
    ]);
  });

  it('reads a person + works pair as the author page', () => {
    const [, , person, worksBody] = recorded;
    const c = capturePage(orcidAdapter, SPA(), new URL('https://orcid.org/0000-0003-1444-9135'), {
      now: FIXED_NOW,
      payloads: { person: person?.body ?? '', works: worksBody?.body ?? '' },
    });
    expect(validateCapture(c).ok).toBe(true);
    // credit-name "Scott A Chamberlain"; 111 groups in the /works body (python len()).
    expect(c.person?.name).toBe('Scott A Chamberlain');
    expect(c.works).toHaveLength(111);
    // First group: "Phylogeny Based Biodiversity Data Queries", journal-article, 2018-05-21, journal-title, url.
    expect(c.works?.[0]).toEqual({
      title: 'Phylogeny Based Biodiversity Data Queries',
      year: 2018,
      date: '2018-05-21',
      venue: 'Biodiversity Information Science and Standards',
      ids: { doi: '10.3897/biss.2.25589' },
      url: 'https://doi.org/10.3897/biss.2.25589',
      type: 'article',
    });
  });

  it('reads an empty works list as no works', () => {
    // 0000-0003-1620-1408/works: {"last-modified-date":null,"group":[],…} (74 bytes).
    expect(readOrcidWorks(JSON.parse(recorded[1]?.body ?? '{}'))).toEqual([]);
  });

  it('does not read a works list alone as an author', () => {
    const c = captureData(orcidAdapter, recorded[3]?.body ?? '', new URL('https://pub.orcid.org/v3.0/0000-0003-1444-9135/works'), 'json', { now: FIXED_NOW });
    expect(c.pageKind).toBe('unrecognized');
  });
});

describe('ORCID without data, rules and requests', () => {
  it('asks pub.orcid.org for the record as JSON', () => {
    expect(orcidAdapter.dataRequests?.(PAGE_URL, SPA())).toEqual([
      { url: `https://pub.orcid.org/v3.0/${ID}/record`, as: 'json', key: 'record', headers: { Accept: 'application/json' } },
    ]);
  });

  it('is unrecognized when the record could not be fetched or is an error', () => {
    const none = capturePage(orcidAdapter, SPA(), PAGE_URL, { now: FIXED_NOW });
    expect(none.pageKind).toBe('unrecognized');
    expect(none.notes?.[0]).toBe('ORCID renders from data; the record could not be fetched');
    // Synthetic: an HTML error page instead of JSON, and ORCID's JSON error shape.
    const html = capturePage(orcidAdapter, SPA(), PAGE_URL, { now: FIXED_NOW, payloads: { record: '<html>502</html>' } });
    expect(html.pageKind).toBe('unrecognized');
    const err = capturePage(orcidAdapter, SPA(), PAGE_URL, {
      now: FIXED_NOW,
      payloads: { record: '{"response-code":409,"developer-message":"409 Conflict: The ORCID record is locked","user-message":"The ORCID record is locked.","error-code":9018}' },
    });
    expect(err.pageKind).toBe('unrecognized');
    expect(err.notes?.join(' ')).toContain('The ORCID record is locked.');
  });

  it('refuses a record for another iD than the page', () => {
    const c = capturePage(orcidAdapter, SPA(), new URL('https://orcid.org/0000-0003-1444-9135'), { now: FIXED_NOW, payloads: { record: RECORD } });
    expect(c.pageKind).toBe('unrecognized');
  });

  it('matches its example URLs and keys pages by iD', () => {
    for (const rule of orcidAdapter.rules)
      for (const ex of rule.examples) {
        expect(ruleFor(orcidAdapter, new URL(ex))?.kind).toBe(rule.kind);
        expect(adapterFor(ex)?.id).toBe('orcid');
      }
    expect(orcidAdapter.pageKey?.(PAGE_URL)).toBe(`orcid:${ID}`);
    expect(adapterFor('https://orcid.org/signin')).toBeUndefined();
  });
});
