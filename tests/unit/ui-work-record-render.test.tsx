// A paper's whole record with Copy citation, rendered with Preact into a
// linkedom document from a hand-made merged work (SYNTHETIC values, typed
// here): every author, the ids linked to their canonical pages, the abstract
// on demand, the four citation styles copied, and the export of that work.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { MergedWork } from '../../src/core/merge/types';
import { idHref, WorkRecord } from '../../src/ui/components/WorkRecord';
import { lightWork } from '../../src/core/provenance';
import { PROVENANCE_BEHIND, provenanceFromRecords, ProvenanceContext } from '../../src/ui/components/provenance';
import type { Capture } from '../../src/core/capture';
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
      // The first copy loads the citation styles: on a loaded machine that alone can pass waitFor's default second.
      await vi.waitFor(() => expect(copied).toHaveLength(buttons.indexOf(b) + 1), { timeout: 10_000 });
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

describe('a light work (a kept view stores works without their provenance)', () => {
  // SYNTHETIC: the capture the work's one record comes from, stating what the work shows.
  const capture: Capture = {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'google-scholar',
    pageKind: 'paper',
    url: 'https://example.org/k',
    capturedAt: '2026-01-01T00:00:00Z',
    works: [{ title: 'Rights at work', authors: work.authors!, year: 2005, venue: work.venue!, abstract: work.abstract!, ids: { doi: '10.1234/jhr.2005.1', pmid: '123456', gscholar: 'U:ROW' } }],
  };
  const light = lightWork(work);

  it('copies the same citation, its provenance read from the captures the page provides', async () => {
    const copied: string[] = [];
    const whole = mount(() => <WorkRecord work={work} now={() => new Date()} copy={async (t) => void copied.push(t)} />);
    click(whole.querySelector('.copy-citation button[data-style="bibtex"]')!);
    await vi.waitFor(() => expect(copied).toHaveLength(1), { timeout: 10_000 });
    const root = mount(() => (
      <ProvenanceContext.Provider value={provenanceFromRecords([{ key: 'k', capture }])}>
        <WorkRecord work={light} now={() => new Date()} copy={async (t) => void copied.push(t)} />
      </ProvenanceContext.Provider>
    ));
    expect(light).not.toHaveProperty('fields');
    click(root.querySelector('.copy-citation button[data-style="bibtex"]')!);
    await vi.waitFor(() => expect(copied).toHaveLength(2), { timeout: 10_000 });
    expect(copied[1]).toBe(copied[0]);
  });

  it('says why nothing was copied when its captures changed since', async () => {
    const copied: string[] = [];
    const root = mount(() => (
      <ProvenanceContext.Provider value={provenanceFromRecords([{ key: 'k', capture: { ...capture, capturedAt: '2026-02-01T00:00:00Z' } }])}>
        <WorkRecord work={light} now={() => new Date()} copy={async (t) => void copied.push(t)} />
      </ProvenanceContext.Provider>
    ));
    click(root.querySelector('.copy-citation button[data-style="apa"]')!);
    await vi.waitFor(() => expect(text(root.querySelector('[role="status"]'))).toBe(`Not copied: ${PROVENANCE_BEHIND}`));
    expect(copied).toEqual([]);
    expect(root.querySelector('output.citation')).toBeNull();
  });
});

it('links only ids that have a canonical page, built from the id', () => {
  expect(idHref('arxiv', '2004.10162')).toBe('https://arxiv.org/abs/2004.10162');
  expect(idHref('doi', '10.1000/a b<c')).toBe('https://doi.org/10.1000/a%20b%3Cc');
  expect(idHref('pmid', 'javascript:alert(1)')).toBeUndefined();
  expect(idHref('dblp', 'conf/x/Y20')).toBeUndefined();
});
