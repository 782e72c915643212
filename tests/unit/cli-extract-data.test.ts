// `extract` on more data responses: Semantic Scholar's citations and
// references, DBLP's search API XML, a DBLP person record's profile links, and
// recorded HTTP cassettes read like the raw response they wrap.
//
// No citations/references response, search API XML, or person record with
// <url> links is saved in ../shared/fixtures, so those are SYNTHETIC responses
// written here in the shape the APIs document (S2 Graph API: {data: [{citingPaper
// | citedPaper: {…}}]}; dblp search API: <result><hits><hit><info>…; dblp person
// XML: <person><url>…</url></person>). The cassettes are the real saved ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/extract';
import type { CliIo } from '../../src/cli/io';
import type { Capture } from '../../src/core/capture';
import { validateCapture } from '../../src/core/validate';
import { fixturePath } from '../helpers/fixtures';

const NOW = '2026-11-22T10:00:00.000Z';
const tmp = mkdtempSync(join(tmpdir(), 'scholar-lens-cli-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function extract(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFile(p) };
  const code = await run([...args, '--now', NOW], io);
  const stdout = out.join('');
  const capture = stdout ? (JSON.parse(stdout) as Capture) : undefined;
  if (capture) expect(validateCapture(capture)).toMatchObject({ ok: true });
  return { code, stderr: err.join(''), capture };
}

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const S2 = 'https://api.semanticscholar.org/graph/v1/paper/a56bf7ee9a56d8f84079684339a953c2df9ce76b';

describe('Semantic Scholar citations and references (synthetic responses in the documented shape)', () => {
  it('/citations: a list of the citing papers', async () => {
    const file = write(
      'citations.json',
      JSON.stringify({
        offset: 0,
        next: 2,
        data: [
          { citingPaper: { paperId: '1111111111111111111111111111111111111111', title: 'A Citing Paper', year: 2022, authors: [{ authorId: '1', name: 'Ann Author' }], externalIds: { DOI: '10.1234/ABC' } } },
          { citingPaper: { paperId: '2222222222222222222222222222222222222222', title: 'Another Citing Paper', year: 2023, authors: [] } },
          { citingPaper: { paperId: null, title: null } },
        ],
      }),
    );
    const r = await extract([file, '--url', `${S2}/citations?fields=title,year,authors,externalIds`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.capture).toMatchObject({ source: 'semantic-scholar', pageKind: 'list' });
    expect(r.capture?.works?.map((w) => w.title)).toEqual(['A Citing Paper', 'Another Citing Paper']);
    expect(r.capture?.works?.[0]).toMatchObject({ year: 2022, authors: ['Ann Author'], ids: { s2: '1111111111111111111111111111111111111111', doi: '10.1234/abc' } });
    expect(r.capture?.notes).toEqual([
      'papers citing a56bf7ee9a56d8f84079684339a953c2df9ce76b',
      '1 paper(s) without a title were skipped',
      'the API has more after these 3 (next offset 2)',
    ]);
  });

  it('/references: a list of the cited papers; an id with slashes (DOI:…) is read too', async () => {
    const file = write('references.json', JSON.stringify({ offset: 0, data: [{ citedPaper: { paperId: '3333333333333333333333333333333333333333', title: 'A Cited Paper', year: 1999 } }] }));
    const r = await extract([file, '--url', 'https://api.semanticscholar.org/graph/v1/paper/DOI:10.18653/v1/N18-3011/references']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.capture?.pageKind).toBe('list');
    expect(r.capture?.works?.[0]?.title).toBe('A Cited Paper');
    expect(r.capture?.notes).toEqual(['papers DOI:10.18653/v1/N18-3011 cites']);
  });

  it('an empty /citations page is not a list of 0 works', async () => {
    const file = write('no-citations.json', JSON.stringify({ offset: 0, data: [] }));
    const r = await extract([file, '--url', `${S2}/citations`]);
    expect(r.code).toBe(2);
    expect(r.capture?.pageKind).toBe('unrecognized');
  });
});

const DBLP_SEARCH = `<?xml version="1.0" encoding="UTF-8"?>
<result>
<query id="1">rui tan</query>
<status code="200">OK</status>
<hits total="120" computed="120" sent="2" first="0">
<hit score="1" id="1"><info><authors><author pid="00/5179">Rui Tan 0001</author><author pid="11/1111">Guoliang Xing</author></authors><title>Fidelity-Aware Utilization Control.</title><venue>IEEE Trans. Parallel Distributed Syst.</venue><year>2012</year><type>Journal Articles</type><key>journals/tpds/TanXCW12</key><doi>10.1109/TPDS.2011.1</doi><ee>https://doi.org/10.1109/TPDS.2011.1</ee><url>https://dblp.org/rec/journals/tpds/TanXCW12</url></info><url>URL</url></hit>
<hit score="1" id="2"><info><authors><author pid="00/5179">Rui Tan 0001</author></authors><title>A Preprint.</title><venue>CoRR</venue><year>2020</year><type>Informal and Other Publications</type><key>journals/corr/abs-2001-00001</key><ee>https://arxiv.org/abs/2001.00001</ee></info></hit>
</hits>
</result>`;

describe('DBLP search API XML (synthetic response in the documented shape)', () => {
  it('is a list of works, with types, ids and the total it states', async () => {
    const r = await extract([write('search.xml', DBLP_SEARCH), '--url', 'https://dblp.org/search/publ/api?q=rui+tan&format=xml&h=2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.capture).toMatchObject({ source: 'dblp', pageKind: 'list', notes: ['response holds 2 of 120 hits'] });
    expect(r.capture?.works).toEqual([
      {
        title: 'Fidelity-Aware Utilization Control',
        authors: ['Rui Tan', 'Guoliang Xing'],
        year: 2012,
        venue: 'IEEE Trans. Parallel Distributed Syst.',
        ids: { dblp: 'journals/tpds/TanXCW12', doi: '10.1109/tpds.2011.1' },
        url: 'https://doi.org/10.1109/TPDS.2011.1',
        type: 'article',
      },
      {
        title: 'A Preprint',
        authors: ['Rui Tan'],
        year: 2020,
        venue: 'CoRR',
        ids: { dblp: 'journals/corr/abs-2001-00001', arxiv: '2001.00001' },
        url: 'https://arxiv.org/abs/2001.00001',
        type: 'preprint',
      },
    ]);
  });

  it('a search with no hits is not a list of 0 works', async () => {
    const r = await extract([write('nohits.xml', '<result><hits total="0" sent="0" first="0"></hits></result>'), '--url', 'https://dblp.org/search/publ/api?q=zzz&format=xml']);
    expect(r.code).toBe(2);
    expect(r.capture?.pageKind).toBe('unrecognized');
  });
});

describe('DBLP person record links', () => {
  it('the saved person XML (00/5179) lists no <url> under <person>: no other ids, no homepage', async () => {
    // Read by hand: its <person key="homepages/00/5179"> holds only <author> lines.
    const r = await extract([fixturePath('dblp/person_00-5179_RuiTan.xml'), '--url', 'https://dblp.org/pid/00/5179.xml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.capture?.person?.ids).toEqual({ dblp: '00/5179' });
    expect(r.capture?.person?.homepage).toBeUndefined();
  });

  it('a record with homepage, Scholar, ORCID and Wikipedia links (synthetic): person ids and the homepage', async () => {
    const xml = `<?xml version="1.0"?><dblpperson name="Ann Author" pid="99/9999" n="1">
<person key="homepages/99/9999" mdate="2024-01-01"><author pid="99/9999">Ann Author</author>
<url>https://en.wikipedia.org/wiki/Ann_Author</url>
<url>https://ann.example.edu/~ann/</url>
<url>https://scholar.google.com/citations?user=SbUmSEAAAAAJ</url>
<url>https://orcid.org/0000-0002-1825-0097</url>
<url>https://www.semanticscholar.org/author/2262347</url>
</person>
<r><article key="journals/x/Author24"><author pid="99/9999">Ann Author</author><title>A Work.</title><year>2024</year><journal>X</journal></article></r>
</dblpperson>`;
    const r = await extract([write('person.xml', xml), '--url', 'https://dblp.org/pid/99/9999.xml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.capture?.person).toMatchObject({
      name: 'Ann Author',
      homepage: 'https://ann.example.edu/~ann/',
      ids: { dblp: '99/9999', orcid: '0000-0002-1825-0097', gscholar: 'SbUmSEAAAAAJ', s2: '2262347' },
    });
  });
});

describe('recorded cassettes, read like the raw response', () => {
  // Neither saved cassette wraps a response that makes a capture (works without their person; a
  // list of people), so the check is that a cassette gives what its unwrapped body gives
  // (tests/unit/cli-extract.test.ts: exit 2, one line naming the address) and is read at its recorded address.
  it('the ORCID works cassette: the interaction recorded for --url, answered as its body would be', async () => {
    // Its 4th interaction is GET https://pub.orcid.org/v3.0/0000-0003-1444-9135/works, status 200.
    const r = await extract([fixturePath('orcid/vcr_works.yml'), '--url', 'https://pub.orcid.org/v3.0/0000-0003-1444-9135/works']);
    expect(r.code).toBe(2);
    expect(r.capture).toBeUndefined();
    expect(r.stderr).toMatch(/^no adapter recognizes https:\/\/pub\.orcid\.org\/v3\.0\/0000-0003-1444-9135\/works/);
  });

  it('with several interactions and no --url, it says which there are', async () => {
    const r = await extract([fixturePath('orcid/vcr_works.yml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/records 4 interactions; name one with --url or --interaction/);
    expect(r.stderr).toContain('4: https://pub.orcid.org/v3.0/0000-0003-1444-9135/works');
  });

  it('--interaction picks one by its number; one that is not there is refused', async () => {
    const r = await extract([fixturePath('orcid/vcr_works.yml'), '--interaction', '4']);
    expect(r.stderr).toMatch(/^no adapter recognizes https:\/\/pub\.orcid\.org\/v3\.0\/0000-0003-1444-9135\/works/);
    const bad = await extract([fixturePath('orcid/vcr_works.yml'), '--interaction', '999']);
    expect(bad.code).toBe(1);
  });

  it('the Semantic Scholar author-search cassette (one interaction): read at its recorded address without --url', async () => {
    // One interaction: GET https://api.semanticscholar.org/graph/v1/author/search?query=turing&fields=name&offset=0&limit=100, status 200.
    const r = await extract([fixturePath('semantic_scholar/vcr_author_search.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^no adapter recognizes https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/search\?query=turing/);
    // Named with --site, the body is read by the adapter's data reader: a list of people, not works.
    const s = await extract([fixturePath('semantic_scholar/vcr_author_search.yaml'), '--site', 'semantic-scholar']);
    expect(s.code).toBe(2);
    expect(s.capture).toMatchObject({ source: 'semantic-scholar', pageKind: 'unrecognized' });
    expect(s.capture?.url).toBe('https://api.semanticscholar.org/graph/v1/author/search?query=turing&fields=name&offset=0&limit=100');
    expect(s.capture?.notes?.[0]).toBe('Semantic Scholar: an author search lists people, not works; open an author to capture it');
  });
});
