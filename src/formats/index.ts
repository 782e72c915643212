// The export API the popup, the dashboard and `cli export` call. Every
// bibliographic format is written from CSL-JSON items (csl.ts); keys are
// assigned once per export so BibTeX, RIS and CSL-JSON of the same selection
// share them.

import type { Capture } from '../core/capture';
import type { MergedWork } from '../core/merge/types';
import { serializeBackup, type Backup } from './backup';
import { bibtexEntry } from './bibtex';
import { mergedToCsl, toCslJson, workToCsl, type CslItem } from './csl';
import { worksToCsv } from './csv';
import { withCitationKeys } from './keys';
import { reportCsv, reportMarkdown, type PersonReportInput } from './report';
import { toRis } from './ris';
import { toPopCsv } from './pop-csv';

export type { CslItem } from './csl';
export type { Backup, StoredCaptureRecord, BackupDecision, ImportPlan, ParsedBackup } from './backup';
export { makeBackup, parseBackup, planImport, serializeBackup } from './backup';
// The BibTeX importer (src/formats/import.ts) is not re-exported: it pulls in
// citation-js, which the popup must not load. Import it from './import'.
export { importUrl, BIBLIOGRAPHY_SOURCE } from './bibliography';
export type { PersonReportInput, ReportStated, ReportDefinition } from './report';

import { FORMAT_INFO, type ExportFormat } from './info';

export { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from './info';

/**
 * What to export. Scope is the caller's choice: one person's merged works,
 * a selection, or every merged work — the formats don't care.
 */
export type ExportInput =
  | { works: readonly MergedWork[] }
  | { items: readonly CslItem[] }
  | { backup: Backup }
  | { report: PersonReportInput };

/** Merged works as CSL items carrying their citation keys as ids. */
export function itemsFromMerged(works: readonly MergedWork[]): CslItem[] {
  return withCitationKeys(works.map((w) => mergedToCsl(w)));
}

/** Works straight from captures, unmerged (one item per record), keyed. */
export function itemsFromCaptures(captures: readonly Capture[]): CslItem[] {
  const items = captures.flatMap((c, ci) => (c.works ?? []).map((w, wi) => workToCsl(w, `c${ci}w${wi}`)));
  return withCitationKeys(items);
}

/** `now`: the query date and the year ages count from in the Publish or Perish CSV (passed in, never read from the clock here). */
export function exportAs(format: ExportFormat, input: ExportInput, opts: { now?: Date } = {}): string {
  if (format === 'json') {
    if (!('backup' in input)) throw new Error('the JSON backup exports { backup }');
    return serializeBackup(input.backup);
  }
  if (format === 'report-md' || format === 'report-csv') {
    if (!('report' in input)) throw new Error('a metrics report exports { report }');
    return format === 'report-md' ? reportMarkdown(input.report) : reportCsv(input.report);
  }
  const items = 'works' in input ? itemsFromMerged(input.works) : 'items' in input ? [...input.items] : undefined;
  if (!items) throw new Error(`${FORMAT_INFO[format].label} exports { works } or { items }`);
  switch (format) {
    case 'bibtex':
      return items.map(bibtexEntry).join('\n');
    case 'ris':
      return toRis(items);
    case 'csl':
      return toCslJson(items);
    case 'csv':
      return worksToCsv(items);
    case 'pop-csv':
      if (!opts.now) throw new Error('the Publish or Perish CSV needs the export date (opts.now)');
      return toPopCsv(items, opts.now);
  }
}

/** Lower-case words joined by hyphens; letters of any script kept, accents dropped. */
export function fileSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** "ada-lovelace-2026-11-22.bib"; without a person, "scholar-lens-…" (or "…-selection-…"). */
export function fileNameFor(scope: { personName?: string; selection?: boolean }, format: ExportFormat, date: Date): string {
  const who = (scope.personName && fileSlug(scope.personName)) || (scope.selection ? 'scholar-lens-selection' : 'scholar-lens');
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${who}-${day}${FORMAT_INFO[format].suffix}`;
}
