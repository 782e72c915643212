// Whether a merged work carries its field provenance, and the part of it a
// stored view keeps. Apart from src/core/provenance.ts, which recomputes the
// provenance with the merge's own code: what reads the kept views (the popup
// among them) needs these two and none of that code.

import type { LightWork, MergedWork } from './merge/types';

export const hasProvenance = (w: LightWork): w is MergedWork => Array.isArray((w as Partial<MergedWork>).fields?.title);

/** The part of a work a stored view keeps: everything but `fields`. */
export function lightWork(w: LightWork): LightWork {
  if (!hasProvenance(w)) return w;
  const { fields: _fields, ...light } = w;
  return light;
}
