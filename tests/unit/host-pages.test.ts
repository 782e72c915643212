// Host pages: the content-script logic never throws into a page, does nothing
// (no capture, no request) where it recognizes nothing, and never fetches from
// another site than the page's own.
import { describe, expect, it } from 'vitest';
import { captureCurrentPage, sameSite, type PageContext } from '../../src/shell/capture-in-page';
import { adapterFor, adapters } from '../../src/adapters/registry';
import { orcidAdapter } from '../../src/sites/orcid';
import type { SiteAdapter } from '../../src/adapters/contract';
import { validateCapture } from '../../src/core/validate';
import { fixtureDoc, fixtureText, sitePages } from '../helpers/fixtures';

/** A page context whose fetch records every call and answers from a table (or fails). */
function context(doc: Document, url: string, answers: Record<string, string> = {}) {
  const calls: string[] = [];
  const ctx: PageContext = {
    doc,
    url: new URL(url),
    fetchText: async (u) => {
      calls.push(u);
      const body = answers[u];
      if (body === undefined) throw new Error('HTTP 404');
      return body;
    },
  };
  return { ctx, calls };
}

// The committed saved pages of the supported sites (other sites' folders may be in flight).
const PAGES = sitePages(/^(google_scholar|arxiv|dblp)\/.*\.(html|xml)$/);

// URLs no adapter claims: another site entirely, and pages of supported sites that are not records.
const FOREIGN = [
  'https://accounts.google.com/v3/signin/identifier?continue=https://scholar.google.com/citations?user=AAAAAAAAAAAA',
  'https://en.wikipedia.org/wiki/Alan_Turing',
  'https://arxiv.org/help/api/index',
  'https://dblp.org/faq/index.html',
  'https://orcid.org/signin',
  'https://example.org/',
];

describe('pages the content script does not recognize', () => {
  it('are left alone: no capture, no request, no exception', async () => {
    for (const u of FOREIGN) expect(adapterFor(u), u).toBeUndefined();
    let runs = 0;
    for (const file of PAGES) {
      const doc = fixtureDoc(file);
      for (const u of FOREIGN) {
        const { ctx, calls } = context(doc, u);
        await expect(captureCurrentPage(ctx, adapterFor(ctx.url)), `${file} at ${u}`).resolves.toBeUndefined();
        expect(calls, `${file} at ${u}`).toEqual([]);
        runs++;
      }
    }
    expect(runs).toBe(PAGES.length * FOREIGN.length);
  });

  it('an adapter that does not detect its page makes no request', async () => {
    // Synthetic stand-in: ORCID's rules and data request, but a detect that finds nothing.
    const shy: SiteAdapter = { ...orcidAdapter, detect: () => undefined };
    const { ctx, calls } = context(fixtureDoc('arxiv/abs_2004.10162.html'), 'https://orcid.org/0000-0003-4423-4370');
    expect(await captureCurrentPage(ctx, shy)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

describe('recognized pages', () => {
  it('every saved page at every example URL of every adapter resolves to a valid capture or nothing, even when every fetch fails', async () => {
    let runs = 0;
    for (const file of PAGES) {
      const doc = fixtureDoc(file);
      for (const a of adapters)
        for (const rule of a.rules)
          for (const ex of rule.examples) {
            const { ctx, calls } = context(doc, ex);
            const c = await captureCurrentPage(ctx, adapterFor(ctx.url));
            if (c) expect(validateCapture(c).ok, `${file} at ${ex}`).toBe(true);
            for (const call of calls) expect(sameSite(new URL(call, ex), new URL(ex)), `${ex} fetched ${call}`).toBe(true);
            runs++;
          }
    }
    expect(runs).toBeGreaterThan(100);
  });

  it('every adapter asks only for data on the page’s own site', () => {
    for (const a of adapters)
      for (const rule of a.rules)
        for (const ex of rule.examples) {
          const url = new URL(ex);
          for (const req of a.dataRequests?.(url, fixtureDoc('arxiv/abs_2004.10162.html')) ?? [])
            expect(sameSite(new URL(req.url, url), url), `${a.id}: ${ex} → ${req.url}`).toBe(true);
        }
  });

  it('a data request to another site, or over plain http, is dropped; a same-site one is made', async () => {
    const RECORD = fixtureText('orcid/record_0000-0003-4423-4370.json');
    const PAGE = 'https://orcid.org/0000-0003-4423-4370';
    const SAME = 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record';
    // Synthetic variant of the real ORCID adapter that also asks other sites for data.
    const leaky: SiteAdapter = {
      ...orcidAdapter,
      dataRequests: () => [
        { url: 'https://tracker.example.com/collect?u=orcid', as: 'text', key: 'x' },
        { url: 'https://orcid.org.evil.example/record', as: 'json', key: 'y' },
        { url: 'http://pub.orcid.org/v3.0/0000-0003-4423-4370/record', as: 'json', key: 'z' },
        { url: SAME, as: 'json', key: 'record' },
      ],
    };
    const { ctx, calls } = context(fixtureDoc('arxiv/abs_2004.10162.html'), PAGE, { [SAME]: RECORD });
    const c = await captureCurrentPage(ctx, leaky);
    expect(calls).toEqual([SAME]);
    // The record was read from the one allowed request (the ORCID id is the file's "orcid-identifier.path").
    expect(c?.person?.ids?.orcid).toBe('0000-0003-4423-4370');
  });
});
