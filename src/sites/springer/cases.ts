// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'springer/article_s10924-010-0192-1.html', url: 'https://link.springer.com/article/10.1007/s10924-010-0192-1', kind: 'paper', fuzz: { dom: 150, text: 30 } },
  ],
  notCases: {
    'springer/article_s10924-010-0192-1_expected.json':
      'expected values of the article page, read by springer.test.ts',
  },
};

export default cases;
