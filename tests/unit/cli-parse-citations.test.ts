// `cli parse-citations` through its Command interface: one JSON object per
// input line, in order, `{}` for an empty line. The first three lines are
// SYNTHETIC (written here: Vancouver, IEEE, a menu line); the last two are real
// strings from the held-out test part of AnyStyle's core.xml (split.md), and
// their expected values are that file's own gold parts for them (<title>,
// <author>, <journal>/<container-title>, <volume>, <date>, <pages>).
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/parse-citations';
import { readDataset, splitOf } from '../../src/readers/citation-parser/dataset';
import { fixtureText } from '../helpers/fixtures';
import { memoryIo } from '../helpers/cli-io';

const io = memoryIo;

const core = readDataset(fixtureText('reference_strings/anystyle_core.xml'));
const real = (start: string): string => {
  const s = core.find((q) => q.text.startsWith(start));
  if (!s) throw new Error(`no string starting ${start}`);
  expect(splitOf(s.text)).toBe('test');
  return s.text;
};

const SYNTHETIC = [
  'Luo G, Liu T, Lu J, Chen X, Yu L, Wu J, Chen DZ, Cai W*. Influence of data distribution on federated learning performance in tumor segmentation. Radiol Artif Intell, 2023 Apr 26;5(3):e220082, PMID: 37293342',
  '',
  '[12] A. Vaswani, N. Shazeer, and N. Parmar, "Attention is all you need," in Advances in Neural Information Processing Systems, vol. 30, 2017, pp. 5998-6008.',
  'Home | About us | Contact',
];

describe('cli parse-citations', () => {
  it('prints one object per line, in order, {} for an empty line', async () => {
    const lines = [...SYNTHETIC, real('Knopfmacher, A., and Warlimont, R.'), real('R. S. Zemel, M. C. Mozer')];
    const t = io({ 'refs.txt': lines.join('\n') + '\n' });
    expect(await run(['refs.txt'], t.cli)).toBe(0);
    expect(t.err()).toBe('');
    const out = t.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toMatchObject({ title: 'Influence of data distribution on federated learning performance in tumor segmentation', authors: ['Luo G', 'Liu T', 'Lu J', 'Chen X', 'Yu L', 'Wu J', 'Chen DZ', 'Cai W'], venue: 'Radiol Artif Intell', year: 2023, volume: '5', issue: '3', pages: 'e220082', ids: { pmid: '37293342' } });
    expect(Object.keys(out[0]).slice(0, 4)).toEqual(['title', 'authors', 'venue', 'year']);
    expect(out[1]).toEqual({});
    expect(out[2]).toMatchObject({ title: 'Attention is all you need', authors: ['A. Vaswani', 'N. Shazeer', 'N. Parmar'], venue: 'Advances in Neural Information Processing Systems', year: 2017, volume: '30', pages: '5998-6008' });
    expect(out[3].confidence).toBeLessThan(0.2);
    // Gold: <title>Distinct degree factorizations for polynomials over a finite field.</title>,
    // <journal>Trans. Amer. Math. Soc.</journal>, <volume>347,</volume>, <date>(1995),</date>, <pages>2235-2243.</pages>
    expect(out[4]).toMatchObject({ title: 'Distinct degree factorizations for polynomials over a finite field', venue: 'Trans. Amer. Math. Soc', year: 1995, volume: '347', pages: '2235-2243' });
    expect(out[4].authors[0]).toMatch(/Knopfmacher/);
    // Gold: <title>TRAFFIC: Recognizing objects using hierarchical reference frame transformations.</title>,
    // <container-title>Neural Information Processing Systems,</container-title>, <volume>Vol. 2,</volume>, <pages>pages 266-273.</pages>, <date>1990.</date>
    expect(out[5]).toMatchObject({ title: 'TRAFFIC: Recognizing objects using hierarchical reference frame transformations', venue: 'Neural Information Processing Systems', year: 1990, volume: '2', pages: '266-273' });
    expect(out[5].authors[0]).toBe('R. S. Zemel');
    for (const o of out.slice(4)) expect(o.confidence).toBeGreaterThan(0.7);
  });

  it('without a file it prints its usage and exits 1; an unreadable file exits 1 with the reason', async () => {
    const a = io({});
    expect(await run([], a.cli)).toBe(1);
    expect(a.err()).toMatch(/usage: parse-citations/);
    const b = io({});
    expect(await run(['missing.txt'], b.cli)).toBe(1);
    expect(b.err()).toMatch(/missing\.txt: cannot read/);
    expect(b.out()).toBe('');
  });
});
