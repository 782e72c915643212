// nature.com article pages: the current /articles/<id> form and the 2014
// /<journal>/journal/v<vol>/n<issue>/full/<id>.html form (vaop/ncurrent before
// an issue is assigned). Both carry citation_* and DC tags, which the
// embedded-metadata reader reads.

import { publisherSite } from '../../readers/embedded-metadata';
import site from './site.json';

export const natureAdapter = publisherSite({
  site,
  nonMatching: ['https://www.nature.com/search?q=crispr', 'https://www.nature.com/nature/'],
  rules: [
    {
      kind: 'paper',
      pattern: /^www\.nature\.com\/(?:articles\/[\w.-]+$|[a-z]+\/journal\/v\w+\/n\w+\/(?:full|abs)\/[\w.-]+\.html$)/,
      examples: [
        'https://www.nature.com/articles/nature13322',
        // The 2014 fixture's own address: an advance online publication ("vaop/ncurrent").
        'https://www.nature.com/nature/journal/vaop/ncurrent/full/nature13322.html',
      ],
    },
  ],
});

export default natureAdapter;
