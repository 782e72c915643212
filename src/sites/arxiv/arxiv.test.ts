import { describe, expect, it } from 'vitest';
import { arxivAdapter, parseDayMonthYear } from './index';
import { captureData, capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { adapterFor } from '../../adapters/registry';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../../../tests/helpers/fixtures';

const ABS_URL = new URL('https://arxiv.org/abs/2004.10162');
const SEARCH_URL = new URL('https://arxiv.org/search/?query=distributed+systems&searchtype=abstract');
const API_URL = new URL('https://export.arxiv.org/api/query?search_query=all:attention+OR+all:mechanism&start=0&max_results=3');

describe('arXiv abstract page (2020 layout)', () => {
  const capture = capturePage(arxivAdapter, fixtureDoc('arxiv/abs_2004.10162.html'), ABS_URL, { now: FIXED_NOW });
  const work = capture.works?.[0];

  it('is a valid paper capture', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('paper');
    expect(capture.works).toHaveLength(1);
    expect(arxivAdapter.detect(fixtureDoc('arxiv/abs_2004.10162.html'), ABS_URL)).toBe('paper');
  });

  it('reads title, authors, v1 date, category and abstract', () => {
    // <h1 class="title mathjax"> after the "Title:" descriptor, and <title>.
    expect(work?.title).toBe(
      'EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks',
    );
    // The three <a> in div.authors, in page order.
    expect(work?.authors).toEqual(['Sanchari Sen', 'Balaraman Ravindran', 'Anand Raghunathan']);
    // Submission history: "[v1] Tue, 21 Apr 2020 17:17:09 UTC".
    expect(work?.date).toBe('2020-04-21');
    expect(work?.year).toBe(2020);
    // span.primary-subject: "Machine Learning (cs.LG)"; no jref row in the metatable.
    expect(work?.venue).toBe('arXiv (cs.LG)');
    expect(work?.ids).toEqual({ arxiv: '2004.10162' }); // no DOI row on this page
    expect(work?.type).toBe('preprint');
    expect(work?.url).toBe('https://arxiv.org/abs/2004.10162');
    // blockquote.abstract: first and last words, "Abstract:" label dropped, &lt; decoded.
    expect(work?.abstract?.startsWith('Ensuring robustness of Deep Neural Networks (DNNs)')).toBe(true);
    expect(work?.abstract?.endsWith('without sacrificing accuracy on the unperturbed inputs.')).toBe(true);
    expect(work?.abstract).toContain('(<25% in our evaluations)');
  });

  it('keys the page by id, whatever the version', () => {
    expect(arxivAdapter.pageKey?.(new URL('https://arxiv.org/abs/2004.10162v1'))).toBe('abs:2004.10162');
    expect(arxivAdapter.pageKey?.(ABS_URL)).toBe('abs:2004.10162');
  });
});

describe('arXiv search results', () => {
  const capture = capturePage(arxivAdapter, fixtureDoc('arxiv/search_results_200.html'), SEARCH_URL, { now: FIXED_NOW });
  const byId = (id: string) => capture.works?.find((w) => w.ids?.arxiv === id);

  it('reads all 200 results as a valid list', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('list');
    // grep -c 'li class="arxiv-result"' → 200
    expect(capture.works).toHaveLength(200);
    // <h1>: "Showing 1–200 of 77,800 results"
    expect(capture.notes).toContain('page shows results 1–200 of 77,800');
  });

  it('reads the first result as shown', () => {
    // First li.arxiv-result: arXiv:2512.03003, tag hep-ph, one author, "Submitted 2 December, 2025".
    expect(capture.works?.[0]).toMatchObject({
      title: 'The role of the top Yukawa coupling in triple Higgs production at the LHC',
      authors: ['Luca Panizzi'],
      date: '2025-12-02',
      year: 2025,
      venue: 'arXiv (hep-ph)',
      ids: { arxiv: '2512.03003' },
      type: 'preprint',
    });
    // The full abstract (span.abstract-full), without the "△ Less" toggle.
    expect(capture.works?.[0]?.abstract?.startsWith('In this letter I quantify')).toBe(true);
    expect(capture.works?.[0]?.abstract?.endsWith('and other global observables.')).toBe(true);
  });

  it('takes the v1 date when a later version exists', () => {
    // "Submitted 11 December, 2025; v1 submitted 8 December, 2025" on arXiv:2512.07321.
    expect(byId('2512.07321')?.date).toBe('2025-12-08');
  });

  it('reads DOIs and journal references', () => {
    // arXiv:2512.10701 carries a doi tag linking to doi.org/10.1145/3773274.3774931, five author links.
    expect(byId('2512.10701')?.ids).toEqual({ arxiv: '2512.10701', doi: '10.1145/3773274.3774931' });
    expect(byId('2512.10701')?.authors).toHaveLength(5);
    // arXiv:2512.02894: "Journal ref: Physica B: Condensed Matter, 417533 (2025)" and doi 10.1016/j.physb.2025.417533.
    expect(byId('2512.02894')?.venue).toBe('Physica B: Condensed Matter, 417533 (2025)');
    expect(byId('2512.02894')?.ids?.doi).toBe('10.1016/j.physb.2025.417533');
    // grep -c 'Journal ref:' → 7; grep -c 'is-size-7">doi</span>' → 9.
    expect(capture.works?.filter((w) => !w.venue?.startsWith('arXiv (')).length).toBe(7);
    expect(capture.works?.filter((w) => w.ids?.doi).length).toBe(9);
  });
});

describe('arXiv API Atom feed', () => {
  const capture = captureData(arxivAdapter, fixtureText('arxiv/api_query_atom.xml'), API_URL, 'xml', { now: FIXED_NOW });

  it('reads three entries as a list', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('list');
    expect(capture.works).toHaveLength(3);
    // <opensearch:totalResults>314000
    expect(capture.notes).toContain('feed holds 3 of 314000 results');
  });

  it('reads entries as the feed states them', () => {
    // Entry 1: id .../2002.00741v1, published 2020-01-29, primary cs.IR, three <author>.
    expect(capture.works?.[0]).toMatchObject({
      title: 'Déjà vu: A Contextualized Temporal Attention Mechanism for Sequential Recommendation',
      authors: ['Jibang Wu', 'Renqin Cai', 'Hongning Wang'],
      date: '2020-01-29',
      venue: 'arXiv (cs.IR)',
      ids: { arxiv: '2002.00741' },
    });
    // Entry 2: v2 id, but published (v1) 2011-02-10; arxiv:journal_ref present.
    expect(capture.works?.[1]?.ids).toEqual({ arxiv: '1102.2017' });
    expect(capture.works?.[1]?.date).toBe('2011-02-10');
    expect(capture.works?.[1]?.venue).toBe('Mechanism and Machine Theory 46 (2011) 1335--1349');
    // Entry 3: <arxiv:doi>10.1016/j.mechmachtheory.2012.07.003
    expect(capture.works?.[2]?.ids).toEqual({ arxiv: '1112.2954', doi: '10.1016/j.mechmachtheory.2012.07.003' });
    expect(capture.works?.[2]?.authors?.[3]).toBe('Carlos A. Cruz-Villar');
  });

  it('does not present a broken feed as a list', () => {
    // Synthetic: a truncated response.
    const broken = captureData(arxivAdapter, '<html><body>502 Bad Gateway</body></html>', API_URL, 'xml', { now: FIXED_NOW });
    expect(broken.pageKind).toBe('unrecognized');
  });
});

describe('arXiv URL rules and edge cases', () => {
  it('matches its example URLs, and they resolve to arXiv in the registry', () => {
    for (const rule of arxivAdapter.rules)
      for (const ex of rule.examples) {
        expect(ruleFor(arxivAdapter, new URL(ex))?.kind).toBe(rule.kind);
        expect(adapterFor(ex)?.id).toBe('arxiv');
      }
  });

  it('parses the date forms arXiv prints', () => {
    expect(parseDayMonthYear('Tue, 21 Apr 2020 17:17:09 UTC')).toBe('2020-04-21');
    expect(parseDayMonthYear('8 December, 2025')).toBe('2025-12-08');
    expect(parseDayMonthYear('December 2025')).toBeUndefined();
  });

  it('does not throw on an empty or foreign page', () => {
    // Synthetic: an empty document.
    const empty = parseHtml('<html><body></body></html>');
    expect(capturePage(arxivAdapter, empty, ABS_URL, { now: FIXED_NOW }).pageKind).toBe('unrecognized');
    expect(capturePage(arxivAdapter, empty, SEARCH_URL, { now: FIXED_NOW }).pageKind).toBe('unrecognized');
  });
});
