// Nature on its real saved page: the capture is valid and carries what the page states.
// Expected values read by hand from the page source (grep), as each comment says.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { natureAdapter } from './index';
import { adapterFor } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';

describe('Nature', () => {
  const url = new URL('https://www.nature.com/nature/journal/vaop/ncurrent/full/nature13322.html');
  const doc = fixtureDoc('nature/article_nature-1_2014.html');
  const c = capturePage(natureAdapter, doc, url, { now: FIXED_NOW });
  const w = c.works?.[0];

  it('owns the address and captures a valid paper', () => {
    expect(adapterFor(url)?.id).toBe(natureAdapter.id);
    expect(natureAdapter.detect(doc, url)).toBe('paper');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
    expect(c.works).toHaveLength(1);
  });

  it('reads the record; both address forms are owned', () => {
    // citation_title; citation_doi "doi:10.1038/nature13322"; citation_journal_title Nature; 11 citation_author.
    expect(w?.title).toBe('Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis');
    expect(w?.ids?.doi).toBe('10.1038/nature13322');
    expect(w?.venue).toBe('Nature');
    expect(w?.authors).toHaveLength(11);
    expect(adapterFor('https://www.nature.com/articles/nature13322')?.id).toBe('nature');
  });
});
