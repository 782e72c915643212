// A merged work's field provenance (`fields`: every value with the capture
// that stated it), recomputed from the stored captures its records come
// from. The kept views store works without it (LightWork): it is most of
// their size and no list shows it. It is a function of the work's records
// alone (src/core/merge/shown.ts, provenanceOfRecords), so what this returns
// is what the merge built, as long as each record's capture is still the one
// the view was built from; a capture read again since (another capturedAt)
// or gone gives no provenance rather than another capture's values.

import type { Capture } from './capture';
import { normalizeWorkIds } from './merge/normalize';
import { provenanceOfRecords, type ProvenanceRecord } from './merge/shown';
import type { LightWork, MergedWork } from './merge/types';
import { hasProvenance } from './light-work';

export { hasProvenance, lightWork } from './light-work';

export type CaptureOf = (captureKey: string) => Pick<Capture, 'source' | 'capturedAt' | 'works'> | undefined;

/** The capture keys a work's provenance is read from. */
export function provenanceKeys(works: readonly LightWork[]): string[] {
  const keys = new Set<string>();
  for (const w of works) if (!hasProvenance(w)) for (const m of w.members) keys.add(m.captureKey);
  return [...keys].sort();
}

/** The work's `fields` from its records' captures; undefined when a capture is gone or is no longer the one the work was built from. */
export function provenanceOf(w: LightWork, captureOf: CaptureOf): MergedWork['fields'] | undefined {
  const recs: ProvenanceRecord[] = [];
  for (const m of w.members) {
    const c = captureOf(m.captureKey);
    const work = c?.works?.[m.index];
    if (!c || !work || c.capturedAt !== m.capturedAt || c.source !== m.source) return undefined;
    recs.push({ work, ids: normalizeWorkIds(work.ids), captureKey: m.captureKey, capture: { source: m.source, capturedAt: m.capturedAt } });
  }
  return provenanceOfRecords(recs);
}

/**
 * The works with their provenance, in the order given (a work that has it
 * already is returned as it is); undefined when any cannot be recomputed.
 * `fields` goes where the merge puts it (after `matchedBy`), so a work
 * written out as JSON is the merge's byte for byte.
 */
export function withProvenance(works: readonly LightWork[], captureOf: CaptureOf): MergedWork[] | undefined {
  const out: MergedWork[] = [];
  for (const w of works) {
    if (hasProvenance(w)) {
      out.push(w);
      continue;
    }
    const fields = provenanceOf(w, captureOf);
    if (!fields) return undefined;
    const { id, ids, versions, members, matchedBy, ...rest } = w;
    out.push({ id, ids, versions, members, matchedBy, fields, ...rest });
  }
  return out;
}
