// What the content script does on a page, kept out of the entrypoint so the
// end-to-end and unit tests exercise the same code. Never throws: a failure
// here must not surface in the host page.

import type { Capture } from '../core/capture';
import type { Payloads, SiteAdapter } from '../adapters/contract';
import { captureUnknownLayout, capturePage } from '../adapters/run';
import { claims } from '../adapters/contract';

export interface PageContext {
  doc: Document;
  url: URL;
  /** Same-site fetch used for an adapter's data requests. */
  fetchText(url: string, as: 'json' | 'xml' | 'text', headers?: Record<string, string>): Promise<string>;
}

export async function captureCurrentPage(ctx: PageContext, adapter: SiteAdapter | undefined): Promise<Capture | undefined> {
  if (!adapter) return undefined;
  // An adapter's detect or dataRequests that throws is treated as "not this page"
  // and "no data": nothing of it reaches the host page.
  let kind;
  try {
    kind = adapter.detect(ctx.doc, ctx.url);
  } catch {
    return undefined;
  }
  if (kind === undefined) return undefined;
  const payloads = await fetchPayloads(adapter, ctx);
  return capturePage(adapter, ctx.doc, ctx.url, { payloads });
}

/**
 * What a site's content script reads at an address its adapter claims: the
 * capture, or, when the adapter's detect does not know the page, a capture
 * saying the layout was not understood. Never silence there, on a fresh load
 * as after an in-app navigation: the popup says why and offers the generic readers.
 */
export async function captureClaimedPage(ctx: PageContext, adapter: SiteAdapter): Promise<Capture | undefined> {
  const capture = await captureCurrentPage(ctx, adapter);
  if (capture || !claims(adapter, ctx.url)) return capture;
  return captureUnknownLayout(adapter, ctx.doc, ctx.url);
}

async function fetchPayloads(adapter: SiteAdapter, ctx: PageContext): Promise<Payloads | undefined> {
  let requests: ReturnType<NonNullable<SiteAdapter['dataRequests']>> = [];
  try {
    requests = adapter.dataRequests?.(ctx.url, ctx.doc) ?? [];
  } catch {
    return undefined;
  }
  if (!requests.length) return undefined;
  const payloads: Payloads = {};
  for (const req of requests) {
    // Only the page's own site: a request elsewhere would leak what the user browses.
    if (!sameSite(new URL(req.url, ctx.url), ctx.url)) continue;
    try {
      payloads[req.key] = await ctx.fetchText(req.url, req.as, req.headers);
    } catch {
      // A refused request leaves the payload out; the adapter falls back to the DOM and says so.
    }
  }
  return payloads;
}

/** The fetch a page context uses for data requests: the page's own cookies, an Accept header for the payload kind. */
export function pageFetcher(fetchImpl: typeof fetch): PageContext['fetchText'] {
  return async (url, as, headers) => {
    const accept = as === 'json' ? 'application/json' : as === 'xml' ? 'application/xml' : '*/*';
    const res = await fetchImpl(url, { credentials: 'same-origin', headers: { Accept: accept, ...headers } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
}

/** Same registrable domain, approximated by the last two labels (three for two-letter second-level domains like co.uk). */
export function sameSite(a: URL, b: URL): boolean {
  return a.protocol === 'https:' && siteOf(a.hostname) === siteOf(b.hostname);
}

function siteOf(host: string): string {
  const labels = host.split('.');
  const n = labels.length >= 3 && /^(co|ac|com|org|gov|edu)$/.test(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}
