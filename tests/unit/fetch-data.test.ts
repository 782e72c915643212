// The background's fetch-data message: content scripts' data requests to a
// sibling host (pub.orcid.org from orcid.org) go through the background, which
// holds the host permission and is not subject to the page's CORS rules. It
// must fetch only the asking page's adapter's hosts.
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../src/shell/background-handler';
import { dataFetcher, fetchDataFor, isDeclaredDataUrl, matchesPattern } from '../../src/shell/fetch-data';
import { adapterFor, adapters } from '../../src/adapters/registry';
import { parseHtml } from '../../src/node/dom';
import { fixtureText } from '../helpers/fixtures';

const RECORD_URL = 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record';
const ORCID_PAGE = 'https://orcid.org/0000-0003-4423-4370';

function fakeFetch(status = 200, body = '{}') {
  const calls: { url: string; init?: RequestInit }[] = [];
  const f = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status });
  }) as unknown as typeof fetch;
  return { f, calls };
}

describe('matchesPattern', () => {
  it('reads manifest match patterns as the browser does', () => {
    expect(matchesPattern('https://pub.orcid.org/*', new URL(RECORD_URL))).toBe(true);
    expect(matchesPattern('https://orcid.org/*', new URL(RECORD_URL))).toBe(false);
    expect(matchesPattern('https://scholar.google.com/*', new URL('http://scholar.google.com/x'))).toBe(false);
    expect(matchesPattern('*://*.example.org/a*', new URL('https://x.example.org/abc?q'))).toBe(true);
    expect(matchesPattern('*://*.example.org/a*', new URL('https://example.org.evil.test/abc'))).toBe(false);
  });
});

describe('fetchDataFor', () => {
  it('fetches a URL on the page adapter’s own hosts, without cookies, with the Accept header', async () => {
    const { f, calls } = fakeFetch(200, fixtureText('orcid/record_0000-0003-4423-4370.json'));
    const res = await fetchDataFor({ type: 'fetch-data', url: RECORD_URL, as: 'json', headers: { Accept: 'application/json', Cookie: 'x' } }, ORCID_PAGE, f, adapterFor);
    expect(res.ok).toBe(true);
    expect(res.ok && res.value).toContain('"orcid-identifier"');
    expect(calls[0]?.url).toBe(RECORD_URL);
    expect(calls[0]?.init?.credentials).toBe('omit');
    // Only Accept is forwarded.
    expect(calls[0]?.init?.headers).toEqual({ Accept: 'application/json' });
  });
  it('refuses hosts of another site, pages of no supported site, plain http and malformed messages', async () => {
    const { f, calls } = fakeFetch();
    expect((await fetchDataFor({ type: 'fetch-data', url: 'https://api.semanticscholar.org/graph/v1/author/1', as: 'json' }, ORCID_PAGE, f, adapterFor)).ok).toBe(false);
    expect((await fetchDataFor({ type: 'fetch-data', url: RECORD_URL, as: 'json' }, 'https://example.org/', f, adapterFor)).ok).toBe(false);
    expect((await fetchDataFor({ type: 'fetch-data', url: RECORD_URL.replace('https', 'http'), as: 'json' }, ORCID_PAGE, f, adapterFor)).ok).toBe(false);
    expect((await fetchDataFor({ type: 'fetch-data', url: RECORD_URL, as: 'exe' }, ORCID_PAGE, f, adapterFor)).ok).toBe(false);
    expect((await fetchDataFor({ type: 'fetch-data', url: 'not a url', as: 'json' }, ORCID_PAGE, f, adapterFor)).ok).toBe(false);
    expect(calls).toEqual([]);
  });
  it('refuses any other path, port or credentials on the data host: only what the adapter declares (issue 14, finding 4)', async () => {
    const { f, calls } = fakeFetch();
    for (const url of [
      'https://pub.orcid.org/v3.0/0000-0003-4423-4370/works',
      'https://pub.orcid.org/oauth/token',
      'https://pub.orcid.org:8443/v3.0/0000-0003-4423-4370/record',
      'https://user:secret@pub.orcid.org/v3.0/0000-0003-4423-4370/record',
      'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record?x=1',
    ])
      expect(await fetchDataFor({ type: 'fetch-data', url, as: 'json' }, ORCID_PAGE, f, adapterFor), url).toMatchObject({ ok: false, error: expect.stringMatching(/fetch-data: .* is not a data address ORCID declares/) });
    expect(calls).toEqual([]);
  });
  it('refuses an answer redirected away from the declared addresses', async () => {
    const f = (async () => Object.defineProperty(new Response('{}'), 'url', { value: 'https://evil.example.org/collect' })) as unknown as typeof fetch;
    expect(await fetchDataFor({ type: 'fetch-data', url: RECORD_URL, as: 'json' }, ORCID_PAGE, f, adapterFor)).toMatchObject({ ok: false, error: expect.stringMatching(/redirected to evil\.example\.org/) });
  });
  it('every data request a site makes to another of its hosts is one it declares', () => {
    const empty = parseHtml('<html><body></body></html>');
    const asking = new Set<string>();
    for (const adapter of adapters)
      for (const rule of adapter.rules)
        for (const example of rule.examples) {
          const page = new URL(example);
          for (const r of adapter.dataRequests?.(page, empty) ?? []) {
            const target = new URL(r.url, page);
            if (target.origin === page.origin) continue;
            expect(isDeclaredDataUrl(adapter, target), `${adapter.id}: ${target.href} from ${example}`).toBe(true);
            asking.add(adapter.id);
          }
        }
    // ORCID, Semantic Scholar, OpenAlex and OpenReview pages ask their API hosts; no other site asks another host.
    expect([...asking].sort()).toEqual(['openalex', 'openreview', 'orcid', 'semantic-scholar']);
    for (const a of adapters) if (!asking.has(a.id)) expect(a.dataUrls, `${a.id} declares data it never asks for`).toBeUndefined();
  });
  it('reports a refused request as an error, not as data', async () => {
    const { f } = fakeFetch(403, '<html>Forbidden</html>');
    expect(await fetchDataFor({ type: 'fetch-data', url: RECORD_URL, as: 'json' }, ORCID_PAGE, f, adapterFor)).toEqual({ ok: false, error: 'HTTP 403' });
  });
});

describe('the background handler routes fetch-data', () => {
  const deps = (f: typeof fetch) => ({
    db: () => Promise.reject(new Error('no store in this test')),
    now: () => new Date('2026-11-22T10:00:00Z'),
    saveStatus: async () => {},
    loadStatus: async () => undefined,
    fetch: f,
  });
  it('answers a tab of the extension with the data, judged by the tab’s URL, and refuses other senders', async () => {
    const { f } = fakeFetch(200, '{"ok":1}');
    const { handle } = createHandler(deps(f), 'me');
    const msg = { type: 'fetch-data', url: RECORD_URL, as: 'json' };
    expect(await handle(msg, { id: 'me', tabId: 3, url: ORCID_PAGE })).toEqual({ ok: true, value: '{"ok":1}' });
    expect((await handle(msg, { id: 'me', tabId: 3, url: 'https://example.org/' })).ok).toBe(false);
    expect((await handle(msg, { id: 'me', url: ORCID_PAGE })).ok).toBe(false);
    expect((await handle(msg, { id: 'other', tabId: 3, url: ORCID_PAGE })).ok).toBe(false);
  });
});

describe('dataFetcher (content script side)', () => {
  it('fetches same-origin data directly and another host’s through the background', async () => {
    const direct: string[] = [];
    const viaBg: string[] = [];
    const fetchText = dataFetcher(
      new URL('https://dblp.org/pid/00/5179.html'),
      async (u) => (direct.push(u), 'direct'),
      async (m) => (viaBg.push(m.url), { ok: true, value: 'bg' }),
    );
    expect(await fetchText('/pid/00/5179.xml', 'xml')).toBe('direct');
    expect(await fetchText('https://api.dblp.org/x', 'json')).toBe('bg');
    expect(direct).toEqual(['https://dblp.org/pid/00/5179.xml']);
    expect(viaBg).toEqual(['https://api.dblp.org/x']);
  });
  it('throws when the background refuses, so the payload is left out', async () => {
    const fetchText = dataFetcher(new URL(ORCID_PAGE), async () => 'direct', async () => ({ ok: false, error: 'HTTP 403' }));
    await expect(fetchText(RECORD_URL, 'json')).rejects.toThrow('HTTP 403');
  });
});
