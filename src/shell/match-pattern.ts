// Manifest match patterns tested against an address: which pages a content
// script runs on (the popup asks this of the manifest's patterns) and which
// data addresses the background fetches (fetch-data.ts, which re-exports it).
// A module of its own so the popup loads this function alone.

/** Does a manifest match pattern (`https://host/*`, `https://*.host/path*`, `*://…`) cover this URL? */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? !/^https?$/.test(protocol) : scheme !== protocol) return false;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  if (!hostOk) return false;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(url.pathname + url.search);
}
