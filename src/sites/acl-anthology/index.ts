// ACL Anthology (aclanthology.org): paper pages and people pages.
//
// Paper pages carry Highwire tags (minified, with unquoted attributes, which
// the HTML parser reads like any other); the Anthology ID and the abstract come
// from the page body. People pages list the person's papers under year
// headings; each entry links its paper page, whose path is the Anthology ID.
//
// Choices:
// - person.ids.acl is the people slug ("andreas-madsack"), the part of the URL
//   that stays the same across the old /people/a/<slug>/ and new /people/<slug>/ forms.
// - A work's url is https://aclanthology.org/<id>/: the 2021 template links
//   papers relative to an /anthology/ prefix that the site no longer uses, and
//   the ID alone names the paper page.
// - A work's type is `conference` only when its volume is "Proceedings …";
//   journals (TACL, CL) are left untyped because the list does not say.

import type { Extraction, Person, Work } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { readEmbeddedMetadata } from '../../readers/embedded-metadata';
import { cleanText, compact, parseYear, textOf } from '../../core/text';
import { collect, hasClass, tagged } from '../../adapters/kit/subtree';
import site from './site.json';

// New ids ("2021.naacl-main.208") and old ones ("W19-4201", "P19-1001").
const PAPER_ID = String.raw`(\d{4}\.[a-z0-9-]+\.\d+|[A-Z]\d{2}-\d{4})`;
const PAPER_PATH = new RegExp(String.raw`^/(?:anthology/)?${PAPER_ID}/?$`);
const PEOPLE_PATH = /^\/(?:anthology\/)?people\/(?:[a-z]\/)?([a-z0-9-]+)(?:\/unverified)?\/?$/;

export function aclIdOf(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const path = href.replace(/^https?:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  return PAPER_PATH.exec(path)?.[1];
}

function paperPage(doc: Document, url: URL): Extraction {
  const work = readEmbeddedMetadata(doc, url);
  if (!work?.title) return { pageKind: 'unrecognized', notes: ['ACL Anthology: no paper metadata on this page'] };
  const dd = Array.from(doc.querySelectorAll('dt')).find((dt) => /Anthology ID/i.test(dt.textContent ?? ''))?.nextElementSibling;
  const acl = cleanText(dd?.textContent) ?? aclIdOf(url.pathname);
  const abstract = textOf(doc.querySelector('.acl-abstract span')) ?? work.abstract;
  return { pageKind: 'paper', works: [compact<Work>({ ...work, abstract, ids: compact({ ...work.ids, acl }) })] };
}

// The parts of a listed entry, in one walk of it (src/adapters/kit/subtree.ts).
const ENTRY = {
  link: { test: tagged('a'), within: tagged('strong') }, // strong a
  venue: { test: (el: Element) => el.localName === 'a' && hasClass(el, 'text-muted') }, // a.text-muted
  names: {
    // span.d-block > a
    test: (el: Element) => el.localName === 'a' && el.parentElement?.localName === 'span' && hasClass(el.parentElement, 'd-block'),
  },
};

function listedWork(link: Element, found: Record<keyof typeof ENTRY, Element[]>, year: number | undefined, abstracts: Map<string, Element>): Work | undefined {
  const acl = aclIdOf(link.getAttribute('href'));
  const title = textOf(link);
  if (!title) return undefined;
  const venueLink = found.venue[0];
  const venue = textOf(venueLink);
  const authors = found.names
    .filter((a) => a !== venueLink && /\/people\//.test(a.getAttribute('href') ?? ''))
    .map((a) => textOf(a))
    .filter((n): n is string => !!n);
  const abstract = acl ? textOf(abstracts.get(`abstract-${acl}`)) : undefined;
  return compact<Work>({
    title,
    authors,
    year,
    venue,
    abstract,
    ids: compact({ acl }),
    url: acl ? `https://aclanthology.org/${acl}/` : undefined,
    type: venue && /^Proceedings\b/.test(venue) ? 'conference' : undefined,
  });
}

/** The abstract boxes by id, the first of each id as getElementById would find it: one query, not one document walk per entry. */
function abstractsById(doc: Document): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const el of Array.from(doc.querySelectorAll('[id^="abstract-"]'))) if (!out.has(el.id)) out.set(el.id, el);
  return out;
}

function peoplePage(doc: Document, url: URL): Extraction {
  const name = textOf(doc.querySelector('#main h2#title, h2#title'));
  if (!name) return { pageKind: 'unrecognized', notes: ['ACL Anthology: no person name on this people page'] };
  const slug = PEOPLE_PATH.exec(url.pathname)?.[1];
  const person: Person = compact({ name, ids: compact({ acl: slug }) });
  const works: Work[] = [];
  const abstracts = abstractsById(doc);
  let year: number | undefined;
  // Year headings and entries interleave in document order; the sidebar uses h5, not h4.
  for (const el of Array.from(doc.querySelectorAll('#main h4, #main p'))) {
    if (el.tagName.toLowerCase() === 'h4') {
      year = parseYear(el.textContent);
      continue;
    }
    const found = collect(el, ENTRY);
    const link = found.link[0];
    if (!link) continue;
    const w = listedWork(link, found, year, abstracts);
    if (w) works.push(w);
  }
  return { pageKind: 'author', person, works };
}

export const aclAnthology: SiteAdapter = {
  ...site,
  nonMatching: ['https://aclanthology.org/volumes/2021.naacl-main/'],
  rules: [
    {
      kind: 'paper',
      pattern: new RegExp(String.raw`^aclanthology\.org/(?:anthology/)?${PAPER_ID}/?$`),
      examples: ['https://aclanthology.org/2021.naacl-main.208/', 'https://aclanthology.org/W19-4201/', 'https://aclanthology.org/P19-1001'],
    },
    {
      kind: 'author',
      pattern: /^aclanthology\.org\/(?:anthology\/)?people\/(?:[a-z]\/)?[a-z0-9-]+(?:\/unverified)?\/?$/,
      examples: ['https://aclanthology.org/people/a/andreas-madsack/', 'https://aclanthology.org/people/alexander-m-rush/'],
    },
  ],
  detect(doc, url) {
    if (PAPER_PATH.test(url.pathname)) return doc.querySelector('meta[name="citation_title"]') ? 'paper' : undefined;
    if (PEOPLE_PATH.test(url.pathname)) return doc.querySelector('h2#title') ? 'author' : undefined;
    return undefined;
  },
  extract(doc, url) {
    if (PAPER_PATH.test(url.pathname)) return paperPage(doc, url);
    if (PEOPLE_PATH.test(url.pathname)) return peoplePage(doc, url);
    return { pageKind: 'unrecognized', notes: ['ACL Anthology: not a paper or people page'] };
  },
  pageKey(url) {
    const m = PAPER_PATH.exec(url.pathname) ?? PEOPLE_PATH.exec(url.pathname);
    return m?.[1];
  },
};

export default aclAnthology;
