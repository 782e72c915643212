// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'plos/article_ploscompbiol_2014.html', url: 'https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604', kind: 'paper', fuzz: { dom: 150, text: 30 } },
  ],
};

export default cases;
