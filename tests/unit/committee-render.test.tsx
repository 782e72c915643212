// The committee view rendered with Preact into a linkedom document: a long
// table renders only the rows in view, a heading sorts both ways, and an
// unknown figure reads "unknown". People are SYNTHETIC (hand-made merged
// values): 300 of them, "Person 000" … "Person 299", person i with i works
// cited i times each, so the figures are known by construction; every
// tenth person's works carry no citation count.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { MergedPerson, MergedWork, MergeResult } from '../../src/core/merge/types';
import { CommitteeView } from '../../src/ui/dashboard/CommitteeView';
import type { Library } from '../../src/ui/dashboard/load';
import { textOf, useRenderDom } from '../helpers/render-dom';

const AT = '2026-11-22T10:00:00.000Z';
const emptyFields = { title: [], authors: [], year: [], venue: [], citations: [], abstract: [], url: [], type: [], ids: [] };

function syntheticLibrary(n: number): Library {
  const works: MergedWork[] = [];
  const people: MergedPerson[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Person ${String(i).padStart(3, '0')}`;
    const key = `dblp:p${i}`;
    const ids: string[] = [];
    for (let k = 0; k < i; k++) {
      const id = `rec:${key}#${k}`;
      ids.push(id);
      works.push({
        id,
        title: `Work ${k} of ${name}`,
        authors: [name],
        year: 2020,
        ...(i % 10 === 0 ? {} : { citations: i }),
        ids: {},
        versions: [],
        members: [{ captureKey: key, index: k, source: 'dblp', capturedAt: AT, pageKind: 'author' }],
        matchedBy: [],
        fields: emptyFields,
      });
    }
    people.push({
      id: `dblp:p${i}`,
      name,
      nameVariants: [name],
      ids: {},
      pages: [{ captureKey: key, source: 'dblp', url: `https://dblp.org/pid/p${i}.html`, capturedAt: AT, name }],
      stated: [],
      workIds: ids,
      linkedBy: [],
      suggestions: [],
      fields: { name: [], affiliation: [], homepage: [] },
    });
  }
  const result: MergeResult = { works, people, unresolvedDecisions: [], stats: { captures: n, records: works.length, works: works.length, people: n } };
  return { records: [], decisions: [], result };
}

const { dom } = useRenderDom();
const settle = () => new Promise((r) => setTimeout(r, 0));
const text = textOf;
const rowsOf = (root: Element) => [...root.querySelectorAll('tbody tr[data-person]')];

describe('committee view', () => {
  it('renders only the rows in view of 300 people, sorted by citations, and sorts both ways', async () => {
    const root = dom.document.createElement('div');
    dom.document.body.appendChild(root);
    render(<CommitteeView lib={syntheticLibrary(300)} data={{ currentYear: 2026, now: () => new Date(AT) }} />, root as never);
    await settle();
    const shown = rowsOf(root);
    // The window: a 480 px view of 34 px rows (15 + 1) and 8 more below; the rest are spacers.
    expect(shown.length).toBe(24);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).toBe('301');
    // Most cited first: person 299 has 299 works × 299 citations.
    expect(text(shown[0]!.querySelector('th.name'))).toBe('Person 299');
    expect(text(shown[0]!.querySelector('td[data-column="citations"]'))).toBe((299 * 299).toLocaleString('en'));
    // Reversed: the least cited known figure first (person 1: 1 work, 1 citation), unknowns at the end.
    const head = root.querySelector('button[data-column="citations"]')!;
    head.dispatchEvent(new dom.window.Event('click'));
    await settle();
    expect(text(rowsOf(root)[0]!.querySelector('th.name'))).toBe('Person 001');
    expect(root.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('ascending');
    // By name, A to Z: person 000 has no works, hence no citation counts: unknown, not 0.
    root.querySelector('button[data-column="name"]')!.dispatchEvent(new dom.window.Event('click'));
    await settle();
    const first = rowsOf(root)[0]!;
    expect(text(first.querySelector('th.name'))).toBe('Person 000');
    expect(text(first.querySelector('td[data-column="citations"]'))).toBe('unknown');
    expect(text(first.querySelector('td[data-column="papers"]'))).toBe('0');
    expect(text(first.querySelector('td[data-column="hAIndex"]'))).toBe('unknown');
    render(null, root as never);
  });
});
