// The popup's parts loaded on demand (README, bench table: what it loads to
// open) still work from the click: Read this page's preview and the capture
// it stores, and the metrics report with every metric's definition.
// tests/unit/popup-opening-modules.test.ts checks they are not loaded to open.
// SYNTHETIC data throughout: a made-up preview and person, not any site's page.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import type { MergedPerson, MergedWork } from '../../src/core/merge/types';
import { METRIC_DEFINITIONS } from '../../src/core/metrics';
import { HEADLINE_DEFINITIONS } from '../../src/core/metrics/headline-definitions';
import type { ListPreview } from '../../src/shell/read-list';
import { exportFile } from '../../src/ui/components/ExportButtons';
import { personView, reportInput } from '../../src/ui/model/person-view';
import { ReadThisPage } from '../../src/ui/popup/ReadThisPage';

let app: Element;
beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  app = document.getElementById('app')!;
  Object.assign(globalThis, { window, document });
});
afterEach(() => {
  render(null, app);
});

const NOW = new Date('2026-12-04T10:00:00.000Z');
// SYNTHETIC: what the tab's reader might answer for a made-up lab page.
const PREVIEW: ListPreview = {
  url: 'https://lab.example.org/people/ada/publications',
  works: [
    { title: 'Counting sheep at scale', authors: ['Ada Example', 'Bo Other'], year: 2024, venue: 'Synthetic Conference' },
    { title: 'A second made-up paper', authors: ['Ada Example'], year: 2023 },
  ],
  fields: { title: 2, authors: 2, year: 2, venue: 1 },
  found: ['title', 'authors', 'year', 'venue'],
  confidence: 0.9,
  ownerGuess: 'Ada Example',
  notes: [],
};

const click = (el: Element | null | undefined) => (el as unknown as { click(): void }).click();
const buttons = () => [...app.querySelectorAll('button')];
const button = (text: string) => buttons().find((b) => b.textContent === text);

describe('Read this page, its preview loaded on the click', () => {
  it('opens with the button alone, shows the preview once read, and stores the confirmed author capture', async () => {
    const saved: Capture[] = [];
    let answer!: (p: ListPreview) => void;
    let savedCalls = 0;
    const data = {
      readList: () => new Promise<ListPreview>((r) => (answer = r)),
      saveList: async (c: Capture) => {
        saved.push(c);
      },
      now: () => NOW,
    };
    render(<ReadThisPage data={data} onSaved={() => savedCalls++} />, app);
    expect(buttons().map((b) => b.textContent)).toEqual(['Read this page']);
    expect(app.textContent).toContain('Looks for a list of publications on this page');

    click(button('Read this page'));
    await expect.poll(() => button('Reading this page…')?.hasAttribute('disabled')).toBe(true);
    answer(PREVIEW);
    await expect.poll(() => app.querySelector('#preview-title')?.textContent).toBe('Found 2 works on this page');
    expect(app.querySelector('.found')?.textContent).toBe('With titles (2), authors (2), years (2), venues (1). Confidence 90%.');
    const name = app.querySelector('.owner-field input') as unknown as { value: string };
    expect(name.value).toBe('Ada Example');
    // Not ticked yet: it would be saved as nobody's list.
    expect(app.textContent).toContain('Saved as a list of works that belongs to nobody in particular.');

    const tick = app.querySelector('.owner-check input') as unknown as { checked: boolean; dispatchEvent(e: Event): boolean };
    tick.checked = true;
    tick.dispatchEvent(new (globalThis.window as unknown as { Event: typeof Event }).Event('change'));
    await expect.poll(() => app.textContent).toContain("Saved as Ada Example's author page.");

    click(button('Save 2 works'));
    await expect.poll(() => savedCalls).toBe(1);
    expect(saved).toHaveLength(1);
    const c = saved[0]!;
    expect([c.source, c.pageKind, c.url, c.person?.name, c.works?.map((w) => w.title), c.capturedAt]).toEqual([
      'generic-list',
      'author',
      'https://lab.example.org/people/ada/publications',
      'Ada Example',
      ['Counting sheep at scale', 'A second made-up paper'],
      '2026-12-04T10:00:00.000Z',
    ]);
    // Back to the button once stored.
    await expect.poll(() => buttons().map((b) => b.textContent)).toEqual(['Read this page']);
  });

  it('a failed save comes back to the button with the reason; Cancel stores nothing', async () => {
    let tries = 0;
    const data = {
      readList: async () => PREVIEW,
      saveList: async () => {
        tries++;
        throw new Error('the tab was closed');
      },
      now: () => NOW,
    };
    render(<ReadThisPage data={data} onSaved={() => undefined} />, app);
    click(button('Read this page'));
    await expect.poll(() => button('Cancel') !== undefined).toBe(true);
    click(button('Cancel'));
    await expect.poll(() => buttons().map((b) => b.textContent)).toEqual(['Read this page']);
    expect(tries).toBe(0);

    click(button('Read this page'));
    await expect.poll(() => button('Save 2 works') !== undefined).toBe(true);
    click(button('Save 2 works'));
    await expect.poll(() => app.querySelector('[role="alert"]')?.textContent).toBe('The page could not be read: the tab was closed');
    expect(tries).toBe(1);
    expect(buttons().map((b) => b.textContent)).toEqual(['Read this page']);
  });

  it('a page with no list says so, with the reader\'s note', async () => {
    const data = { readList: async () => ({ ...PREVIEW, works: [], notes: ['no repeated items'] }), saveList: async () => undefined, now: () => NOW };
    render(<ReadThisPage data={data} onSaved={() => undefined} />, app);
    click(button('Read this page'));
    await expect.poll(() => app.querySelector('[role="status"]')?.textContent).toBe('No list of works found on this page: no repeated items');
  });
});

describe('the metrics report, its definitions loaded on the export', () => {
  // SYNTHETIC: one person with two works (10 and 3 citations).
  const work = (id: string, citations: number): MergedWork => ({
    id,
    title: id,
    year: 2020,
    citations,
    ids: {},
    versions: [],
    members: [{ captureKey: 'google-scholar:x', index: 0, source: 'google-scholar', capturedAt: '2026-12-01T00:00:00.000Z', pageKind: 'author' }],
    matchedBy: [],
    fields: { title: [], authors: [], year: [], venue: [], citations: [], abstract: [], url: [], type: [], ids: [] },
  });
  const person: MergedPerson = {
    id: 'gscholar:x',
    name: 'Ada Example',
    nameVariants: ['Ada Example'],
    ids: {},
    pages: [],
    stated: [],
    workIds: ['w:a', 'w:b'],
    linkedBy: [],
    suggestions: [],
    fields: { name: [], affiliation: [], homepage: [] },
  };

  it('holds every metric with its definition, the four of the headline the same as the popup shows', async () => {
    const view = personView({ works: [work('w:a', 10), work('w:b', 3)] }, person, 2026);
    const file = await exportFile('report-md', { works: [], personName: person.name, report: () => reportInput(view, '2026-12-04') }, NOW);
    expect(file.name).toMatch(/\.md$/);
    expect(file.text).toContain('Ada Example');
    for (const d of Object.values(METRIC_DEFINITIONS)) expect(file.text).toContain(d.definition);
    for (const [k, d] of Object.entries(HEADLINE_DEFINITIONS)) expect(METRIC_DEFINITIONS[k as keyof typeof HEADLINE_DEFINITIONS]).toBe(d);
    // h-index 2 and i10-index 1 of 10 and 3 citations, counted by hand.
    expect(file.text).toMatch(/\| h-index \| 2 \|/);
    expect(file.text).toMatch(/\| i10-index \| 1 \|/);
  });
});
