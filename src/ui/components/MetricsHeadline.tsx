// The headline figures: what each site states beside what Scholar Lens
// computes from the merged works, and why they differ when they do.
import type { StatedMetrics } from '../../core/capture';
import { citationCountsNote, flaggedWorksNote, unknownReason, type Metrics } from '../../core/metrics';
// The four rows' definitions alone: the popup opens without the other metrics' (definitions.ts).
import { HEADLINE_DEFINITIONS } from '../../core/metrics/headline-definitions';
import type { PersonView } from '../model/person-view';

const ROWS = [
  ['citations', 'citationsSince', 'Citations'],
  ['hIndex', 'hIndexSince', 'h-index'],
  ['i10Index', 'i10IndexSince', 'i10-index'],
  ['papers', undefined, 'Papers'],
] as const;

export const fmt = (n: number | null | undefined) =>
  n === undefined || n === null ? '—' : Number.isInteger(n) ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 2 });

/** Years are printed as years ("2001", never "2,001"). */
const YEAR_KEYS = new Set(['firstYear', 'lastYear']);

/**
 * A computed metric as shown: its number, or "unknown" with the reason when
 * no site gave the citation counts it needs (never a 0 that means "unknown").
 */
export function MetricValue({ metrics, k }: { metrics: Metrics; k: keyof Metrics }) {
  const v = metrics[k];
  const why = v === null ? unknownReason(metrics, k) : undefined;
  if (why)
    return (
      <span class="unknown" title={`Unknown: ${why}`}>
        unknown
      </span>
    );
  if (typeof v !== 'number' && v !== null) return <>—</>;
  return <>{YEAR_KEYS.has(k) && typeof v === 'number' ? String(v) : fmt(v)}</>;
}

export function MetricsHeadline({ view }: { view: PersonView }) {
  const sites = view.comparisons;
  const anySince = (s: StatedMetrics | undefined) => s?.sinceYear !== undefined;
  const flagged = flaggedWorksNote(view.flaggedIncluded);
  // An unknown figure's reason is said once, below the table, not once per site.
  const reasons = sites.flatMap((c) => c.rows.filter((r) => r.reason && r.computed !== null).map((r) => ({ site: c.site, row: r })));
  const counts = citationCountsNote(view.metrics);
  return (
    <section class="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {sites.map((c) => (
              <>
                <th scope="col">
                  <bdi>{c.site}</bdi> states
                </th>
                {anySince(c.stated.metrics) && <th scope="col">Since {c.stated.metrics!.sinceYear}</th>}
              </>
            ))}
            <th scope="col">Computed</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, since, label]) => {
            const differs = view.metrics[key] !== null && sites.some((c) => c.rows.some((r) => r.metric === key && !r.agrees));
            return (
              <tr>
                <th scope="row" title={HEADLINE_DEFINITIONS[key].definition}>
                  {label}
                </th>
                {sites.map((c) => (
                  <>
                    <td>{fmt(c.stated.metrics?.[key])}</td>
                    {anySince(c.stated.metrics) && <td>{since ? fmt(c.stated.metrics?.[since]) : '—'}</td>}
                  </>
                ))}
                <td class={differs ? 'differs' : undefined}>
                  <MetricValue metrics={view.metrics} k={key} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted small">
        Computed from {view.works.length.toLocaleString('en')} merged works
        {view.sites.length > 1 ? ` across ${view.sites.length} sites` : ''}
        {flagged ? `; ${flagged}` : ''}
        {counts ? `; ${counts}` : ''}.
      </p>
      {reasons.length > 0 && (
        <ul class="reasons small">
          {reasons.map(({ site, row }) => (
            <li>
              {labelOf(row.metric)}: {site} states {fmt(row.stated)}, computed {fmt(row.computed)} — {row.reason}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function labelOf(metric: string): string {
  return ROWS.find((r) => r[0] === metric)?.[2] ?? metric;
}
