// scite report pages (scite.ai/reports/<slug>, including the DOI form
// scite.ai/reports/10.xxxx/…) and author pages (scite.ai/authors/<slug>).
//
// NOT verified on a saved page: none exists in this project. Written from what
// is publicly known of the site, and assuming only this much:
// - a report page names the paper in embedded citation_*/JSON-LD tags or, failing
//   that, its <h1>; the DOI appears as a doi.org link (or is the report's own
//   address); authors sit in an element whose class says "author"; the count of
//   citing publications is printed as "<n> Citing Publications" (or the label
//   before the number);
// - an author page names the person in its <h1> and links each paper to its
//   /reports/… page, with the title as link text or heading.
// scite's supporting/mentioning/contrasting tallies have no place in the
// capture format and are not read. Whatever does not fit yields `unrecognized`
// with "try Read this page": the generic list reader is the fallback.

import type { Extraction, Work } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { readEmbeddedMetadata } from '../../readers/embedded-metadata';
import { cardWork, pageRecordFields, workCards } from '../../adapters/kit/link-cards';
import { canonicalDoi, compact, parseCount, textOf } from '../../core/text';
import site from './site.json';
import { withoutHash } from '../../core/url';

const HOST = 'scite.ai';
// The popup's status line shows the first note: the reason and the way out go together.
const unreadable = (reason: string): Extraction => ({ pageKind: 'unrecognized', notes: [`${reason} — try Read this page`] });

type Route = { kind: 'author' | 'paper'; slug: string };

export function routeOf(url: URL): Route | undefined {
  if (url.hostname !== HOST) return undefined;
  const report = /^\/reports\/(.+?)\/?$/.exec(url.pathname);
  if (report) return { kind: 'paper', slug: decodeURIComponent(report[1]!) };
  const author = /^\/authors\/([^/]+)\/?$/.exec(url.pathname);
  if (author) return { kind: 'author', slug: author[1]! };
  return undefined;
}

const isReport = (u: URL) => routeOf(u)?.kind === 'paper';

/** A report's DOI from its own address (scite.ai/reports/10.1038/nature14539). */
const doiOfRoute = (r: Route) => (/^10\.\d{4,9}\//.test(r.slug) ? canonicalDoi(r.slug) : undefined);

// Read element by element: page text run together would glue neighbouring figures onto the count.
function citingCount(doc: Document): number | undefined {
  for (const el of doc.querySelectorAll('main *, body *')) {
    const t = textOf(el);
    if (!t || t.length > 60) continue;
    const m = /^(\d[\d,.\u00A0\u202F ]*?)\s*Citing Publications?$/i.exec(t) ?? /^Citing Publications?\s*:?\s*(\d[\d,.]*)$/i.exec(t);
    if (m) return parseCount(m[1]);
    if (/^Citing Publications?$/i.test(t)) {
      const next = textOf(el.nextElementSibling);
      if (next && /^\d[\d,.]*$/.test(next)) return parseCount(next);
    }
  }
  return undefined;
}

function readReport(doc: Document, url: URL, r: Route): Extraction {
  const embedded = readEmbeddedMetadata(doc, url);
  const title = embedded?.title ?? textOf(doc.querySelector('main h1') ?? doc.querySelector('h1'));
  if (!title) return unreadable('scite: no title on this report page');
  const doiLink = [...doc.querySelectorAll('a[href*="doi.org/10."]')].map((a) => canonicalDoi(a.getAttribute('href'))).find(Boolean);
  const fromPage: Work = compact({
    title,
    ...pageRecordFields(doc, '[class*="journal"], [class*="venue"]'),
    citations: citingCount(doc),
    ids: compact({ doi: doiOfRoute(r) ?? doiLink }),
    url: withoutHash(url),
  });
  const work: Work = embedded
    ? compact({ ...fromPage, ...embedded, ids: compact({ ...fromPage.ids, ...embedded.ids }), citations: fromPage.citations, url: fromPage.url })
    : fromPage;
  return { pageKind: 'paper', works: [work] };
}

function readAuthor(doc: Document, url: URL): Extraction {
  const name = textOf(doc.querySelector('main h1') ?? doc.querySelector('h1'));
  if (!name) return unreadable('scite: no name heading on this author page');
  const works = workCards(doc, url, isReport)
    .map((c) => {
      const r = routeOf(new URL(c.href));
      const doi = r ? doiOfRoute(r) : undefined;
      return cardWork(c, doi ? { doi } : undefined);
    })
    .filter((w): w is Work => !!w);
  if (!works.length) return unreadable('scite: no papers linked on this author page');
  return { pageKind: 'author', person: { name }, works };
}

export const sciteAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://scite.ai/', 'https://scite.ai/search?q=deep'],
  rules: [
    {
      kind: 'paper',
      pattern: /^scite\.ai\/reports\/[^?]+/,
      examples: ['https://scite.ai/reports/10.1038/nature14539', 'https://scite.ai/reports/deep-learning-8gXKr6'],
    },
    {
      kind: 'author',
      pattern: /^scite\.ai\/authors\/[^/?]+\/?$/,
      examples: ['https://scite.ai/authors/yann-lecun-2KJ5pB'],
    },
  ],
  detect(_doc, url) {
    return routeOf(url)?.kind;
  },
  extract(doc, url) {
    const r = routeOf(url);
    if (!r) return unreadable('scite: not a report or author page');
    return r.kind === 'paper' ? readReport(doc, url, r) : readAuthor(doc, url);
  },
  pageKey(url) {
    const r = routeOf(url);
    return r ? `${r.kind}:${r.kind === 'paper' ? (doiOfRoute(r) ?? r.slug) : r.slug}` : undefined;
  },
};

export default sciteAdapter;
