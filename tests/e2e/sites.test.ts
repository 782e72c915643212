// Every registered site adapter in real Chromium: the real saved fixture is
// served at a real-looking address of its site (request routing, nothing
// reaches the network), the content script reads it — fetching the site's own
// data where the adapter asks for it — the background stores it, and the
// popup says what was saved. Counts were checked by hand against the fixtures
// (see each comment), not taken from the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { parseHtml } from '../../src/node/dom';
import { SITE_CASES } from '../helpers/site-cases';
import { launch, type Harness } from './harness';
import { fixtureBytes, fixtureText } from '../helpers/fixtures';

// SYNTHETIC: DBLP, ORCID and Semantic Scholar render their pages from data and
// those pages' HTML is not saved; the page is this empty shell, while the data
// the adapter reads (person XML, v3.0 record JSON, Graph API JSON) is the real fixture.
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app"></div></body></html>';

// A server that does not let the page's origin read it, as an API may answer
// a browser: the content script's own cross-origin fetch would be refused, so
// passing means the data came through the background (src/shell/fetch-data.ts).
const NO_CORS = { 'access-control-allow-origin': 'https://elsewhere.example' };

describe('each site through real Chromium into the store', () => {
  let h: Harness;

  async function shell(url: string) {
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
  }
  async function data(url: string | RegExp, fixture: string, contentType: string, headers: Record<string, string> = {}) {
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType, headers, body: fixtureBytes(fixture) }));
  }
  async function refuse(url: string | RegExp) {
    await h.context.route(url, (r) => r.fulfill({ status: 403, contentType: 'text/html', body: '<html><body>Forbidden</body></html>' }));
  }

  /** The tab's status and its stored record, read in the extension's service worker. */
  async function stored(tabId: number): Promise<{ status: { key?: string; source: string; pageKind: string }; capture?: Capture }> {
    const sw = h.context.serviceWorkers()[0]!;
    return sw.evaluate(async (id: number) => {
      const k = `tab:${id}`;
      const status = (await chrome.storage.session.get(k))[k] as { key?: string; source: string; pageKind: string };
      if (!status.key) return { status };
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('scholar-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rec = await new Promise<{ capture: Capture } | undefined>((res, rej) => {
        const r = db.transaction('captures').objectStore('captures').get(status.key!);
        r.onsuccess = () => res(r.result as { capture: Capture } | undefined);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return { status, capture: rec?.capture };
    }, tabId);
  }

  async function statusLine(tabId: number, expected: string | RegExp) {
    const popup = await h.popup(tabId);
    const line = popup.locator('.status');
    if (typeof expected === 'string') await expect.poll(() => line.textContent()).toContain(expected);
    else await expect.poll(() => line.textContent()).toMatch(expected);
    await popup.close();
  }

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Google Scholar: a citation page', async () => {
    const url = 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:u5HHmVD_uO8C';
    await h.serve(url, 'google_scholar/view_citation_ernst_ieeeaccess2018.html');
    const { tabId } = await h.visit(url);
    await statusLine(tabId, 'Google Scholar paper page — 1 work saved');
    const { capture } = await stored(tabId);
    // a.gsc_oci_title_link text in the saved page.
    expect(capture?.works?.[0]?.title).toBe('Decentralized applications: The blockchain-empowered software system');
  });

  it('arXiv: an abstract page and a search results page', async () => {
    await h.serve('https://arxiv.org/abs/2004.10162', 'arxiv/abs_2004.10162.html');
    const abs = await h.visit('https://arxiv.org/abs/2004.10162');
    await statusLine(abs.tabId, 'arXiv paper page — 1 work saved');
    // citation_title meta / h1.title of the saved page.
    expect((await stored(abs.tabId)).capture?.works?.[0]).toMatchObject({
      title: 'EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks',
      ids: { arxiv: '2004.10162' },
    });

    const search = 'https://arxiv.org/search/?query=llm&searchtype=all';
    await h.serve(search, 'arxiv/search_results_200.html');
    const list = await h.visit(search);
    // 200 li.arxiv-result elements ("Showing 1–200 of 77,800 results").
    await statusLine(list.tabId, 'arXiv list of works — 200 works saved');
  });

  it('DBLP: a person page reads its person XML from the same origin', async () => {
    await shell('https://dblp.org/pid/00/5179.html');
    await data('https://dblp.org/pid/00/5179.xml', 'dblp/person_00-5179_RuiTan.xml', 'application/xml');
    const { tabId } = await h.visit('https://dblp.org/pid/00/5179.html');
    // <dblpperson n="135" name="Rui Tan" pid="00/5179">: the record states 135 entries.
    await statusLine(tabId, 'DBLP author page — 135 works saved');
    const { capture } = await stored(tabId);
    expect(capture?.person?.name).toBe('Rui Tan');
    expect(capture?.person?.ids?.dblp).toBe('00/5179');
  });

  it('ORCID: a record page reads the public v3.0 record from pub.orcid.org through the background', async () => {
    await shell('https://orcid.org/0000-0003-4423-4370');
    await data('https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', 'orcid/record_0000-0003-4423-4370.json', 'application/json', NO_CORS);
    const { tabId } = await h.visit('https://orcid.org/0000-0003-4423-4370');
    // 26 groups in activities-summary.works.group; person.name.credit-name "Charles Tapley Hoyt".
    await statusLine(tabId, 'ORCID author page — 26 works saved');
    const { capture } = await stored(tabId);
    expect(capture?.person?.name).toBe('Charles Tapley Hoyt');
    expect(capture?.person?.ids?.orcid).toBe('0000-0003-4423-4370');
    expect(h.requests).toContain('https://pub.orcid.org/v3.0/0000-0003-4423-4370/record');
  });

  it('Semantic Scholar: an author page reads the Graph API through the background', async () => {
    await shell('https://www.semanticscholar.org/author/A.-Turing/2262347');
    await data(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?/, 'semantic_scholar/api_author_2262347_turing.json', 'application/json', NO_CORS);
    const { tabId } = await h.visit('https://www.semanticscholar.org/author/A.-Turing/2262347');
    // The record has 60 papers and states "paperCount": 60, "hIndex": 23, "citationCount": 12415.
    await statusLine(tabId, 'Semantic Scholar author page — 60 works saved');
    const { capture } = await stored(tabId);
    expect(capture?.person?.metrics).toMatchObject({ papers: 60, hIndex: 23, citations: 12415 });
  });

  // Article pages of sites whose adapters are being added: each runs once an adapter owns its
  // address (the content script only runs on registered sites). Titles are the pages' citation_title.
  const articles: [string, string, string][] = [
    ['springer/article_s10924-010-0192-1.html', 'https://link.springer.com/article/10.1007/s10924-010-0192-1',
      'In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications'],
    ['sciencedirect/article_S2210271X18305656.html', 'https://www.sciencedirect.com/science/article/pii/S2210271X18305656',
      'Chemical bonding without orbitals'],
    ['plos/article_ploscompbiol_2014.html', 'https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604',
      'Mechanistic, Mathematical Model to Predict the Dynamics of Tissue Genesis in Bone Defects via Mechanical Feedback and Mediation of Biochemical Factors'],
    ['nature/article_nature-1_2014.html', 'https://www.nature.com/articles/nature13322',
      'Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis'],
    ['acl_anthology/paper_2021.naacl-main.208.html', 'https://aclanthology.org/2021.naacl-main.208/', 'How many data points is a prompt worth?'],
    // No citation_title on these two: IEEE's is the page script's metadata "title", ACM's its h1.citation__title.
    ['ieee/document_6649456_2020.html', 'https://ieeexplore.ieee.org/document/6649456', 'Entropy-driven optimization dynamics for Gaussian vector multiple access channels'],
    ['acm_dl/acm_doi_abs_10.1145_3371158.3371232_2020.html', 'https://dl.acm.org/doi/abs/10.1145/3371158.3371232', 'Graph-based Deep Learning in Natural Language Processing'],
  ];
  for (const [fixture, url, title] of articles) {
    it(`article page ${fixture}`, async () => {
      await h.serve(url, fixture);
      const { tabId } = await h.visit(url);
      await statusLine(tabId, /paper page — 1 work saved/);
      const { status, capture } = await stored(tabId);
      expect(capture?.works?.[0]?.title).toBe(title);
    });
  }

  it('PubMed, ResearchGate and ACL Anthology people pages', async () => {
    const pm = 'https://www.ncbi.nlm.nih.gov/pubmed/25817406';
    await h.serve(pm, 'pubmed/article_legacy_entrez_2015.html');
    const a = await h.visit(pm);
    await statusLine(a.tabId, 'PubMed paper page — 1 work saved');
    // meta ncbi_uidlist content="25817406"; "doi: 10.1016/j.psyneuen.2015.03.010." in the citation line.
    expect((await stored(a.tabId)).capture?.works?.[0]?.ids).toMatchObject({ pmid: '25817406', doi: '10.1016/j.psyneuen.2015.03.010' });

    const rg = 'https://www.researchgate.net/profile/Lorenzo-Prendini';
    await h.serve(rg, 'researchgate/profile_Lorenzo-Prendini.html');
    const b = await h.visit(rg);
    // 100 schema.org ScholarlyArticle items in the page (grep -o | wc -l); JSON-LD Person "Lorenzo Prendini".
    await statusLine(b.tabId, 'ResearchGate author page — 100 works saved');
    expect((await stored(b.tabId)).capture?.person?.name).toBe('Lorenzo Prendini');

    const acl = 'https://aclanthology.org/people/a/andreas-madsack/';
    await h.serve(acl, 'acl_anthology/author_andreas-madsack_2021.html');
    const c = await h.visit(acl);
    // Five distinct /anthology/<id>/ paper links; <h2 id=title> "Andreas Madsack".
    await statusLine(c.tabId, 'ACL Anthology author page — 5 works saved');
    expect((await stored(c.tabId)).capture?.person?.name).toBe('Andreas Madsack');
  });

  it('OpenAlex: a work page and an author page read api.openalex.org through the background', async () => {
    await shell('https://openalex.org/works/W2741809807');
    await data('https://api.openalex.org/works/W2741809807', 'openalex/work_W2741809807_state_of_oa_2026.json', 'application/json', NO_CORS);
    const work = await h.visit('https://openalex.org/works/W2741809807');
    await statusLine(work.tabId, 'OpenAlex paper page — 1 work saved');
    // "cited_by_count": 1149, "doi": "https://doi.org/10.7717/peerj.4375"
    expect((await stored(work.tabId)).capture?.works?.[0]).toMatchObject({ citations: 1149, ids: { doi: '10.7717/peerj.4375' } });

    await shell('https://openalex.org/authors/A5023888391');
    await data('https://api.openalex.org/authors/A5023888391', 'openalex/author_A5023888391_priem_2026.json', 'application/json', NO_CORS);
    // SYNTHETIC wrapper around the real saved work (Jason Priem is among its authors): the works query's answer.
    await h.context.route(/^https:\/\/api\.openalex\.org\/works\?filter=author\.id:A5023888391/, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: NO_CORS, body: `{"meta":{"count":1},"results":[${fixtureText('openalex/work_W2741809807_state_of_oa_2026.json')}]}` }),
    );
    const author = await h.visit('https://openalex.org/authors/A5023888391');
    await statusLine(author.tabId, 'OpenAlex author page — 1 work saved');
    // "display_name": "Jason Priem", "works_count": 60.
    expect((await stored(author.tabId)).capture?.person).toMatchObject({ name: 'Jason Priem', metrics: { papers: 60 } });
  });

  // OpenReview: no saved page or recorded response exists; the API answers are the minimal
  // JSON written in the API's documented shape (tests/data/openreview/README.md), the page the empty SHELL.
  it('OpenReview: a profile and a forum page read the API v2 through the background', async () => {
    await shell('https://openreview.net/profile?id=~Ada_Example1');
    await data('https://api2.openreview.net/profiles?id=~Ada_Example1', 'tests/data/openreview/profile_Ada_Example1.json', 'application/json', NO_CORS);
    await data(/^https:\/\/api2\.openreview\.net\/notes\?content\.authorids=~Ada_Example1&/, 'tests/data/openreview/notes_authorids_Ada_Example1.json', 'application/json', NO_CORS);
    const profile = await h.visit('https://openreview.net/profile?id=~Ada_Example1');
    // Two notes in notes_authorids_Ada_Example1.json; the preferred name is "Ada Example".
    await statusLine(profile.tabId, 'OpenReview author page — 2 works saved');
    expect((await stored(profile.tabId)).capture?.person).toMatchObject({ name: 'Ada Example', ids: { openreview: '~Ada_Example1' } });

    await shell('https://openreview.net/forum?id=SynthAAAA01');
    await data('https://api2.openreview.net/notes?forum=SynthAAAA01', 'tests/data/openreview/forum_SynthAAAA01.json', 'application/json', NO_CORS);
    const forum = await h.visit('https://openreview.net/forum?id=SynthAAAA01');
    await statusLine(forum.tabId, 'OpenReview paper page — 1 work saved');
    // The submission note's content.title.value, whitespace collapsed.
    expect((await stored(forum.tabId)).capture?.works?.[0]?.title).toBe('A Synthetic Study of Representation Learning');
  });

  // Google Research and scite: no saved page exists. These pages are SYNTHETIC snippets written to the
  // structure the adapters assume (see their comments); they show the flow, not the sites.
  it('Google Research: a people page (synthetic snippet)', async () => {
    const url = 'https://research.google/people/ada-example/';
    await h.context.route(url, (r) =>
      r.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>Ada Example</title></head><body><main>
          <h1>Ada Example</h1><p>Research Scientist</p>
          <ul><li><a href="/pubs/synthetic-one/">Synthetic One</a><p>Ada Example, Ben Sample</p><p>NeurIPS (2023)</p></li>
          <li><a href="/pubs/synthetic-two/">Synthetic Two</a><p>Ada Example, Cy Test</p><p>ICML (2022)</p></li></ul></main></body></html>`,
      }),
    );
    const { tabId } = await h.visit(url);
    // Two /pubs/ links in the snippet.
    await statusLine(tabId, 'Google Research author page — 2 works saved');
    expect((await stored(tabId)).capture?.person?.name).toBe('Ada Example');
  });

  it('scite: a report page (synthetic snippet)', async () => {
    const url = 'https://scite.ai/reports/10.5555/SYNTH.2015.7';
    await h.context.route(url, (r) =>
      r.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>scite</title></head><body><main>
          <h1>Deep Synthetic Learning</h1><div class="authors">Ada Example, Ben Sample</div><p>1,234 Citing Publications</p></main></body></html>`,
      }),
    );
    const { tabId } = await h.visit(url);
    await statusLine(tabId, 'scite paper page — 1 work saved');
    // The DOI is the report's own address; "1,234 Citing Publications" in the snippet.
    expect((await stored(tabId)).capture?.works?.[0]).toMatchObject({ title: 'Deep Synthetic Learning', ids: { doi: '10.5555/synth.2015.7' }, citations: 1234 });
  });

  // Every site's saved pages and data responses (its cases.ts), by construction: a new site
  // folder is read in the browser without an edit here. The page is served at the address it
  // was saved from; a data case's page is the empty shell and its data request is answered
  // with the saved response (the others are refused), through the background.
  for (const { id, adapter, cases } of SITE_CASES) {
    for (const p of cases.pages.filter((p) => !p.payload))
      it(`${id}: ${p.fixture} is read as a ${p.kind} page`, async () => {
        await h.serve(p.url, p.fixture);
        const { page, tabId } = await h.visit(p.url);
        const { status } = await stored(tabId);
        expect(status.source).toBe(id);
        expect(status.pageKind).toBe(p.kind);
        await page.close();
      });
    for (const d of cases.data ?? []) {
      const requests = adapter.dataRequests?.(new URL(d.url), parseHtml(SHELL)) ?? [];
      const mine = requests.find((r) => r.key === d.key);
      // Only responses a page reads on their own: not those read only by the command line
      // (PubMed's efetch XML, a search response) or that a page reads together with others
      // (an OpenReview profile's notes need the profile too).
      const alone = mine && adapter.extract(parseHtml(SHELL), new URL(d.url), { [d.key]: fixtureText(d.fixture) }).pageKind === d.kind;
      if (!alone) continue;
      it(`${id}: ${d.fixture} is read through the background as a ${d.kind} page`, async () => {
        await shell(d.url);
        for (const r of requests)
          if (r === mine) await data(r.url, d.fixture, d.as === 'json' ? 'application/json' : 'application/xml', NO_CORS);
          else await refuse(r.url);
        const { page, tabId } = await h.visit(d.url);
        const { status } = await stored(tabId);
        expect(status.source).toBe(id);
        expect(status.pageKind).toBe(d.kind);
        await page.close();
      });
    }
  }
});

describe('a refused data request is never stored as a read page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function expectNothingStored(tabId: number) {
    const sw = h.context.serviceWorkers()[0]!;
    const { status, count } = await sw.evaluate(async (id: number) => {
      const k = `tab:${id}`;
      const status = (await chrome.storage.session.get(k))[k] as { key?: string; pageKind: string; outcome: string; notes: string[] };
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('scholar-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      // A fresh browser profile: the store may not even have been created yet.
      const count = db.objectStoreNames.contains('captures')
        ? await new Promise<number>((res) => {
            const r = db.transaction('captures').objectStore('captures').count();
            r.onsuccess = () => res(r.result);
          })
        : 0;
      db.close();
      return { status, count };
    }, tabId);
    expect(status.pageKind).toBe('unrecognized');
    expect(status.outcome).toBe('not-stored');
    expect(status.key).toBeUndefined();
    expect(count).toBe(0);
    return status;
  }

  async function popupLine(tabId: number) {
    const popup = await h.popup(tabId);
    await expect.poll(() => popup.locator('.status').textContent()).not.toMatch(/Reading this tab/);
    return (await popup.locator('.status').textContent()) ?? '';
  }

  it('ORCID record refused (403): "could not be fetched", nothing saved', async () => {
    const url = 'https://orcid.org/0000-0003-4423-4370';
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.context.route('https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', (r) => r.fulfill({ status: 403, body: 'Forbidden' }));
    const { tabId } = await h.visit(url);
    const status = await expectNothingStored(tabId);
    expect(status.notes[0]).toBe('ORCID renders from data; the record could not be fetched');
    expect(await popupLine(tabId)).toBe('ORCID: ORCID renders from data; the record could not be fetched');
  });

  it('Semantic Scholar author data refused (403): unrecognized with the reason, nothing saved', async () => {
    const url = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.context.route(/^https:\/\/api\.semanticscholar\.org\//, (r) => r.fulfill({ status: 403, body: 'Forbidden' }));
    const { tabId } = await h.visit(url);
    const status = await expectNothingStored(tabId);
    expect(status.notes[0]).toBe('the Semantic Scholar API response was not available');
    expect(await popupLine(tabId)).toContain('Semantic Scholar: the Semantic Scholar API response was not available');
  });

  it('DBLP person XML refused (403) on a page with no readable list: unrecognized, nothing saved', async () => {
    const url = 'https://dblp.org/pid/00/5179.html';
    await h.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.context.route('https://dblp.org/pid/00/5179.xml', (r) => r.fulfill({ status: 403, body: 'Forbidden' }));
    const { tabId } = await h.visit(url);
    const status = await expectNothingStored(tabId);
    expect(status.notes.join(' ')).toMatch(/XML/i);
  });
});
