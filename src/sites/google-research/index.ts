// Google Research people pages (research.google/people/<name>/) and
// publication pages (research.google/pubs/<slug>/, formerly /pubs/pub<number>/).
//
// NOT verified on a saved page: none exists in this project. Written from what
// is publicly known of the site, and assuming only this much:
// - a person's name is the page's <h1> (or og:title before " – Google Research");
//   the line right after it is their role; research areas link to /research-areas/…;
// - each publication the page lists links to its /pubs/… page, with the title
//   as link text or heading, and short lines for authors and "Venue (Year)";
// - a publication page names its title in <h1> (or embedded citation_*/JSON-LD
//   tags, preferred when present), authors in an element whose class says
//   "author", and its abstract under an "Abstract" heading.
// Whatever does not fit these assumptions yields `unrecognized` with "try Read
// this page": the generic list reader is the fallback.

import type { Extraction, Person, Work } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { readEmbeddedMetadata } from '../../readers/embedded-metadata';
import { cardWork, pageRecordFields, workCards } from '../../adapters/kit/link-cards';
import { cleanText, compact, textOf } from '../../core/text';
import site from './site.json';
import { withoutHash } from '../../core/url';

const HOST = 'research.google';
// The popup's status line shows the first note: the reason and the way out go together.
const unreadable = (reason: string): Extraction => ({ pageKind: 'unrecognized', notes: [`${reason} — try Read this page`] });

type Route = { kind: 'author' | 'paper'; slug: string };

export function routeOf(url: URL): Route | undefined {
  if (url.hostname !== HOST) return undefined;
  const person = /^\/people\/([\w.-]+)\/?$/.exec(url.pathname);
  if (person) return { kind: 'author', slug: person[1]! };
  const pub = /^\/pubs\/([\w.-]+)\/?$/.exec(url.pathname);
  if (pub) return { kind: 'paper', slug: pub[1]! };
  return undefined;
}

const isPub = (u: URL) => u.hostname === HOST && routeOf(u)?.kind === 'paper';

function headingName(doc: Document): string | undefined {
  const h1 = textOf(doc.querySelector('main h1') ?? doc.querySelector('h1'));
  if (h1) return h1;
  const og = cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  return cleanText(og?.replace(/\s*[-–|]\s*Google Research\s*$/i, ''));
}

function readPerson(doc: Document, url: URL): Extraction {
  const name = headingName(doc);
  if (!name) return unreadable('Google Research: no name heading on this people page');
  const h1 = doc.querySelector('main h1') ?? doc.querySelector('h1');
  let role = h1?.nextElementSibling;
  while (role && !textOf(role)) role = role.nextElementSibling;
  const roleText = textOf(role);
  const interests = [...doc.querySelectorAll('a[href*="/research-areas/"]')]
    .map((a) => textOf(a))
    .filter((s): s is string => !!s && s.length <= 100);
  const works = workCards(doc, url, isPub)
    .map((c) => cardWork(c))
    .filter((w): w is Work => !!w);
  const person: Person = compact({
    name,
    // The role line names the employer ("Research Scientist, Google DeepMind"); only short lines are a role.
    affiliation: roleText && roleText.length <= 200 && roleText !== name ? roleText : undefined,
    interests: [...new Set(interests)],
  });
  const notes = works.length ? [] : ['Google Research: no publications listed on this page (the site may load them later)'];
  return { pageKind: 'author', person, works, notes };
}

function readPub(doc: Document, url: URL): Extraction {
  const embedded = readEmbeddedMetadata(doc, url);
  const title = embedded?.title ?? headingName(doc);
  if (!title) return unreadable('Google Research: no title on this publication page');
  const fromPage: Work = compact({
    title,
    ...pageRecordFields(doc, '[class*="venue"], [class*="publication-info"], [class*="pub-info"]'),
    url: withoutHash(url),
  });
  // Embedded tags, when the page has them, are the publisher's own record: they win field by field.
  const work: Work = embedded ? compact({ ...fromPage, ...embedded, url: fromPage.url }) : fromPage;
  return { pageKind: 'paper', works: [work] };
}

export const googleResearchAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://research.google/blog/some-post/', 'https://research.google/people/'],
  rules: [
    {
      kind: 'author',
      pattern: /^research\.google\/people\/[\w.-]+\/?$/,
      examples: ['https://research.google/people/jeffrey-dean/', 'https://research.google/people/jeff/'],
    },
    {
      kind: 'paper',
      pattern: /^research\.google\/pubs\/[\w.-]+\/?$/,
      examples: ['https://research.google/pubs/attention-is-all-you-need/', 'https://research.google/pubs/pub46201/'],
    },
  ],
  detect(_doc, url) {
    return routeOf(url)?.kind;
  },
  extract(doc, url) {
    const r = routeOf(url);
    if (!r) return unreadable('Google Research: not a people or publication page');
    return r.kind === 'author' ? readPerson(doc, url) : readPub(doc, url);
  },
  pageKey(url) {
    const r = routeOf(url);
    return r ? `${r.kind}:${r.slug}` : undefined;
  },
};

export default googleResearchAdapter;
