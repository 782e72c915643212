// Writes tests/data/store/v<DB_VERSION>.json: a database made by the
// store code of that version, holding real captures of saved pages. Run it
// once per schema version, when that version is current, and commit the file:
//   npx tsx tests/helpers/make-store-fixture.ts
// The file is then frozen; later versions must open it (store-migrations.test.ts).
// It writes only what the app itself writes, through the app's own code
// paths: captures through putCapture, a decision made by the popup's
// constructors (dismissSuggestion → decisionRecord → putDecision), settings
// through the dashboard's saveSiteSettings. (v1.json predates this: its
// decision id "d1", its ref "page:dblp:00/5179" and its settings
// "collectDelayMs" / "disabledSites" are not what the app writes.)

import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { DB_VERSION } from '../../src/store/schema';
import { allCaptures, openStore, putCapture, putDecision } from '../../src/store/store';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { mergeRecords, personForKey } from '../../src/ui/model/merged-library';
import { dismissSuggestion } from '../../src/ui/model/new-decisions';
import { saveSiteSettings } from '../../src/ui/dashboard/library';
import { captureData, capturePage, pageKeyOf } from '../../src/adapters/run';
import { googleScholar } from '../../src/sites/google-scholar';
import { arxivAdapter } from '../../src/sites/arxiv';
import { dblpAdapter } from '../../src/sites/dblp';
import { orcidAdapter } from '../../src/sites/orcid';
import { dumpDatabase } from './idb-dump';
import { createViewKeeper } from '../../src/shell/view-keeper';
import { FIXED_NOW, dataPath, fixtureDoc, fixtureText } from './fixtures';

const later = new Date(FIXED_NOW.getTime() + 86_400_000);
const ERNST = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
const ARXIV = new URL('https://arxiv.org/abs/2004.10162');
const DBLP = new URL('https://dblp.org/pid/00/5179.html');
const ORCID = new URL('https://orcid.org/0000-0003-4423-4370');

async function main(): Promise<void> {
  const db = await openStore('scholar-lens-fixture');
  const ernstDoc = fixtureDoc('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
  // Captured twice, as a user revisiting the profile would: timesSeen 2, first/last seen differ.
  await putCapture(db, pageKeyOf(googleScholar, ERNST), capturePage(googleScholar, ernstDoc, ERNST, { now: FIXED_NOW }));
  await putCapture(db, pageKeyOf(googleScholar, ERNST), capturePage(googleScholar, ernstDoc, ERNST, { now: later }));
  await putCapture(db, pageKeyOf(arxivAdapter, ARXIV), capturePage(arxivAdapter, fixtureDoc('arxiv/abs_2004.10162.html'), ARXIV, { now: FIXED_NOW }));
  const dblp = captureData(dblpAdapter, fixtureText('dblp/person_00-5179_RuiTan.xml'), new URL('https://dblp.org/pid/00/5179.xml'), 'xml', { now: FIXED_NOW });
  await putCapture(db, pageKeyOf(dblpAdapter, DBLP), { ...dblp, url: DBLP.href });
  const orcid = captureData(orcidAdapter, fixtureText('orcid/record_0000-0003-4423-4370.json'), new URL('https://pub.orcid.org/v3.0/0000-0003-4423-4370/record'), 'json', { now: FIXED_NOW });
  await putCapture(db, pageKeyOf(orcidAdapter, ORCID), { ...orcid, url: ORCID.href });
  // The user keeps Ernst and Rui Tan apart, as the popup's "not the same person" does.
  const merged = mergeRecords(await allCaptures(db), []);
  const ernst = personForKey(merged, pageKeyOf(googleScholar, ERNST))!;
  const ruiTan = personForKey(merged, pageKeyOf(dblpAdapter, DBLP))!;
  await putDecision(db, decisionRecord(dismissSuggestion(ernst, ruiTan, FIXED_NOW.toISOString())));
  await saveSiteSettings(db, { auto: { 'semantic-scholar': false }, collectAllDelayMs: 3000 }, async () => {});
  // v3: the kept views, as the background's keeper writes them after these changes.
  const keeper = createViewKeeper({ db: async () => db, now: () => later, merge: mergeRecords, settleMs: 0 });
  keeper.changed();
  await keeper.settled();
  const about =
    `Made by tests/helpers/make-store-fixture.ts with the store code of schema version ${DB_VERSION} ` +
    '(openStore, putCapture, putDecision of a dismissSuggestion decision, saveSiteSettings, and from v3 the background\'s view keeper) in fake-indexeddb, from the saved pages ' +
    'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html (captured twice), arxiv/abs_2004.10162.html, ' +
    'dblp/person_00-5179_RuiTan.xml and orcid/record_0000-0003-4423-4370.json; one decision, the site settings. Frozen: do not regenerate.';
  const dump = await dumpDatabase(db as never, about);
  db.close();
  writeFileSync(dataPath(`store/v${DB_VERSION}.json`), JSON.stringify(dump, null, 1) + '\n');
  console.log(`wrote store/v${DB_VERSION}.json: ${dump.stores.map((s) => `${s.name} ${s.records.length}`).join(', ')}`);
}

void main();
