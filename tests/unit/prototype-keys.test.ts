// Keys that come from outside — a work's type in an API answer or an imported
// file, a capture's source, a key of parsed JSON — never reach
// Object.prototype (issue 14, structural item). Each case was reproduced
// first: a work typed "constructor" made the whole capture invalid.
// SYNTHETIC inputs, each the smallest that shows it.
import { describe, expect, it } from 'vitest';
import { captureData } from '../../src/adapters/run';
import { mergeAll } from '../../src/core/merge';
import { compact } from '../../src/core/text';
import { mergedToCsl } from '../../src/formats/csl';
import { readBibliography } from '../../src/formats/import';
import { openAlexAdapter } from '../../src/sites/openalex';
import { semanticScholarAdapter } from '../../src/sites/semantic-scholar';

const NOW = { now: new Date('2026-11-22T10:00:00Z') };

describe('a work type named after an Object.prototype member', () => {
  it('in an imported CSL-JSON file: the entry is imported without a type, the file is not refused', () => {
    const text = JSON.stringify([
      { id: 'a', type: 'constructor', title: 'A title' },
      { id: 'b', type: 'toString', title: 'B title' },
      { id: 'c', type: 'article-journal', title: 'C title' },
    ]);
    const { capture } = readBibliography(text, 'mine.json', NOW);
    expect(capture.works?.map((w) => [w.title, w.type])).toEqual([
      ['A title', undefined],
      ['B title', undefined],
      ['C title', 'article'],
    ]);
  });

  it('in an OpenAlex work record: the page is still read, the type is "other"', () => {
    const work = { id: 'https://openalex.org/W2741809807', display_name: 'A title', type: 'constructor', publication_year: 2020 };
    const c = captureData(openAlexAdapter, JSON.stringify(work), new URL('https://api.openalex.org/works/W2741809807'), 'json', NOW);
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]).toMatchObject({ title: 'A title', type: 'other' });
  });

  it('in a Semantic Scholar paper: the page is still read', () => {
    const id = 'a56bf7ee9a56d8f84079684339a953c2df9ce76b';
    const paper = { paperId: id, title: 'A title', year: 2020, publicationTypes: ['constructor', 'hasOwnProperty'] };
    const c = captureData(semanticScholarAdapter, JSON.stringify(paper), new URL(`https://api.semanticscholar.org/graph/v1/paper/${id}`), 'json', NOW);
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]).toMatchObject({ title: 'A title', type: 'other' });
  });
});

describe('values of the wrong type in an imported file', () => {
  // Found by tests/unit/fuzz-boundaries.test.ts: a name part that is an object threw a TypeError out of the import.
  it('a CSL-JSON name whose family is an object: the name part is left out, the file is read', () => {
    const text = JSON.stringify([{ id: 'a', type: 'article-journal', title: 'A title', author: [{ family: { toString: 1.5 }, given: 'Jane' }, { family: 'Doe', given: 'John' }] }]);
    const { capture } = readBibliography(text, 'mine.json', NOW);
    expect(capture.works?.[0]?.authors).toEqual(['Jane', 'John Doe']);
  });
  it('a date part that is an object: left out, the file is read', () => {
    const text = '[{"id": "a", "title": "A title", "issued": {"date-parts": [[2020, {"toString": "x"}]]}}]';
    expect(readBibliography(text, 'mine.json', NOW).capture.works?.[0]).toMatchObject({ title: 'A title', year: 2020 });
  });
});

describe('sources and keys from data', () => {
  it('citations by source count a source named "constructor" like any other', () => {
    const r = mergeAll(
      [
        { key: 'constructor:1', capture: { format: 'scholar-lens.capture', version: 1, source: 'constructor', pageKind: 'paper', url: 'https://example.org/1', capturedAt: '2026-11-22T10:00:00.000Z', works: [{ title: 'A shared title of some length', citations: 7 }] } },
      ],
      [],
    );
    const item = mergedToCsl(r.works[0]!);
    expect(JSON.stringify(item)).toContain('"constructor":7');
  });

  it('compact keeps a "__proto__" key of parsed JSON as a key', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const out = compact(parsed) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
