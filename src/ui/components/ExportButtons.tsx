// Export buttons shared by the popup and the dashboard: each writes one file
// named for the person (or the scope), the format and today's date.
import { useState } from 'preact/hooks';
import type { LightWork, MergedWork } from '../../core/merge/types';
import type { PersonReportInput } from '../../formats';
import { FORMAT_INFO, type ExportFormat } from '../../formats/info';
import { downloadText } from './download';
import { useProvenance } from './provenance';

export interface ExportScope<W extends LightWork = MergedWork> {
  /** Light works as the lists hold them; exportFile takes them whole (with their provenance: the CSL export lists citations by site). */
  works: readonly W[];
  personName?: string;
  selection?: boolean;
  /** A metrics report is offered only for one person. */
  report?: () => PersonReportInput | Promise<PersonReportInput>;
}

const WORK_FORMATS: ExportFormat[] = ['bibtex', 'ris', 'csl', 'csv', 'pop-csv'];

// The writers are loaded on the first click: the popup opens without them.
export async function exportFile(format: ExportFormat, scope: ExportScope, now: Date): Promise<{ text: string; name: string; mime: string }> {
  const { exportAs, fileNameFor } = await import('../../formats');
  const input = format === 'report-md' || format === 'report-csv' ? { report: await scope.report!() } : { works: scope.works };
  const name = fileNameFor({ ...(scope.personName ? { personName: scope.personName } : {}), ...(scope.selection ? { selection: true } : {}) }, format, now);
  return { text: exportAs(format, input, { now }), name, mime: FORMAT_INFO[format].mime };
}

export function ExportButtons({ scope, now, label = 'Export' }: { scope: ExportScope<LightWork>; now: () => Date; label?: string }) {
  const formats = scope.report ? [...WORK_FORMATS, 'report-md' as const, 'report-csv' as const] : WORK_FORMATS;
  const empty = scope.works.length === 0;
  const provenance = useProvenance();
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <div class="exports" role="group" aria-label={label}>
      {formats.map((f) => (
        <button
          type="button"
          class="chip-button"
          data-format={f}
          disabled={empty && !f.startsWith('report')}
          onClick={async () => {
            try {
              // A report needs no work's provenance.
              const works = f.startsWith('report') ? [] : await provenance(scope.works);
              const file = await exportFile(f, { ...scope, works }, now());
              setProblem(undefined);
              downloadText(file.text, file.name, file.mime);
            } catch (e) {
              setProblem(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          {f === 'report-md' ? 'Report (Markdown)' : f === 'report-csv' ? 'Report (CSV)' : f === 'pop-csv' ? 'PoP CSV' : FORMAT_INFO[f].label}
        </button>
      ))}
      {problem && (
        <p class="small" role="alert">
          Not exported: {problem}
        </p>
      )}
    </div>
  );
}
