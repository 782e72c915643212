// SpringerLink on its real saved page: the capture is valid and carries what the page states.
// Expected values read by hand from the page source (grep), as each comment says.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { springerAdapter } from './index';
import { adapterFor } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';

describe('SpringerLink', () => {
  const url = new URL('https://link.springer.com/article/10.1007/s10924-010-0192-1');
  const doc = fixtureDoc('springer/article_s10924-010-0192-1.html');
  const c = capturePage(springerAdapter, doc, url, { now: FIXED_NOW });
  const w = c.works?.[0];

  it('owns the address and captures a valid paper', () => {
    expect(adapterFor(url)?.id).toBe(springerAdapter.id);
    expect(springerAdapter.detect(doc, url)).toBe('paper');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
    expect(c.works).toHaveLength(1);
  });

  it('reads the citation_* record', () => {
    // citation_title, citation_doi, citation_journal_title, citation_author ×4 ("Sain, Mohini" last).
    expect(w?.title).toBe('In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications');
    expect(w?.ids?.doi).toBe('10.1007/s10924-010-0192-1');
    expect(w?.venue).toBe('Journal of Polymers and the Environment');
    expect(w?.authors?.at(-1)).toBe('Mohini Sain');
    expect(w?.type).toBe('article');
  });

  it('a page without article metadata is unrecognized, not an empty paper', () => {
    // The arXiv search page has no citation_* tags (grep).
    const other = capturePage(springerAdapter, fixtureDoc('arxiv/search_results_200.html'), url, { now: FIXED_NOW });
    expect(other.pageKind).toBe('unrecognized');
    expect(other.works).toBeUndefined();
  });
});
