// PLOS journal article pages (journals.plos.org/<journal>/article?id=<doi>):
// citation_* tags carry the record. The abstract is not in them, so it is
// read from the article's abstract section.

import { publisherSite } from '../../readers/embedded-metadata';
import { paragraphsOf, textOf } from '../../core/text';
import site from './site.json';

// The section headed "Abstract"; the "Author Summary" section (also class="abstract") is not it.
function abstractOf(doc: Document): string | undefined {
  const section = Array.from(doc.querySelectorAll('.abstract')).find((d) => textOf(d.querySelector('h2')) === 'Abstract');
  return paragraphsOf(section);
}

export const plosAdapter = publisherSite({
  site,
  nonMatching: ['https://journals.plos.org/plosone/'],
  rules: [
    {
      kind: 'paper',
      pattern: /^journals\.plos\.org\/[a-z]+\/article\?(?:.*&)?id=10\.1371/,
      examples: [
        'https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604',
        'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0115069',
      ],
    },
  ],
  patch: (w, doc) => ({ ...w, abstract: w.abstract ?? abstractOf(doc) }),
});

export default plosAdapter;
