// "Export everything" as data tables: the library's four tables
// (src/formats/library-tables.ts) as JSON Lines or Parquet files, one file
// per table. The writers, the Parquet one above all, are loaded on the click:
// the dashboard opens without them.
import { useState } from 'preact/hooks';
import type { LightResult } from '../../core/merge/types';
import { downloadBytes } from '../components/download';

const LABELS = { jsonl: 'Data tables (JSON Lines)', parquet: 'Data tables (Parquet)' } as const;

export function DataExports({ result, currentYear, now }: { result: LightResult; currentYear: number; now(): Date }) {
  const [busy, setBusy] = useState<keyof typeof LABELS | undefined>();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const run = async (format: keyof typeof LABELS) => {
    setBusy(format);
    setMsg(undefined);
    try {
      const { dataFiles } = await import('../../formats/data-files');
      const files = await dataFiles(result, format, { currentYear, date: now() });
      for (const f of files) downloadBytes(f.data, f.name, f.mime);
      setMsg({ ok: true, text: `${files.length} files: ${files.map((f) => f.name).join(', ')}.` });
    } catch (e) {
      setMsg({ ok: false, text: `Not exported: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      <div class="exports" role="group" aria-label="Export data tables">
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((f) => (
          <button type="button" class="chip-button" data-format={f} disabled={busy !== undefined || result.people.length + result.works.length === 0} onClick={() => run(f)}>
            {busy === f ? 'Writing…' : LABELS[f]}
          </button>
        ))}
      </div>
      <p class="small muted">
        People, works, who each work is attributed to (and from which page), and everyone's metrics: one file per table, for DuckDB, Spark or pandas (columns in docs/formats.md).
      </p>
      {msg && (
        <p class={`status ${msg.ok ? 'status--ok' : 'status--bad'} small`} role="status">
          {msg.text}
        </p>
      )}
    </>
  );
}
