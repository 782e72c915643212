// The committee view's table model on a library of real captures
// (tests/helpers/real-library.ts). Figures worked out by hand from the saved
// pages (see tests/unit/formats-data-engines.test.ts for the workings):
// Turing 57 works / 12287 citations / h 22 (60 records, three of them Semantic
// Scholar's copies of "Computing Machinery and Intelligence" joined to it);
// Ernst 52 works / 1036;
// Cherukuri 20 / 425 / h 11 / g 20, rows dated 2019–2025 (gsc_a_h cells), so
// with 2026 as the current year his academic age is 8, m = 11/8 = 1.375 and
// cites/year 425/8 = 53.125; Elmatary 56 / h 4. DBLP (Rui Tan) and ORCID
// (Charles Tapley Hoyt) give no citation counts: their figures are unknown.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import type { MergeResult } from '../../src/core/merge/types';
import {
  cellText,
  committeeCsv,
  compareSeries,
  filterRows,
  fold,
  libraryRows,
  nextSort,
  overlay,
  rowWindow,
  sitesOf,
  sortRows,
  type CommitteeRow,
} from '../../src/ui/model/committee';
import { siteName } from '../../src/ui/model/person-view';
import { realLibrary } from '../helpers/real-library';

const YEAR = 2026;
let cached: { result: MergeResult; rows: CommitteeRow[] } | undefined;
function library() {
  if (!cached) {
    const result = mergeAll(realLibrary(), []);
    cached = { result, rows: libraryRows(result, YEAR, siteName) };
  }
  return cached;
}
const names = (rows: CommitteeRow[]) => rows.map((r) => r.name);
const row = (name: string) => library().rows.find((r) => r.name === name)!;

describe('rows', () => {
  it('one row per person with their figures side by side', () => {
    const { rows } = library();
    expect(rows).toHaveLength(6);
    expect(row('A. Turing').values).toMatchObject({ papers: 57, citations: 12287, hIndex: 22 });
    expect(row('Bangar Raju Cherukuri').values).toMatchObject({ papers: 20, citations: 425, hIndex: 11, gIndex: 20, mQuotient: 1.375, citesPerYear: 53.125 });
    expect(row('Doaa Elmatary').values).toMatchObject({ citations: 56, hIndex: 4 });
    expect(row('Jason Ernst').values).toMatchObject({ papers: 52, citations: 1036 });
    expect(row('Rui Tan').siteNames).toEqual(['DBLP']);
  });

  it('unknown is not zero: no citation counts means unknown citations, h, g, m, cites/year', () => {
    for (const name of ['Rui Tan', 'Charles Tapley Hoyt']) {
      const v = row(name).values;
      for (const k of ['citations', 'hIndex', 'gIndex', 'hINorm', 'hIAnnual', 'mQuotient', 'citesPerYear'] as const) {
        expect(v[k], `${name} ${k}`).toBeNull();
        expect(cellText(v[k])).toBe('unknown');
      }
    }
    // Papers are known for both: 26 ORCID work groups.
    expect(row('Charles Tapley Hoyt').values.papers).toBe(26);
    // ORCID's work summaries carry no author lists: first- and last-author counts are unknown too.
    expect(row('Charles Tapley Hoyt').values.firstAuthor).toBeNull();
  });

  it('hA has its column: computed where works have counts and years, unknown without counts', () => {
    // Its value is the metrics' own (worked examples in metrics.test.ts and metrics-scholar.test.ts).
    expect(Number.isInteger(row('A. Turing').values.hAIndex)).toBe(true);
    expect(row('Charles Tapley Hoyt').values.hAIndex).toBeNull();
    expect(cellText(undefined)).toBe('not computed');
    expect(cellText(1.375)).toBe('1.38');
    expect(cellText(12416)).toBe('12,416');
  });
});

describe('sort', () => {
  it('by citations both ways, unknown last either way', () => {
    const { rows } = library();
    expect(names(sortRows(rows, { key: 'citations', dir: 'desc' }))).toEqual(['A. Turing', 'Jason Ernst', 'Bangar Raju Cherukuri', 'Doaa Elmatary', 'Charles Tapley Hoyt', 'Rui Tan']);
    expect(names(sortRows(rows, { key: 'citations', dir: 'asc' }))).toEqual(['Doaa Elmatary', 'Bangar Raju Cherukuri', 'Jason Ernst', 'A. Turing', 'Charles Tapley Hoyt', 'Rui Tan']);
  });
  it('by name both ways, by papers (ties by name), by number of sites', () => {
    const { rows } = library();
    expect(names(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['A. Turing', 'Bangar Raju Cherukuri', 'Charles Tapley Hoyt', 'Doaa Elmatary', 'Jason Ernst', 'Rui Tan']);
    expect(names(sortRows(rows, { key: 'name', dir: 'desc' }))).toEqual(['Rui Tan', 'Jason Ernst', 'Doaa Elmatary', 'Charles Tapley Hoyt', 'Bangar Raju Cherukuri', 'A. Turing']);
    // Rui Tan: 135 DBLP records merge into 122 works.
    expect(names(sortRows(rows, { key: 'papers', dir: 'desc' })).slice(0, 3)).toEqual(['Rui Tan', 'A. Turing', 'Jason Ernst']);
    // One site each: all tie, so by name.
    expect(names(sortRows(rows, { key: 'sites', dir: 'desc' }))).toEqual(names(sortRows(rows, { key: 'name', dir: 'asc' })));
  });
  it('a heading click: a figure starts high to low, a name A to Z; the same heading again reverses', () => {
    expect(nextSort({ key: 'citations', dir: 'desc' }, 'hIndex')).toEqual({ key: 'hIndex', dir: 'desc' });
    expect(nextSort({ key: 'hIndex', dir: 'desc' }, 'hIndex')).toEqual({ key: 'hIndex', dir: 'asc' });
    expect(nextSort({ key: 'hIndex', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});

describe('filter', () => {
  it('by any part of a name or the affiliation, case and accents ignored', () => {
    const { rows } = library();
    expect(names(filterRows(rows, { text: 'TURING', site: '' }))).toEqual(['A. Turing']);
    // Cherukuri's #gsc_prf_il: "Senior .NET Web Developer".
    expect(names(filterRows(rows, { text: 'web developer', site: '' }))).toEqual(['Bangar Raju Cherukuri']);
    expect(fold('  Émile  Ångström ')).toBe('emile angstrom');
  });
  it('by site', () => {
    const { rows } = library();
    expect(sitesOf(rows, siteName).map((s) => s.id)).toEqual(['dblp', 'google-scholar', 'orcid', 'semantic-scholar']);
    expect(names(filterRows(rows, { text: '', site: 'google-scholar' })).sort()).toEqual(['Bangar Raju Cherukuri', 'Doaa Elmatary', 'Jason Ernst']);
    expect(names(filterRows(rows, { text: 'ernst', site: 'dblp' }))).toEqual([]);
  });
});

describe('CSV', () => {
  it('the table as shown, read back by papaparse; unknown is an empty cell, not 0', () => {
    const { rows } = library();
    const shown = sortRows(filterRows(rows, { text: '', site: '' }), { key: 'citations', dir: 'desc' });
    const csv = committeeCsv(shown);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['person_id', 'name', 'papers', 'citations', 'h_index', 'g_index', 'hi_norm', 'hi_annual', 'ha_index', 'm_quotient', 'cites_per_year', 'first_author', 'last_author', 'sites', 'flagged_works_included']);
    expect(parsed.data.map((r) => r.name)).toEqual(names(shown));
    const cheru = parsed.data.find((r) => r.name === 'Bangar Raju Cherukuri')!;
    expect(cheru).toMatchObject({ papers: '20', citations: '425', h_index: '11', g_index: '20', m_quotient: '1.38', cites_per_year: '53.13', sites: 'Google Scholar' });
    const tan = parsed.data.find((r) => r.name === 'Rui Tan')!;
    expect(tan).toMatchObject({ citations: '', h_index: '', cites_per_year: '', sites: 'DBLP' });
    expect(Number(tan.papers)).toBeGreaterThan(0);
  });
});

describe('windowing', () => {
  it('renders the rows in view plus a margin, and spaces for the rest', () => {
    expect(rowWindow({ total: 300, rowHeight: 34, scrollTop: 0, viewport: 480 })).toEqual({ start: 0, end: 24, before: 0, after: 276 * 34 });
    // 3400 px down is row 100: 8 rows of margin above, 15 + 1 in view and 8 below.
    expect(rowWindow({ total: 300, rowHeight: 34, scrollTop: 3400, viewport: 480 })).toEqual({ start: 92, end: 124, before: 92 * 34, after: 176 * 34 });
    // The end of the table.
    expect(rowWindow({ total: 300, rowHeight: 34, scrollTop: 300 * 34 - 480, viewport: 480 })).toMatchObject({ end: 300, after: 0 });
    // A short table is rendered whole.
    expect(rowWindow({ total: 6, rowHeight: 34, scrollTop: 0, viewport: 480 })).toEqual({ start: 0, end: 6, before: 0, after: 0 });
  });
  it('a scroll position left from a longer table still shows the last rows', () => {
    const w = rowWindow({ total: 20, rowHeight: 34, scrollTop: 5000, viewport: 480 });
    expect(w.end).toBe(20);
    expect(w.end - w.start).toBeGreaterThan(10);
    expect(w.before + (w.end - w.start) * 34 + w.after).toBe(20 * 34);
  });
});

describe('compare', () => {
  it('series on one axis of years: 0 inside a series’ own span, nothing outside it', () => {
    expect(overlay([{ name: 'a', byYear: { '2019': 2, '2021': 1 } }, { name: 'b', byYear: { '2020': 5 } }])).toEqual({
      years: ['2019', '2020', '2021'],
      series: [
        { name: 'a', values: [2, 0, 1] },
        { name: 'b', values: [null, 5, null] },
      ],
    });
  });
  it('citations per year as the page states them, papers per year from the merged works', () => {
    const { result } = library();
    const people = ['Jason Ernst', 'Charles Tapley Hoyt'].map((n) => row(n).person);
    const c = compareSeries(result, people, YEAR);
    // Ernst's profile chart is labeled 2009…2024 (gsc_g_t spans); ORCID states no yearly citations.
    expect(c.citationSources).toEqual([{ name: 'Jason Ernst', site: 'Google Scholar' }, { name: 'Charles Tapley Hoyt' }]);
    expect(c.citations.years[0]).toBe('2009');
    expect(c.citations.years.at(-1)).toBe('2024');
    expect(c.citations.series[1]!.values.every((v) => v === null)).toBe(true);
    // Hoyt's 26 ORCID work groups by publication-date year (read from the record):
    // 2014: 1, 2017: 2, 2018: 4, 2019: 7, 2020: 10, 2021: 2. Before 2014 nothing is drawn.
    const hoyt = c.papers.series[1]!;
    const at = (y: string) => hoyt.values[c.papers.years.indexOf(y)];
    expect([at('2014'), at('2015'), at('2016'), at('2017'), at('2018'), at('2019'), at('2020'), at('2021')]).toEqual([1, 0, 0, 2, 4, 7, 10, 2]);
    expect(at('2013')).toBeNull();
  });
});
