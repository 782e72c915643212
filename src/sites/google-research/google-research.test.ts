// Google Research and scite adapters. No saved page of either site exists, so
// every document here is a SYNTHETIC snippet written to the structure the
// adapters assume (see the comments at the top of ./index.ts
// and ../scite/index.ts) — they test the reading logic, not the sites.
// Expected values are read off the snippets themselves.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../node/dom';
import { capturePage } from '../../adapters/run';
import { adapterFor } from '../../adapters/registry';
import { googleResearchAdapter } from './index';
import { sciteAdapter } from '../scite';
import { splitAuthors } from '../../adapters/kit/link-cards';
import { validateCapture } from '../../core/validate';
import { FIXED_NOW, fixtureDoc, sitePages } from '../../../tests/helpers/fixtures';

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
