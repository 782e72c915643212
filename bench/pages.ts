// The real saved pages the benchmarks read, with the URL each was saved from
// (the same URLs the unit tests use). Pages of sites whose adapter is not
// registered yet are found by their canonical URL, so new adapters join the
// benchmark without editing this list.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureBytes } from '../tests/helpers/fixtures';
import { decodePage, parseHtml } from '../src/node/dom';
import { nodeRegistry } from '../src/node/sites';
import type { SiteAdapter } from '../src/adapters/contract';

const KNOWN_URLS: Record<string, string> = {
  'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html': 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en',
  'google_scholar/profile_newton_2015.html': 'https://scholar.google.com/citations?hl=en&user=j2MGGBAAAAAJ&pagesize=100&view_op=list_works',
  'google_scholar/profile_8daWuo4AAAAJ_kietzig_fr_2019.html': 'https://scholar.google.fr/citations?user=8daWuo4AAAAJ&hl=fr',
  'google_scholar/profile_U4LFdJ0AAAAJ_zharov.html': 'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en&oe=ASCII&sortby=pubdate',
  'google_scholar/profile_amIMrIEAAAAJ_cherukuri.html': 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en',
  'google_scholar/profile_LZ5D_p4AAAAJ_elmatary_ar.html': 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar',
  'google_scholar/legacy_profile_M7uPknsAAAAJ_2013.fragment.html': 'https://scholar.google.com/citations?user=M7uPknsAAAAJ&hl=en',
  'google_scholar/view_citation_ernst_ieeeaccess2018.html':
    'https://scholar.google.com/citations?view_op=view_citation&hl=en&oe=ASCII&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
  'google_scholar/search_quantum_theory_2017.html': 'https://scholar.google.co.jp/scholar?hl=en&as_sdt=0%2C5&q=quantum+theory&btnG=',
  'google_scholar/cites_5545735591029960915_2017.html': 'https://scholar.google.co.jp/scholar?cites=5545735591029960915&as_sdt=2005&sciodt=0,5&hl=en',
  'google_scholar/search_crispr_cas9_p1.html': 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9&btnG=',
  'google_scholar/blocked_sorry_page.html': 'https://scholar.google.com/scholar?as_q=program%20phase&hl=en',
  'google_scholar/invalid_user_AAAAAAAAAAAA_signin.html': 'https://scholar.google.com/citations?hl=en&user=AAAAAAAAAAAA',
  'arxiv/abs_2004.10162.html': 'https://arxiv.org/abs/2004.10162',
  'arxiv/search_results_200.html': 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract',
  'acl_anthology/author_andreas-madsack_2021.html': 'https://aclanthology.org/people/a/andreas-madsack/',
  'nature/article_nature-1_2014.html': 'https://www.nature.com/articles/nature13322',
  'plos/article_ploscompbiol_2014.html': 'https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604',
  'pubmed/article_legacy_entrez_2015.html': 'https://www.ncbi.nlm.nih.gov/pubmed/25817406',
};

export interface BenchPage {
  fixture: string;
  url: URL;
  adapter: SiteAdapter;
  /** Decoded text, as the browser would have it after charset sniffing. */
  html: string;
}

function canonicalUrl(html: string): string | undefined {
  const doc = parseHtml(html);
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    undefined;
  return href && /^https?:\/\//.test(href) ? href : undefined;
}

/** Every saved HTML page for which a registered adapter claims the URL. */
export function benchPages(): { pages: BenchPage[]; skipped: string[] } {
  const pages: BenchPage[] = [];
  const skipped: string[] = [];
  for (const site of readdirSync(FIXTURES)) {
    if (!statSync(join(FIXTURES, site)).isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURES, site)).sort()) {
      if (!file.endsWith('.html')) continue;
      const fixture = `${site}/${file}`;
      const html = decodePage(fixtureBytes(fixture));
      const href = KNOWN_URLS[fixture] ?? canonicalUrl(html);
      const adapter = href ? nodeRegistry().adapterFor(href) : undefined;
      if (!href || !adapter) {
        skipped.push(fixture);
        continue;
      }
      pages.push({ fixture, url: new URL(href), adapter, html });
    }
  }
  return { pages, skipped };
}

export const ERNST = 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html';

/**
 * A Scholar profile of `rows`+ rows made by repeating the real rows
 * (tr.gsc_a_tr) of the Ernst profile inside its own page. Synthetic in its
 * length only: every row is real markup, the 58 of them repeated in order.
 */
export function repeatedScholarProfile(minRows: number): { html: string; rows: number } {
  const page = decodePage(fixtureBytes(ERNST));
  const open = page.indexOf('<tbody id="gsc_a_b">');
  const close = page.indexOf('</tbody>', open);
  if (open < 0 || close < 0) throw new Error(`${ERNST}: the works table was not found`);
  const body = page.slice(open + '<tbody id="gsc_a_b">'.length, close);
  const perCopy = (body.match(/<tr class="gsc_a_tr"/g) ?? []).length;
  const copies = Math.ceil(minRows / perCopy);
  return { html: page.slice(0, open) + '<tbody id="gsc_a_b">' + body.repeat(copies) + page.slice(close), rows: copies * perCopy };
}
