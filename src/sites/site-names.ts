// Display names of capture sources, for the extension pages. The popup must
// not load every site's adapter just to print "Google Scholar"; the
// convention test checks this table against the registry.
import { BIBLIOGRAPHY_SOURCE } from '../formats/bibliography';

export const SITE_NAMES: Readonly<Record<string, string>> = {
  'google-scholar': 'Google Scholar',
  arxiv: 'arXiv',
  dblp: 'DBLP',
  orcid: 'ORCID',
  'semantic-scholar': 'Semantic Scholar',
  springer: 'SpringerLink',
  sciencedirect: 'ScienceDirect',
  plos: 'PLOS',
  nature: 'Nature',
  'acl-anthology': 'ACL Anthology',
  pubmed: 'PubMed',
  researchgate: 'ResearchGate',
  openreview: 'OpenReview',
  'google-research': 'Google Research',
  scite: 'scite',
  'embedded-metadata': 'Article page (embedded metadata)',
  'generic-list': 'Generic list reader',
  [BIBLIOGRAPHY_SOURCE]: 'Your bibliography',
};

/** Display name of a capture source: an adapter's name, or what an imported file is. */
export function siteNameOf(source: string): string {
  return SITE_NAMES[source] ?? source;
}
