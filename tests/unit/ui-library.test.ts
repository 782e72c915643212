// The dashboard's store writes on fake-indexeddb with a real Scholar capture:
// backup round trip (idempotent), bibliography import, deleting a person,
// site settings going to both stores.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { googleScholar } from '../../src/sites/google-scholar';
import { capturePage, pageKeyOf } from '../../src/adapters/run';
import { allCaptures, allDecisions, getSetting, openStore, putCapture, putDecision } from '../../src/store/store';
import { serializeBackup } from '../../src/formats';
import { autoCaptureOn, normalizeSiteSettings } from '../../src/shell/site-settings';
import { backupOf, deletePerson, importFile, saveSiteSettings } from '../../src/ui/dashboard/library';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { confirmWork, removeWork } from '../../src/ui/model/new-decisions';
import { mergeRecords, personForKey } from '../../src/ui/model/merged-library';
import { fixtureDoc, FIXED_NOW } from '../helpers/fixtures';

const PROFILE = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
let n = 0;
async function seeded() {
  const db = await openStore(`ui-library-${n++}`);
  const c = capturePage(googleScholar, fixtureDoc('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html'), PROFILE, { now: FIXED_NOW });
  await putCapture(db, pageKeyOf(googleScholar, PROFILE), c);
  await putDecision(db, decisionRecord({ kind: 'split-works', works: ['rec:a#0', 'rec:b#0'], at: FIXED_NOW.toISOString() }));
  return db;
}

describe('dashboard library', () => {
  it('restores a backup exactly into an empty store, and importing it again writes nothing', async () => {
    const text = serializeBackup(await backupOf(await seeded(), FIXED_NOW));
    const fresh = await openStore(`ui-library-${n++}`);
    const first = await importFile(fresh, 'backup.json', text, '', FIXED_NOW);
    expect(first).toEqual({ ok: true, message: 'Backup imported: 1 page(s) written, 0 already present, 1 decision(s).' });
    const again = await importFile(fresh, 'backup.json', text, '', FIXED_NOW);
    expect(again.message).toBe('Backup imported: 0 page(s) written, 1 already present, 0 decision(s).');
    // 58 rows in the saved profile's table (gsc_a_tr).
    expect((await allCaptures(fresh))[0]!.capture.works).toHaveLength(58);
    expect(await allDecisions(fresh)).toHaveLength(1);
  });

  it('keeps "It\'s theirs" / "Not theirs" decisions through a backup and its import', async () => {
    const db = await seeded();
    const person = personForKey(mergeRecords(await allCaptures(db), []), pageKeyOf(googleScholar, PROFILE))!;
    await putDecision(db, decisionRecord(removeWork(person, 'rec:dblp:x#3', FIXED_NOW.toISOString())));
    await putDecision(db, decisionRecord(confirmWork(person, 'rec:dblp:x#4', FIXED_NOW.toISOString())));
    const fresh = await openStore(`ui-library-${n++}`);
    const done = await importFile(fresh, 'backup.json', serializeBackup(await backupOf(db, FIXED_NOW)), '', FIXED_NOW);
    expect(done.message).toBe('Backup imported: 1 page(s) written, 0 already present, 3 decision(s).');
    const byId = (ds: { id: string }[]) => [...ds].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await allDecisions(fresh))).toEqual(byId(await allDecisions(db)));
    expect((await allDecisions(fresh)).filter((d) => d.id.startsWith('attribution:')).map((d) => d.kind).sort()).toEqual(['confirm-work', 'remove-work']);
  });

  it('reads a file that is not a backup as a bibliography, and reports a bad one', async () => {
    const db = await openStore(`ui-library-${n++}`);
    // Synthetic one-entry BibTeX, written here to test the import path only.
    const bib = '@article{k, title={A synthetic title for the import test}, author={Doe, Jane}, year={2020}}';
    expect((await importFile(db, 'mine.bib', bib, 'Jane Doe', FIXED_NOW)).message).toBe("mine.bib: 1 works imported as Jane Doe's.");
    const rec = (await allCaptures(db))[0]!;
    expect([rec.key, rec.pageKind, rec.capture.person?.name]).toEqual(['bibliography:mine.bib', 'author', 'Jane Doe']);
    expect((await importFile(db, 'bad.bib', 'not bibtex at all', '', FIXED_NOW)).ok).toBe(false);
  });

  it('deletes a person by deleting the author pages behind them', async () => {
    const db = await seeded();
    const result = mergeRecords(await allCaptures(db), []);
    await deletePerson(db, personForKey(result, pageKeyOf(googleScholar, PROFILE))!);
    expect(await allCaptures(db)).toEqual([]);
  });

  it('saves site settings to the store and to storage.local', async () => {
    const db = await openStore(`ui-library-${n++}`);
    const local: Record<string, unknown> = {};
    await saveSiteSettings(db, { auto: { 'google-scholar': false }, collectAllDelayMs: 1500 }, async (items) => void Object.assign(local, items));
    expect(await getSetting(db, 'siteSettings', null)).toEqual({ auto: { 'google-scholar': false }, collectAllDelayMs: 1500 });
    const read = normalizeSiteSettings(local.siteSettings);
    expect(autoCaptureOn(read, 'google-scholar')).toBe(false);
    expect(autoCaptureOn(read, 'dblp')).toBe(true);
    expect(normalizeSiteSettings(undefined)).toEqual({ auto: {}, collectAllDelayMs: 2000 });
  });
});
