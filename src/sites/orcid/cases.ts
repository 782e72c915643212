// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [],
  data: [
    { fixture: 'orcid/record_0000-0003-4423-4370.json', url: 'https://orcid.org/0000-0003-4423-4370', key: 'record', dataUrl: 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', as: 'json', kind: 'author', fuzz: 400 },
  ],
  notCases: {
    'orcid/vcr_works.yml':
      'a recorded cassette of the works endpoint, read by orcid.test.ts and cli-extract',
  },
};

export default cases;
