// A library as the extension keeps it, in fake-indexeddb: the records stored,
// the background's keeper run over them (the real merge, the real views), and
// the popup's reads through the store's own functions. Tests of the popup use
// this instead of handing it a merge result, so they cover the path users get.
import 'fake-indexeddb/auto';
import { openStore, putDecision, type CaptureRecord, type DecisionRecord, type LensDB } from '../../src/store/store';
import { storedProfile } from '../../src/store/views';
import { createViewKeeper, type ViewKeeper } from '../../src/shell/view-keeper';
import { mergeRecords } from '../../src/ui/model/merged-library';
import type { PopupData } from '../../src/ui/popup/popup-data';

let n = 0;

export interface KeptLibrary extends Pick<PopupData, 'profile' | 'refreshViews'> {
  db: LensDB;
  keeper: ViewKeeper;
}

/** Store the records and decisions and build the kept views once; `build: false` leaves them unbuilt (as after an upgrade). */
export async function keptLibrary(records: readonly CaptureRecord[], decisions: readonly DecisionRecord[] = [], o: { build?: boolean } = {}): Promise<KeptLibrary> {
  const db = await openStore(`kept-library-${++n}-${Date.now()}`);
  for (const r of records) await db.put('captures', r);
  for (const d of decisions) await putDecision(db, d);
  const keeper = createViewKeeper({ db: async () => db, now: () => new Date('2026-11-22T10:00:00.000Z'), merge: mergeRecords, settleMs: 0 });
  if (o.build !== false) {
    keeper.changed();
    await keeper.settled();
  }
  return {
    db,
    keeper,
    profile: (key) => storedProfile(db, key),
    async refreshViews(opts) {
      if (opts.changed) keeper.changed();
      await keeper.settled({ stale: opts.stale === true });
    },
  };
}
