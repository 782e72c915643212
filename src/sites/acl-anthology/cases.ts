// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'acl_anthology/paper_2021.naacl-main.208.html', url: 'https://aclanthology.org/2021.naacl-main.208/', kind: 'paper', fuzz: { dom: 300, text: 60 } },
    { fixture: 'acl_anthology/author_andreas-madsack_2021.html', url: 'https://aclanthology.org/people/a/andreas-madsack/', kind: 'author', fuzz: { dom: 300, text: 60 } },
  ],
  notCases: {
    'acl_anthology/paper_2021.naacl-main.208_expected.json':
      'expected values of the paper page, read by acl-anthology.test.ts',
  },
};

export default cases;
