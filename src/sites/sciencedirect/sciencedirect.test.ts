// ScienceDirect on its real saved page: the capture is valid and carries what the page states.
// Expected values read by hand from the page source (grep), as each comment says.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { sciencedirectAdapter } from './index';
import { adapterFor } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';

describe('ScienceDirect', () => {
  const url = new URL('https://www.sciencedirect.com/science/article/pii/S2210271X18305656');
  const doc = fixtureDoc('sciencedirect/article_S2210271X18305656.html');
  const c = capturePage(sciencedirectAdapter, doc, url, { now: FIXED_NOW });
  const w = c.works?.[0];

  it('owns the address and captures a valid paper', () => {
    expect(adapterFor(url)?.id).toBe(sciencedirectAdapter.id);
    expect(sciencedirectAdapter.detect(doc, url)).toBe('paper');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
    expect(c.works).toHaveLength(1);
  });

  it('adds the author and abstract the meta tags lack', () => {
    // citation_title / citation_doi; the author group's <span class="given-name">Kati</span> <span class="text surname">Finzel</span>
    // (expected.json: Finzel, Kati).
    expect(w?.title).toBe('Chemical bonding without orbitals');
    expect(w?.ids?.doi).toBe('10.1016/j.comptc.2018.10.004');
    expect(w?.authors).toEqual(['Kati Finzel']);
    // div.abstract.author holds two <p>: "…bifunctional formalism." and "The viewpoint proposed…". The expected.json
    // runs them together ("formalism.The viewpoint"); the page has two paragraphs, so they are joined with a space.
    expect(w?.abstract?.startsWith('This work presents an implementation of the original orbital-free Hohenberg-Kohn')).toBe(true);
    expect(w?.abstract).toContain('bifunctional formalism. The viewpoint proposed in this study');
    expect(w?.abstract?.endsWith('providing a concept of the chemical bond without involving orbitals.')).toBe(true);
  });

  it('the abstract and full-text addresses are one page', () => {
    const abs = new URL('https://www.sciencedirect.com/science/article/abs/pii/S2210271X18305656');
    expect(sciencedirectAdapter.pageKey?.(abs)).toBe(sciencedirectAdapter.pageKey?.(url));
  });
});
