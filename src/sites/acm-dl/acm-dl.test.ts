// ACM Digital Library on its real saved page (10.1145/3371158.3371232, saved
// 2020-08-28). The expected values are checked against ACM's own CSL-JSON
// export of the same paper (acm_dl/acm_10.1145_3371158.3371232_csl.json, read
// here and compared field by field) and against the page source by hand.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { acmDate, acmDlAdapter } from './index';
import { adapterFor } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../../../tests/helpers/fixtures';

interface Csl {
  title: string;
  author: { family: string; given: string }[];
  issued: { 'date-parts': number[][] };
  'container-title': string;
  DOI: string;
  publisher: string;
  type: string;
  abstract: string;
  page: string;
}

describe('ACM Digital Library article page (saved 2020)', () => {
  const url = new URL('https://dl.acm.org/doi/abs/10.1145/3371158.3371232');
  const doc = fixtureDoc('acm_dl/acm_doi_abs_10.1145_3371158.3371232_2020.html');
  const csl = JSON.parse(fixtureText('acm_dl/acm_10.1145_3371158.3371232_csl.json')) as Csl;
  const c = capturePage(acmDlAdapter, doc, url, { now: FIXED_NOW });
  const w = c.works?.[0];

  it('owns both address forms and captures a valid paper', () => {
    expect(adapterFor(url)?.id).toBe('acm-dl');
    expect(adapterFor('https://dl.acm.org/doi/10.1145/3371158.3371232')?.id).toBe('acm-dl');
    expect(acmDlAdapter.detect(doc, url)).toBe('paper');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
  });

  it('agrees with ACM\'s own citation export', () => {
    // CSL title "Graph-based Deep Learning in Natural Language Processing" = the page's h1.citation__title.
    expect(w?.title).toBe(csl.title);
    expect(w?.title).toBe('Graph-based Deep Learning in Natural Language Processing');
    // CSL authors Vashishth/Shikhar, Yadati/Naganand, Talukdar/Partha; the page shows "Given Family"
    // twice (header list and a slide-out panel), kept once each.
    expect(w?.authors).toEqual(csl.author.map((a) => `${a.given} ${a.family}`));
    expect(w?.authors).toEqual(['Shikhar Vashishth', 'Naganand Yadati', 'Partha Talukdar']);
    // CSL container-title "Proceedings of the 7th ACM IKDD CoDS and 25th COMAD"; the page shows
    // "CoDS COMAD 2020: Proceedings of …" (the acronym is CSL's collection-title).
    expect(w?.venue).toBe(csl['container-title']);
    // CSL DOI "10.1145/3371158.3371232" = the page's https://doi.org/… link.
    expect(w?.ids?.doi).toBe(csl.DOI.toLowerCase());
    // CSL publisher "Association for Computing Machinery" = the page's .publisher__name.
    expect(w?.publisher).toBe(csl.publisher);
    // CSL issued 2020-01-05; the page shows "January 2020" only (.epub-section__date), and that is what is kept.
    expect(w?.year).toBe(csl.issued['date-parts'][0]![0]);
    expect(w?.date).toBe('2020-01');
    // CSL type PAPER_CONFERENCE; the page's pbContext says acm-pubtype>proceeding.
    expect(csl.type).toBe('PAPER_CONFERENCE');
    expect(w?.type).toBe('conference');
    // The abstract: the page's .abstractInFull paragraph, the same text as CSL's abstract.
    expect(w?.abstract).toBe(csl.abstract);
    // "Total Citations" 0 (.article-metric.citation); CSL has no count.
    expect(w?.citations).toBe(0);
  });

  it('pages are shown (CSL page "371–372", the page "Pages 371–372") but the capture has no field for them', () => {
    expect(JSON.parse(`"${csl.page}"`)).toBe('371–372');
    expect(Object.keys(w ?? {})).not.toContain('pages');
  });

  it('a page showing another DOI is not taken for this address', () => {
    const other = capturePage(acmDlAdapter, doc, new URL('https://dl.acm.org/doi/abs/10.1145/1234567.7654321'), { now: FIXED_NOW });
    expect(other.pageKind).toBe('unrecognized');
    expect(other.works).toBeUndefined();
  });

  it('a page without the citation block is unrecognized', () => {
    const other = capturePage(acmDlAdapter, fixtureDoc('arxiv/search_results_200.html'), url, { now: FIXED_NOW });
    expect(other.pageKind).toBe('unrecognized');
  });

  it('dates as the page writes them', () => {
    expect(acmDate('January 2020')).toBe('2020-01');
    expect(acmDate('05 January 2020')).toBe('2020-01-05');
    expect(acmDate('Spring 2020')).toBeUndefined();
  });
});
