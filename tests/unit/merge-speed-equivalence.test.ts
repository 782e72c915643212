// The text functions the merge's speed work rewrote with scans of character
// codes (issue 16, part 2) give what the regular expressions they replace
// gave: the old code is kept here as the reference, and both run on every
// title and abstract of the small real library and on SYNTHETIC strings
// (random mixes of letters, digits, `-`, `.`, `%`, spaces, accents and CJK
// written for this test). The whole merge is compared byte for byte by
// bench/merge-identity.ts.
import { describe, expect, it } from 'vitest';
import { contentTerms, strongFeatures } from '../../src/core/merge/similarity';
import { ASCII, foldName } from '../../src/core/names';
import { INVISIBLE } from '../../src/core/text';
import { realLibrary } from '../helpers/real-library';
import { rng } from '../helpers/prng';

// --- the reference: the regular-expression code as it was before the rewrite ---
function oldIsStrong(tok: string): boolean {
  if (/\d/.test(tok)) {
    if (/^\d+$/.test(tok)) return tok.length >= 3;
    return /[.%]/.test(tok) || /[A-Za-z]/.test(tok);
  }
  if (tok.length < 2) return false;
  return /[A-Z]/.test(tok.slice(1));
}
function oldStrongFeatures(text: string): Set<string> {
  const out = new Set<string>();
  const t = ASCII.test(text) ? text : text.normalize('NFKC').replace(INVISIBLE, '');
  for (const m of t.matchAll(/[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*%?/g)) {
    const tok = m[0].replace(/[-.]+$/, '');
    if (oldIsStrong(tok)) out.add(tok.toLowerCase());
  }
  return out;
}
const OLD_SUFFIXES = ['ations', 'ements', 'ation', 'ement', 'ities', 'ings', 'ness', 'ally', 'edly', 'ing', 'ity', 'ed', 'ly'];
function oldStem(w: string): string {
  let s = w;
  if (s.length > 4) {
    if (s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
    if (s.endsWith('sses')) s = `${s.slice(0, -4)}ss`;
    if (s.length >= 2 && s.endsWith('s') && s[s.length - 2] !== 's') s = s.slice(0, -1);
  }
  if (s.length > 6) {
    const suffix = OLD_SUFFIXES.find((x) => s.endsWith(x));
    if (suffix) s = s.slice(0, -suffix.length);
  }
  return s.slice(0, 7);
}
/** contentTerms of ASCII text as the old code made it: features, then the stems of the runs of a–z (function words out). */
function oldAsciiContentTerms(text: string, stop: (w: string) => boolean): string[] {
  const out = new Set<string>();
  for (const f of oldStrongFeatures(text)) out.add(`#${f}`);
  for (const m of text.toLowerCase().matchAll(/[a-z]+/g)) {
    const w = m[0];
    if (w.length < 3 || stop(w)) continue;
    out.add(oldStem(w));
  }
  return [...out];
}
/** A function word: one contentTerms drops whole (three letters or more, no feature). */
const isStop = (w: string) => contentTerms(w).size === 0;

const texts = (): string[] => {
  const out: string[] = [];
  for (const sc of realLibrary()) for (const w of sc.capture.works ?? []) for (const t of [w.title, w.abstract, w.venue]) if (t) out.push(t);
  const r = rng(16);
  const alphabet = ['a', 'Z', 'q', 'E', '0', '7', '-', '.', '%', ' ', '--', '..', 'é', 'ß', '中文', '\u200b', 'CIFAR', 'x', '81.4', 'v2'];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = 1 + r.int(14);
    for (let k = 0; k < n; k++) s += r.pick(alphabet);
    out.push(s);
  }
  return out;
};

describe('merge speed rewrites: same results as the regular expressions', () => {
  const all = texts();

  it('reads real titles and abstracts and synthetic strings', () => {
    expect(all.length).toBeGreaterThan(3000);
  });

  it('strongFeatures gives the same features, in the same order', () => {
    for (const t of all) expect([...strongFeatures(t)], t).toEqual([...oldStrongFeatures(t)]);
  });

  it('contentTerms of ASCII text gives the same terms, in the same order', () => {
    const ascii = all.filter((x) => ASCII.test(x));
    expect(ascii.length).toBeGreaterThan(1000);
    for (const t of ascii) expect([...contentTerms(t)], t).toEqual(oldAsciiContentTerms(t, isStop));
  });

  it('contentTerms of non-ASCII text is unchanged in kind (folded words, accents off)', () => {
    // SYNTHETIC: a French and a mixed-script title.
    expect([...contentTerms('Réseaux de neurones profonds')]).toEqual(['reseaux', 'neurone', 'profond']);
    expect(foldName('Réseaux')).toBe('reseaux');
  });
});
