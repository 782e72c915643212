// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'acm_dl/acm_doi_abs_10.1145_3371158.3371232_2020.html', url: 'https://dl.acm.org/doi/abs/10.1145/3371158.3371232', kind: 'paper' },
  ],
  notCases: {
    'acm_dl/acm_10.1145_3371158.3371232_csl.json':
      "ACM's own CSL-JSON export of the page above: the reference its expected values are checked against in acm-dl.test.ts",
  },
};

export default cases;
