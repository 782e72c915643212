// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'sciencedirect/article_S2210271X18305656.html', url: 'https://www.sciencedirect.com/science/article/pii/S2210271X18305656', kind: 'paper', fuzz: { dom: 150, text: 30 } },
  ],
  notCases: {
    'sciencedirect/article_S2210271X18305656_expected.json':
      'expected values of the article page, read by sciencedirect.test.ts',
  },
};

export default cases;
