// The data exports read by a real engine: the JSON Lines and Parquet files of
// a library built from real captures (tests/helpers/real-library.ts) are
// loaded with DuckDB (its Node package), and the counts and a few values are
// checked against what the saved pages say, worked out by hand:
//   - Rui Tan's DBLP person XML holds 135 <r> records (grep -c '<r>'); DBLP
//     gives no citation counts.
//   - the ORCID record lists 26 work groups (activities-summary.works.group);
//     no citation counts, and work summaries carry no author lists.
//   - Semantic Scholar's author response for A. Turing: 60 papers whose
//     citationCount values sum to 12416 (the response itself states 12415);
//     sorted, the 23rd is 32 and the 24th is 13, so h = 23 (it states 23).
//     Three of them (papers[23], [25], [59]: "Turing 1950 1 The Imitation
//     Game" 2010, "Computing Machinery and Intelligence A.M. Turing" 2007, and
//     an undated one; no venue, no DOI, citations 0, 129, 0) are copies whose
//     abstracts open with the same words as papers[51], the 1950 Mind paper
//     (8596 citations): merged, 57 works, 12416 − 129 = 12287 citations, and
//     without the copy's 129 the 23rd count is 13, so h = 22.
//   - Cherukuri's Scholar profile, 20 rows: 131 81 33 30 27 18 14 13 13 13 12
//     9 8 7 5 3 3 3 1 1 (tests/unit/metrics-scholar.test.ts): sum 425, h 11,
//     and the top 20 together have 425 ≥ 400 citations, so g = 20.
//   - Elmatary's profile, 12 rows: sum 56, h 4 (metrics-scholar.test.ts).
//   - Ernst's profile, 58 rows, make 52 works with 1036 citations once
//     Scholar's own duplicate rows are joined (ui-profile-data.test.ts); his
//     most cited row, 485 citations, is also the saved "view article" page.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import { dataFiles, type DataFormat } from '../../src/formats/data-files';
import { LIBRARY_TABLES, libraryTables, TABLE_NAMES, type LibraryTables } from '../../src/formats/library-tables';
import { FIXED_NOW } from '../helpers/fixtures';
import { realLibrary } from '../helpers/real-library';

const YEAR = 2026;
let dir = '';
let tables: LibraryTables;
let db: DuckDBInstance;
let con: DuckDBConnection;
const file: Record<DataFormat, (t: string) => string> = {
  jsonl: (t) => join(dir, 'jsonl', `${t}.jsonl`),
  parquet: (t) => join(dir, 'parquet', `${t}.parquet`),
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholar-lens-engines-'));
  const result = mergeAll(realLibrary(), []);
  tables = libraryTables(result, { currentYear: YEAR });
  for (const format of ['jsonl', 'parquet'] as const) {
    mkdirSync(join(dir, format));
    for (const f of await dataFiles(result, format, { currentYear: YEAR, date: FIXED_NOW })) writeFileSync(file[format](f.table), f.data);
  }
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Rows of a query, DuckDB's BIGINTs as numbers and its lists as arrays. */
async function q(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await con.runAndReadAll(sql);
  const plain = (v: unknown): unknown => {
    if (typeof v === 'bigint') return Number(v);
    if (v && typeof v === 'object' && 'items' in v && Array.isArray((v as { items: unknown[] }).items)) return (v as { items: unknown[] }).items.map(plain);
    return v;
  };
  return reader.getRowObjects().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
}

const from = (format: DataFormat, table: string) => (format === 'jsonl' ? `read_json('${file.jsonl(table)}', format = 'newline_delimited')` : `read_parquet('${file.parquet(table)}')`);

describe.each(['jsonl', 'parquet'] as const)('DuckDB reads the %s files', (format) => {
  const t = (name: string) => from(format, name);

  test('every table, every row', async () => {
    for (const name of TABLE_NAMES) {
      const [row] = await q(`select count(*) as n from ${t(name)}`);
      expect(row!.n, name).toBe(tables[name].length);
    }
    // Six author pages of six different people (none shares an id or enough works with another).
    expect((await q(`select count(*) as n from ${t('people')}`))[0]!.n).toBe(6);
  });

  test('the links keep every record of a person’s own pages (DBLP: 135 records)', async () => {
    const rows = await q(`
      select p.name, count(*) as links, count(distinct l.work_id) as works, min(l.source) as source, min(l.page_url) as page
      from ${t('person_works')} l join ${t('people')} p using (person_id)
      group by p.name order by p.name`);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['Rui Tan']).toMatchObject({ links: 135, source: 'dblp', page: 'https://dblp.org/pid/00/5179.html' });
    expect(byName['Jason Ernst']).toMatchObject({ links: 58, works: 52, source: 'google-scholar' });
    expect(byName['Charles Tapley Hoyt']).toMatchObject({ links: 26, works: 26, source: 'orcid' });
    expect(byName['A. Turing']).toMatchObject({ links: 60, works: 57, source: 'semantic-scholar' });
  });

  test('metrics: computed figures, and unknown (null) where no page gives citation counts', async () => {
    const rows = await q(`
      select p.name, m.papers, m.citations, m.h_index, m.g_index, m.first_author, m.works_with_citations
      from ${t('metrics')} m join ${t('people')} p using (person_id) order by p.name`);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['A. Turing']).toMatchObject({ papers: 57, citations: 12287, h_index: 22 });
    expect(byName['Bangar Raju Cherukuri']).toMatchObject({ papers: 20, citations: 425, h_index: 11, g_index: 20 });
    expect(byName['Doaa Elmatary']).toMatchObject({ citations: 56, h_index: 4 });
    expect(byName['Jason Ernst']).toMatchObject({ papers: 52, citations: 1036 });
    // Unknown is not zero: DBLP and ORCID state no counts.
    expect(byName['Rui Tan']).toMatchObject({ citations: null, h_index: null, works_with_citations: 0 });
    expect(byName['Charles Tapley Hoyt']).toMatchObject({ papers: 26, citations: null, h_index: null, first_author: null });
    // The same question answered from the works: summing the works' counts gives null too, never 0.
    const [sum] = await q(`
      select sum(w.citations) as c from ${t('person_works')} l join ${t('works')} w using (work_id)
      join ${t('people')} p using (person_id) where p.name = 'Rui Tan'`);
    expect(sum!.c).toBeNull();
  });

  test('works: the most cited work of Ernst is one work from two pages', async () => {
    const [top] = await q(`
      select w.citations, w.records, w.sources, w.citations_source
      from ${t('works')} w join ${t('person_works')} l using (work_id) join ${t('people')} p using (person_id)
      where p.name = 'Jason Ernst' order by w.citations desc nulls last limit 1`);
    expect(top).toMatchObject({ citations: 485, records: 2, sources: ['google-scholar'], citations_source: 'google-scholar' });
  });

  test('list columns are lists and the schema types are kept', async () => {
    const cols = Object.fromEntries((await q(`describe select * from ${t('works')}`)).map((r) => [r.column_name, r.column_type]));
    expect(cols.authors).toBe('VARCHAR[]');
    expect(cols.work_id).toBe('VARCHAR');
    expect(cols.citations).toMatch(/^(INTEGER|BIGINT)$/);
    expect(cols.title_truncated).toBe('BOOLEAN');
    const links = Object.fromEntries((await q(`describe select * from ${t('person_works')}`)).map((r) => [r.column_name, r.column_type]));
    // DuckDB detects ISO-8601 strings in JSON as timestamps; Parquet stores them typed.
    expect(links.captured_at).toMatch(/^TIMESTAMP/);
    const [hoyt] = await q(`select ids, sites from ${t('people')} where name = 'Charles Tapley Hoyt'`);
    expect(hoyt!.ids).toContain('orcid:0000-0003-4423-4370');
    expect(hoyt!.sites).toEqual(['orcid']);
  });
});

test('the JSON Lines and Parquet files hold the same rows', async () => {
  for (const name of TABLE_NAMES) {
    const key = name === 'person_works' ? 'person_id, work_id, capture_key, record_index' : name === 'works' ? 'work_id' : 'person_id';
    const cols = name === 'person_works' ? '* exclude (captured_at)' : '*';
    const a = await q(`select ${cols} from ${from('jsonl', name)} order by ${key}`);
    const b = await q(`select ${cols} from ${from('parquet', name)} order by ${key}`);
    expect(b, name).toEqual(a);
  }
});

test('the Parquet files say which table and schema version they hold', async () => {
  const kv = await q(`select decode(key) as k, decode(value) as v from parquet_kv_metadata('${file.parquet('works')}') order by k`);
  expect(kv).toEqual([
    { k: 'scholar-lens.schema-version', v: '1' },
    { k: 'scholar-lens.table', v: 'works' },
  ]);
});

test('docs/formats.md documents every table and column', () => {
  const docs = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
  const section = docs.slice(docs.indexOf('## Data tables'), docs.indexOf('## The committee table'));
  for (const name of TABLE_NAMES) {
    expect(section, name).toContain(`### \`${name}\``);
    for (const c of LIBRARY_TABLES[name]) expect(section, `${name}.${c.name}`).toContain(`\`${c.name}\``);
  }
});
