// Copy citation: one work as APA, Chicago, IEEE and BibTeX. Expected strings
// are typed by hand from the records (tests/helpers/format-records.ts) and
// the style guides' patterns; citeproc (citation-js's APA template) checks
// our APA independently on the real journal articles and books.

import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { formatCitation, titleCase } from '../../src/formats/cite-styles';
import { workToCsl, type CslItem } from '../../src/formats/csl';
import { withCitationKeys } from '../../src/formats/keys';
import { ernst, handBuilt } from '../helpers/format-records';

const [springer, finzel, naacl, empir] = withCitationKeys(handBuilt.map((w, i) => workToCsl(w, String(i))));
const ernstItems = withCitationKeys(ernst().works!.map((w, i) => workToCsl(w, `e${i}`)));
const byVenue = (v: string) => {
  const i = ernst().works!.findIndex((w) => w.venue === v);
  if (i < 0) throw new Error(v);
  return { ...ernstItems[i]!, URL: undefined } as CslItem; // without the long Scholar link, for reading
};
const jcss = byVenue('Journal of Computer and System Sciences 77 (4), 652-664');
const icc = byVenue('2014 IEEE International Conference on Communications (ICC), 2363-2368');

describe('APA 7', () => {
  it('journal article: Family, I. I., & Family, I. (year). Title. Journal, vol(issue), pages. DOI', () => {
    expect(formatCitation(jcss, 'apa')).toBe(
      'Ernst, J. B., & Denko, M. K. (2011). The design and evaluation of fair scheduling in wireless mesh networks. Journal of Computer and System Sciences, 77(4), 652–664.',
    );
    expect(formatCitation(springer!, 'apa')).toBe(
      'Bandyopadhyay-Ghosh, S., Jeng, R., Mukherjee, J., & Sain, M. (2010). In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications. Journal of Polymers and the Environment. https://doi.org/10.1007/s10924-010-0192-1',
    );
  });
  it('conference paper, and an arXiv preprint with its id after the title', () => {
    expect(formatCitation(icc, 'apa')).toBe(
      'Ernst, J. B., Kremer, S., & Rodrigues, J. J. P. C. (2014). A utility based access point selection method for IEEE 802.11 wireless networks with enhanced quality of experience. In 2014 IEEE International Conference on Communications (ICC) (pp. 2363–2368).',
    );
    expect(formatCitation(empir!, 'apa')).toBe(
      'Sen, S., Ravindran, B., & Raghunathan, A. (2020). EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks (arXiv:2004.10162). arXiv. https://arxiv.org/abs/2004.10162',
    );
  });
  it('agrees with citeproc’s APA on every journal article and book of a real profile and the hand-copied records', () => {
    const items = [...handBuilt.map((w, i) => workToCsl(w, `h${i}`)), ...ernstItems].filter((i) => i.type === 'article-journal' || i.type === 'book');
    expect(items.length).toBeGreaterThan(5);
    for (const it of items) {
      const theirs = new Cite([{ ...it, custom: undefined }]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
      expect(formatCitation(it, 'apa'), it.title).toBe(theirs.trim().replace(/’/g, "'"));
    }
  });
  it('journal names in title case, short function words kept', () => {
    expect(titleCase('IEEE access')).toBe('IEEE Access');
    expect(titleCase('Journal of the royal society and the moon')).toBe('Journal of the Royal Society and the Moon');
    expect(titleCase('the FEBS journal')).toBe('The FEBS Journal');
  });
});

describe('Chicago (17th, bibliography)', () => {
  it('first author inverted, the rest in order; “Title.” Journal vol, no. issue (year): pages.', () => {
    expect(formatCitation(jcss, 'chicago')).toBe(
      'Ernst, J. B., and M. K. Denko. “The design and evaluation of fair scheduling in wireless mesh networks.” Journal of Computer and System Sciences 77, no. 4 (2011): 652–664.',
    );
    expect(formatCitation(naacl!, 'chicago')).toBe(
      'Le Scao, Teven, and Alexander M. Rush. “How many data points is a prompt worth?” In Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies. 2021. https://doi.org/10.18653/v1/2021.naacl-main.208.',
    );
    expect(formatCitation(finzel!, 'chicago')).toBe('Finzel, Kati. “Chemical bonding without orbitals.” Computational and Theoretical Chemistry (2018). https://doi.org/10.1016/j.comptc.2018.10.004.');
  });
});

describe('IEEE', () => {
  it('initials first; “Title,” Journal, vol., no., pp., year, doi', () => {
    expect(formatCitation(jcss, 'ieee')).toBe(
      'J. B. Ernst and M. K. Denko, “The design and evaluation of fair scheduling in wireless mesh networks,” Journal of Computer and System Sciences, vol. 77, no. 4, pp. 652–664, 2011.',
    );
    expect(formatCitation(finzel!, 'ieee')).toBe('K. Finzel, “Chemical bonding without orbitals,” Computational and Theoretical Chemistry, 2018, doi: 10.1016/j.comptc.2018.10.004.');
    expect(formatCitation(icc, 'ieee')).toBe(
      'J. B. Ernst, S. Kremer, and J. J. P. C. Rodrigues, “A utility based access point selection method for IEEE 802.11 wireless networks with enhanced quality of experience,” in 2014 IEEE International Conference on Communications (ICC), 2014, pp. 2363–2368.',
    );
    // Seven authors: the first and "et al." (Hecht et al., arXiv:2112.09544 on Ernst's profile).
    expect(formatCitation(byVenue('arXiv preprint arXiv:2112.09544'), 'ieee')).toBe(
      'B. Hecht et al., “It\'s time to do something: Mitigating the negative impacts of computing through a change to the peer review process,” 2021, arXiv:2112.09544. [Online]. Available: https://arxiv.org/abs/2112.09544',
    );
  });
});

it('BibTeX is the export’s own entry, with the export’s key', () => {
  expect(formatCitation(finzel!, 'bibtex')).toBe(
    '@article{finzel2018chemical,\n  author = {Finzel, Kati},\n  title = {Chemical bonding without orbitals},\n  journal = {Computational and Theoretical Chemistry},\n  year = {2018},\n  month = {11},\n  doi = {10.1016/j.comptc.2018.10.004},\n  url = {https://doi.org/10.1016/j.comptc.2018.10.004},\n}',
  );
});
