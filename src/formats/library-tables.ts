// The whole library as four tables a data engine reads as they are (DuckDB,
// Spark, pandas, R): people, works, person–work links with where each link
// comes from, and every person's computed metrics. One schema for both file
// formats (jsonl.ts, parquet.ts), described column by column here and in
// docs/formats.md. Pure: a merge result in, rows out.

import { WORK_ID_KEYS, type WorkIdKey } from '../core/capture';
import { librarySummaries, type ScalarMetric } from '../core/library-figures';
import type { LightResult } from '../core/merge/types';
import { compareCodePoints } from '../core/order';

/** Bumped when a column changes meaning or type; adding a column keeps it. */
export const TABLES_SCHEMA_VERSION = 1;

export type ColumnType = 'string' | 'int' | 'double' | 'bool' | 'timestamp' | 'string[]';

export interface TableColumn {
  name: string;
  type: ColumnType;
  /** False: every row has a value. */
  nullable: boolean;
}

export type Value = string | number | boolean | string[] | null;
export type Row = Record<string, Value>;

const col = (name: string, type: ColumnType, nullable = true): TableColumn => ({ name, type, nullable });

const PEOPLE: TableColumn[] = [
  col('person_id', 'string', false),
  col('name', 'string', false),
  col('name_variants', 'string[]', false),
  col('affiliation', 'string'),
  col('homepage', 'string'),
  col('ids', 'string[]', false),
  col('sites', 'string[]', false),
  col('pages', 'int', false),
  col('works', 'int', false),
  col('flagged_works', 'int', false),
  col('removed_works', 'int', false),
  col('linked_by', 'string[]', false),
  col('possibly_same_as', 'string[]', false),
];

const WORKS: TableColumn[] = [
  col('work_id', 'string', false),
  col('title', 'string'),
  col('title_truncated', 'bool', false),
  col('authors', 'string[]', false),
  col('year', 'int'),
  col('venue', 'string'),
  col('type', 'string'),
  ...WORK_ID_KEYS.map((k) => col(k, 'string')),
  col('url', 'string'),
  col('abstract', 'string'),
  col('citations', 'int'),
  col('citations_source', 'string'),
  col('citations_captured_at', 'timestamp'),
  col('sources', 'string[]', false),
  col('versions', 'string[]', false),
  col('records', 'int', false),
  col('matched_by', 'string[]', false),
  col('flags', 'string[]', false),
];

const PERSON_WORKS: TableColumn[] = [
  col('person_id', 'string', false),
  col('work_id', 'string', false),
  col('capture_key', 'string'),
  col('source', 'string'),
  col('page_url', 'string'),
  col('captured_at', 'timestamp'),
  col('record_index', 'int'),
  col('record_ref', 'string'),
  col('placed_by', 'string'),
  col('flagged', 'bool', false),
  col('flagged_by', 'string'),
];

/** The metrics table's columns: snake_case of the metric names, the committee CSV's names too. */
export const METRIC_COLUMN_NAMES: Record<ScalarMetric, string> = {
  papers: 'papers',
  citations: 'citations',
  firstYear: 'first_year',
  lastYear: 'last_year',
  years: 'years',
  citesPerYear: 'cites_per_year',
  citesPerPaper: 'cites_per_paper',
  citesPerAuthor: 'cites_per_author',
  papersPerAuthor: 'papers_per_author',
  authorsPerPaper: 'authors_per_paper',
  hIndex: 'h_index',
  gIndex: 'g_index',
  eIndex: 'e_index',
  i10Index: 'i10_index',
  mQuotient: 'm_quotient',
  hcIndex: 'hc_index',
  hI: 'hi',
  hINorm: 'hi_norm',
  hIAnnual: 'hi_annual',
  awcr: 'awcr',
  awIndex: 'aw_index',
  awcrpa: 'awcrpa',
  acc1: 'acc1',
  acc2: 'acc2',
  acc5: 'acc5',
  acc10: 'acc10',
  acc20: 'acc20',
  firstAuthor: 'first_author',
  lastAuthor: 'last_author',
  soleAuthor: 'sole_author',
  hirschA: 'hirsch_a',
  acIndex: 'ac_index',
  hmIndex: 'hm_index',
  hAIndex: 'ha_index',
};

/** Counts and h-type indices are whole numbers; rates and √-based indices are not. */
const DOUBLE_METRICS = new Set<ScalarMetric>(['citesPerYear', 'citesPerPaper', 'citesPerAuthor', 'papersPerAuthor', 'authorsPerPaper', 'eIndex', 'mQuotient', 'hI', 'hIAnnual', 'awcr', 'awIndex', 'awcrpa', 'hirschA', 'acIndex', 'hmIndex']);

const METRICS: TableColumn[] = [
  col('person_id', 'string', false),
  col('current_year', 'int', false),
  ...(Object.keys(METRIC_COLUMN_NAMES) as ScalarMetric[]).map((k) => col(METRIC_COLUMN_NAMES[k], DOUBLE_METRICS.has(k) ? 'double' : 'int', k !== 'papers')),
  col('works_with_citations', 'int', false),
  col('works_with_authors', 'int', false),
  col('works_with_year', 'int', false),
  col('works_with_truncated_authors', 'int', false),
  col('flagged_works_included', 'int', false),
];

export const LIBRARY_TABLES = { people: PEOPLE, works: WORKS, person_works: PERSON_WORKS, metrics: METRICS } as const;
export type TableName = keyof typeof LIBRARY_TABLES;
export const TABLE_NAMES = Object.keys(LIBRARY_TABLES) as TableName[];

export type LibraryTables = Record<TableName, Row[]>;

export interface TablesOptions {
  /** The year ages are counted from (metrics); passed in, never read from the clock. */
  currentYear: number;
}

/** Every table of the library, rows in a stable order (by id). */
export function libraryTables(result: Pick<LightResult, 'works' | 'people'>, opts: TablesOptions): LibraryTables {
  const people = [...result.people].sort((a, b) => compareCodePoints(a.id, b.id));
  const works = [...result.works].sort((a, b) => compareCodePoints(a.id, b.id));
  const summaries = new Map(librarySummaries(result, opts.currentYear).map((s) => [s.person.id, s]));

  const peopleRows: Row[] = people.map((p) => ({
    person_id: p.id,
    name: p.name,
    name_variants: p.nameVariants,
    affiliation: p.affiliation ?? null,
    homepage: p.homepage ?? null,
    ids: Object.entries(p.ids)
      .flatMap(([kind, list]) => (list ?? []).map((id) => `${kind}:${id}`))
      .sort(compareCodePoints),
    sites: [...new Set(p.pages.map((pg) => pg.source))].sort(compareCodePoints),
    pages: p.pages.length,
    works: p.workIds.length,
    flagged_works: p.flaggedWorks?.length ?? 0,
    removed_works: p.removedWorkIds?.length ?? 0,
    linked_by: [...p.linkedBy],
    possibly_same_as: p.suggestions.map((s) => s.personId),
  }));

  const workRows: Row[] = works.map((w) => {
    const row: Row = {
      work_id: w.id,
      title: w.title ?? null,
      title_truncated: w.titleTruncated === true,
      authors: w.authors ?? [],
      year: w.year ?? null,
      venue: w.venue ?? null,
      type: w.type ?? null,
    };
    for (const k of WORK_ID_KEYS) row[k] = w.ids[k as WorkIdKey] ?? null;
    return {
      ...row,
      url: w.url ?? null,
      abstract: w.abstract ?? null,
      citations: w.citations ?? null,
      citations_source: w.citationsFrom?.source ?? null,
      citations_captured_at: w.citationsFrom?.capturedAt ?? null,
      sources: [...new Set(w.members.map((m) => m.source))].sort(compareCodePoints),
      versions: w.versions.map((v) => v.kind),
      records: w.members.length,
      matched_by: [...w.matchedBy],
      flags: w.flags ?? [],
    };
  });

  const byId = new Map(result.works.map((w) => [w.id, w]));
  const links: Row[] = [];
  for (const p of people) {
    const pages = new Map(p.pages.map((pg) => [pg.captureKey, pg]));
    const flagged = new Map((p.flaggedWorks ?? []).map((f) => [f.workId, f]));
    for (const workId of [...p.workIds].sort(compareCodePoints)) {
      const w = byId.get(workId);
      const flag = flagged.get(workId);
      const common = { person_id: p.id, work_id: workId, flagged: flag !== undefined, flagged_by: flag?.source ?? null };
      // One row per record of the person's own pages that went into the work:
      // which page listed it, when it was captured, its position there.
      const own = (w?.members ?? []).filter((m) => pages.has(m.captureKey));
      if (!own.length) {
        links.push({ ...common, capture_key: null, source: null, page_url: null, captured_at: null, record_index: null, record_ref: null, placed_by: null });
        continue;
      }
      for (const m of own)
        links.push({
          ...common,
          capture_key: m.captureKey,
          source: m.source,
          page_url: pages.get(m.captureKey)!.url,
          captured_at: m.capturedAt,
          record_index: m.index,
          record_ref: m.ref ?? null,
          placed_by: m.placedBy ?? null,
        });
    }
  }

  const metricRows: Row[] = people.map((p) => {
    const s = summaries.get(p.id)!;
    const row: Row = { person_id: p.id, current_year: opts.currentYear };
    for (const [k, name] of Object.entries(METRIC_COLUMN_NAMES) as [ScalarMetric, string][]) row[name] = s.known[k] ?? null;
    return {
      ...row,
      works_with_citations: s.worksWith.citations,
      works_with_authors: s.worksWith.authors,
      works_with_year: s.worksWith.years,
      works_with_truncated_authors: s.metrics.coverage.worksWithTruncatedAuthors,
      flagged_works_included: s.flaggedIncluded,
    };
  });

  return { people: peopleRows, works: workRows, person_works: links, metrics: metricRows };
}

/** A row's values in the table's column order, every column present (null when absent). */
export function orderedRow(table: TableName, row: Row): Row {
  const out: Row = {};
  for (const c of LIBRARY_TABLES[table]) out[c.name] = row[c.name] ?? null;
  return out;
}

/** "scholar-lens-2026-11-22-works.parquet": the date of the export, then the table. */
export function tableFileName(table: TableName, extension: 'jsonl' | 'parquet', date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `scholar-lens-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${table}.${extension}`;
}
