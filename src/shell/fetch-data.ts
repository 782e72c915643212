// Data requests to a sibling host of the page (pub.orcid.org from orcid.org,
// api.semanticscholar.org from www.semanticscholar.org) are cross-origin for a
// content script, so Chrome applies the page's CORS rules and the site's API
// decides whether the extension may read it. The background holds the
// adapter's host permission and is not subject to CORS, so it fetches those on
// the content script's behalf — but only the data addresses the adapter of
// the page that asked declares (`dataUrls`: https, the default port, one of
// its hosts, one of its paths), so a compromised page cannot use it as a proxy
// to anything else on those hosts.

import { ruleTarget, type SiteAdapter } from '../adapters/contract';
import type { PageContext } from './capture-in-page';
import type { FetchDataMessage, Response } from './messages';
import { parseMessage } from './parse-message';
import { matchesPattern } from './match-pattern';

export type { FetchDataMessage } from './messages';
export { matchesPattern } from './match-pattern';

/** Large enough for any record we read (the ORCID record fixture is 184 kB), small enough to refuse a flood. */
export const MAX_DATA_BYTES = 10 * 1024 * 1024;

/**
 * Is this an address the background fetches for a page of this adapter? https
 * on the default port, no credentials in it, on one of the adapter's hosts,
 * and one of the data addresses the adapter declares.
 */
export function isDeclaredDataUrl(adapter: SiteAdapter, url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return false;
  if (!adapter.matches.some((p) => matchesPattern(p, url))) return false;
  const target = ruleTarget(url);
  return (adapter.dataUrls ?? []).some((r) => r.test(target));
}

type AdapterFor = (url: URL) => SiteAdapter | undefined;

/** fetchData for a message not yet parsed (as it crosses from a tab). */
export async function fetchDataFor(raw: unknown, pageUrl: string | undefined, fetchImpl: typeof fetch, adapterFor: AdapterFor): Promise<Response<string>> {
  const parsed = parseMessage(raw, ['fetch-data']);
  return parsed.ok ? fetchData(parsed.message, pageUrl, fetchImpl, adapterFor) : { ok: false, error: parsed.error };
}

/** The background's side: fetch a data URL for the tab at `pageUrl`, if it is on that page's adapter's hosts. */
export async function fetchData(
  msg: FetchDataMessage,
  pageUrl: string | undefined,
  fetchImpl: typeof fetch,
  // Passed in rather than imported: content scripts import this module, and
  // must not carry the registry (every site's adapter) with them.
  adapterFor: AdapterFor,
): Promise<Response<string>> {
  let target: URL;
  let page: URL;
  try {
    target = new URL(msg.url);
    page = new URL(pageUrl ?? '');
  } catch {
    return { ok: false, error: 'fetch-data: not a URL' };
  }
  const adapter = adapterFor(page);
  if (!adapter) return { ok: false, error: 'fetch-data: the asking page is not on a supported site' };
  if (!isDeclaredDataUrl(adapter, target)) return { ok: false, error: `fetch-data: ${target.host}${target.pathname} is not a data address ${adapter.name} declares` };
  const accept = msg.as === 'json' ? 'application/json' : msg.as === 'xml' ? 'application/xml' : '*/*';
  try {
    // Public records only: no cookies of the user's session are sent from the background.
    const res = await fetchImpl(target.href, { credentials: 'omit', headers: { Accept: accept, ...msg.headers } });
    // A redirect elsewhere is not what the page was allowed to ask for.
    const landed = res.url ? new URL(res.url) : target;
    if (landed.href !== target.href && !isDeclaredDataUrl(adapter, landed)) return { ok: false, error: `fetch-data: redirected to ${landed.host}, not a data address ${adapter.name} declares` };
    if (!res.ok) return { ok: false, error: `HTTP ${res.status}` };
    const text = await res.text();
    if (text.length > MAX_DATA_BYTES) return { ok: false, error: 'fetch-data: the response is too large' };
    return { ok: true, value: text };
  } catch (err) {
    return { ok: false, error: `fetch-data: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * The content script's fetcher: same-origin requests go straight from the page
 * (with its cookies, as the site expects); requests to another host go through
 * the background.
 */
export function dataFetcher(
  pageUrl: URL,
  direct: PageContext['fetchText'],
  viaBackground: (m: FetchDataMessage) => Promise<Response<string>>,
): PageContext['fetchText'] {
  return async (url, as, headers) => {
    const target = new URL(url, pageUrl);
    if (target.origin === pageUrl.origin) return direct(target.href, as, headers);
    const res = await viaBackground({ type: 'fetch-data', url: target.href, as, headers });
    if (!res.ok) throw new Error(res.error);
    if (typeof res.value !== 'string') throw new Error('the background answered without data');
    return res.value;
  };
}
