// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'pubmed/article_legacy_entrez_2015.html', url: 'https://www.ncbi.nlm.nih.gov/pubmed/25817406', kind: 'paper', fuzz: { dom: 200, text: 40 } },
  ],
  data: [
    { fixture: 'pubmed/eutils_efetch.xml', url: 'https://pubmed.ncbi.nlm.nih.gov/41884867/', key: 'efetch', dataUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&id=41884867,41884779,41884685', as: 'xml', kind: 'list', fuzz: 400 },
  ],
};

export default cases;
