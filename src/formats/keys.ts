// Citation keys: family name of the first author + year + first significant
// title word, lower-case ASCII ("cai2018decentralized"). Keys that would
// collide all get a, b, c… in input order, the way author–year styles tell
// works apart. Keys depend only on the exported works and their order, so
// exporting the same selection twice gives the same keys.

import type { CslItem } from './csl';

const STOP = new Set(
  'a an and are as at by for from how in into is it its of on or over the to towards toward under via what when where which who why with without'.split(' '),
);

/** Lower-case ASCII letters and digits only; accents dropped ("Schöning" → "schoning"). */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function baseKey(item: CslItem): string {
  const first = item.author?.[0];
  const family = asciiSlug(first ? (first.family ?? first.literal ?? '') : '') || 'anon';
  const year = item.issued?.['date-parts'][0]?.[0];
  const word = (item.title ?? '')
    .split(/[\s\-–—:;,.!?()[\]"'“”‘’/]+/)
    .map((w) => ({ w, slug: asciiSlug(w) }))
    .find(({ w, slug }) => slug.length > 0 && !STOP.has(w.toLowerCase()));
  return `${family}${year ?? 'nd'}${word?.slug ?? ''}`;
}

function suffix(n: number): string {
  // 0 → a … 25 → z, 26 → aa: enough for any export.
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

/** One unique key per item, in order. */
export function citationKeys(items: readonly CslItem[]): string[] {
  const bases = items.map(baseKey);
  const count = new Map<string, number>();
  for (const b of bases) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Set(bases.filter((b) => count.get(b) === 1));
  const next = new Map<string, number>();
  return bases.map((b) => {
    if (count.get(b) === 1) return b;
    let n = next.get(b) ?? 0;
    let key = b + suffix(n);
    while (used.has(key)) key = b + suffix(++n);
    next.set(b, n + 1);
    used.add(key);
    return key;
  });
}

/** Copies of the items with their keys as ids: what every export writes. */
export function withCitationKeys(items: readonly CslItem[]): CslItem[] {
  const keys = citationKeys(items);
  return items.map((it, i) => ({ ...it, id: keys[i]! }));
}
