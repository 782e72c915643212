// The metrics as the popup and the dashboard show them, rendered with Preact
// into a linkedom document: unknown is shown as unknown with its reason (never
// a 0), years as years, every metric with its definition on hover, and the age
// convention stated once.
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { compareStated, computeMetrics, METRIC_DEFINITIONS, type MetricWork } from '../../src/core/metrics';
import type { MergedPerson } from '../../src/core/merge/types';
import { MetricsHeadline } from '../../src/ui/components/MetricsHeadline';
import { FullMetrics } from '../../src/ui/dashboard/PersonPage';
import type { PersonView } from '../../src/ui/model/person-view';
import { textOf, useRenderDom } from '../helpers/render-dom';

const { dom, mount } = useRenderDom();
const text = textOf;

const person: MergedPerson = {
  id: 'dblp:x', name: 'Ada Person', nameVariants: [], ids: {}, pages: [], stated: [], workIds: [], linkedBy: [], suggestions: [],
  fields: { name: [], affiliation: [], homepage: [] },
};
function viewOf(works: MetricWork[], stated?: { citations: number }): PersonView {
  const metrics = computeMetrics(works, { currentYear: 2024 });
  const comparisons = stated
    ? [{ site: 'ResearchGate', stated: { source: 'researchgate', captureKey: 'k', capturedAt: '', url: '', worksListed: works.length, metrics: stated }, rows: compareStated(stated, metrics, { siteName: 'ResearchGate', worksListed: works.length, listTruncated: false }) }]
    : [];
  return { person, works: [], metrics, comparisons, sites: ['dblp'], flaggedIncluded: 0 };
}
const cellOf = (root: Element, label: string) => [...root.querySelectorAll('tbody tr')].find((r) => text(r.querySelector('th')) === label)?.querySelector('td:last-child');

describe('no citation counts from any site (SYNTHETIC, as a DBLP-only profile)', () => {
  const v = viewOf([{ year: 2001, authors: ['Ada Person'] }, { year: 2021, authors: ['Ada Person', 'Bo Other'] }], { citations: 40 });

  it('the headline says unknown and why, not a bold 0 with a guessed reason', () => {
    const root = mount(() => <MetricsHeadline view={v} />);
    for (const label of ['Citations', 'h-index', 'i10-index']) {
      const cell = cellOf(root, label)!;
      expect(text(cell), label).toBe('unknown');
      expect(cell.classList.contains('differs')).toBe(false); // not marked (bold) as differing
      expect(cell.querySelector('.unknown')!.getAttribute('title')).toBe('Unknown: no site gave citation counts for these works');
    }
    expect(text(cellOf(root, 'Papers'))).toBe('2');
    expect(text(root.querySelector('p.muted'))).toBe('Computed from 0 merged works; no site gave citation counts for these works.');
    expect(root.querySelector('.reasons')).toBeNull();
  });

  it('the full panel: unknown with its reason, years as years, definitions on hover, the age convention once', () => {
    const root = mount(() => <FullMetrics metrics={v.metrics} />);
    const metric = (label: string) => [...root.querySelectorAll('.metric')].find((m) => text(m.querySelector('dt')) === label)!;
    expect(text(metric('h-index').querySelector('dd .unknown'))).toBe('unknown');
    expect(text(metric('ACC5').querySelector('dd .unknown'))).toBe('unknown');
    expect(text(metric('hA-index').querySelector('dd .unknown'))).toBe('unknown');
    // Not "2,001" and "2,021".
    expect(metric('First year').querySelector('dd')!.firstChild!.textContent).toBe('2001');
    expect(metric('Last year').querySelector('dd')!.firstChild!.textContent).toBe('2021');
    expect(metric('Years').querySelector('dd')!.firstChild!.textContent).toBe('24'); // 2024 − 2001 + 1
    expect(metric('hm-index').getAttribute('title')).toBe(`${METRIC_DEFINITIONS.hmIndex.definition} (${METRIC_DEFINITIONS.hmIndex.source})`);
    expect(root.querySelectorAll('.age-convention')).toHaveLength(1);
    expect(text(root.querySelector('.age-convention'))).toMatch(/^Ages: A paper’s age counts its publication year as 1: age = current year − publication year \+ 1/);
    expect(text(root)).toContain('Citation metrics: no site gave citation counts for these works.');
  });
});

it('with counts for some works, the figures are shown and say how many works have one', () => {
  const v = viewOf([{ citations: 3, year: 2020 }, { year: 2021 }]);
  const root = mount(() => <MetricsHeadline view={v} />);
  expect(text(cellOf(root, 'Citations'))).toBe('3');
  expect(text(cellOf(root, 'h-index'))).toBe('1');
  expect(text(root.querySelector('p.muted'))).toBe('Computed from 0 merged works; citation counts known for 1 of 2 works.');
});
