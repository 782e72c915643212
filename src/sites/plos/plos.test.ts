// PLOS on its real saved page: the capture is valid and carries what the page states.
// Expected values read by hand from the page source (grep), as each comment says.
import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../core/validate';
import { plosAdapter } from './index';
import { adapterFor } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';

describe('PLOS', () => {
  const url = new URL('https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1003604');
  const doc = fixtureDoc('plos/article_ploscompbiol_2014.html');
  const c = capturePage(plosAdapter, doc, url, { now: FIXED_NOW });
  const w = c.works?.[0];

  it('owns the address and captures a valid paper', () => {
    expect(adapterFor(url)?.id).toBe(plosAdapter.id);
    expect(plosAdapter.detect(doc, url)).toBe('paper');
    expect(validateCapture(c)).toMatchObject({ ok: true });
    expect(c.pageKind).toBe('paper');
    expect(c.works).toHaveLength(1);
  });

  it('reads the record and the Abstract section (not the Author Summary)', () => {
    // citation_title / citation_doi / citation_journal_title; citation_date 2014/6/26.
    expect(w?.title).toBe('Mechanistic, Mathematical Model to Predict the Dynamics of Tissue Genesis in Bone Defects via Mechanical Feedback and Mediation of Biochemical Factors');
    expect(w?.ids?.doi).toBe('10.1371/journal.pcbi.1003604');
    expect(w?.venue).toBe('PLOS Computational Biology');
    expect(w?.year).toBe(2014);
    // The first div.abstract (<h2>Abstract</h2>) starts "The link between mechanics and biology in the generation";
    // the second (title="Author Summary") starts "Arising as a consequence of trauma".
    expect(w?.abstract?.startsWith('The link between mechanics and biology in the generation and the adaptation of bone')).toBe(true);
    expect(w?.abstract).not.toContain('Arising as a consequence of trauma');
  });
});
