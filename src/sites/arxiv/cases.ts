// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'arxiv/abs_2004.10162.html', url: 'https://arxiv.org/abs/2004.10162', kind: 'paper', fuzz: { dom: 600, text: 200 } },
    { fixture: 'arxiv/search_results_200.html', url: 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract', kind: 'list', fuzz: { dom: 10, text: 4 } },
  ],
  data: [
    { fixture: 'arxiv/api_query_atom.xml', url: 'https://arxiv.org/abs/2004.10162', key: 'atom', dataUrl: 'https://export.arxiv.org/api/query?search_query=all:attention+OR+all:mechanism&start=0&max_results=3', as: 'xml', kind: 'list', fuzz: 600 },
  ],
};

export default cases;
