import { describe, expect, it } from 'vitest';
import { dblpAdapter, dropHomonymNumber, extractPersonXml } from './index';
import { captureData, capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { adapterFor } from '../../adapters/registry';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { parseXmlText, findFirst, xmlText } from '../../adapters/kit/xml';
import { FIXED_NOW, fixtureText } from '../../../tests/helpers/fixtures';

const PAGE_URL = new URL('https://dblp.org/pid/00/5179.html');
const XML_URL = new URL('https://dblp.org/pid/00/5179.xml');
// A re-serialized copy of DBLP's person XML: BeautifulSoup wrapped it in <html><body>.
const XML = fixtureText('dblp/person_00-5179_RuiTan.xml');
const EMPTY = () => parseHtml('<html><head><title>dblp</title></head><body></body></html>'); // synthetic

describe('DBLP person XML (Rui Tan, 00/5179)', () => {
  const capture = captureData(dblpAdapter, XML, XML_URL, 'xml', { now: FIXED_NOW });
  const works = capture.works ?? [];

  it('is a valid author capture', () => {
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('author');
  });

  it('reads the person and the stated record count', () => {
    // <dblpperson n="135" name="Rui Tan" pid="00/5179">
    expect(capture.person?.name).toBe('Rui Tan');
    expect(capture.person?.ids?.dblp).toBe('00/5179');
    expect(capture.person?.metrics).toEqual({ papers: 135 });
  });

  it('reads every record: n=135 and 135 <r> elements agree', () => {
    // grep -c '<r>' → 135: 71 <article> (25 with publtype="informal", CoRR) + 64 <inproceedings>.
    expect(works).toHaveLength(135);
    expect(works.filter((w) => w.type === 'article')).toHaveLength(46);
    expect(works.filter((w) => w.type === 'preprint')).toHaveLength(25);
    expect(works.filter((w) => w.type === 'conference')).toHaveLength(64);
  });

  it('takes no ORCID: the entries name two different ones for this pid', () => {
    // orcid="0000-0001-8441-9973" on 12 of Rui Tan's entries, orcid="0000-0003-1829-234X" on
    // journals/access/ChenTZZ19; the <person> record has no orcid.org url.
    expect(capture.person?.ids?.orcid).toBeUndefined();
    expect(capture.notes?.[0]).toContain('0000-0001-8441-9973, 0000-0003-1829-234X');
  });

  it('reads the first record as listed', () => {
    // First <r>: journals/iotj/ZhaoZJTNLLL21, eight authors ("Jun Zhao 0007" shown without DBLP's homonym number).
    expect(works[0]).toEqual({
      title: 'Privacy-Preserving Blockchain-Based Federated Learning for IoT Devices',
      authors: ['Yang Zhao', 'Jun Zhao', 'Linshan Jiang', 'Rui Tan', 'Dusit Niyato', 'Zengxiang Li', 'Lingjuan Lyu', 'Yingbo Liu'],
      year: 2021,
      venue: 'IEEE Internet Things J.',
      ids: { dblp: 'journals/iotj/ZhaoZJTNLLL21', doi: '10.1109/jiot.2020.3017377' },
      url: 'https://doi.org/10.1109/JIOT.2020.3017377',
      type: 'article',
    });
  });

  it('reads conference records with their booktitle', () => {
    // <inproceedings key="conf/mobicom/GamageLGTL20">, booktitle MobiCom, ee doi 10.1145/3372224.3419200.
    const w = works.find((x) => x.ids?.dblp === 'conf/mobicom/GamageLGTL20');
    expect(w).toMatchObject({
      title: 'LMAC: efficient carrier-sense multiple access for LoRa',
      venue: 'MobiCom',
      year: 2020,
      type: 'conference',
      ids: { doi: '10.1145/3372224.3419200' },
    });
    expect(w?.authors).toHaveLength(5);
  });

  it('reads identifiers from ee links and CoRR volumes', () => {
    // Python over the raw file: 106 <r> contain a doi.org link; 25 an arxiv.org link (all CoRR).
    expect(works.filter((w) => w.ids?.doi)).toHaveLength(106);
    expect(works.filter((w) => w.ids?.arxiv)).toHaveLength(25);
    // journals/corr/abs-2001-01204: <ee type="oa">http://arxiv.org/abs/2001.01204</ee>
    expect(works.find((w) => w.ids?.dblp === 'journals/corr/abs-2001-01204')?.ids?.arxiv).toBe('2001.01204');
    // Every record has <title>, <year> and a journal or booktitle in this file.
    expect(works.every((w) => w.title && w.year && w.venue && !w.title.endsWith('.'))).toBe(true);
  });

  it('uses the XML payload on the HTML page', () => {
    const fromPage = capturePage(dblpAdapter, EMPTY(), PAGE_URL, { now: FIXED_NOW, payloads: { person: XML } });
    expect(fromPage.pageKind).toBe('author');
    expect(fromPage.works).toHaveLength(135);
    expect(fromPage.url).toBe('https://dblp.org/pid/00/5179.html');
  });
});

describe('DBLP data requests, fallbacks and rules', () => {
  it('asks for the person XML on the same host', () => {
    expect(dblpAdapter.dataRequests?.(PAGE_URL, EMPTY())).toEqual([
      { url: 'https://dblp.org/pid/00/5179.xml', as: 'xml', key: 'person' },
    ]);
    expect(dblpAdapter.dataRequests?.(new URL('https://dblp.uni-trier.de/pid/47/2026-7.html'), EMPTY())?.[0]?.url).toBe(
      'https://dblp.uni-trier.de/pid/47/2026-7.xml',
    );
  });

  it('falls back to the DOM, and says so, when the XML is an error page', () => {
    // Synthetic snippet in DBLP's documented person-page markup (no saved DBLP HTML page exists yet).
    const doc = parseHtml(`<html><head><title>dblp: Rui Tan</title></head><body>
      <header class="headline"><h1><span class="name primary" itemprop="name">Rui Tan</span></h1></header>
      <ul class="publ-list">
        <li class="entry article toc" id="journals/iotj/LiLT20">
          <nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://doi.org/10.1109/JIOT.2020.2986038">ee</a></div></li><li class="export"><a href="https://dblp.org/rec/journals/iotj/LiLT20.html?view=bibtex">bib</a></li></ul></nav>
          <cite class="data tts-content" itemprop="headline">
            <span itemprop="author" itemscope><a href="#"><span itemprop="name" title="Hangtai Li">Hangtai Li</span></a></span>,
            <span itemprop="author" itemscope><a href="#"><span itemprop="name">Yingbo Liu</span></a></span>,
            <span itemprop="author" itemscope><span itemprop="name">Rui Tan</span></span>:
            <span class="title" itemprop="name">Covert Device Association Among Colluding Apps via Edge Processor Workload.</span>
            <a href="#"><span itemprop="isPartOf" itemscope><span itemprop="name">IEEE Internet Things J.</span></span></a>
            <span itemprop="datePublished">2020</span>
          </cite>
        </li>
      </ul></body></html>`);
    const c = capturePage(dblpAdapter, doc, PAGE_URL, {
      now: FIXED_NOW,
      payloads: { person: '<html><body><h1>Error 429: Too Many Requests</h1></body></html>' },
    });
    expect(validateCapture(c).ok).toBe(true);
    expect(c.pageKind).toBe('author');
    expect(c.notes?.join(' ')).toContain('read from the page instead of DBLP’s XML');
    expect(c.person).toEqual({ name: 'Rui Tan', ids: { dblp: '00/5179' } });
    expect(c.works?.[0]).toMatchObject({
      title: 'Covert Device Association Among Colluding Apps via Edge Processor Workload',
      authors: ['Hangtai Li', 'Yingbo Liu', 'Rui Tan'],
      year: 2020,
      venue: 'IEEE Internet Things J.',
      ids: { dblp: 'journals/iotj/LiLT20', doi: '10.1109/jiot.2020.2986038' },
      url: 'https://doi.org/10.1109/JIOT.2020.2986038',
      type: 'article',
    });
  });

  it('is unrecognized without XML on a page it cannot read', () => {
    const c = capturePage(dblpAdapter, EMPTY(), PAGE_URL, { now: FIXED_NOW });
    expect(c.pageKind).toBe('unrecognized');
    expect(c.notes?.[0]).toBe('DBLP’s person XML was not available');
  });

  it('rejects data that is not a person record', () => {
    expect(extractPersonXml('<dblp><article key="x"><title>T</title></article></dblp>').pageKind).toBe('unrecognized'); // synthetic
    expect(extractPersonXml('').pageKind).toBe('unrecognized');
  });

  it('matches its example URLs and keys pages by pid', () => {
    for (const rule of dblpAdapter.rules)
      for (const ex of rule.examples) {
        expect(ruleFor(dblpAdapter, new URL(ex))?.kind).toBe(rule.kind);
        expect(adapterFor(ex)?.id).toBe('dblp');
      }
    expect(dblpAdapter.pageKey?.(PAGE_URL)).toBe('pid:00/5179');
    expect(dblpAdapter.pageKey?.(XML_URL)).toBe('pid:00/5179');
    expect(adapterFor('https://dblp.org/db/conf/mobicom/mobicom2020.html')).toBeUndefined();
  });

  it('strips only a trailing four-digit homonym number', () => {
    expect(dropHomonymNumber('Jun Zhao 0007')).toBe('Jun Zhao');
    expect(dropHomonymNumber('Xue (Steve) Liu')).toBe('Xue (Steve) Liu');
  });
});

describe('xml reader (synthetic snippets)', () => {
  it('decodes entities, keeps nested markup text and survives unbalanced tags', () => {
    const root = parseXmlText('<?xml version="1.0"?><r><title>M&uuml;ller &amp; <i>x</i>&#233;.</title><open><b>t</r>');
    expect(xmlText(findFirst(root, 'title'))).toBe('Müller & xé.');
    expect(xmlText(findFirst(root, 'b'))).toBe('t');
  });
  it('reads attributes in any quoting and order', () => {
    const el = findFirst(parseXmlText(`<author pid='00/5179' ORCID="0000-0001-8441-9973">Rui Tan</author>`), 'author');
    expect(el?.attrs).toEqual({ pid: '00/5179', orcid: '0000-0001-8441-9973' });
  });
});
