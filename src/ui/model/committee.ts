// The committee view's table as plain data: everyone's key figures side by
// side, sorting both ways, filtering by name and site, the CSV of what is
// shown, the window of rows on screen, and the series for comparing people.
// The component (src/ui/dashboard/CommitteeView.tsx) only renders these.

import type { MergedPerson, LightResult } from '../../core/merge/types';
import { librarySummaries, type KnownValue, type PersonSummary, type ScalarMetric } from '../../core/library-figures';
import { METRIC_DEFINITIONS } from '../../core/metrics';
import { compareCodePoints } from '../../core/order';
import { toCsv, type Cell } from '../../formats/csv';
import { personView } from './person-view';

/** The metric columns, in the order shown. */
export const METRIC_COLUMNS = [
  'papers',
  'citations',
  'hIndex',
  'gIndex',
  'hINorm',
  'hIAnnual',
  'hAIndex',
  'mQuotient',
  'citesPerYear',
  'firstAuthor',
  'lastAuthor',
] as const satisfies readonly ScalarMetric[];
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

export type ColumnKey = 'name' | MetricColumn | 'sites';

export interface CommitteeColumn {
  key: ColumnKey;
  /** Column heading. */
  label: string;
  /** Hover text: the metric's definition. */
  title: string;
  /** CSV header (snake_case, the same names as the metrics table of the data exports). */
  csv: string;
  numeric: boolean;
}

function metricTitle(key: MetricColumn): string {
  return METRIC_DEFINITIONS[key].definition;
}

const LABELS: Record<MetricColumn, [label: string, csv: string]> = {
  papers: ['Papers', 'papers'],
  citations: ['Citations', 'citations'],
  hIndex: ['h', 'h_index'],
  gIndex: ['g', 'g_index'],
  hINorm: ['hI,norm', 'hi_norm'],
  hIAnnual: ['hIa', 'hi_annual'],
  hAIndex: ['hA', 'ha_index'],
  mQuotient: ['m', 'm_quotient'],
  citesPerYear: ['Cites/year', 'cites_per_year'],
  firstAuthor: ['First author', 'first_author'],
  lastAuthor: ['Last author', 'last_author'],
};

export const COMMITTEE_COLUMNS: CommitteeColumn[] = [
  { key: 'name', label: 'Name', title: 'The merged person’s name.', csv: 'name', numeric: false },
  ...METRIC_COLUMNS.map((key): CommitteeColumn => ({ key, label: LABELS[key][0], title: metricTitle(key), csv: LABELS[key][1], numeric: true })),
  { key: 'sites', label: 'Sites', title: 'The sites whose author pages of this person were seen; sorted by how many.', csv: 'sites', numeric: true },
];

export interface CommitteeRow {
  id: string;
  name: string;
  nameVariants: string[];
  affiliation?: string;
  /** Site ids of the person's own pages, sorted. */
  sites: string[];
  siteNames: string[];
  values: Record<MetricColumn, KnownValue>;
  /** Flagged works (possibly a namesake's) the figures count. */
  flaggedIncluded: number;
  person: MergedPerson;
}

export function committeeRows(summaries: readonly PersonSummary[], siteName: (id: string) => string): CommitteeRow[] {
  return summaries.map((s) => {
    const values = {} as Record<MetricColumn, KnownValue>;
    for (const k of METRIC_COLUMNS) values[k] = s.known[k];
    return {
      id: s.person.id,
      name: s.person.name,
      nameVariants: s.person.nameVariants,
      ...(s.person.affiliation ? { affiliation: s.person.affiliation } : {}),
      sites: s.sites,
      siteNames: s.sites.map(siteName),
      values,
      flaggedIncluded: s.flaggedIncluded,
      person: s.person,
    };
  });
}

/** The whole library's rows. */
export function libraryRows(result: Pick<LightResult, 'works' | 'people'>, currentYear: number, siteName: (id: string) => string): CommitteeRow[] {
  return committeeRows(librarySummaries(result, currentYear), siteName);
}

/** "unknown" for a figure no work could give, "not computed" for a metric this build lacks; never 0 for either. */
export function cellText(v: KnownValue): string {
  if (v === undefined) return 'not computed';
  if (v === null) return 'unknown';
  return Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export interface SortState {
  key: ColumnKey;
  dir: 'asc' | 'desc';
}

/** Clicking a heading: a new column sorts figures high to low and names A to Z; the same column again reverses. */
export function nextSort(current: SortState, key: ColumnKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' ? 'asc' : 'desc' };
}

/** Case and accents folded, so "Émile" sorts and matches with "emile". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Rows sorted by a column. Unknown and not-computed figures come last in both
 * directions: they are not small numbers. Ties go by name, then id, so the
 * order never depends on the input's.
 */
export function sortRows(rows: readonly CommitteeRow[], sort: SortState): CommitteeRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: CommitteeRow, b: CommitteeRow) => compareCodePoints(fold(a.name), fold(b.name)) || compareCodePoints(a.id, b.id);
  const key = sort.key;
  if (key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const valueOf = (r: CommitteeRow): number | null => (key === 'sites' ? r.sites.length : (r.values[key] ?? null));
  return [...rows].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}

export interface CommitteeFilter {
  /** Part of a name (any spelling seen) or of the affiliation; case and accents ignored. */
  text: string;
  /** A site id: only people with an author page there. Empty for every site. */
  site: string;
}

export function filterRows(rows: readonly CommitteeRow[], filter: CommitteeFilter): CommitteeRow[] {
  const needle = fold(filter.text);
  return rows.filter((r) => {
    if (filter.site && !r.sites.includes(filter.site)) return false;
    if (!needle) return true;
    return [r.name, ...r.nameVariants, r.affiliation ?? ''].some((s) => fold(s).includes(needle));
  });
}

/** The sites anyone in the table was seen on, for the site filter. */
export function sitesOf(rows: readonly CommitteeRow[], siteName: (id: string) => string): { id: string; name: string }[] {
  const ids = [...new Set(rows.flatMap((r) => r.sites))];
  return ids.map((id) => ({ id, name: siteName(id) })).sort((a, b) => compareCodePoints(fold(a.name), fold(b.name)));
}

/**
 * The table as shown, as CSV (src/formats/csv.ts: RFC 4180, BOM, formula
 * cells defused). Figures are written as numbers rounded as shown; an unknown
 * or not-computed figure is an empty cell, so no spreadsheet reads it as 0.
 */
export function committeeCsv(rows: readonly CommitteeRow[]): string {
  const header = ['person_id', ...COMMITTEE_COLUMNS.map((c) => c.csv), 'flagged_works_included'];
  const round = (v: KnownValue): Cell => (typeof v === 'number' ? Math.round(v * 100) / 100 : undefined);
  const body = rows.map((r): Cell[] => [
    r.id,
    ...COMMITTEE_COLUMNS.map((c): Cell => (c.key === 'name' ? r.name : c.key === 'sites' ? r.siteNames.join('; ') : round(r.values[c.key]))),
    r.flaggedIncluded,
  ]);
  return toCsv(header, body);
}

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Space above and below the rendered rows, in pixels, so the scroll bar is that of the whole table. */
  before: number;
  after: number;
}

/**
 * The rows a scrolled container shows, plus `overscan` rows either side so a
 * quick scroll does not show blank space. Rows have one fixed height.
 */
export function rowWindow(o: { total: number; rowHeight: number; scrollTop: number; viewport: number; overscan?: number }): RowWindow {
  const overscan = o.overscan ?? 8;
  const visible = Math.ceil(Math.max(0, o.viewport) / o.rowHeight) + 1;
  // A scroll position left from a longer table (before the filter's reset reaches the DOM) still shows its last rows, never nothing.
  const first = Math.min(Math.floor(Math.max(0, o.scrollTop) / o.rowHeight), Math.max(0, o.total - visible));
  const start = Math.max(0, Math.min(o.total, first - overscan));
  const end = Math.max(start, Math.min(o.total, first + visible + overscan));
  return { start, end, before: start * o.rowHeight, after: (o.total - end) * o.rowHeight };
}

/** At most this many people are compared at once: more bars per year than that cannot be read. */
export const MAX_COMPARED = 6;

export interface Series {
  name: string;
  /** One value per year of `years`; null where this person's figures do not reach. */
  values: (number | null)[];
}

export interface Overlay {
  years: string[];
  series: Series[];
}

export interface Comparison {
  /** Citations per year as each person's most recent page with a yearly chart states them. */
  citations: Overlay;
  /** Merged works per year. */
  papers: Overlay;
  /** The site whose chart each person's citations per year come from; none when no page of theirs states them (no bars). */
  citationSources: { name: string; site?: string }[];
}

/** The compared people's yearly figures on one shared axis of years. */
export function compareSeries(result: LightResult, people: readonly MergedPerson[], currentYear: number): Comparison {
  const views = people.slice(0, MAX_COMPARED).map((p) => personView(result, p, currentYear));
  // Everyone is in both overlays, in the order picked, so a person keeps one colour; without a stated chart their values are all null.
  const cites = views.map((v) => ({ name: v.person.name, byYear: v.citationsByYear?.byYear ?? {} }));
  const papers = views.map((v) => {
    const by: Record<string, number> = {};
    for (const w of v.works) if (w.year) by[String(w.year)] = (by[String(w.year)] ?? 0) + 1;
    return { name: v.person.name, byYear: by };
  });
  return {
    citations: overlay(cites),
    papers: overlay(papers),
    citationSources: views.map((v) => ({ name: v.person.name, ...(v.citationsByYear ? { site: v.citationsByYear.site } : {}) })),
  };
}

/**
 * Series on the union of their years. Within a series' own first–last year a
 * missing year is 0 (no work dated that year; a stated chart draws every year
 * of its span); outside its span it is null: not stated, so not drawn.
 */
export function overlay(input: readonly { name: string; byYear: Record<string, number> }[]): Overlay {
  const yearsOf = (b: Record<string, number>) => Object.keys(b).map(Number).filter(Number.isInteger);
  const all = input.flatMap((s) => yearsOf(s.byYear));
  if (!all.length) return { years: [], series: input.map((s) => ({ name: s.name, values: [] })) };
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const years: string[] = [];
  for (let y = lo; y <= hi; y++) years.push(String(y));
  const series = input.map((s) => {
    const own = yearsOf(s.byYear);
    const first = own.length ? Math.min(...own) : Infinity;
    const last = own.length ? Math.max(...own) : -Infinity;
    return {
      name: s.name,
      values: years.map((y) => {
        const n = Number(y);
        if (n < first || n > last) return null;
        return s.byYear[y] ?? 0;
      }),
    };
  });
  return { years, series };
}
