// Name-list shapes of common citation styles (synthetic strings, written from
// the styles' rules, not copied from any page).

import { describe, expect, it } from 'vitest';
import { anyNameList } from './names';
import { heuristicCitation } from './citation';

describe('name lists', () => {
  it('reads full given names between commas two by two when a conjunction marks the list (APA with full names)', () => {
    expect(anyNameList('Roth, Philip, Haupt, Andreas, & Wu, Kai')?.names).toEqual(['Philip Roth', 'Andreas Haupt', 'Kai Wu']);
    // Without a conjunction the pairs are ambiguous with a title ("Deep Learning, Vision, Speech, Language"): not a list.
    expect(anyNameList('Deep Learning, Vision, Speech, Language')).toBeUndefined();
  });

  it('keeps a given-first list with commas given-first (every bit a whole name)', () => {
    expect(anyNameList('Hiroki Yamamuro, Keisuke Hara, Masayuki Tezuka, Yusuke Yoshida, and Keisuke Tanaka')?.names[0]).toBe('Hiroki Yamamuro');
  });

  it('three given-first names with commas are not one inverted name and a third ("Masayuki Tezuka, Xiangyu Su, and …")', () => {
    expect(anyNameList('Masayuki Tezuka, Xiangyu Su, and Keisuke Tanaka')?.names).toEqual(['Masayuki Tezuka', 'Xiangyu Su', 'Keisuke Tanaka']);
    // ";" keeps the inverted reading (ABNT): "Dias Filho, Newton Luiz" is one person.
    expect(anyNameList('Dias Filho, Newton Luiz ; Rosa, André Henrique')?.names).toEqual(['Newton Luiz Dias Filho', 'André Henrique Rosa']);
  });

  it('CJK names (family and given name, a space between) in a list separated by full-width commas', () => {
    expect(anyNameList('手塚 真徹，田中 圭介')?.names).toEqual(['手塚 真徹', '田中 圭介']);
    expect(anyNameList('吉野 慎司、手塚 真徹、田中 圭介')?.names).toHaveLength(3);
    // A kana-only word is a label, and a CJK title has no space-separated two-part shape.
    expect(anyNameList('スライド 概要')).toBeUndefined();
    expect(anyNameList('同期集約署名と計算仮定')).toBeUndefined();
  });

  it('splits inverted names on a spaced slash (German lists) and drops the stop after the last name', () => {
    expect(anyNameList('Haupt, Andreas / Roth, Philip')?.names).toEqual(['Andreas Haupt', 'Philip Roth']);
    expect(anyNameList('Roth, Philip, and Andreas Haupt.')?.names).toEqual(['Philip Roth', 'Andreas Haupt']);
  });

  it('an "and 2 more authors" expander ends the list and marks it truncated', () => {
    expect(anyNameList('Boqi Chen, Anna Smith, and 2 more authors')).toEqual({ names: ['Boqi Chen', 'Anna Smith'], truncated: true });
    expect(anyNameList('Chen, B., Smith, A., + 3 more')).toEqual({ names: ['B. Chen', 'A. Smith'], truncated: true });
    expect(anyNameList('A Smith, B Jones & 4 others')).toEqual({ names: ['A Smith', 'B Jones'], truncated: true });
  });
});

describe('the default citation heuristic', () => {
  it('Chicago author-date: the year after the names is not the title', () => {
    const c = heuristicCitation('Roth, Philip, and Andreas Haupt. 2011. Reading lists of works by shape. Journal of Things 1: 1–20.');
    expect(c).toMatchObject({ title: 'Reading lists of works by shape', authors: ['Philip Roth', 'Andreas Haupt'], year: 2011 });
  });

  it('German "(Jahr):" after the names; a lone "Surname, Given" with its year beside it', () => {
    expect(heuristicCitation('Roth, Philip & Haupt, Andreas (2011): Reading lists of works by shape. In: Zeitschrift für Dinge 1, S. 1–20.')).toMatchObject({
      title: 'Reading lists of works by shape',
      authors: ['Philip Roth', 'Andreas Haupt'],
    });
    expect(heuristicCitation('Roth, Philip (2011). Reading lists of works by shape. Journal of Things, 1(2), 1–20.')).toMatchObject({
      title: 'Reading lists of works by shape',
      authors: ['Philip Roth'],
    });
    // Without a year a lone inverted shape opens no citation: "Deep Learning, Vision" is a phrase.
    expect(heuristicCitation('Deep Learning, Vision. Reading lists of works by shape. Journal of Things.').confidence).toBe(0);
  });
});
