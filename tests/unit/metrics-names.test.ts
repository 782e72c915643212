import { describe, expect, it } from 'vitest';
import { foldName, nameKey } from '../../src/core/names';

// Expected keys are written by hand from the rule "folded family name, space,
// first initial of the first given name".
describe('nameKey', () => {
  it('gives the same key for the usual spellings of one name', () => {
    expect(nameKey('Samuel L. Smith')).toBe('smith s');
    expect(nameKey('Smith, Samuel L.')).toBe('smith s');
    expect(nameKey('S. L. Smith')).toBe('smith s');
    expect(nameKey('SL Smith')).toBe('smith s'); // Google Scholar's style
    expect(nameKey('Smith SL')).toBe('smith s'); // PubMed's style
    expect(nameKey('  Samuel   L.\nSmith ')).toBe('smith s');
  });

  it('folds diacritics and special letters', () => {
    expect(nameKey('José Álvarez')).toBe('alvarez j');
    expect(nameKey('Álvarez, José')).toBe('alvarez j');
    expect(nameKey('Søren Kierkegaard')).toBe('kierkegaard s');
    expect(nameKey('Łukasz Kaiser')).toBe('kaiser l');
    expect(nameKey('Ulrich Strauß')).toBe('strauss u');
    // NFD input (e + combining acute) folds the same as precomposed é.
    expect(nameKey('Ame\u0301lie Poulain')).toBe(nameKey('Amélie Poulain'));
    expect(foldName('Ñúñez')).toBe('nunez');
  });

  it('keeps the last word of the family name, so particles do not matter', () => {
    expect(nameKey('Ludwig van Beethoven')).toBe('beethoven l');
    expect(nameKey('van Beethoven, Ludwig')).toBe('beethoven l');
  });

  it('drops suffixes and DBLP disambiguation numbers', () => {
    expect(nameKey('Samuel L. Smith Jr.')).toBe('smith s');
    expect(nameKey('Smith, Samuel, Jr.')).toBe('smith s');
    expect(nameKey('Wei Wang 0001')).toBe('wang w');
  });

  it('keeps hyphenated names whole', () => {
    expect(nameKey('Jean-Paul Sartre')).toBe('sartre j');
    expect(nameKey('María García-López')).toBe('garcia-lopez m');
  });

  it('handles single names, empty input and non-Latin scripts', () => {
    expect(nameKey('Plato')).toBe('plato');
    expect(nameKey('')).toBe('');
    expect(nameKey(' , ')).toBe('');
    // Arabic has no case or accents to fold: the key is the last word + first letter of the first.
    expect(nameKey('محمد العربي')).toBe('العربي م');
  });
});
