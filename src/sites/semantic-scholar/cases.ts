// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [],
  data: [
    { fixture: 'semantic_scholar/api_author_2262347_turing.json', url: 'https://www.semanticscholar.org/author/A.-Turing/2262347', key: 'author', dataUrl: 'https://api.semanticscholar.org/graph/v1/author/2262347', as: 'json', kind: 'author', fuzz: 300 },
    { fixture: 'semantic_scholar/api_paper_search.json', url: 'https://www.semanticscholar.org/paper/a56bf7ee9a56d8f84079684339a953c2df9ce76b', key: 'paper', dataUrl: 'https://api.semanticscholar.org/graph/v1/paper/search?query=attention+mechanism&limit=3', as: 'json', kind: 'list', fuzz: 1000 },
  ],
  notCases: {
    'semantic_scholar/vcr_author_search.yaml':
      'a recorded cassette of author search (no page of ours requests it), read by semantic-scholar.test.ts',
  },
};

export default cases;
