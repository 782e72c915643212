// The citation-string rule of work matching (docs/merging.md), on SYNTHETIC
// records written here to isolate it. The real case it was made for, the
// Scholar rows of one blog post with years 2018, 2019 and 2021, is measured in
// merge-accuracy.test.ts.
import { describe, expect, it } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import type { StoredCaptureLike } from '../../src/core/merge';
import type { Work } from '../../src/core/capture';

const T = 'Mitigating the negative impacts of computing through peer review';
const AUTHORS = ['B Hecht', 'L Wilcox', 'JP Bigham'];
function page(works: Work[]): StoredCaptureLike[] {
  return [{
    key: 'google-scholar:p',
    capture: { format: 'scholar-lens.capture', version: 1, source: 'google-scholar', pageKind: 'author', url: 'https://scholar.google.com/citations?user=x', capturedAt: '2026-11-22T10:00:00.000Z', person: { name: 'L Wilcox' }, works },
  }];
}
const count = (works: Work[]) => mergeAll(page(works), []).works.length;

describe('a citation string parsed as a title', () => {
  it('joins the plain title despite a year gap when all authors agree', () => {
    expect(count([{ title: T, authors: AUTHORS, year: 2021 }, { title: `Danish Contractor, and Cathy Wu. 2018. ${T}`, authors: AUTHORS, year: 2018 }])).toBe(1);
    expect(count([{ title: T, authors: AUTHORS, year: 2021 }, { title: `${T}. ACM Future of Computing Blog (2018)`, authors: AUTHORS, year: 2018 }])).toBe(1);
  });
  it('is found even when its first words are citation text (blocking on segment starts)', () => {
    const r = mergeAll(page([
      { title: `Zed Quux, and Xyzzy Plugh. 2018. ${T}`, authors: AUTHORS, year: 2018 },
      { title: T, authors: AUTHORS, year: 2021 },
    ]), []);
    expect(r.works).toHaveLength(1);
  });
  it('shows the plain title, not the citation string around it', () => {
    const [w] = mergeAll(page([
      { title: `Danish Contractor, and Cathy Wu. 2018. ${T}`, authors: AUTHORS, year: 2018 },
      { title: T, authors: AUTHORS, year: 2021 },
    ]), []).works;
    expect(w?.title).toBe(T);
    expect(w?.fields.title).toHaveLength(2);
  });
  it('the same plain title and authors in different years stay two works (conference and journal versions)', () => {
    expect(count([{ title: T, authors: AUTHORS, year: 2015 }, { title: T, authors: AUTHORS, year: 2018 }])).toBe(2);
  });
  it('needs every author of the shorter list, and at least two', () => {
    expect(count([{ title: T, authors: AUTHORS, year: 2021 }, { title: `${T}. Blog (2018)`, authors: ['B Hecht', 'L Wilcox', 'Q Other'], year: 2018 }])).toBe(2);
    expect(count([{ title: T, authors: ['B Hecht'], year: 2021 }, { title: `${T}. Blog (2018)`, authors: ['B Hecht'], year: 2018 }])).toBe(2);
  });
  it('never overrides two different publisher DOIs', () => {
    expect(count([
      { title: T, authors: AUTHORS, year: 2021, ids: { doi: '10.1145/1' } },
      { title: `${T}. Blog (2018)`, authors: AUTHORS, year: 2018, ids: { doi: '10.1145/2' } },
    ])).toBe(2);
  });
  it('a word glued to the title is not a citation string', () => {
    expect(count([{ title: T, authors: AUTHORS, year: 2021 }, { title: `Enhanced ${T}`, authors: AUTHORS, year: 2018 }])).toBe(2);
  });
});
