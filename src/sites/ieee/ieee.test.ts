// IEEE Xplore on its real saved page (document 6649456, saved 2020-09-01).
// Expected values read by hand from the page source: the inline script's
// `global.document.metadata={...};` (line 553), as each comment says.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { ieeeAdapter, ieeeDate } from './index';
import { adapterFor } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { balancedObject, scriptAssignedJson } from '../../adapters/kit/script-json';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';

const URL_6649456 = new URL('https://ieeexplore.ieee.org/document/6649456');

describe('IEEE Xplore document page (saved 2020)', () => {
  const doc = fixtureDoc('ieee/document_6649456_2020.html');
  const c = capturePage(ieeeAdapter, doc, URL_6649456, { now: FIXED_NOW });
  const w = c.works?.[0];

  it('owns the address and captures a valid paper', () => {
    expect(adapterFor(URL_6649456)?.id).toBe('ieee');
    expect(ieeeAdapter.detect(doc, URL_6649456)).toBe('paper');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
    expect(c.works).toHaveLength(1);
  });

  it('reads the record the page script holds', () => {
    // "title":"Entropy-driven optimization dynamics for Gaussian vector multiple access channels"
    expect(w?.title).toBe('Entropy-driven optimization dynamics for Gaussian vector multiple access channels');
    // "authors":[{"name":"Panayotis Mertikopoulos",…},{"name":"Aris L. Moustakas",…}]
    expect(w?.authors).toEqual(['Panayotis Mertikopoulos', 'Aris L. Moustakas']);
    // "publicationDate":"June 2013", "publicationYear":"2013"
    expect(w?.date).toBe('2013-06');
    expect(w?.year).toBe(2013);
    // "displayPublicationTitle":"2013 IEEE International Conference on Communications Workshops (ICC)"
    expect(w?.venue).toBe('2013 IEEE International Conference on Communications Workshops (ICC)');
    // "doi":"10.1109/ICCW.2013.6649456" (canonical DOIs are lower-cased)
    expect(w?.ids?.doi).toBe('10.1109/iccw.2013.6649456');
    // "metrics":{"citationCountPaper":0,"citationCountPatent":0,"totalDownloads":40}
    expect(w?.citations).toBe(0);
    // "isConference":true, "contentType":"conferences"; "publisher":"IEEE"
    expect(w?.type).toBe('conference');
    expect(w?.publisher).toBe('IEEE');
    // "abstract":"We develop a distributed optimization method … entropy function."
    expect(w?.abstract).toMatch(/^We develop a distributed optimization method for finding optimum input signal covariance matrices/);
    expect(w?.url).toBe('https://ieeexplore.ieee.org/document/6649456');
  });

  it('a record for another document is not taken for this one', () => {
    const other = capturePage(ieeeAdapter, doc, new URL('https://ieeexplore.ieee.org/document/1234567'), { now: FIXED_NOW });
    expect(other.pageKind).toBe('unrecognized');
    expect(other.notes?.[0]).toMatch(/6649456, not 1234567/);
  });

  it('a page without the record is unrecognized, not an empty paper', () => {
    const other = capturePage(ieeeAdapter, fixtureDoc('arxiv/search_results_200.html'), URL_6649456, { now: FIXED_NOW });
    expect(other.pageKind).toBe('unrecognized');
    expect(other.works).toBeUndefined();
  });
});

describe('the record in a page script (synthetic snippets)', () => {
  it('cuts the balanced object, ignoring braces inside strings', () => {
    const text = 'x = {"a":"}{\\"}","b":{"c":[1,{"d":2}]}}; y = 3;';
    expect(balancedObject(text, 4)).toBe('{"a":"}{\\"}","b":{"c":[1,{"d":2}]}}');
    expect(balancedObject('{"open": 1', 0)).toBeUndefined();
  });

  it('reads the current variable name, with markup in the title, and never runs the script', () => {
    // SYNTHETIC: shaped like a current Xplore page (xplGlobal), with a formula in the title.
    const doc = parseHtml(`<html><head><script>
      window.hacked = false;
      xplGlobal.document.metadata={"articleNumber":"42","title":"Phases of TaSe<sub>3</sub> &amp; more","authors":[{"firstName":"Ada","lastName":"Lovelace"}],"publicationDate":"Oct. 2019","isJournal":true,"doi":"10.1109/X.42","metrics":{"citationCountPaper":7}};
      </script></head><body></body></html>`);
    const url = new URL('https://ieeexplore.ieee.org/document/42');
    const c = capturePage(ieeeAdapter, doc, url, { now: FIXED_NOW });
    expect(c.works?.[0]).toMatchObject({ title: 'Phases of TaSe3 & more', authors: ['Ada Lovelace'], date: '2019-10', year: 2019, type: 'article', citations: 7 });
  });

  it('a JavaScript literal that is not JSON is not read', () => {
    // SYNTHETIC: unquoted keys.
    const doc = parseHtml('<script>xplGlobal.document.metadata={articleNumber: "42", title: "T"};</script>');
    expect(scriptAssignedJson(doc, /\bxplGlobal\.document\.metadata\s*=/)).toBeUndefined();
  });

  it('dates as Xplore writes them', () => {
    expect(ieeeDate('June 2013')).toBe('2013-06');
    expect(ieeeDate('1 March 2019')).toBe('2019-03-01');
    expect(ieeeDate('2013')).toBe('2013');
    expect(ieeeDate('9-13 June 2013')).toBeUndefined();
    expect(ieeeDate('Foo 2013')).toBeUndefined();
  });
});
