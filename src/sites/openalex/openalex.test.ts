// OpenAlex on two real API responses (SOURCES.tsv: author A5023888391, Jason
// Priem, updated 2026-02-15; work W2741809807, "The state of OA", updated
// 2026-02-16). Expected values read by hand from the JSON, as each comment says.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { invertedAbstract, openAlexAdapter } from './index';
import { adapterFor } from '../../adapters/registry';
import { captureData, capturePage } from '../../adapters/run';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureText } from '../../../tests/helpers/fixtures';

const AUTHOR = 'openalex/author_A5023888391_priem_2026.json';
const WORK = 'openalex/work_W2741809807_state_of_oa_2026.json';
const shell = () => parseHtml('<html><body><div id="app"></div></body></html>');

// SYNTHETIC wrapper, REAL record: the works query's answer shape ({ meta, results }) holding the
// one saved real work of this author (W2741809807 lists Jason Priem among its authorships).
const worksAnswer = () => `{"meta":{"count":1},"results":[${fixtureText(WORK)}]}`;

describe('OpenAlex author page', () => {
  const url = new URL('https://openalex.org/authors/A5023888391');
  const c = capturePage(openAlexAdapter, shell(), url, { now: FIXED_NOW, payloads: { author: fixtureText(AUTHOR), works: worksAnswer() } });

  it('asks the API host for the record, and owns the address', () => {
    expect(adapterFor(url)?.id).toBe('openalex');
    expect(openAlexAdapter.dataRequests?.(url, shell())).toEqual([
      { url: 'https://api.openalex.org/authors/A5023888391', as: 'json', key: 'author' },
      { url: 'https://api.openalex.org/works?filter=author.id:A5023888391&sort=publication_year:desc&per-page=200', as: 'json', key: 'works' },
    ]);
    expect(openAlexAdapter.dataRequests?.(new URL('https://openalex.org/authors/a5023888391'), shell())?.[0]?.url).toBe('https://api.openalex.org/authors/A5023888391');
  });

  it('reads the person and the figures OpenAlex states', () => {
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('author');
    // "display_name": "Jason Priem", "orcid": "https://orcid.org/0000-0001-6187-6610"
    expect(c.person?.name).toBe('Jason Priem');
    expect(c.person?.ids).toEqual({ openalex: 'A5023888391', orcid: '0000-0001-6187-6610' });
    // "works_count": 60, "cited_by_count": 4245, "summary_stats": {"h_index": 17, "i10_index": 20}
    expect(c.person?.metrics).toEqual({ papers: 60, citations: 4245, hIndex: 17, i10Index: 20 });
    // "last_known_institutions": null; in "affiliations" OurResearch has the latest year (2023).
    expect(c.person?.affiliation).toBe('OurResearch');
    // "counts_by_year": [{"year": 2008, …, "cited_by_count": 115}, {"year": 2010, …, 901}, …]
    expect(c.person?.citationsByYear?.['2008']).toBe(115);
    expect(c.person?.citationsByYear?.['2010']).toBe(901);
  });

  it('reads the works the works query answers, and says the list is partial', () => {
    expect(c.works?.map((w) => w.ids?.openalex)).toEqual(['W2741809807']);
    expect(c.notes?.join(' ')).toMatch(/1 of the 60 works it counts were read/);
  });

  it('without the works answer the page is not understood and creates no person', () => {
    const alone = capturePage(openAlexAdapter, shell(), url, { now: FIXED_NOW, payloads: { author: fixtureText(AUTHOR) } });
    expect(alone.pageKind).toBe('unrecognized');
    expect(alone.works ?? []).toEqual([]);
    expect(alone.person).toBeUndefined();
  });

  it('a record for another author is not taken for this page', () => {
    const other = capturePage(openAlexAdapter, shell(), new URL('https://openalex.org/authors/A1234567890'), { now: FIXED_NOW, payloads: { author: fixtureText(AUTHOR) } });
    expect(other.pageKind).toBe('unrecognized');
    expect(other.person).toBeUndefined();
  });

  it('without the record the page is unrecognized', () => {
    expect(capturePage(openAlexAdapter, shell(), url, { now: FIXED_NOW }).pageKind).toBe('unrecognized');
    const error = capturePage(openAlexAdapter, shell(), url, { now: FIXED_NOW, payloads: { author: '{"error":"Not found","message":"no such author"}' } });
    expect(error.pageKind).toBe('unrecognized');
    expect(error.notes?.join(' ')).toMatch(/Not found/);
  });

  it('every field of the record retyped still gives a valid capture or a clear refusal', () => {
    // The shared fuzz test reads cases.ts data; this record is not a case there (it lists no works).
    const record = JSON.parse(fixtureText(AUTHOR)) as Record<string, unknown>;
    const garbage: unknown[] = [null, '', 0, -1, 1.5, '60', 'x'.repeat(3000), [], {}, [null], { a: 1 }, true];
    const paths: string[][] = Object.keys(record).map((k) => [k]);
    for (const k of ['summary_stats', 'ids']) for (const kk of Object.keys(record[k] as object)) paths.push([k, kk]);
    for (const path of paths)
      for (const g of garbage) {
        const copy = structuredClone(record) as Record<string, unknown>;
        let at = copy;
        for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
        at[path.at(-1)!] = g;
        const e = openAlexAdapter.extract(shell(), url, { author: JSON.stringify(copy) });
        const v = validateCapture({ format: 'scholar-lens.capture', version: 1, source: 'openalex', url: url.href, capturedAt: FIXED_NOW.toISOString(), ...e });
        expect(v.ok, `${path.join('.')} = ${JSON.stringify(g)?.slice(0, 20)}`).toBe(true);
        if (e.pageKind === 'author') expect(e.person?.name).toBeTruthy();
      }
  });
});

describe('OpenAlex work page', () => {
  const url = new URL('https://openalex.org/works/W2741809807');
  const c = capturePage(openAlexAdapter, shell(), url, { now: FIXED_NOW, payloads: { work: fixtureText(WORK) } });
  const w = c.works?.[0];

  it('reads the work record', () => {
    expect(openAlexAdapter.dataRequests?.(url, shell())?.[0]?.url).toBe('https://api.openalex.org/works/W2741809807');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
    // "display_name": "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"
    expect(w?.title).toBe('The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles');
    // authorships[*].author.display_name, nine of them, Heather Piwowar first, Stefanie Haustein last;
    // "Juan Pablo Alperín" is OpenAlex's display name (raw_author_name "Juan Pablo Alperin").
    expect(w?.authors).toEqual([
      'Heather Piwowar', 'Jason Priem', 'Vincent Larivière', 'Juan Pablo Alperín', 'Lisa Matthias',
      'Bree Norlander', 'Ashley Farley', 'Jevin D. West', 'Stefanie Haustein',
    ]);
    // "publication_year": 2018, "publication_date": "2018-02-13"
    expect(w?.year).toBe(2018);
    expect(w?.date).toBe('2018-02-13');
    // primary_location.source.display_name "PeerJ"
    expect(w?.venue).toBe('PeerJ');
    // "doi": "https://doi.org/10.7717/peerj.4375", ids.pmid ".../29456894", "id": ".../W2741809807"
    expect(w?.ids).toEqual({ doi: '10.7717/peerj.4375', pmid: '29456894', openalex: 'W2741809807' });
    // "cited_by_count": 1149
    expect(w?.citations).toBe(1149);
    // "type": "book-chapter" — OpenAlex's own (odd) type for this PeerJ article, kept as stated.
    expect(w?.type).toBe('chapter');
    expect(w?.url).toBe('https://openalex.org/works/W2741809807');
  });

  it('rebuilds the abstract from the inverted index', () => {
    // Positions 0..: "Despite" [0], "growing" [1], "interest" [2], "in" [3, …], "Open" [4, …], "Access" [5], "(OA)" [6] …
    expect(w?.abstract).toMatch(/^Despite growing interest in Open Access \(OA\) to scholarly literature, there is an unmet need/);
    // … ending "… as a way to inform OA policy and practice." (258 words, no gaps).
    expect(w?.abstract).toMatch(/as a way to inform OA policy and practice\.$/);
    expect(w?.abstract?.split(' ')).toHaveLength(258);
  });

  it('an index with gaps or clashes is not trusted (synthetic)', () => {
    expect(invertedAbstract({ a: [0], c: [2] })).toBeUndefined();
    expect(invertedAbstract({ a: [0], b: [0] })).toBeUndefined();
    expect(invertedAbstract({ b: [1], a: [0] })).toBe('a b');
  });

  it('the command line reads saved responses by their API address', () => {
    const work = captureData(openAlexAdapter, fixtureText(WORK), new URL('https://api.openalex.org/works/W2741809807'), 'json', { now: FIXED_NOW });
    expect(work.pageKind).toBe('paper');
    // An author record alone lists no works: not saved as an author (no person without works).
    const author = captureData(openAlexAdapter, fixtureText(AUTHOR), new URL('https://api.openalex.org/authors/A5023888391'), 'json', { now: FIXED_NOW });
    expect(author.pageKind).toBe('unrecognized');
    expect(author.person).toBeUndefined();
  });
});
