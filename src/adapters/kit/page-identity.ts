// Which page a document says it is, for single-page apps' `isShowing`: the
// address the document declares for itself (<link rel="canonical">,
// og:url). After an in-app navigation these still name the previous page
// until the app redraws, which is exactly the moment not to read it.

/** The page's own declared addresses, resolved against `base`; invalid ones are skipped. */
export function declaredAddresses(doc: Document, base: URL): URL[] {
  const raw = [
    ...[...doc.querySelectorAll('link[rel~="canonical"]')].map((l) => l.getAttribute('href')),
    ...[...doc.querySelectorAll('meta[property="og:url"]')].map((m) => m.getAttribute('content')),
  ];
  const out: URL[] = [];
  for (const r of raw) {
    if (!r) continue;
    try {
      out.push(new URL(r.trim(), base));
    } catch {
      /* not an address */
    }
  }
  return out;
}

/**
 * True unless the document declares an address whose record id (by `idOf`)
 * differs from the URL's: no declaration, or one without an id, is no sign either way.
 */
export function declaresSameRecord(doc: Document, url: URL, idOf: (u: URL) => string | undefined): boolean {
  const want = idOf(url);
  if (want === undefined) return true;
  return declaredAddresses(doc, url).every((a) => {
    const id = idOf(a);
    return id === undefined || id === want;
  });
}
