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
import { loadLibrary } from '../../src/ui/dashboard/load';
import { run as runMerge } from '../../src/cli/commands/merge';
import { run as runExport } from '../../src/cli/commands/export';
import { memoryIo } from '../helpers/cli-io';
import { markViews, viewsMeta } from '../../src/store/views';

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

  it('a backup that writes pages marks kept views that said current behind, in its own transaction; one that writes nothing leaves them', async () => {
    const text = serializeBackup(await backupOf(await seeded(), FIXED_NOW));
    const fresh = await openStore(`ui-library-${n++}`);
    await markViews(fresh, { dirty: false });
    await importFile(fresh, 'backup.json', text, '', FIXED_NOW);
    expect((await viewsMeta(fresh))?.dirty).toBe(true);
    await markViews(fresh, { dirty: false });
    await importFile(fresh, 'backup.json', text, '', FIXED_NOW);
    expect((await viewsMeta(fresh))?.dirty).toBe(false);
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

// Issue 14, finding 1, as it was reproduced: one decision naming `constructor:x`
// in a backup made the dashboard and popup show only an error (no Erase
// button) and made `cli merge` and `cli export` exit 1.
describe('a backup with a crafted decision', () => {
  async function crafted(): Promise<string> {
    const backup = await backupOf(await seeded(), FIXED_NOW);
    const at = FIXED_NOW.toISOString();
    backup.decisions.push(
      { kind: 'link-people', people: ['constructor:x', 'page:google-scholar:SbUmSEAAAAAJ'], at },
      { kind: 'unlink-people', people: ['__proto__:x', 'toString:y'], at },
      { kind: 'join-works', works: ['constructor:x', 'hasOwnProperty:y'], at },
    );
    return serializeBackup(backup);
  }

  it('restores without the crafted decisions (reported), and the library merges: the person, the works', async () => {
    const db = await openStore(`ui-library-${n++}`);
    const res = await importFile(db, 'backup.json', await crafted(), '', FIXED_NOW);
    expect(res).toEqual({ ok: true, message: 'Backup imported: 1 page(s) written, 0 already present, 1 decision(s); 3 record(s) rejected.' });
    const lib = await loadLibrary({ library: async () => ({ records: await allCaptures(db), decisions: await allDecisions(db) }) });
    expect(lib.problem).toBeUndefined();
    expect(lib.result.people.map((p) => p.name)).toEqual(['Jason Ernst']);
  });

  it('the same decisions written into the store by hand (an older version, a bug) still merge', async () => {
    const db = await seeded();
    const at = FIXED_NOW.toISOString();
    // Written raw, past putDecision's check: what a store of another version might hold.
    await db.put('decisions', { id: 'x', kind: 'link-people', people: ['constructor:x', 'page:google-scholar:SbUmSEAAAAAJ'], at } as never);
    const lib = await loadLibrary({ library: async () => ({ records: await allCaptures(db), decisions: await allDecisions(db) }) });
    expect(lib.problem).toBeUndefined();
    expect(lib.result.people.map((p) => p.name)).toEqual(['Jason Ernst']);
  });

  it('cli merge and cli export read it and exit 0', async () => {
    const text = await crafted();
    const m = memoryIo({ 'backup.json': text });
    expect(await runMerge(['--now', FIXED_NOW.toISOString(), 'backup.json'], m.cli)).toBe(0);
    expect((JSON.parse(m.out()) as { people: { name: string }[] }).people.map((p) => p.name)).toEqual(['Jason Ernst']);
    const e = memoryIo({ 'backup.json': text });
    expect(await runExport(['--format', 'bibtex', '--now', FIXED_NOW.toISOString(), 'backup.json'], e.cli)).toBe(0);
    expect(e.out()).toMatch(/^@/);
  });
});
