// The generic list reader on the layout corpus: SYNTHETIC pages of REAL
// citation strings (tests/helpers/layout-corpus.ts; README in
// tests/data/generic-reader/layouts/). Every entry's gold is the string's
// AnyStyle hand labels (title, first author's family name, year). Development
// and test parts are apart by layout variant and by string; both are printed,
// floors just under the measured figures are asserted for each, and the
// negative pages (team list, course schedule, news, an about page with menus;
// since rounds 9 and 10 software tools, grants, press coverage and a seminar series) must yield no record. Mixed pages (round 6) put a list beside a section that is not works (news, talks, a
// team list in the list's markup, a real schedule table): those sections' records count as not-works.
//
// Matching as in generic-list-accuracy.test.ts: titles normalized (NFKC, lower
// case, letters and digits), paired one-to-one (equal first, then one containing
// the other, the shorter at least 12 characters); a record paired with no gold
// title is a not-work; the first author is right when the gold family name is
// one of the words of the record's first author.

import { describe, expect, it } from 'vitest';
import { readList } from '../../src/readers/list-reader/index';
import { LIST_OPTIONS } from '../../src/shell/read-list';
import { parseHtml } from '../../src/node/dom';
import { layoutPages, type LayoutPage } from '../helpers/layout-corpus';
import { FIXED_NOW } from '../helpers/fixtures';
import { splitOf } from '../../src/readers/citation-parser/dataset';

function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function matches(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 12 && long.includes(short);
}

export interface Score {
  gold: number;
  recovered: number;
  records: number;
  junk: number;
  yearSame: number;
  authorChecked: number;
  authorSame: number;
  cpuMs: number;
}

export function scorePage(page: LayoutPage): Score {
  const doc = parseHtml(page.html);
  const c0 = process.cpuUsage();
  const reading = readList(doc, new URL('https://lab.example.org/publications/'), FIXED_NOW, LIST_OPTIONS);
  const c = process.cpuUsage(c0);
  const got = reading.works.map((w) => ({ ...w, norm: norm(w.title ?? '') }));
  const ref = page.gold.map((g) => norm(g.title));
  const pairOf = new Map<number, number>();
  const used = new Set<number>();
  for (const exact of [true, false])
    ref.forEach((n, i) => {
      if (pairOf.has(i)) return;
      const j = got.findIndex((g, k) => !used.has(k) && g.norm !== '' && (exact ? g.norm === n : matches(g.norm, n)));
      if (j < 0) return;
      pairOf.set(i, j);
      used.add(j);
    });
  const s: Score = { gold: ref.length, recovered: pairOf.size, records: got.length, junk: got.length - used.size, yearSame: 0, authorChecked: 0, authorSame: 0, cpuMs: (c.user + c.system) / 1000 };
  for (const [i, j] of pairOf) {
    const g = page.gold[i]!;
    const w = got[j]!;
    if (w.year === g.year) s.yearSame++;
    if (g.firstAuthor) {
      s.authorChecked++;
      const fam = norm(g.firstAuthor).split(' ').pop()!;
      if (w.authors?.[0] && norm(w.authors[0]).split(' ').includes(fam)) s.authorSame++;
    }
  }
  return s;
}

function add(a: Score, b: Score): Score {
  return {
    gold: a.gold + b.gold,
    recovered: a.recovered + b.recovered,
    records: a.records + b.records,
    junk: a.junk + b.junk,
    yearSame: a.yearSame + b.yearSame,
    authorChecked: a.authorChecked + b.authorChecked,
    authorSame: a.authorSame + b.authorSame,
    cpuMs: a.cpuMs + b.cpuMs,
  };
}
const ZERO: Score = { gold: 0, recovered: 0, records: 0, junk: 0, yearSame: 0, authorChecked: 0, authorSame: 0, cpuMs: 0 };
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function table(title: string, rows: [string, string, Score][]): string {
  const t = rows.reduce((a, [, , s]) => add(a, s), ZERO);
  return [
    `${title}:`,
    '',
    '| layout | kind | works | titles recovered | records | not works | same year | same first author |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(([v, k, s]) => `| ${v} | ${k} | ${s.gold} | ${s.recovered} (${pct(s.recovered, s.gold)}) | ${s.records} | ${s.junk} | ${s.yearSame}/${s.recovered} | ${s.authorSame}/${s.authorChecked} |`),
    `| **all ${rows.length} layouts** | | ${t.gold} | ${t.recovered} (${pct(t.recovered, t.gold)}) | ${t.records} | ${t.junk} | ${t.yearSame}/${t.recovered} (${pct(t.yearSame, t.recovered)}) | ${t.authorSame}/${t.authorChecked} (${pct(t.authorSame, t.authorChecked)}) |`,
  ].join('\n');
}

describe('generic list reader: the layout corpus (synthetic layouts of real citation strings), dev and test apart', () => {
  const pages = layoutPages();
  const scores = pages.map((p) => [p, scorePage(p)] as const);
  const byVariant = (part: 'dev' | 'test'): [string, string, Score][] => {
    const m = new Map<string, [string, string, Score]>();
    for (const [p, s] of scores) {
      if (p.part !== part) continue;
      const cur = m.get(p.variant) ?? [p.variant, p.kind, ZERO];
      m.set(p.variant, [p.variant, p.kind, add(cur[2], s)]);
    }
    return [...m.values()];
  };
  const total = (part: 'dev' | 'test') => byVariant(part).reduce((a, [, , s]) => add(a, s), ZERO);

  it('the corpus holds both parts, no string of the parser test part, and no string on both sides', () => {
    const dev = pages.filter((p) => p.part === 'dev');
    const test = pages.filter((p) => p.part === 'test');
    expect(dev.length).toBeGreaterThan(20);
    expect(test.length).toBeGreaterThan(20);
    const devStrings = new Set(dev.flatMap((p) => p.strings));
    expect(test.flatMap((p) => p.strings).filter((t) => devStrings.has(t))).toEqual([]);
    const parserTest = new Set(pages.flatMap((p) => p.strings).filter((t) => splitOf(t) === 'test'));
    expect(parserTest.size).toBe(0);
    expect(new Set(dev.map((p) => p.variant)).size + new Set(test.map((p) => p.variant)).size).toBe(new Set(pages.map((p) => p.variant)).size);
  });

  it('prints both tables and holds the measured figures (floors just under them)', () => {
    // GENERIC_LIST_TUNING=1 while tuning: the development part only, nothing of the test part printed or asserted.
    if (process.env.GENERIC_LIST_TUNING) {
      console.log(table('Layout corpus, development part', byVariant('dev')));
      return;
    }
    const d = total('dev');
    const t = total('test');
    // GENERIC_LIST_TOTALS=1 (a round's measurement of the test side): the test part as its totals only, no layout's row.
    if (process.env.GENERIC_LIST_TOTALS) {
      console.log(table('Layout corpus, development part', byVariant('dev')));
      console.log(`Layout corpus, test part, totals: titles ${t.recovered}/${t.gold} (${pct(t.recovered, t.gold)}), records ${t.records}, not works ${t.junk}, years ${t.yearSame}/${t.recovered}, first authors ${t.authorSame}/${t.authorChecked} (${pct(t.authorSame, t.authorChecked)})`);
    } else {
      console.log([table('Layout corpus, development part', byVariant('dev')), '', table('Layout corpus, test part', byVariant('test'))].join('\n'));
    }
    console.log(`CPU: dev ${d.cpuMs.toFixed(0)} ms, test ${t.cpuMs.toFixed(0)} ms`);
    expect(d.recovered / d.gold).toBeGreaterThanOrEqual(FLOORS.dev.titles);
    expect(d.junk).toBeLessThanOrEqual(FLOORS.dev.junk);
    expect(d.yearSame / d.recovered).toBeGreaterThanOrEqual(FLOORS.dev.years);
    expect(d.authorSame / d.authorChecked).toBeGreaterThanOrEqual(FLOORS.dev.authors);
    expect(t.recovered / t.gold).toBeGreaterThanOrEqual(FLOORS.test.titles);
    expect(t.junk).toBeLessThanOrEqual(FLOORS.test.junk);
    expect(t.yearSame / t.recovered).toBeGreaterThanOrEqual(FLOORS.test.years);
    expect(t.authorSame / t.authorChecked).toBeGreaterThanOrEqual(FLOORS.test.authors);
  });

  it('reads nothing from the pages that are not publication lists', () => {
    for (const [p, s] of scores) if (p.kind.startsWith('negative') && (!process.env.GENERIC_LIST_TUNING || p.part === 'dev')) expect(s.records, p.name).toBe(0);
  });
});

// Floors just under the figures measured 4 Dec 2026, round 6 (docs/generic-reader.md, "Round 6"), with the mixed
// pages (a list beside news, talks, a team list or a schedule): dev 659/665 titles (99.1 %), 1 not-work, years
// 657/659, first authors 643/657 (97.9 %); test 568/605 (93.9 %), 25 not-works, years 566/568, first authors 546/564
// (96.8 %). Without the mixed pages, as in round 5: dev 505/511, 1; test 423/458, 24.
// (Round 5: dev 505/511, 1, 504/505, 496/504; test 423/458, 24, 422/423, 403/421.
// Round 4, 3 Dec: dev 493/511, 8, 488/493, 438/493; test 423/458, 24, 422/423, 370/421.)
// Raised 6 Dec 2026 to the figures of round 8 (test 572/605 titles, 94.5 %, 21 not-works, years 570/572,
// first authors 549/568, 96.7 %): a later change that loses them fails here.
// Round 9 (7 Dec 2026) added ten variants of five new kinds (tests/data/generic-reader/layouts/README.md): dev
// 825/831 titles (99.3 %), 1 not-work, years 823/825, first authors 803/823 (97.6 %); test 690/763 (90.4 %),
// 29 not-works, years 688/690, first authors 652/686 (95.0 %) — the new test layouts alone 118/158 titles and
// 8 not-works, the same with main's reader before round 9's changes.
// Round 10 (the same day) added ten more of five kinds: dev 971/977 (99.4 %), 1 not-work, years 969/971, first
// authors 942/968 (97.3 %); test 843/919 (91.7 %), 30 not-works, years 841/843, first authors 775/837 (92.6 %) —
// the new test layouts alone 153/156 titles, 1 not-work, first authors 123/151, the same with main's reader.
const FLOORS = {
  dev: { titles: 0.99, years: 0.99, authors: 0.97, junk: 1 },
  test: { titles: 0.91, years: 0.99, authors: 0.92, junk: 30 },
};
