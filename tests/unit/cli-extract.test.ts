// `extract` for every registered adapter and every form its data takes (HTML
// page, JSON response, XML response, a body unwrapped from a recorded YAML
// cassette), on the real saved fixtures. Expected values were read by hand
// from the raw files (grep/read), as each comment says — not from this code's output.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/extract';
import type { CliIo } from '../../src/cli/io';
import type { Capture } from '../../src/core/capture';
import { validateCapture } from '../../src/core/validate';
import { sniffCharset } from '../../src/node/dom';
import { SITE_CASES } from '../helpers/site-cases';
import { cassetteBodies } from '../helpers/cassette';
import { fixtureBytes, fixturePath, fixtureText } from '../helpers/fixtures';

const NOW = '2026-11-22T10:00:00.000Z';
const tmp = mkdtempSync(join(tmpdir(), 'scholar-lens-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function extract(file: string, url: string, as?: string, site?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFile(p) };
  const code = await run([file, '--url', url, '--now', NOW, ...(as ? ['--as', as] : []), ...(site ? ['--site', site] : [])], io);
  const stdout = out.join('');
  return { code, stdout, stderr: err.join(''), capture: stdout ? (JSON.parse(stdout) as Capture) : undefined };
}

/** Exit code, a valid capture on stdout, the source and the page kind; returns the capture for the hand-checked values. */
async function expectCapture(file: string, url: string, source: string, kind: Capture['pageKind'], code = 0, as?: string): Promise<Capture> {
  const r = await extract(file, url, as);
  expect(r.code, r.stderr).toBe(code);
  expect(validateCapture(r.capture)).toMatchObject({ ok: true });
  expect(r.capture?.source).toBe(source);
  expect(r.capture?.pageKind).toBe(kind);
  expect(r.capture?.capturedAt).toBe(NOW);
  return r.capture!;
}

function unwrap(cassette: string, index: number, name: string): string {
  const rec = cassetteBodies(fixtureText(cassette))[index];
  expect(rec?.status).toBe(200);
  const file = join(tmp, name);
  writeFileSync(file, rec?.body ?? '');
  return file;
}

describe('cli extract, per adapter and data form', () => {
  it('google-scholar: profile page (HTML, Latin-1) and citation page', async () => {
    const zharov = await expectCapture(
      fixturePath('google_scholar/profile_U4LFdJ0AAAAJ_zharov.html'),
      'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en',
      'google-scholar',
      'author',
    );
    // #gsc_prf_in reads "Yaroslav Zharov"; 20 tr.gsc_a_tr rows in the file.
    expect(zharov.person?.name).toBe('Yaroslav Zharov');
    expect(zharov.works).toHaveLength(20);
    expect(zharov.person?.ids?.gscholar).toBe('U4LFdJ0AAAAJ');

    const cite = await expectCapture(
      fixturePath('google_scholar/view_citation_ernst_ieeeaccess2018.html'),
      'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:u5HHmVD_uO8C',
      'google-scholar',
      'paper',
    );
    // a.gsc_oci_title_link text; "Journal" field "IEEE access"; "Publication date" 2018/9/16.
    expect(cite.works?.[0]?.title).toBe('Decentralized applications: The blockchain-empowered software system');
    expect(cite.works?.[0]?.venue).toBe('IEEE access');
    expect(cite.works?.[0]?.year).toBe(2018);
  });

  it('the Latin-1 page decodes by its declared charset', async () => {
    // The file declares charset=ISO-8859-1 and has exactly one byte ≥ 0x80: 0xA0 (no-break space)
    // after "Software Engineering" before "&#8230;" (found with LC_ALL=C grep). Read as UTF-8 it
    // would become U+FFFD; read as Latin-1 it is a no-break space, which cleanText folds to a space.
    const bytes = fixtureBytes('google_scholar/profile_U4LFdJ0AAAAJ_zharov.html');
    expect(bytes.indexOf(Buffer.from('Software Engineering\xa0&#8230;', 'latin1'))).toBeGreaterThan(0);
    expect(sniffCharset(bytes)).toBe('iso-8859-1');
    const r = await extract(fixturePath('google_scholar/profile_U4LFdJ0AAAAJ_zharov.html'), 'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en');
    expect(r.stdout).not.toContain('\uFFFD');
    const venues = r.capture?.works?.map((w) => w.venue) ?? [];
    expect(venues).toContain('2025 IEEE/ACM 47th International Conference on Software Engineering …');
  });

  it('arxiv: abstract page (HTML), search results (HTML) and an API feed (Atom XML)', async () => {
    const abs = await expectCapture(fixturePath('arxiv/abs_2004.10162.html'), 'https://arxiv.org/abs/2004.10162', 'arxiv', 'paper');
    // citation_title meta and h1.title.
    expect(abs.works?.[0]?.title).toBe('EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks');
    expect(abs.works?.[0]?.ids?.arxiv).toBe('2004.10162');

    const search = await expectCapture(
      fixturePath('arxiv/search_results_200.html'),
      'https://arxiv.org/search/?query=llm&searchtype=all',
      'arxiv',
      'list',
    );
    // 200 li.arxiv-result; "Showing 1&ndash;200 of 77,800 results".
    expect(search.works).toHaveLength(200);
    expect(search.notes?.join(' ')).toContain('77,800');

    const feed = await expectCapture(
      fixturePath('arxiv/api_query_atom.xml'),
      'https://export.arxiv.org/api/query?search_query=all:attention&max_results=3',
      'arxiv',
      'list',
    );
    // 3 <entry> elements; the first entry's <title>; <opensearch:totalResults>314000.
    expect(feed.works).toHaveLength(3);
    expect(feed.works?.[0]?.title).toBe('Déjà vu: A Contextualized Temporal Attention Mechanism for Sequential Recommendation');
    expect(feed.notes?.join(' ')).toContain('314000');
  });

  it('dblp: the person XML', async () => {
    const c = await expectCapture(fixturePath('dblp/person_00-5179_RuiTan.xml'), 'https://dblp.org/pid/00/5179.xml', 'dblp', 'author');
    // <dblpperson n="135" name="Rui Tan" pid="00/5179">, and 135 <r> records in the file.
    expect(c.person?.name).toBe('Rui Tan');
    expect(c.person?.ids?.dblp).toBe('00/5179');
    expect(c.works).toHaveLength(135);
  });

  it('orcid: the v3.0 record JSON, and a works body unwrapped from the VCR cassette', async () => {
    const c = await expectCapture(
      fixturePath('orcid/record_0000-0003-4423-4370.json'),
      'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record',
      'orcid',
      'author',
    );
    // person.name.credit-name.value; 26 groups in activities-summary.works.group (counted with python's json).
    expect(c.person?.name).toBe('Charles Tapley Hoyt');
    expect(c.person?.ids?.orcid).toBe('0000-0003-4423-4370');
    expect(c.works).toHaveLength(26);

    // The cassette's 4th interaction is GET …/0000-0003-1444-9135/works: works without their person,
    // which the format cannot attribute. Its address is no ORCID page kind (rules cover /record), so the
    // command line says so and exits 2; the adapter reads this body with its /person partner in orcid.test.ts.
    const file = unwrap('orcid/vcr_works.yml', 3, 'orcid-works.json');
    const w = await extract(file, 'https://pub.orcid.org/v3.0/0000-0003-1444-9135/works');
    expect(w.code).toBe(2);
    expect(w.stdout).toBe('');
    expect(w.stderr.trim().split('\n')).toHaveLength(1);
    expect(w.stderr).toMatch(/^no adapter recognizes https:\/\/pub\.orcid\.org\/v3\.0\/0000-0003-1444-9135\/works/);
  });

  it('semantic-scholar: author JSON, paper-search JSON, and an author-search body from the VCR cassette', async () => {
    const a = await expectCapture(
      fixturePath('semantic_scholar/api_author_2262347_turing.json'),
      'https://api.semanticscholar.org/graph/v1/author/2262347',
      'semantic-scholar',
      'author',
    );
    // The record states "name": "A. Turing", "hIndex": 23, "paperCount": 60, "citationCount": 12415, and has 60 papers.
    expect(a.person?.name).toBe('A. Turing');
    expect(a.person?.metrics).toMatchObject({ hIndex: 23, papers: 60, citations: 12415 });
    expect(a.works).toHaveLength(60);

    const s = await expectCapture(
      fixturePath('semantic_scholar/api_paper_search.json'),
      'https://api.semanticscholar.org/graph/v1/paper/search?query=attention+mechanism&limit=3',
      'semantic-scholar',
      'list',
    );
    // "total": 12143225 with 3 rows in "data"; the first row's title.
    expect(s.works).toHaveLength(3);
    expect(s.works?.[0]?.title).toBe('A review on the attention mechanism of deep learning');

    // The cassette's one interaction: GET /graph/v1/author/search?query=turing, status 200, "total": 59
    // people. A list of people is no page kind of the format: exit 2 with a one-line reason, no capture.
    const file = unwrap('semantic_scholar/vcr_author_search.yaml', 0, 's2-author-search.json');
    const p = await extract(file, 'https://api.semanticscholar.org/graph/v1/author/search?query=turing&fields=name&offset=0&limit=100');
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('pubmed: the old Entrez article page', async () => {
    const c = await expectCapture(fixturePath('pubmed/article_legacy_entrez_2015.html'), 'https://www.ncbi.nlm.nih.gov/pubmed/25817406', 'pubmed', 'paper');
    // meta ncbi_uidlist content="25817406"; the citation line "… 2015 Mar 12;56:120-131. doi: 10.1016/j.psyneuen.2015.03.010."
    expect(c.works?.[0]?.ids).toMatchObject({ pmid: '25817406', doi: '10.1016/j.psyneuen.2015.03.010' });
    // <h1>Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis.</h1> (MEDLINE's final period dropped).
    expect(c.works?.[0]?.title).toBe('Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis');
  });

  it('pubmed: an E-utilities efetch response (XML), read with --site', async () => {
    // A data API's address has no page rule of its own: --site names the adapter.
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFile(p) };
    const url = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&id=41884867,41884779,41884685';
    expect(await run([fixturePath('pubmed/eutils_efetch.xml'), '--url', url, '--site', 'pubmed', '--now', NOW], io), err.join('')).toBe(0);
    const c = JSON.parse(out.join('')) as Capture;
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c).toMatchObject({ source: 'pubmed', pageKind: 'list' });
    // Three <PubmedArticle> elements; the first's <PMID Version="1">41884867 and its <ArticleTitle> (final period dropped).
    expect(c.works).toHaveLength(3);
    expect(c.works?.[0]?.ids?.pmid).toBe('41884867');
    expect(c.works?.[0]?.title).toBe('Neural dynamics of visuospatial endogenous attention: Event-related optical signal evidence from posterior brain areas');
    // Without --site the address is no supported page.
    expect((await extract(fixturePath('pubmed/eutils_efetch.xml'), url)).code).toBe(2);
  });

  it('researchgate: a profile page', async () => {
    const c = await expectCapture(fixturePath('researchgate/profile_Lorenzo-Prendini.html'), 'https://www.researchgate.net/profile/Lorenzo-Prendini', 'researchgate', 'author');
    // JSON-LD Person "name":"Lorenzo Prendini"; publicProfileStatsCitations">4,857<; 100 ScholarlyArticle items (grep -o | wc -l).
    expect(c.person?.name).toBe('Lorenzo Prendini');
    expect(c.person?.metrics?.citations).toBe(4857);
    expect(c.works).toHaveLength(100);
  });

  it('acl-anthology: an author page (2021 template)', async () => {
    const c = await expectCapture(fixturePath('acl_anthology/author_andreas-madsack_2021.html'), 'https://aclanthology.org/people/a/andreas-madsack/', 'acl-anthology', 'author');
    // <h2 id=title> "Andreas Madsack"; five distinct /anthology/<id>/ paper links (K18-3004, W17-3524, W18-3607, W18-6560, W19-4201).
    expect(c.person?.name).toBe('Andreas Madsack');
    expect(c.works).toHaveLength(5);
    expect(c.works?.map((w) => w.ids?.acl).sort()).toEqual(['K18-3004', 'W17-3524', 'W18-3607', 'W18-6560', 'W19-4201']);
  });

  // Article pages of the sites whose adapters (or the embedded-metadata reader) are being added:
  // each runs as soon as something reads its address, whatever the adapter's id.
  // Titles and DOIs are the pages' own citation_title / citation_doi meta tags.
  const articles: [string, string, string, string][] = [
    ['springer/article_s10924-010-0192-1.html', 'https://link.springer.com/article/10.1007/s10924-010-0192-1',
      'In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications', '10.1007/s10924-010-0192-1'],
    ['sciencedirect/article_S2210271X18305656.html', 'https://www.sciencedirect.com/science/article/pii/S2210271X18305656',
      'Chemical bonding without orbitals', '10.1016/j.comptc.2018.10.004'],
    ['plos/article_ploscompbiol_2014.html', 'https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604',
      'Mechanistic, Mathematical Model to Predict the Dynamics of Tissue Genesis in Bone Defects via Mechanical Feedback and Mediation of Biochemical Factors',
      '10.1371/journal.pcbi.1003604'],
    // content="doi:10.1038/nature13322": canonical form drops the label.
    ['nature/article_nature-1_2014.html', 'https://www.nature.com/articles/nature13322',
      'Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis', '10.1038/nature13322'],
    // Unquoted attributes: <meta content="How many data points is a prompt worth?" name=citation_title>.
    ['acl_anthology/paper_2021.naacl-main.208.html', 'https://aclanthology.org/2021.naacl-main.208/',
      'How many data points is a prompt worth?', '10.18653/v1/2021.naacl-main.208'],
  ];
  for (const [fixture, url, title, doi] of articles) {
    it(`article page ${fixture}`, async () => {
      const r = await extract(fixturePath(fixture), url);
      expect(r.code, r.stderr).toBe(0);
      expect(validateCapture(r.capture)).toMatchObject({ ok: true });
      expect(r.capture?.pageKind).toBe('paper');
      expect(r.capture?.works?.[0]?.title).toBe(title);
      expect(r.capture?.works?.[0]?.ids?.doi).toBe(doi);
    });
  }

  // OpenReview: no saved page or recorded response exists; this is the minimal JSON written
  // in API v2's documented shape (tests/data/openreview/README.md).
  it('openreview: a forum response (API v2 JSON)', async () => {
    const c = await expectCapture(fixturePath('tests/data/openreview/forum_SynthAAAA01.json'), 'https://api2.openreview.net/notes?forum=SynthAAAA01', 'openreview', 'paper');
    // The note with "id": "SynthAAAA01" (not the review); its content.title.value, whitespace collapsed.
    expect(c.works?.[0]?.title).toBe('A Synthetic Study of Representation Learning');
  });

  // Google Research and scite: no saved page exists; SYNTHETIC snippets, written to a temporary file.
  it('google-research and scite: synthetic snippets', async () => {
    const pub = join(tmp, 'google-research-pub.html');
    writeFileSync(pub, '<html><body><main><h1>A Synthetic Study</h1><p class="authors">Ada Example, Ben Sample</p></main></body></html>');
    const g = await expectCapture(pub, 'https://research.google/pubs/a-synthetic-study/', 'google-research', 'paper');
    expect(g.works?.[0]?.authors).toEqual(['Ada Example', 'Ben Sample']);
    const report = join(tmp, 'scite-report.html');
    writeFileSync(report, '<html><body><main><h1>Deep Synthetic Learning</h1><p>12 Citing Publications</p></main></body></html>');
    const s = await expectCapture(report, 'https://scite.ai/reports/10.5555/SYNTH.1', 'scite', 'paper');
    expect(s.works?.[0]).toMatchObject({ title: 'Deep Synthetic Learning', citations: 12, ids: { doi: '10.5555/synth.1' } });
  });

  it('ieee: a document page (the record in its page script)', async () => {
    const c = await expectCapture(fixturePath('ieee/document_6649456_2020.html'), 'https://ieeexplore.ieee.org/document/6649456', 'ieee', 'paper');
    // global.document.metadata: "doi":"10.1109/ICCW.2013.6649456", "publicationDate":"June 2013", two authors.
    expect(c.works?.[0]).toMatchObject({ ids: { doi: '10.1109/iccw.2013.6649456' }, date: '2013-06', authors: ['Panayotis Mertikopoulos', 'Aris L. Moustakas'] });
  });

  it('acm-dl: an article page', async () => {
    const c = await expectCapture(fixturePath('acm_dl/acm_doi_abs_10.1145_3371158.3371232_2020.html'), 'https://dl.acm.org/doi/abs/10.1145/3371158.3371232', 'acm-dl', 'paper');
    // h1.citation__title; ACM's CSL export of the paper has the same title.
    expect(c.works?.[0]?.title).toBe('Graph-based Deep Learning in Natural Language Processing');
  });

  it('openalex: author and work JSON from the API', async () => {
    // "works_count": 60 but the record lists no works: an author capture without works is not made.
    const a = await extract(fixturePath('openalex/author_A5023888391_priem_2026.json'), 'https://api.openalex.org/authors/A5023888391');
    expect(a.capture?.pageKind).toBe('unrecognized');
    expect(a.capture?.person).toBeUndefined();
    const w = await expectCapture(fixturePath('openalex/work_W2741809807_state_of_oa_2026.json'), 'https://api.openalex.org/works/W2741809807', 'openalex', 'paper');
    // "doi": "https://doi.org/10.7717/peerj.4375", "cited_by_count": 1149
    expect(w.works?.[0]).toMatchObject({ ids: { doi: '10.7717/peerj.4375', openalex: 'W2741809807' }, citations: 1149 });
  });
});

// Every site's saved pages and data responses (its cases.ts), by construction: a new site
// folder is read by the command line without an edit here. The kinds were read off the pages by hand.
describe('cli extract reads every site\'s cases', () => {
  for (const { id, cases } of SITE_CASES) {
    for (const p of cases.pages.filter((p) => !p.payload))
      it(`${id}: ${p.fixture} is a ${p.kind} page`, async () => {
        const r = await extract(fixturePath(p.fixture), p.url);
        expect(validateCapture(r.capture), r.stderr).toMatchObject({ ok: true });
        expect(r.capture?.source).toBe(id);
        expect(r.capture?.pageKind).toBe(p.kind);
      });
    for (const d of cases.data ?? [])
      it(`${id}: ${d.fixture} is a ${d.kind} record`, async () => {
        const r = await extract(fixturePath(d.fixture), d.dataUrl, d.as, id);
        expect(validateCapture(r.capture), r.stderr).toMatchObject({ ok: true });
        expect(r.capture?.source).toBe(id);
        expect(r.capture?.pageKind).toBe(d.kind);
      });
  }
});

describe('cli extract when nothing is recognized', () => {
  it('exits 2 with a one-line reason for a real page at an address of no supported site', async () => {
    // A real saved arXiv search page (no citation_*, Dublin Core, JSON-LD, COinS or og: tags — grep
    // finds none) given a URL of an unknown site: no site adapter and no embedded metadata.
    const r = await extract(fixturePath('arxiv/search_results_200.html'), 'https://unknown-site.example/search?q=llm');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no adapter recognizes https:\/\/unknown-site\.example\//);
  });
});

describe('the command line as a process', () => {
  it('npx tsx src/cli/main.ts extract prints the capture JSON and exits 0', async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec(
      'npx',
      ['tsx', 'src/cli/main.ts', 'extract', fixturePath('dblp/person_00-5179_RuiTan.xml'), '--url', 'https://dblp.org/pid/00/5179.xml', '--now', NOW],
      { maxBuffer: 20 * 1024 * 1024 },
    ); // execFile rejects on a non-zero exit code, so reaching here means 0
    const c = JSON.parse(stdout) as Capture;
    expect(validateCapture(c).ok).toBe(true);
    // <dblpperson n="135" name="Rui Tan">.
    expect(c.person?.name).toBe('Rui Tan');

    const fail = await exec('npx', ['tsx', 'src/cli/main.ts', 'extract', fixturePath('arxiv/search_results_200.html'), '--url', 'https://unknown-site.example/'], {
      maxBuffer: 20 * 1024 * 1024,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(fail.code).toBe(2);
    // npx itself may warn on stderr about the machine's npm config; the CLI's own message is one line.
    const own = fail.stderr.split('\n').filter((l) => l && !/^npm warn/i.test(l));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/^no adapter recognizes/);
  });
});
