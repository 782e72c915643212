// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'nature/article_nature-1_2014.html', url: 'https://www.nature.com/articles/nature13322', kind: 'paper', fuzz: { dom: 150, text: 30 } },
  ],
};

export default cases;
