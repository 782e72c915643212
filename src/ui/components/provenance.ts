// Where the UI gets a work's field provenance (src/core/provenance.ts) when
// it needs it: the kept views it lists hold works without it, and an export or
// a copied citation is made from the whole work. The popup and the
// dashboard read the captures of the works concerned from the store at that
// moment (the dashboard keeps its pages light). Provided by each page's
// root; the default takes works that carry their provenance already (the
// dashboard's own merge, tests) and refuses others. The code that recomputes
// it (the merge's, src/core/merge/shown.ts) is loaded on the first such
// use: the popup opens without it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Capture } from '../../core/capture';
import type { LightWork, MergedWork } from '../../core/merge/types';
import { hasProvenance } from '../../core/light-work';

const recompute = () => import('../../core/provenance');

export type ProvenanceSource = (works: readonly LightWork[]) => Promise<MergedWork[]>;

/** The reason given when a work's captures changed since its view was built (the background's rebuild is on its way). */
export const PROVENANCE_BEHIND = 'This list is being brought up to date with newer saved pages: try again in a moment.';

export const onlyWhole: ProvenanceSource = async (works) => {
  if (!works.every(hasProvenance)) throw new Error(PROVENANCE_BEHIND);
  return [...works];
};

/** From captures read on demand by key (the popup: a few pages of one person). */
export function provenanceFromStore(read: (keys: string[]) => Promise<readonly { key: string; capture: Capture }[]>): ProvenanceSource {
  return async (works) => {
    if (works.every(hasProvenance)) return [...works];
    const { provenanceKeys, withProvenance } = await recompute();
    const keys = provenanceKeys(works);
    const byKey = new Map((keys.length ? await read(keys) : []).map((r) => [r.key, r.capture]));
    const full = withProvenance(works, (k) => byKey.get(k));
    if (!full) throw new Error(PROVENANCE_BEHIND);
    return full;
  };
}

/** From captures at hand (tests; what a caller already holds). */
export function provenanceFromRecords(records: readonly { key: string; capture: Capture }[]): ProvenanceSource {
  let byKey: Map<string, Capture> | undefined;
  return async (works) => {
    if (works.every(hasProvenance)) return [...works];
    const { withProvenance } = await recompute();
    byKey ??= new Map(records.map((r) => [r.key, r.capture]));
    const full = withProvenance(works, (k) => byKey!.get(k));
    if (!full) throw new Error(PROVENANCE_BEHIND);
    return full;
  };
}

/**
 * A source whose "behind" answer also reloads what the page shows (`reload`):
 * a page that holds its works' views (the dashboard) would otherwise ask the
 * store with the same old works on every try, and "try again in a moment"
 * would never come true. Other failures pass through untouched.
 */
export function reloadingWhenBehind(source: ProvenanceSource, reload: () => void): ProvenanceSource {
  return async (works) => {
    try {
      return await source(works);
    } catch (e) {
      if (e instanceof Error && e.message === PROVENANCE_BEHIND) reload();
      throw e;
    }
  };
}

export const ProvenanceContext = createContext<ProvenanceSource>(onlyWhole);

export const useProvenance = (): ProvenanceSource => useContext(ProvenanceContext);
