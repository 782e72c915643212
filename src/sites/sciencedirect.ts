// ScienceDirect article pages (www.sciencedirect.com/science/article/[abs/]pii/<PII>).
// Its citation_* tags carry no authors and no abstract: those are read from
// the author group (given name + surname spans) and the author abstract block.

import type { SiteAdapter } from './adapter';
import { embeddedPaper, readMetas } from './embedded-metadata';
import { cleanText, textOf } from '../core/text';

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
  const block = doc.querySelector('.abstract.author');
  if (!block) return undefined;
  return cleanText(Array.from(block.querySelectorAll('p')).map((p) => p.textContent ?? '').join(' '));
}

export const sciencedirectAdapter: SiteAdapter = {
  id: 'sciencedirect',
  name: 'ScienceDirect',
  matches: ['https://www.sciencedirect.com/*'],
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
  detect(doc) {
    return readMetas(doc).has('citation_title') ? 'paper' : undefined;
  },
  extract(doc, url) {
    return embeddedPaper(doc, url, 'ScienceDirect', (w) => {
      const authors = w.authors?.length ? w.authors : authorsOf(doc);
      return { ...w, authors, abstract: w.abstract ?? abstractOf(doc) };
    });
  },
  pageKey(url) {
    // The abstract and full-text addresses are one article.
    return url.pathname.replace('/abs/', '/');
  },
};
