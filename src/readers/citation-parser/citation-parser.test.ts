// parseCitation on one string per style, SYNTHETIC: written here to show each
// style's shape (the real strings are measured in
// tests/unit/citation-parser-accuracy.test.ts), and on strings that are not citations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCitation, splitAuthors, familyOf } from './index';
import { normTitle } from './dataset';
import { tokenize } from './features';
import { quotedTitle } from './title-ranker';
import { emissions, forwardPath, maxMarginals, viterbi } from './decode';

describe('parseCitation, one string per style (synthetic)', () => {
  it('APA: inverted names, year in brackets, volume(issue), DOI', () => {
    expect(parseCitation('Smith, J. A., & Jones, B. (2019). Deep learning for citation parsing: A survey. Journal of Documentation, 75(4), 123-145. https://doi.org/10.1108/JD-01-2019-0001')).toMatchObject({
      title: 'Deep learning for citation parsing: A survey', authors: ['J. A. Smith', 'B. Jones'], venue: 'Journal of Documentation', year: 2019, volume: '75', issue: '4', pages: '123-145', ids: { doi: '10.1108/jd-01-2019-0001' },
    });
  });
  it('IEEE: numbered, title in quotes, vol./no./pp.', () => {
    expect(parseCitation('[7] J. Smith, B. Jones, and C. Brown, "A fast parser for reference strings," IEEE Trans. Knowl. Data Eng., vol. 31, no. 2, pp. 200-210, Feb. 2019.')).toMatchObject({
      title: 'A fast parser for reference strings', authors: ['J. Smith', 'B. Jones', 'C. Brown'], year: 2019, volume: '31', issue: '2', pages: '200-210',
    });
  });
  it('Vancouver: initials after the name, "et al.", glued year;volume(issue):pages, PMID', () => {
    const c = parseCitation('12. Garcia M, Chen L, et al. Sequence models for bibliographic records. Nucleic Acids Res. 2020;48(D1):D100-D108. doi:10.1093/nar/gkz999. PMID: 31612345');
    expect(c).toMatchObject({ title: 'Sequence models for bibliographic records', authors: ['Garcia M', 'Chen L'], year: 2020, volume: '48', issue: 'D1', pages: 'D100-D108', ids: { doi: '10.1093/nar/gkz999', pmid: '31612345' } });
    expect(familyOf(c.authors![0])).toBe('Garcia');
  });
  it('Chicago and MLA: first name inverted only, quoted title', () => {
    expect(parseCitation('Smith, John, and Barbara Jones. "Reading Bibliographies by Machine." Library Quarterly 88, no. 3 (2018): 201-19.')).toMatchObject({
      title: 'Reading Bibliographies by Machine', authors: ['John Smith', 'Barbara Jones'], venue: 'Library Quarterly', year: 2018, volume: '88', pages: '201-19',
    });
    expect(parseCitation('Smith, John. "Reading Bibliographies by Machine." Library Quarterly, vol. 88, no. 3, 2018, pp. 201-19.')).toMatchObject({ title: 'Reading Bibliographies by Machine', year: 2018, pages: '201-19' });
  });
  it('arXiv ids', () => {
    expect(parseCitation('[3] K. Tanaka et al. Neural reference extraction. arXiv:2101.01234v2, 2021.')).toMatchObject({ title: 'Neural reference extraction', year: 2021, ids: { arxiv: '2101.01234' } });
  });
  it('CJK (GB/T 7714 "[J]" mark) and Cyrillic (GOST "//")', () => {
    expect(parseCitation('王小明, 李华. 基于深度学习的引文解析方法研究[J]. 计算机学报, 2020, 43(5): 1-15.')).toMatchObject({ title: '基于深度学习的引文解析方法研究', authors: ['王小明', '李华'], year: 2020, volume: '43', pages: '1-15' });
    expect(parseCitation('Иванов И. И. Методы анализа библиографических ссылок // Вестник МГУ. 2018. Т. 5, № 2. С. 10–20.')).toMatchObject({ title: 'Методы анализа библиографических ссылок', year: 2018, pages: '10-20' });
  });
  it('GOST: the title never runs across "//" into the host (the tagger alone ran into it on these)', () => {
    expect(parseCitation('Kuznetsov P.V., Orlov M.N. On the estimation of the drift of gravimeters by lunar ranging // Marine Geophysics. 1988. Vol. 4. P. 15–27.').title).toBe('On the estimation of the drift of gravimeters by lunar ranging');
    expect(parseCitation('Орлов М.Н. Звериный стиль степных народов // Древности Евразии. М., 1981.').title).toBe('Звериный стиль степных народов');
  });
  it('citations score high, page furniture and prose low', () => {
    expect(parseCitation('Smith, J. (2019). A title of a paper. Journal of Things, 3, 1-10.').confidence).toBeGreaterThan(0.8);
    for (const s of ['Click here to download the full text of all our publications.', 'Home | About us | Contact', 'Next page', 'Copyright 2021 University of Somewhere. All rights reserved.', '', '   ']) {
      expect(parseCitation(s).confidence, s).toBeLessThan(0.3);
    }
  });
});

describe('parseCitation, properties', () => {
  it('never throws, keeps confidence in 0..1, and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const a = parseCitation(s);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(parseCitation(s)).toEqual(a);
      }),
      { numRuns: 300 },
    );
    expect(parseCitation(undefined as unknown as string)).toEqual({ confidence: 0 });
    expect(parseCitation('x '.repeat(5000)).confidence).toBeLessThanOrEqual(1);
  });
});

describe('splitAuthors', () => {
  it('reads inverted, natural, Vancouver and semicolon lists', () => {
    expect(splitAuthors('Romero, C., Paunesku, D., & Dweck, C.')).toEqual(['C. Romero', 'D. Paunesku', 'C. Dweck']);
    expect(splitAuthors('R. S. Zemel, M. C. Mozer, and G. E. Hinton.')).toEqual(['R. S. Zemel', 'M. C. Mozer', 'G. E. Hinton']);
    expect(splitAuthors('Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA.')).toEqual(['Pérez-Higueras JJ', 'Arias A', 'de la Macorra JC', 'Peters OA']);
    expect(splitAuthors('Lee, Lisa; Howard, William')).toEqual(['Lisa Lee', 'William Howard']);
    expect(familyOf('de la Macorra JC')).toBe('de la Macorra');
    expect(familyOf('Ludwig van Beethoven')).toBe('van Beethoven');
  });
});

describe('title normalization as scored (normTitle), synthetic', () => {
  it('strips quotes, trailing stops and separators standing apart at either end', () => {
    expect(normTitle('“A Title of a Paper.”')).toBe('A Title of a Paper');
    expect(normTitle('Методы анализа ссылок //')).toBe('Методы анализа ссылок');
    expect(normTitle('A report on things. –')).toBe('A report on things');
    expect(normTitle('- A leading dash')).toBe('A leading dash');
    expect(normTitle('> A quoted line')).toBe('A quoted line');
  });
  it('drops the "In" that follows a closing quote, a stop or a comma, and only there', () => {
    expect(normTitle('“The Founding of Something.” In')).toBe('The Founding of Something');
    expect(normTitle('De la chose », in')).toBe('De la chose');
    expect(normTitle('Growth of a Reed (Phragmites australis). In')).toBe('Growth of a Reed (Phragmites australis)');
    expect(normTitle('Il porto antico, in')).toBe('Il porto antico');
    expect(normTitle('La villa de Sainte-Marie, dans')).toBe('La villa de Sainte-Marie');
    expect(normTitle('Checking In')).toBe('Checking In');
    expect(normTitle('Well-known words in')).toBe('Well-known words in');
  });
  it('keeps hyphens and slashes inside words', () => {
    expect(normTitle('30-, 40- and 50-year-old men')).toBe('30-, 40- and 50-year-old men');
    expect(normTitle('Input/output at scale')).toBe('Input/output at scale');
  });
});

describe('second stage skipped for quoted titles', () => {
  it('quotedTitle: two words or more between quote marks', () => {
    const t = tokenize('Smith, J. "A fast parser," Journal, 2019.');
    expect(quotedTitle(t, [2, 5])).toBe(true);
    expect(quotedTitle(t, [3, 5])).toBe(false);
    expect(quotedTitle(t, [2, 4])).toBe(false);
    expect(quotedTitle(t, undefined)).toBe(false);
    expect(quotedTitle(tokenize('«Une étude»'), [0, 2])).toBe(true);
  });
});

describe('forwardPath (decode.ts)', () => {
  it('gives viterbi\'s path, and maxMarginals gives the same from it as from scratch', () => {
    const model = { buckets: 4, labels: 3, weights: [1, -1, 0, 0, 2, -2, -1, 0, 1, 0.5, 0.5, -0.5], transitions: Array.from({ length: 2 * 9 }, (_, i) => ((i * 7) % 5) - 2), start: [0, 1, -1] };
    const feats = [Uint32Array.of(0, 1), Uint32Array.of(2), Uint32Array.of(3, 0), Uint32Array.of(1, 2, 3)];
    const bound = Uint8Array.of(0, 1, 0, 1);
    const em = emissions(model, feats);
    const fw = forwardPath(model, em, bound);
    expect(fw.path).toEqual(viterbi(model, em, bound));
    const a = maxMarginals(model, em, bound);
    const b = maxMarginals(model, em, bound, fw);
    expect([...b.beta]).toEqual([...a.beta]);
    expect(b.path).toEqual(a.path);
  });
});
