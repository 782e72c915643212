// Google Research and scite adapters. No saved page of either site exists, so
// every document here is a SYNTHETIC snippet written to the structure the
// adapters assume (see the comments at the top of src/sites/google-research.ts
// and src/sites/scite.ts) — they test the reading logic, not the sites.
// Expected values are read off the snippets themselves.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/node/dom';
import { capturePage } from '../../src/sites/run';
import { adapterFor } from '../../src/sites/registry';
import { googleResearchAdapter } from '../../src/sites/google-research';
import { sciteAdapter } from '../../src/sites/scite';
import { splitAuthors } from '../../src/sites/link-cards';
import { validateCapture } from '../../src/core/validate';
import { FIXED_NOW, fixtureDoc, sitePages } from '../helpers/fixtures';

const run = (adapter: typeof sciteAdapter, html: string, url: string) => capturePage(adapter, parseHtml(html), new URL(url), { now: FIXED_NOW });

describe('splitAuthors', () => {
  it('splits on commas, "and", "&"; flags a cut list', () => {
    expect(splitAuthors('Ada Example, Ben Sample and Cy Test')).toEqual({ authors: ['Ada Example', 'Ben Sample', 'Cy Test'], truncated: false });
    expect(splitAuthors('Ada Example, Ben Sample, …')).toEqual({ authors: ['Ada Example', 'Ben Sample'], truncated: true });
    expect(splitAuthors('Ada Example et al.')).toEqual({ authors: ['Ada Example'], truncated: true });
  });
});

describe('Google Research', () => {
  // SYNTHETIC people page: name heading, role line, research-area links, publication cards
  // (title link + "View details" link to the same page, author line, "Venue (Year)" line).
  const PEOPLE = `<html><head><meta property="og:title" content="Ada Example – Google Research"></head><body>
    <header><nav><a href="/pubs/">Publications</a><a href="/people/">People</a></nav></header>
    <main>
      <section><h1>Ada Example</h1><p>Research Scientist, Google DeepMind</p>
        <ul><li><a href="/research-areas/machine-intelligence/">Machine Intelligence</a></li><li><a href="/research-areas/algorithms-and-theory/">Algorithms and Theory</a></li></ul>
      </section>
      <section><h2>Authored Publications</h2>
        <ul>
          <li><div class="card"><a href="/pubs/a-synthetic-study-of-sparse-models/">A Synthetic Study of Sparse Models</a>
            <p>Ada Example, Ben Sample, Cy Test</p><p>NeurIPS (2023)</p><a href="/pubs/a-synthetic-study-of-sparse-models/">View details</a></div></li>
          <li><div class="card"><h3>Scaling Synthetic Things</h3><a href="https://research.google/pubs/pub99999/">View details</a>
            <p>Ben Sample and Ada Example</p><p>arXiv (2021)</p></div></li>
        </ul>
      </section>
    </main></body></html>`;

  it('a people page: name, role, research areas and every listed publication', () => {
    const c = run(googleResearchAdapter, PEOPLE, 'https://research.google/people/ada-example/');
    expect(c.pageKind).toBe('author');
    expect(c.person).toEqual({ name: 'Ada Example', affiliation: 'Research Scientist, Google DeepMind', interests: ['Machine Intelligence', 'Algorithms and Theory'] });
    expect(c.works).toEqual([
      { title: 'A Synthetic Study of Sparse Models', authors: ['Ada Example', 'Ben Sample', 'Cy Test'], year: 2023, venue: 'NeurIPS', url: 'https://research.google/pubs/a-synthetic-study-of-sparse-models' },
      // Only a "View details" link: the card's heading is the title.
      { title: 'Scaling Synthetic Things', authors: ['Ben Sample', 'Ada Example'], year: 2021, venue: 'arXiv', url: 'https://research.google/pubs/pub99999' },
    ]);
  });

  // SYNTHETIC publication page without embedded metadata, then the same with citation_* tags.
  const PUB = `<html><head><title>A Synthetic Study of Sparse Models</title></head><body><main>
    <h1>A Synthetic Study of Sparse Models</h1>
    <p class="authors">Ada Example, Ben Sample, Cy Test</p>
    <p class="venue">NeurIPS (2023)</p>
    <h2>Abstract</h2><p>We study sparse models, synthetically.</p>
  </main></body></html>`;

  it('a publication page read from the page', () => {
    const c = run(googleResearchAdapter, PUB, 'https://research.google/pubs/a-synthetic-study-of-sparse-models/');
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]).toEqual({
      title: 'A Synthetic Study of Sparse Models',
      authors: ['Ada Example', 'Ben Sample', 'Cy Test'],
      year: 2023,
      venue: 'NeurIPS',
      abstract: 'We study sparse models, synthetically.',
      url: 'https://research.google/pubs/a-synthetic-study-of-sparse-models/',
    });
  });

  it('embedded citation tags win field by field', () => {
    const withMeta = PUB.replace('<head>', '<head><meta name="citation_title" content="A Synthetic Study of Sparse Models (Extended)"><meta name="citation_doi" content="10.5555/SYNTH.1"><meta name="citation_publication_date" content="2023/12/10">');
    const w = run(googleResearchAdapter, withMeta, 'https://research.google/pubs/a-synthetic-study-of-sparse-models/').works?.[0];
    expect(w).toMatchObject({ title: 'A Synthetic Study of Sparse Models (Extended)', ids: { doi: '10.5555/synth.1' }, year: 2023, authors: ['Ada Example', 'Ben Sample', 'Cy Test'] });
  });

  it('a page it cannot read says so and points to Read this page', () => {
    const c = run(googleResearchAdapter, '<html><body><div id="root"></div></body></html>', 'https://research.google/people/ada-example/');
    expect(c).toMatchObject({ pageKind: 'unrecognized', notes: ['Google Research: no name heading on this people page — try Read this page'] });
    const p = run(googleResearchAdapter, '<html><body><div id="root"></div></body></html>', 'https://research.google/pubs/pub99999/');
    expect(p.notes).toEqual(['Google Research: no title on this publication page — try Read this page']);
  });

  it('owns only people and publication pages of research.google', () => {
    expect(adapterFor('https://research.google/people/ada-example/')?.id).toBe('google-research');
    expect(adapterFor('https://research.google/pubs/pub46201/')?.id).toBe('google-research');
    expect(adapterFor('https://research.google/people/')).toBeUndefined();
    expect(adapterFor('https://research.google/blog/some-post/')).toBeUndefined();
    expect(adapterFor('https://research.google.com/people/ada-example/')).toBeUndefined();
  });
});

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

describe('robustness on foreign real pages', () => {
  // Every real saved HTML page of other sites, read as if it were a Google Research or scite page:
  // a layout these adapters were never meant for must give a valid capture, never an exception.
  const files = sitePages(/\.html?$/);
  it('never throws and always yields a valid capture', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const doc = fixtureDoc(f);
      for (const [adapter, url] of [
        [googleResearchAdapter, 'https://research.google/people/ada-example/'],
        [googleResearchAdapter, 'https://research.google/pubs/pub46201/'],
        [sciteAdapter, 'https://scite.ai/reports/10.1038/nature14539'],
        [sciteAdapter, 'https://scite.ai/authors/ada-example-XyZ9'],
      ] as const) {
        const c = capturePage(adapter, doc, new URL(url), { now: FIXED_NOW });
        expect(validateCapture(c).ok, `${f} as ${url}`).toBe(true);
        expect(c.notes?.join(' ') ?? '', `${f} as ${url}`).not.toMatch(/could not be read|not a valid capture/);
      }
    }
  });
});
