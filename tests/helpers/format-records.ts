// Records the format tests export. Real ones come from saved pages: two
// Google Scholar profiles read by the real adapter, and four article pages
// whose citation_* metadata was copied by hand (those adapters are not part of
// these tests). Synthetic ones are marked as such.

import type { Capture, Work } from '../../src/core/capture';
import { googleScholar } from '../../src/sites/google-scholar';
import { capturePage } from '../../src/adapters/run';
import { FIXED_NOW, fixtureDoc } from './fixtures';

export function scholarCapture(file: string, url: string): Capture {
  return capturePage(googleScholar, fixtureDoc(`google_scholar/${file}`), new URL(url), { now: FIXED_NOW });
}

/** Jason Ernst's profile, all 58 rows (SOURCES.tsv: GS cites 1083/806, h 14/8, i10 17/7). */
export const ernst = () => scholarCapture('profile_SbUmSEAAAAAJ_ernst_all58.html', 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
/** Isaac Newton's 2015 profile, 100 rows: accented Spanish titles, repeated titles. */
export const newton = () => scholarCapture('profile_newton_2015.html', 'https://scholar.google.com/citations?user=j2MGGBAAAAAJ&hl=en&pagesize=100');

/** Copied by hand from the <meta name="citation_*"> tags of each saved page (file named in each comment). */
export const handBuilt: Work[] = [
  // springer/article_s10924-010-0192-1.html: citation_title (with &nbsp;, collapsed), 4 × citation_author,
  // citation_journal_title, citation_publication_date 2010/09, citation_doi, citation_fulltext_html_url.
  {
    title: 'In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications',
    authors: ['Bandyopadhyay-Ghosh, Sanchita', 'Jeng, Robert', 'Mukherjee, Joydeep', 'Sain, Mohini'],
    year: 2010,
    date: '2010-09',
    venue: 'Journal of Polymers and the Environment',
    ids: { doi: '10.1007/s10924-010-0192-1' },
    url: 'https://link.springer.com/article/10.1007/s10924-010-0192-1',
    type: 'article',
  },
  // sciencedirect/article_S2210271X18305656.html: citation_title, citation_journal_title, citation_doi,
  // citation_publication_date 2018/11/15; author from <span class="given-name">Kati</span> <span class="text surname">Finzel</span>.
  {
    title: 'Chemical bonding without orbitals',
    authors: ['Kati Finzel'],
    year: 2018,
    date: '2018-11-15',
    venue: 'Computational and Theoretical Chemistry',
    ids: { doi: '10.1016/j.comptc.2018.10.004' },
    type: 'article',
  },
  // acl_anthology/paper_2021.naacl-main.208.html: citation_title, citation_author ×2,
  // citation_conference_title, citation_publication_date 2021/6, citation_doi.
  {
    title: 'How many data points is a prompt worth?',
    authors: ['Teven Le Scao', 'Alexander M. Rush'],
    year: 2021,
    date: '2021-06',
    venue:
      'Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies',
    ids: { doi: '10.18653/v1/2021.naacl-main.208', acl: '2021.naacl-main.208' },
    url: 'https://aclanthology.org/2021.naacl-main.208',
    type: 'conference',
  },
  // arxiv/abs_2004.10162.html: citation_title, citation_author ×3, citation_date 2020/04/21, citation_arxiv_id.
  {
    title: 'EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks',
    authors: ['Sen, Sanchari', 'Ravindran, Balaraman', 'Raghunathan, Anand'],
    year: 2020,
    date: '2020-04-21',
    ids: { arxiv: '2004.10162' },
    url: 'https://arxiv.org/abs/2004.10162',
    type: 'preprint',
  },
];

/** SYNTHETIC records: titles made up to exercise quoting, scripts and injection. */
export const synthetic: Work[] = [
  { title: 'Commas, "quotes", and a\nline break', authors: ['Ada Lovelace'], year: 1843, venue: 'Synthetic, Journal' },
  { title: 'تحليل الشبكات اللاسلكية', authors: ['محمد علي'], year: 2020, venue: 'مجلة تجريبية' },
  { title: 'Квантовая теория поля', authors: ['Иван Петров'], year: 2019 },
  { title: '量子场论导论', authors: ['张三'], year: 2021, venue: '物理学报' },
  { title: '=HYPERLINK("http://example.invalid","x")', authors: ['+Plus Start'], year: 2001, venue: '-minus venue' },
  { title: '@SUM(A1:A2) & 50% of $x_1$ in {braces} #1 ~ ^ \\ done', authors: ['Jane Doe'], year: 2001, venue: '@at venue', ids: { doi: '10.1234/abc_(d)%20e' } },
  { title: '+1 trick', authors: ['Jane Doe'], year: 2001 },
];
