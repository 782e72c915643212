// A paper's whole record with Copy citation, rendered with Preact into a
// linkedom document from a hand-made merged work (SYNTHETIC values, typed
// here): every author, the ids linked to their canonical pages, the abstract
// on demand, the four citation styles copied, and the export of that work.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { MergedWork } from '../../src/core/merge/types';
import { idHref, WorkRecord } from '../../src/ui/components/WorkRecord';
import { textOf, useRenderDom } from '../helpers/render-dom';

const { dom, mount, click } = useRenderDom();
const text = textOf;
const empty = { title: [], authors: [], year: [], venue: [], citations: [], abstract: [], url: [], type: [], ids: [] };

const work: MergedWork = {
  id: 'doi:10.1234/jhr.2005.1',
  title: 'Rights at work',
  authors: ['IK A', 'KA Irshad', 'MS de Heredia'],
  year: 2005,
  venue: 'Journal of Human Rights 4 (2), 197-211',
  abstract: 'A short abstract.',
  ids: { doi: '10.1234/jhr.2005.1', pmid: '123456', gscholar: 'U:ROW' },
  versions: [],
  members: [{ captureKey: 'k', index: 0, source: 'google-scholar', capturedAt: '2026-01-01T00:00:00Z', pageKind: 'paper' }],
  matchedBy: [],
  fields: empty,
};

describe('the whole record', () => {
  it('shows every author, the venue and year, the ids, and the abstract only on demand', () => {
    const root = mount(() => <WorkRecord work={work} now={() => new Date('2026-01-01T00:00:00Z')} copy={async () => undefined} />);
    expect(text(root.querySelector('.record-title'))).toBe('Rights at work');
    expect(text(root.querySelector('.record-authors'))).toBe('IK A, KA Irshad, MS de Heredia');
    expect(text(root.querySelector('.record-venue'))).toBe('Journal of Human Rights 4 (2), 197-211 · 2005');
    const ids = [...root.querySelectorAll('.record-ids li')].map((li) => [text(li), li.querySelector('a')?.getAttribute('href') ?? null]);
    expect(ids).toEqual([
      ['DOI: 10.1234/jhr.2005.1', 'https://doi.org/10.1234/jhr.2005.1'],
      ['PMID: 123456', 'https://pubmed.ncbi.nlm.nih.gov/123456/'],
      ['Google Scholar: U:ROW', null],
    ]);
    const abstract = root.querySelector('details.record-abstract')!;
    expect(abstract.hasAttribute('open')).toBe(false);
    expect(text(abstract.querySelector('summary'))).toBe('Abstract');
    expect([...root.querySelectorAll('[aria-label="Export this work"] button')].map(text)).toEqual(['BibTeX', 'RIS', 'CSL-JSON', 'CSV', 'PoP CSV']);
  });

  it('copies the citation in each style, and shows what it copied', async () => {
    const copied: string[] = [];
    const root = mount(() => <WorkRecord work={work} now={() => new Date()} copy={async (t) => void copied.push(t)} />);
    const buttons = [...root.querySelectorAll('.copy-citation button')];
    expect(buttons.map(text)).toEqual(['APA', 'Chicago', 'IEEE', 'BibTeX']);
    for (const b of buttons) {
      click(b);
      await vi.waitFor(() => expect(copied).toHaveLength(buttons.indexOf(b) + 1));
    }
    // The venue in parts and Scholar's initials-first names, by hand:
    expect(copied[0]).toBe('A, I. K., Irshad, K. A., & de Heredia, M. S. (2005). Rights at work. Journal of Human Rights, 4(2), 197–211. https://doi.org/10.1234/jhr.2005.1');
    expect(copied[1]).toBe('A, I. K., K. A. Irshad, and M. S. de Heredia. “Rights at work.” Journal of Human Rights 4, no. 2 (2005): 197–211. https://doi.org/10.1234/jhr.2005.1.');
    expect(copied[2]).toBe('I. K. A, K. A. Irshad, and M. S. de Heredia, “Rights at work,” Journal of Human Rights, vol. 4, no. 2, pp. 197–211, 2005, doi: 10.1234/jhr.2005.1.');
    expect(copied[3]).toMatch(/^@article\{a2005rights,\n  author = \{A, I\. K\. and Irshad, K\. A\. and de Heredia, M\. S\.\},/);
    expect(copied[3]).toContain('  journal = {Journal of Human Rights},\n  volume = {4},\n  number = {2},\n  pages = {197--211},');
    await vi.waitFor(() => expect(text(root.querySelector('[role="status"]'))).toBe('BibTeX citation copied.'));
    expect(root.querySelector('output.citation')!.textContent).toBe(copied[3]);
  });

  it('says so when the clipboard refuses, and leaves the text to select', async () => {
    const root = mount(() => <WorkRecord work={work} now={() => new Date()} copy={() => Promise.reject(new Error('denied'))} />);
    click(root.querySelector('.copy-citation button[data-style="ieee"]')!);
    await vi.waitFor(() => expect(text(root.querySelector('[role="status"]'))).toBe('Could not copy: select the IEEE citation below.'));
    expect(text(root.querySelector('output.citation'))).toMatch(/^I\. K\. A, K\. A\. Irshad/);
  });
});

it('links only ids that have a canonical page, built from the id', () => {
  expect(idHref('arxiv', '2004.10162')).toBe('https://arxiv.org/abs/2004.10162');
  expect(idHref('doi', '10.1000/a b<c')).toBe('https://doi.org/10.1000/a%20b%3Cc');
  expect(idHref('pmid', 'javascript:alert(1)')).toBeUndefined();
  expect(idHref('dblp', 'conf/x/Y20')).toBeUndefined();
});
