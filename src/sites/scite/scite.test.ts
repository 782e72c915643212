// scite adapter. No saved page of the site exists, so
// every document here is a SYNTHETIC snippet written to the structure the
// adapter assumes (see the comment at the top of ./index.ts) — they test the reading logic, not the sites.
// Expected values are read off the snippets themselves.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { capturePage } from '../../adapters/run';
import { adapterFor } from '../../adapters/registry';
import { sciteAdapter } from './index';
import { FIXED_NOW } from '../../../tests/helpers/fixtures';

const run = (adapter: typeof sciteAdapter, html: string, url: string) => capturePage(adapter, parseHtml(html), new URL(url), { now: FIXED_NOW });

describe('scite', () => {
  // SYNTHETIC report page: title, author line, journal line, doi.org link, citing-publications count.
  const REPORT = `<html><body><main>
    <h1>Deep Synthetic Learning</h1>
    <div class="report-authors">Ada Example, Ben Sample</div>
    <div class="report-journal">Journal of Synthetic Results, 2015</div>
    <a href="https://doi.org/10.5555/SYNTH.2015.7">https://doi.org/10.5555/SYNTH.2015.7</a>
    <section><span>Supporting</span><span>120</span><span>Mentioning</span><span>3,400</span><span>Contrasting</span><span>9</span></section>
    <p>1,234 Citing Publications</p>
  </main></body></html>`;

  it('a report page: title, authors, journal, year, DOI, citing publications', () => {
    const c = run(sciteAdapter, REPORT, 'https://scite.ai/reports/deep-synthetic-learning-AbC123');
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]).toEqual({
      title: 'Deep Synthetic Learning',
      authors: ['Ada Example', 'Ben Sample'],
      year: 2015,
      venue: 'Journal of Synthetic Results',
      citations: 1234,
      ids: { doi: '10.5555/synth.2015.7' },
      url: 'https://scite.ai/reports/deep-synthetic-learning-AbC123',
    });
  });

  it('the count as label then number; figures beside it are not glued onto it', () => {
    // The "9" of Contrasting sits right before the count in the page text (this once read as 91234).
    const swapped = REPORT.replace('<p>1,234 Citing Publications</p>', '<div><span>Citing Publications</span><span>1,234</span></div>');
    expect(run(sciteAdapter, swapped, 'https://scite.ai/reports/deep-synthetic-learning-AbC123').works?.[0]?.citations).toBe(1234);
  });

  it('the DOI form of a report address gives the DOI and the page key', () => {
    const c = run(sciteAdapter, REPORT.replace(/<a href[^]*?<\/a>/, ''), 'https://scite.ai/reports/10.5555/SYNTH.2015.7');
    expect(c.works?.[0]?.ids).toEqual({ doi: '10.5555/synth.2015.7' });
    expect(sciteAdapter.pageKey?.(new URL('https://scite.ai/reports/10.5555/SYNTH.2015.7'))).toBe('paper:10.5555/synth.2015.7');
  });

  // SYNTHETIC author page: name heading and paper cards linking to reports.
  const AUTHOR = `<html><body><main><h1>Ada Example</h1><ul>
    <li><a href="/reports/deep-synthetic-learning-AbC123">Deep Synthetic Learning</a><p>Ada Example, Ben Sample</p><p>Journal of Synthetic Results (2015)</p></li>
    <li><a href="/reports/10.5555/SYNTH.2019.1">Another Synthetic Paper</a><p>Ada Example</p><p>Synthetic Letters (2019)</p></li>
  </ul></main></body></html>`;

  it('an author page: the person and each linked report', () => {
    const c = run(sciteAdapter, AUTHOR, 'https://scite.ai/authors/ada-example-XyZ9');
    expect(c.pageKind).toBe('author');
    expect(c.person).toEqual({ name: 'Ada Example' });
    expect(c.works).toEqual([
      { title: 'Deep Synthetic Learning', authors: ['Ada Example', 'Ben Sample'], year: 2015, venue: 'Journal of Synthetic Results', url: 'https://scite.ai/reports/deep-synthetic-learning-AbC123' },
      // A single name has no separator: not taken as an author line. The DOI comes from the report address.
      { title: 'Another Synthetic Paper', year: 2019, venue: 'Synthetic Letters', url: 'https://scite.ai/reports/10.5555/SYNTH.2019.1', ids: { doi: '10.5555/synth.2019.1' } },
    ]);
  });

  it('unreadable pages: unrecognized with "try Read this page"', () => {
    for (const url of ['https://scite.ai/reports/x-1', 'https://scite.ai/authors/x-1']) {
      const c = run(sciteAdapter, '<html><body><div id="__next"></div></body></html>', url);
      expect(c.pageKind).toBe('unrecognized');
      expect(c.notes?.[0]).toMatch(/ — try Read this page$/);
    }
  });

  it('owns only report and author pages of scite.ai', () => {
    expect(adapterFor('https://scite.ai/reports/10.1038/nature14539')?.id).toBe('scite');
    expect(adapterFor('https://scite.ai/authors/ada-example-XyZ9')?.id).toBe('scite');
    expect(adapterFor('https://scite.ai/search?q=deep')).toBeUndefined();
    expect(adapterFor('https://scite.ai/')).toBeUndefined();
  });
});
