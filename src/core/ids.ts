// Canonical identifiers, as the capture format requires them: one definition
// for the adapters, the importers and the merge.

/** Canonical DOI: lower-cased, no resolver prefix, no "doi:" label, no trailing punctuation. */
export function canonicalDoi(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  let t = s.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as is */
  }
  t = t.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  const m = /10\.\d{4,9}\/\S+/.exec(t);
  const doi = m?.[0].replace(/[.,;]+$/, '').toLowerCase();
  // A suffix of punctuation only ("10.1234/.") is no DOI.
  return doi && /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

/**
 * Canonical arXiv id: no "arXiv:" label, no version. Old-style ids keep their
 * archive, lower-case, with an upper-case subject class ("math.GT/0309136").
 */
export function canonicalArxiv(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim().replace(/^arxiv:\s*/i, '');
  const m = /(\d{4}\.\d{4,5})(?:v\d+)?/.exec(t) ?? /([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?/i.exec(t);
  return m ? m[1]!.toLowerCase().replace(/\.([a-z]{2})\//, (_x, sc: string) => `.${sc.toUpperCase()}/`) : undefined;
}
