// The metrics read only what they need of a merged work; shared by the
// commands that compute metrics from merged works.
import type { MergedWork } from '../core/merge/types';
import type { MetricWork } from '../core/metrics';

export function toMetricWork(w: Pick<MergedWork, 'citations' | 'year' | 'authors' | 'venue'>): MetricWork {
  const m: MetricWork = {};
  if (w.citations !== undefined) m.citations = w.citations;
  if (w.year !== undefined) m.year = w.year;
  if (w.authors) m.authors = w.authors;
  if (w.venue) m.venue = w.venue;
  return m;
}
