// Property tests (fast-check, fixed seed): every exporter round-trips through
// its importer or a real parser, for works generated with the characters that
// break formats (LaTeX specials, quotes, commas, line breaks, formula-like
// starts, accents, Arabic, Cyrillic, CJK). The records are SYNTHETIC by
// design; formats-consumers.test.ts does the same on real records.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Capture, Work } from '../../src/core/capture';
import { exportAs, itemsFromCaptures } from '../../src/formats';
import { importBibliography } from '../../src/formats/import';
import { cleanText } from '../../src/core/text';

const opts = { seed: 20261122, numRuns: 120 };

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const word = fc.string({ unit: fc.constantFrom(...letters, 'é', 'ß', 'ø', 'ł', 'ü', 'Ж', 'д', 'ع', 'ل', '中', '文', 'Å'), minLength: 1, maxLength: 9 });
const punct = fc.constantFrom(' ', ', ', ': ', '; ', ' & ', ' % ', ' $ ', ' # ', '_', ' "', '" ', "'", ' (', ') ', '-', ' – ', '\n', ' {', '} ', ' \\ ', '~', '^', '@');
const title = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@'), fc.array(fc.tuple(word, punct), { minLength: 1, maxLength: 6 }), word)
  .map(([lead, parts, last]) => `${lead}${parts.map(([w, p]) => w + p).join('')}${last}`)
  .filter((t) => cleanText(t) !== undefined);
const person = fc.tuple(fc.constantFrom('Ana', 'Jürgen', 'Łukasz', 'Søren', 'Zoë', 'Ji-woo', 'Ahmed'), fc.constantFrom('Silva', 'Müller', 'Nowak', 'Ørsted', "O'Neil", 'van Dijk', 'Khan'));
const work: fc.Arbitrary<Work> = fc.record(
  {
    title,
    authors: fc.array(person.map(([g, f]) => `${g} ${f}`), { minLength: 1, maxLength: 4 }),
    year: fc.integer({ min: 1950, max: 2030 }),
    doi: fc.tuple(fc.integer({ min: 1000, max: 99999 }), fc.string({ unit: fc.constantFrom(...'abcdefghij0123456789.-_/'), minLength: 1, maxLength: 12 })),
  },
  { requiredKeys: ['title', 'authors', 'year'] },
).map(({ title, authors, year, doi }) => ({
  title,
  authors,
  year,
  type: 'article' as const,
  ...(doi && /[a-z0-9]$/.test(doi[1]) ? { ids: { doi: `10.${doi[0]}/${doi[1]}` } } : {}),
}));

function capture(works: Work[]): Capture {
  return { format: 'scholar-lens.capture', version: 1, source: 'google-scholar', pageKind: 'list', url: 'https://scholar.google.com/scholar?q=x', capturedAt: '2026-11-22T10:00:00.000Z', works };
}

// Titles compare as text: whitespace (line breaks) collapsed.
const norm = (s: unknown) => cleanText(String(s ?? ''));
const family = (a: string) => a.split(' ').slice(1).join(' ');

describe('exports round-trip (property-based)', () => {
  it('BibTeX through citation-js and through our own importer', () => {
    fc.assert(
      fc.property(fc.array(work, { minLength: 1, maxLength: 5 }), (works) => {
        const bib = exportAs('bibtex', { items: itemsFromCaptures([capture(works)]) });
        const parsed = plugins.input.chain(bib, { generateGraph: false }) as Array<Record<string, unknown>>;
        expect(parsed).toHaveLength(works.length);
        parsed.forEach((p, i) => {
          const w = works[i]!;
          expect(norm(p.title)).toBe(norm(w.title));
          expect((p.issued as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(w.year);
          // "van Dijk" comes back as family "Dijk" with the particle "van", as CSL models it.
          const families = (p.author as { family?: string; 'non-dropping-particle'?: string }[]).map((a) => [a['non-dropping-particle'], a.family].filter(Boolean).join(' '));
          expect(families).toEqual(w.authors!.map(family));
          expect(p.DOI ? String(p.DOI).toLowerCase() : undefined).toBe(w.ids?.doi);
        });
        const back = importBibliography(bib, 'mine.bib').works!;
        expect(back.map((w) => norm(w.title))).toEqual(works.map((w) => norm(w.title)));
        expect(back.map((w) => w.ids?.doi)).toEqual(works.map((w) => w.ids?.doi));
      }),
      opts,
    );
  });

  it('RIS through citation-js', () => {
    fc.assert(
      fc.property(fc.array(work, { minLength: 1, maxLength: 5 }), (works) => {
        const parsed = plugins.input.chain(exportAs('ris', { items: itemsFromCaptures([capture(works)]) }), { generateGraph: false }) as Array<Record<string, unknown>>;
        expect(parsed).toHaveLength(works.length);
        parsed.forEach((p, i) => {
          expect(norm(p.title)).toBe(norm(works[i]!.title));
          expect((p.issued as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(works[i]!.year);
        });
      }),
      opts,
    );
  });

  it('CSL-JSON through our own importer', () => {
    fc.assert(
      fc.property(fc.array(work, { minLength: 1, maxLength: 5 }), (works) => {
        const back = importBibliography(exportAs('csl', { items: itemsFromCaptures([capture(works)]) }), 'mine-csl.json').works!;
        expect(back.map((w) => norm(w.title))).toEqual(works.map((w) => norm(w.title)));
        expect(back.map((w) => w.year)).toEqual(works.map((w) => w.year));
        expect(back.map((w) => w.authors)).toEqual(works.map((w) => w.authors));
        expect(back.map((w) => w.ids?.doi)).toEqual(works.map((w) => w.ids?.doi));
      }),
      opts,
    );
  });

  it('CSV through papaparse: the same titles, a formula-like start kept behind an apostrophe', () => {
    fc.assert(
      fc.property(fc.array(work, { minLength: 1, maxLength: 5 }), (works) => {
        const csv = exportAs('csv', { items: itemsFromCaptures([capture(works)]) }).replace(/^\uFEFF/, '');
        const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
        expect(rows.errors).toEqual([]);
        expect(rows.data.map((r) => r.title)).toEqual(works.map((w) => (/^[=+\-@\t\r]/.test(w.title!) ? `'${w.title}` : w.title)));
      }),
      opts,
    );
  });
});
