// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    // SOURCES.tsv: reached via doi.org/10.1109/ICCW.2013.6649456, fetched 2020-09-01.
    { fixture: 'ieee/document_6649456_2020.html', url: 'https://ieeexplore.ieee.org/document/6649456', kind: 'paper' },
  ],
};

export default cases;
