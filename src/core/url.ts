// URL helpers every layer needs. Written once: the same page must get the same
// address whichever part of the extension computes it.

/** The address without its fragment: `#…` never names another page. */
export function withoutHash(url: URL | string): string {
  const u = new URL(typeof url === 'string' ? url : url.href);
  u.hash = '';
  return u.href;
}

/** A URL parsed, or undefined when the text is not one. */
export function parseUrl(s: string, base?: string | URL): URL | undefined {
  try {
    return new URL(s, base);
  } catch {
    return undefined;
  }
}
