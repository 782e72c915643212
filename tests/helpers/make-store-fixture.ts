// Writes tests/data/store/v<DB_VERSION>.json: a database made by the
// store code of that version, holding real captures of saved pages. Run it
// once per schema version, when that version is current, and commit the file:
//   npx tsx tests/helpers/make-store-fixture.ts
// The file is then frozen; later versions must open it (store-migrations.test.ts).

import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { DB_VERSION } from '../../src/store/schema';
import { openStore, putCapture, putDecision, putSetting } from '../../src/store/store';
import { captureData, capturePage, pageKeyOf } from '../../src/adapters/run';
import { googleScholar } from '../../src/sites/google-scholar';
import { arxivAdapter } from '../../src/sites/arxiv';
import { dblpAdapter } from '../../src/sites/dblp';
import { orcidAdapter } from '../../src/sites/orcid';
import { dumpDatabase } from './idb-dump';
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
  await putDecision(db, { id: 'd1', at: FIXED_NOW.toISOString(), kind: 'unlink-people', people: ['page:google-scholar:user=SbUmSEAAAAAJ', 'page:dblp:00/5179'] });
  await putSetting(db, 'collectDelayMs', 3000);
  await putSetting(db, 'disabledSites', ['semantic-scholar']);
  const about =
    `Made by tests/helpers/make-store-fixture.ts with the store code of schema version ${DB_VERSION} ` +
    '(openStore, putCapture, putDecision, putSetting) in fake-indexeddb, from the saved pages ' +
    'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html (captured twice), arxiv/abs_2004.10162.html, ' +
    'dblp/person_00-5179_RuiTan.xml and orcid/record_0000-0003-4423-4370.json; one decision, two settings. Frozen: do not regenerate.';
  const dump = await dumpDatabase(db as never, about);
  db.close();
  writeFileSync(dataPath(`store/v${DB_VERSION}.json`), JSON.stringify(dump, null, 1) + '\n');
  console.log(`wrote store/v${DB_VERSION}.json: ${dump.stores.map((s) => `${s.name} ${s.records.length}`).join(', ')}`);
}

void main();
