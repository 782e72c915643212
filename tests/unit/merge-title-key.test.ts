// titleKey's one-scan path for ASCII titles (src/core/merge/normalize.ts
// asciiTitleKey) must give the key the regular-expression passes give. The
// passes are kept here as the reference and both are run on real titles —
// every work of the real library, AnyStyle's hand-labelled titles and whole
// citation strings (../shared/fixtures/reference_strings) — and on seeded
// random ASCII text dense in the characters the passes treat specially.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { titleKey } from '../../src/core/merge/normalize';
import { foldName } from '../../src/core/names';
import { readDataset } from '../../src/readers/citation-parser/dataset';
import { FIXTURES } from '../helpers/fixtures';
import { realLibrary } from '../helpers/real-library';
import { rng } from '../helpers/prng';

/** The passes titleKey ran on every ASCII title before the scan (LaTeX steps left out: the scan does not take such titles). */
function reference(title: string): string {
  let t = title.replace(/[${}^_~]/g, ' ');
  t = foldName(t);
  t = t.replace(/['’‘`´]/g, '');
  return t.replace(/[^A-Za-z0-9]+/g, ' ').trim();
}

const takesScan = (s: string) => /^[\x00-\x7F]*$/.test(s) && !s.includes('\\') && !s.includes('{');

function realTitles(): string[] {
  const out: string[] = [];
  for (const { capture } of realLibrary()) for (const w of capture.works ?? []) if (w.title) out.push(w.title);
  const dir = join(FIXTURES, 'reference_strings');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
    for (const seq of readDataset(readFileSync(join(dir, f), 'utf8'))) {
      out.push(seq.text);
      for (const p of seq.parts) if (p.tag === 'title') out.push(p.text);
    }
  }
  return out.filter(takesScan);
}

describe('titleKey of ASCII titles (one scan)', () => {
  test('the same key as the regular-expression passes on real titles and citation strings', () => {
    const titles = realTitles();
    // The real library's titles and AnyStyle's strings with their titles: 12 438 of them are ASCII without LaTeX.
    expect(titles.length).toBeGreaterThan(10_000);
    const differ = titles.filter((t) => titleKey(t) !== reference(t));
    expect(differ).toEqual([]);
  });

  test('the same key on random ASCII dense in apostrophes, backticks, marks and spaces', () => {
    const { next: rand } = rng(20261206);
    const alphabet = "aZ9 '`-_.,:;$^~()[]\t\n!\"#%&*+/<=>?@|";
    for (let n = 0; n < 20_000; n++) {
      const len = 1 + Math.floor(rand() * 24);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(titleKey(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  test('examples', () => {
    expect(titleKey("It's  a Multi-hop (QA) model")).toBe('its a multi hop qa model');
    expect(titleKey("  -'-  ")).toBe('');
    expect(titleKey('O(n log n) sorting_in C++')).toBe('o n log n sorting in c');
  });
});
