// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [
    { fixture: 'google_scholar/profile_U4LFdJ0AAAAJ_zharov.html', url: 'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=ru', kind: 'author' },
    { fixture: 'google_scholar/profile_amIMrIEAAAAJ_cherukuri.html', url: 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en', kind: 'author' },
    { fixture: 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html', url: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en', kind: 'author' },
    { fixture: 'google_scholar/profile_LZ5D_p4AAAAJ_elmatary_ar.html', url: 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar', kind: 'author', fuzz: { dom: 160, text: 30 } },
    { fixture: 'google_scholar/profile_8daWuo4AAAAJ_kietzig_fr_2019.html', url: 'https://scholar.google.com/citations?user=8daWuo4AAAAJ&hl=fr', kind: 'author', fuzz: { dom: 200, text: 25 } },
    { fixture: 'google_scholar/profile_newton_2015.html', url: 'https://scholar.google.com/citations?hl=en&user=j2MGGBAAAAAJ&pagesize=100&view_op=list_works', kind: 'author', fuzz: { dom: 80, text: 20 } },
    { fixture: 'google_scholar/legacy_profile_M7uPknsAAAAJ_2013.fragment.html', url: 'https://scholar.google.com/citations?user=M7uPknsAAAAJ&hl=en', kind: 'author', fuzz: { dom: 300, text: 150 } },
    { fixture: 'google_scholar/view_citation_ernst_ieeeaccess2018.html', url: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC', kind: 'paper', fuzz: { dom: 400, text: 40 } },
    { fixture: 'google_scholar/search_quantum_theory_2017.html', url: 'https://scholar.google.co.jp/scholar?hl=en&as_sdt=0%2C5&q=quantum+theory&btnG=', kind: 'list' },
    { fixture: 'google_scholar/search_crispr_cas9_p1.html', url: 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9&btnG=', kind: 'list', fuzz: { dom: 120, text: 20 } },
    { fixture: 'google_scholar/cites_5545735591029960915_2017.html', url: 'https://scholar.google.co.jp/scholar?cites=5545735591029960915&hl=en', kind: 'list', fuzz: { dom: 120, text: 25 } },
    { fixture: 'google_scholar/blocked_sorry_page.html', url: 'https://scholar.google.com/citations?user=U4LFdJ0AAAAJ&hl=en', kind: 'blocked', fuzz: { dom: 1000, text: 300 } },
    { fixture: 'google_scholar/invalid_user_AAAAAAAAAAAA_signin.html', url: 'https://scholar.google.com/citations?user=AAAAAAAAAAAA&hl=en', kind: 'blocked', fuzz: { dom: 20, text: 5 } },
  ],
  notCases: {
    'google_scholar/search_crispr_cas9_p1_expected.json':
      "expected values of search_crispr_cas9_p1.html (its source project's own parse), read by lists.test.ts",
  },
};

export default cases;
