import { describe, expect, it } from 'vitest';
import { parseCount, cleanText, canonicalDoi, canonicalArxiv } from '../../src/core/text';
describe('text helpers', () => {
  it('parses counts as pages print them', () => {
    expect(parseCount('1,083')).toBe(1083);
    expect(parseCount('1\u00A0083')).toBe(1083);
    expect(parseCount('\u0665\u0666')).toBe(56);
    expect(parseCount('—')).toBeUndefined();
  });
  it('removes invisible marks', () => {
    expect(cleanText('\u200F  Hello\n world \u200E')).toBe('Hello world');
  });
  it('canonicalizes ids', () => {
    expect(canonicalDoi('https://doi.org/10.1109/ACCESS.2018.1')).toBe('10.1109/access.2018.1');
    expect(canonicalArxiv('arXiv:2004.10162v2')).toBe('2004.10162');
  });
});
