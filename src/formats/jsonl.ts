// JSON Lines (https://jsonlines.org): one JSON object per line, UTF-8, "\n"
// after every line, no byte order mark. Each object has every column of its
// table in schema order, null where there is no value, so engines that infer
// a schema from a sample (DuckDB's read_json, Spark's spark.read.json) see
// the same keys on every line.

import { orderedRow, type Row, type TableName } from './library-tables';

export function tableToJsonLines(table: TableName, rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) out += `${JSON.stringify(orderedRow(table, r))}\n`;
  return out;
}
