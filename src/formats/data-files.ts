// The library's data files, one per table (library-tables.ts), as JSON Lines
// or Parquet: what the dashboard downloads and `cli export --format
// jsonl|parquet` writes. The Parquet writer is imported only for Parquet.

import type { LightResult } from '../core/merge/types';
import { tableToJsonLines } from './jsonl';
import { libraryTables, TABLE_NAMES, tableFileName, type TableName } from './library-tables';

export type DataFormat = 'jsonl' | 'parquet';
export const DATA_FORMATS: readonly DataFormat[] = ['jsonl', 'parquet'];

export const DATA_MIME: Record<DataFormat, string> = {
  // RFC 7464's registered JSON text sequence type does not fit (it needs RS separators); this is the common one.
  jsonl: 'application/x-ndjson; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

export interface DataFile {
  table: TableName;
  /** Dated for a download (tableFileName); `cli export --out` names them `<table>.<format>`. */
  name: string;
  data: Uint8Array;
  mime: string;
}

export async function dataFiles(
  result: Pick<LightResult, 'works' | 'people'>,
  format: DataFormat,
  opts: { currentYear: number; date: Date; tables?: readonly TableName[] },
): Promise<DataFile[]> {
  const tables = libraryTables(result, { currentYear: opts.currentYear });
  const write = format === 'parquet' ? (await import('./parquet')).tableToParquet : (t: TableName, rows: (typeof tables)[TableName]) => new TextEncoder().encode(tableToJsonLines(t, rows));
  return (opts.tables ?? TABLE_NAMES).map((t) => ({ table: t, name: tableFileName(t, format, opts.date), data: write(t, tables[t]), mime: DATA_MIME[format] }));
}
