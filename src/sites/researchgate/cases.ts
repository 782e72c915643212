// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'researchgate/profile_Lorenzo-Prendini.html', url: 'https://www.researchgate.net/profile/Lorenzo-Prendini', kind: 'author', fuzz: { dom: 20, text: 6 } },
  ],
  notCases: {
    'researchgate/profile_Lorenzo-Prendini.jsonld.json':
      'the JSON-LD block of the profile page, extracted by its source project; read by researchgate.test.ts',
  },
};

export default cases;
