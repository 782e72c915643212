// Apache Parquet through hyparquet-writer (pure JavaScript, no WebAssembly,
// no native code): the same columns as the JSON Lines files, typed. Strings
// are UTF8 byte arrays, lists are 3-level LIST groups of UTF8, timestamps are
// INT64 milliseconds (TIMESTAMP_MILLIS, UTC), ints INT32, doubles DOUBLE.
// Snappy-compressed, the engines' default. Loaded only when the user exports:
// the dashboard and popup open without it.

import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import { LIBRARY_TABLES, TABLES_SCHEMA_VERSION, type ColumnType, type Row, type TableName } from './library-tables';

type SchemaElement = NonNullable<Parameters<typeof parquetWrite>[0]['schema']>[number];
type ColumnSource = Parameters<typeof parquetWrite>[0]['columnData'][number];

function leaf(name: string, type: Exclude<ColumnType, 'string[]'>, repetition: 'REQUIRED' | 'OPTIONAL'): SchemaElement {
  switch (type) {
    case 'string':
      return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition };
    case 'int':
      return { name, type: 'INT32', repetition_type: repetition };
    case 'double':
      return { name, type: 'DOUBLE', repetition_type: repetition };
    case 'bool':
      return { name, type: 'BOOLEAN', repetition_type: repetition };
    case 'timestamp':
      return { name, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: repetition };
  }
}

function schemaOf(table: TableName): SchemaElement[] {
  const cols = LIBRARY_TABLES[table];
  const out: SchemaElement[] = [{ name: 'root', num_children: cols.length }];
  for (const c of cols) {
    const repetition = c.nullable ? 'OPTIONAL' : 'REQUIRED';
    if (c.type === 'string[]') {
      // The standard 3-level list (parquet-format LogicalTypes.md), which Spark, DuckDB and Arrow read as list<string>.
      out.push(
        { name: c.name, repetition_type: repetition, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      );
    } else out.push(leaf(c.name, c.type, repetition));
  }
  return out;
}

function valueFor(type: ColumnType, v: Row[string] | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'timestamp') return new Date(v as string);
  return v;
}

/** One table as the bytes of a Parquet file. */
export function tableToParquet(table: TableName, rows: readonly Row[]): Uint8Array {
  const cols = LIBRARY_TABLES[table];
  const columnData = cols.map((c): ColumnSource => ({ name: c.name, data: rows.map((r) => valueFor(c.type, r[c.name])) as ColumnSource['data'] }));
  const writer = new ByteWriter();
  parquetWrite({
    writer,
    columnData,
    schema: schemaOf(table),
    kvMetadata: [
      { key: 'scholar-lens.table', value: table },
      { key: 'scholar-lens.schema-version', value: String(TABLES_SCHEMA_VERSION) },
    ],
    createdBy: 'Scholar Lens',
  });
  return new Uint8Array(writer.getBuffer());
}
