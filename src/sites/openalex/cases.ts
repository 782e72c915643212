// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
// OpenAlex pages are drawn from its API: what is saved are the API's responses.
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [],
  data: [
    { fixture: 'openalex/work_W2741809807_state_of_oa_2026.json', url: 'https://openalex.org/works/W2741809807', key: 'work', dataUrl: 'https://api.openalex.org/works/W2741809807', as: 'json', kind: 'paper', fuzz: 300 },
  ],
  notCases: {
    // The shared site-cases test expects an author record to yield works; OpenAlex's author record lists
    // none (its works are a separate query), so this one is read, and every field retyped, in openalex.test.ts.
    'openalex/author_A5023888391_priem_2026.json':
      'an author record without its works (OpenAlex lists them in a separate query): read and fuzzed field by field in openalex.test.ts',
  },
};

export default cases;
