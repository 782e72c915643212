// Leftover character references and markup in strings. All inputs are
// SYNTHETIC strings in the shapes publishers leave (no page is quoted here).
import { describe, expect, it } from 'vitest';
import { decodeLeftoverEntities, markupText, namedEntity } from './entities';

describe('decodeLeftoverEntities', () => {
  it('the old publisher escape |[name]|', () => {
    expect(decodeLeftoverEntities('Kn|[ouml]|pfel')).toBe('Knöpfel');
    expect(decodeLeftoverEntities('Ren|[eacute]|e Dupr|[eacute]|')).toBe('Renée Dupré');
    expect(decodeLeftoverEntities('|[Uuml]|ber')).toBe('Über');
  });

  it('named references, case-sensitive, the accent family composed', () => {
    expect(decodeLeftoverEntities('Kn&ouml;pfel')).toBe('Knöpfel');
    expect(decodeLeftoverEntities('&Ouml;zt&uuml;rk')).toBe('Öztürk');
    expect(decodeLeftoverEntities('Dvo&rcaron;&aacute;k')).toBe('Dvořák');
    expect(decodeLeftoverEntities('&szlig; &oslash; &aelig; &lstrok;')).toBe('ß ø æ ł');
    expect(decodeLeftoverEntities('&alpha;-helix, &Delta;G')).toBe('α-helix, ΔG');
    expect(namedEntity('qacute')).toBeUndefined(); // no precomposed q́: left as written
  });

  it('double and triple escapes', () => {
    expect(decodeLeftoverEntities('Kn&amp;ouml;pfel')).toBe('Knöpfel');
    expect(decodeLeftoverEntities('Kn&amp;amp;ouml;pfel')).toBe('Knöpfel');
    expect(decodeLeftoverEntities('In&amp;nbsp;vitro')).toBe('In\u00a0vitro');
  });

  it('numeric references, decimal and hex', () => {
    expect(decodeLeftoverEntities('Kn&#246;pfel')).toBe('Knöpfel');
    expect(decodeLeftoverEntities('Kn&#xF6;pfel')).toBe('Knöpfel');
    expect(decodeLeftoverEntities('Kn&amp;#246;pfel')).toBe('Knöpfel');
  });

  it('leaves what is not a reference alone', () => {
    expect(decodeLeftoverEntities('AT&T; R&D')).toBe('AT&T; R&D');
    expect(decodeLeftoverEntities('a | [b] | c')).toBe('a | [b] | c');
    expect(decodeLeftoverEntities('&#0; &#xD800; &bogus;')).toBe('&#0; &#xD800; &bogus;');
    expect(decodeLeftoverEntities('|[bogus]|')).toBe('|[bogus]|');
  });
});

describe('markupText', () => {
  it('keeps sub/superscripts and formulas joined to their word', () => {
    expect(markupText('Evolution of topological phases of TaSe<sub>3</sub> under hydrostatic pressure')).toBe(
      'Evolution of topological phases of TaSe3 under hydrostatic pressure',
    );
    expect(markupText('E = mc<sup>2</sup> and <i>in vivo</i>')).toBe('E = mc2 and in vivo');
    expect(markupText('<inline-formula><tex-math notation="LaTeX">$x^2$</tex-math></inline-formula> bounds')).toBe('$x^2$ bounds');
  });

  it('block ends separate words; entities are decoded', () => {
    expect(markupText('<p>One</p><p>Two &amp; three</p>')).toBe(' One  Two & three ');
    expect(markupText('a<br/>b')).toBe('a b');
  });
});
