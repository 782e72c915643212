// SpringerLink article and chapter pages: the page's citation_* tags say it
// all, so this is the embedded-metadata reader on Springer's own hosts.
// Chapter pages carry citation_inbook_title, which the reader already types as a chapter.

import { publisherSite } from '../../readers/embedded-metadata';
import site from './site.json';

export const springerAdapter = publisherSite({
  site,
  nonMatching: ['https://link.springer.com/search?query=polymer'],
  rules: [
    {
      kind: 'paper',
      pattern: /^link\.springer\.com\/(?:article|chapter)\/10\.\d{4,9}\/\S+$/,
      examples: [
        'https://link.springer.com/article/10.1007/s10924-010-0192-1',
        'https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13',
      ],
    },
  ],
});

export default springerAdapter;
