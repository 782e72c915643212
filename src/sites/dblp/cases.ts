// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'dblp/person_00-5179_RuiTan.xml', url: 'https://dblp.org/pid/00/5179.html', kind: 'author', payload: { key: 'person', fixture: 'dblp/person_00-5179_RuiTan.xml' }, fuzz: { dom: 60, text: 20 } },
  ],
  data: [
    { fixture: 'dblp/person_00-5179_RuiTan.xml', url: 'https://dblp.org/pid/00/5179.html', key: 'person', dataUrl: 'https://dblp.org/pid/00/5179.xml', as: 'xml', kind: 'author', fuzz: 100 },
  ],
};

export default cases;
