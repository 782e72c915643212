// ScienceDirect article pages (www.sciencedirect.com/science/article/[abs/]pii/<PII>).
// Its citation_* tags carry no authors and no abstract: those are read from
// the author group (given name + surname spans) and the author abstract block.

import { publisherSite } from '../../readers/embedded-metadata';
import { cleanText, paragraphsOf, textOf } from '../../core/text';
import site from './site.json';

function authorsOf(doc: Document): string[] {
  const group = doc.querySelector('#author-group') ?? doc.querySelector('.author-group');
  if (!group) return [];
  const out: string[] = [];
  for (const a of Array.from(group.querySelectorAll('.react-xocs-alternative-link'))) {
    const name = cleanText(`${textOf(a.querySelector('.given-name')) ?? ''} ${textOf(a.querySelector('.surname')) ?? ''}`);
    if (name) out.push(name);
  }
  return out;
}

function abstractOf(doc: Document): string | undefined {
  return paragraphsOf(doc.querySelector('.abstract.author'));
}

export const sciencedirectAdapter = publisherSite({
  site,
  nonMatching: ['https://www.sciencedirect.com/search?qs=graphene'],
  rules: [
    {
      kind: 'paper',
      pattern: /^www\.sciencedirect\.com\/science\/article\/(?:abs\/)?pii\/S?[\dX]+/i,
      examples: [
        'https://www.sciencedirect.com/science/article/pii/S2210271X18305656',
        'https://www.sciencedirect.com/science/article/abs/pii/S2210271X18305656',
      ],
    },
  ],
  patch: (w, doc) => ({ ...w, authors: w.authors?.length ? w.authors : authorsOf(doc), abstract: w.abstract ?? abstractOf(doc) }),
  // The abstract and full-text addresses are one article.
  pageKey: (url) => url.pathname.replace('/abs/', '/'),
});

export default sciencedirectAdapter;
