// Double (compound) family names in people linking (docs/merging.md, "People").
// Name forms marked "real" are copied from fixture pages (a Lattes CV's
// co-author list, a Spanish lab page); the rest are labelled synthetic.
import { describe, expect, it } from 'vitest';
import { mergeAll, namesCompatible } from '../../src/core/merge';
import type { Capture, Person, Work } from '../../src/core/capture';
import type { StoredCaptureLike } from '../../src/core/merge';

describe('compound family names', () => {
  it('a double family name printed with its first family name only is compatible (synthetic names)', () => {
    for (const long of ['Lucía Fernández Gómez', 'Fernández Gómez, Lucía', 'Lucía Fernández-Gómez', 'Fernández-Gómez, Lucía', 'Gómez, Lucía Fernández'])
      for (const short of ['Lucía Fernández', 'Fernández, Lucía']) expect(namesCompatible(long, short), `${long} ~ ${short}`).toBe(true);
    expect(namesCompatible('Lucía M. Fernández Gómez', 'Lucía M. Fernández')).toBe(true);
    // Only initials agreeing, crosswise: no given name written out on both sides.
    expect(namesCompatible('Lucía M. Fernández Gómez', 'L. María Fernández')).toBe(false);
    // Portuguese order, printed with the last family name: the plain rule already.
    expect(namesCompatible('Lucía Fernández Gómez', 'Lucía Gómez')).toBe(true);
    // With a particle (synthetic): "Maria da Silva Santos" printed "Maria da Silva" or "Maria Silva".
    expect(namesCompatible('Maria da Silva Santos', 'Maria da Silva')).toBe(true);
    expect(namesCompatible('Maria da Silva Santos', 'Maria Silva')).toBe(true);
  });

  it('keeps apart what only looks like it (synthetic names)', () => {
    // An initial is no family name, and a given name must be written out on both sides.
    expect(namesCompatible('Lucía F. Gómez', 'Lucía Fernández')).toBe(false);
    expect(namesCompatible('L. Fernández Gómez', 'L. Fernández')).toBe(false);
    expect(namesCompatible('Lucía Fernández Gómez', 'L. Fernández')).toBe(false);
    // Other given name, other second family name, or the second family name first.
    expect(namesCompatible('Lucía Fernández Gómez', 'María Fernández')).toBe(false);
    expect(namesCompatible('Lucía Fernández Gómez', 'Lucía Fernández García')).toBe(false);
    expect(namesCompatible('Lucía Fernández Gómez', 'Lucía Gómez Fernández')).toBe(false);
    // The family name must be a word of its own at the same place, not anywhere.
    expect(namesCompatible('Lucía Fernández Gómez', 'Fernández, Gómez')).toBe(false);
  });

  it('real name forms of one person agree, particles printed or not', () => {
    // Real: a Lattes CV prints one co-author as "DE OLIVEIRA, JHONES LUÍS", "OLIVEIRA, JHONES LUIS" and "OLIVEIRA, J. L.".
    expect(namesCompatible('DE OLIVEIRA, JHONES LUÍS', 'OLIVEIRA, JHONES LUIS')).toBe(true);
    expect(namesCompatible('DE OLIVEIRA, JHONES LUÍS', 'OLIVEIRA, J. L.')).toBe(true);
    // Real: "LIMA, Renata de" on the same CV, as papers print "Renata de Lima".
    expect(namesCompatible('LIMA, Renata de', 'Renata de Lima')).toBe(true);
    // Real (a Spanish lab page): hyphenated double names "Sixto-García, J.", "Soengas-Pérez, X.".
    expect(namesCompatible('Sixto-García, J.', 'Soengas-Pérez, X.')).toBe(false);
  });

  let n = 0;
  const page = (source: string, name: string, works: Work[]): StoredCaptureLike => {
    const person: Person = { name };
    const capture: Capture = { format: 'scholar-lens.capture', version: 1, source, pageKind: 'author', url: `https://example.org/${source}/${n}`, capturedAt: '2026-11-22T10:00:00.000Z', works, person };
    return { key: `${source}:${n++}`, capture };
  };
  const works = (k: number, topic: string): Work[] => Array.from({ length: k }, (_, i) => ({ title: `A ${topic} study number ${i} of rendering point clouds`, year: 2021 }));

  it('links the pages of one person under both forms, never two people through the short form (synthetic pages)', () => {
    const full = page('bib', 'Lucía Fernández Gómez', works(4, 'lidar'));
    const printed = page('agg', 'Lucía Fernández', works(3, 'lidar'));
    expect(mergeAll([full, printed], []).people).toHaveLength(1);
    // A second Lucía Fernández with another second family name sharing works with the short form only:
    // the short page joins one of them, never both.
    const other = page('lab', 'Lucía Fernández García', works(3, 'lidar'));
    const r = mergeAll([full, printed, other], []);
    for (const p of r.people) expect(p.nameVariants.includes('Lucía Fernández Gómez') && p.nameVariants.includes('Lucía Fernández García'), p.nameVariants.join(' / ')).toBe(false);
    expect(r.people).toHaveLength(2);
  });
});
