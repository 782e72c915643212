// A person's metrics report, in Markdown and CSV: every computed metric with
// its definition, beside the figures each site stated on its author page.
// Stated figures are shown as stated, never combined or recomputed.

import type { StatedMetrics } from '../core/capture';
import { flaggedWorksNote } from '../core/metrics/flagged';
import { toCsv, type Cell } from './csv';

export interface ReportDefinition {
  label: string;
  definition: string;
  source: string;
}

export interface ReportStated {
  /** Site id ("google-scholar"). */
  source: string;
  url?: string;
  capturedAt?: string;
  metrics?: StatedMetrics;
}

export interface PersonReportInput {
  personName: string;
  /** computeMetrics(...) output; values may be numbers, null, records or ranked lists. */
  computed: Record<string, unknown>;
  /** METRIC_DEFINITIONS, in the order rows should appear. */
  definitions: Record<string, ReportDefinition>;
  stated: ReportStated[];
  /** Shown in the report's header, e.g. "2026-11-22". */
  date?: string;
  /** How many works the computed figures count that the merge flagged as possibly a namesake's. */
  flaggedWorks?: number;
  /** Metrics that are unknown (not 0), by key, with the reason ("no site gave citation counts for these works"). */
  unknown?: Record<string, string>;
  /** What the citation counts behind the figures are ("citation counts known for 12 of 25 works"), when not all works have one. */
  citationCounts?: string;
  /** How ages are counted, stated once in the report. */
  ageConvention?: string;
}

const FLAGGED_DEFINITION =
  "Works counted in the computed figures that only one site's author page lists and that share no co-author, venue or distinctive title word with the person's other works: possibly a namesake's, not yet confirmed or removed.";

/** Stated figures that correspond to a computed metric. */
const STATED_FOR: Record<string, keyof StatedMetrics> = {
  papers: 'papers',
  citations: 'citations',
  hIndex: 'hIndex',
  i10Index: 'i10Index',
};

/** Stated "since year" figures Scholar Lens does not compute: rows of their own. */
const SINCE_ROWS: [keyof StatedMetrics, string][] = [
  ['citationsSince', 'Citations'],
  ['hIndexSince', 'h-index'],
  ['i10IndexSince', 'i10-index'],
];

export interface ReportRow {
  metric: string;
  label: string;
  computed: Cell;
  /** One value per entry of `stated`, same order. */
  stated: (number | undefined)[];
  definition: string;
  definitionSource: string;
}

/** Numbers rounded for reading; lists and records flattened to one line. */
export function formatValue(v: unknown): Cell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.round(v * 100) / 100;
  if (typeof v === 'string') return v;
  if (Array.isArray(v))
    return v
      .slice(0, 10)
      .map((e: unknown) => {
        if (typeof e !== 'object' || e === null) return String(e);
        const o = e as Record<string, unknown>;
        const name = o.name ?? o.venue;
        const n = o.sharedWorks ?? o.works;
        return n === undefined ? String(name) : `${String(name)} (${String(n)})`;
      })
      .join('; ') || undefined;
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, n]) => `${k}: ${String(n)}`)
      .join('; ') || undefined;
  return String(v);
}

export function reportRows(input: PersonReportInput): ReportRow[] {
  const rows: ReportRow[] = Object.entries(input.definitions).map(([metric, d]) => {
    const statedKey = STATED_FOR[metric];
    const unknown = input.unknown?.[metric];
    return {
      metric,
      label: d.label,
      // Unknown is written as such, never as an empty cell a reader could take for 0.
      computed: unknown ? 'unknown' : formatValue(input.computed[metric]),
      stated: input.stated.map((s) => (statedKey ? s.metrics?.[statedKey] : undefined)),
      definition: d.definition,
      definitionSource: d.source,
    };
  });
  for (const [key, label] of SINCE_ROWS) {
    const values = input.stated.map((s) => s.metrics?.[key]);
    if (values.every((v) => v === undefined)) continue;
    const years = [...new Set(input.stated.map((s) => s.metrics?.sinceYear).filter((y) => y !== undefined))];
    rows.push({
      metric: key,
      label: `${label} since ${years.join('/') || '(year not shown)'}`,
      computed: undefined,
      stated: values,
      definition: `As the site states it for the years since ${years.join('/') || 'the year it shows'}; not computed by Scholar Lens.`,
      definitionSource: 'the site',
    });
  }
  // Only when there are some, like the since-year rows: a report without flags reads as before.
  if (input.flaggedWorks)
    rows.push({ metric: 'flaggedWorks', label: 'Flagged works included', computed: input.flaggedWorks, stated: input.stated.map(() => undefined), definition: FLAGGED_DEFINITION, definitionSource: 'Scholar Lens' });
  return rows;
}

export function reportCsv(input: PersonReportInput): string {
  const header = ['person', 'metric', 'label', 'computed', ...input.stated.map((s) => `stated_${s.source}`), 'definition', 'definition_source'];
  const rows = reportRows(input).map((r) => [input.personName, r.metric, r.label, r.computed, ...r.stated, r.definition, r.definitionSource]);
  return toCsv(header, rows);
}

function mdCell(v: Cell): string {
  if (v === undefined) return '—';
  return String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function reportMarkdown(input: PersonReportInput): string {
  const statedHeads = input.stated.map((s) => `Stated (${s.source})`);
  const head = ['Metric', 'Computed', ...statedHeads, 'Definition'];
  const flagged = flaggedWorksNote(input.flaggedWorks ?? 0);
  const lines = [
    `# Metrics for ${mdCell(input.personName)}`,
    '',
    input.date ? `Exported by Scholar Lens on ${input.date}. ` : 'Exported by Scholar Lens. ',
    '“Computed” is worked out by Scholar Lens from the merged works; “Stated” is what each site’s author page showed, unchanged.',
    ...(flagged ? ['', `Computed from the merged works; ${flagged} (only one site lists ${input.flaggedWorks === 1 ? 'it' : 'them'}: possibly a namesake’s, not yet confirmed or removed).`] : []),
    ...(input.citationCounts ? ['', `Citation metrics: ${input.citationCounts}${Object.keys(input.unknown ?? {}).length ? ', so every metric built on citation counts is unknown' : ' (a work without a count adds 0)'}.`] : []),
    ...(input.ageConvention ? ['', `Ages: ${input.ageConvention}`] : []),
    '',
    ...input.stated.map((s) => `- ${s.source}: ${[s.url, s.capturedAt && `captured ${s.capturedAt}`].filter(Boolean).join(', ')}`),
    ...(input.stated.length ? [''] : []),
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...reportRows(input).map(
      (r) => `| ${[r.label, r.computed, ...r.stated, `${r.definition} (${r.definitionSource})`].map(mdCell).join(' | ')} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}
