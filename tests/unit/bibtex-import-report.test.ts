// What the user sees of a bibliography with broken entries: `cli merge`
// prints the entries left out on stderr and merges the rest; the dashboard's
// import message counts the works and names the entries left out. And an
// al-folio `google_scholar_id` joins the entry with its Scholar profile row
// by id.
//
// The Scholar side is the real saved profile of Jason Ernst (SbUmSEAAAAAJ);
// the .bib files are SYNTHETIC, written here: row 0 of that profile is
// "Decentralized applications: The blockchain-empowered software system",
// Scholar id SbUmSEAAAAAJ:HoB7MX3m0LUC (its row link; see profile.test.ts).

import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/commands/merge';
import { capturePage, pageKeyOf } from '../../src/adapters/run';
import { googleScholar } from '../../src/sites/google-scholar';
import { allCaptures, openStore, putCapture } from '../../src/store/store';
import { importFile } from '../../src/ui/dashboard/library';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { fixtureDoc, FIXED_NOW } from '../helpers/fixtures';
import { ernst } from '../helpers/format-records';
import { memoryIo } from '../helpers/cli-io';

// A title variant on purpose (the site's own wording), so only the Scholar id can join it.
const BIB = `@article{cai2018dapps,
  title = {Decentralized Apps: the Blockchain-Empowered Software System},
  author = {Cai, Wei and Wang, Zehua and Ernst, Jason B.},
  journal = {IEEE Access},
  year = {2018},
  google_scholar_id = {HoB7MX3m0LUC},
}

@article{broken2020,
  title = {\\begin{itemize} cannot be read},
  year = {2020},
}

@inproceedings{fine2021,
  title = {Costs of $4.1 billion, Explained},
  author = {Doe, Jane},
  year = {2021},
}
`;

const io = memoryIo;

interface Out {
  works: { title?: string; members: { file: string; index: number }[] }[];
}

describe('cli merge with a bibliography that has a broken entry', () => {
  test('the broken entry is named on stderr, the rest merged; --scholar-user joins google_scholar_id with the profile row', async () => {
    const t = io({ 'ernst.json': JSON.stringify(ernst()), 'papers.bib': BIB });
    const code = await run(['--now', FIXED_NOW.toISOString(), '--scholar-user', 'SbUmSEAAAAAJ', 'ernst.json', 'papers.bib'], t.cli);
    expect(code).toBe(0);
    expect(t.err()).toMatch(/^papers\.bib: left out: broken2020 \(line 9\): not readable as BibTeX/m);
    const out = JSON.parse(t.out()) as Out;
    const dapps = out.works.find((w) => w.members.some((m) => m.file === 'papers.bib' && m.index === 0));
    expect(dapps?.members).toContainEqual(expect.objectContaining({ file: 'ernst.json', index: 0 }));
    expect(out.works.some((w) => w.title === 'Costs of $4.1 billion, Explained')).toBe(true);
  });

  test('without --scholar-user the bare row id is not kept, and stderr says so', async () => {
    const t = io({ 'papers.bib': BIB });
    expect(await run(['--now', FIXED_NOW.toISOString(), 'papers.bib'], t.cli)).toBe(0);
    expect(t.err()).toContain('google_scholar_id of 1 entry not kept');
  });
});

describe('dashboard import of a bibliography with a broken entry', () => {
  test('the message counts the works imported and names the entry left out; the owner\'s stored Scholar profile completes google_scholar_id', async () => {
    const db = await openStore('bibtex-import-report');
    const profile = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
    const scholar = capturePage(googleScholar, fixtureDoc('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html'), profile, { now: FIXED_NOW });
    await putCapture(db, pageKeyOf(googleScholar, profile), scholar);
    const owner = scholar.person!.name;
    const res = await importFile(db, 'papers.bib', BIB, owner, FIXED_NOW);
    expect(res).toEqual({
      ok: true,
      message: `papers.bib: 2 works imported as ${owner}'s. 1 entry not imported: broken2020 (line 9): ${res.message.split('broken2020 (line 9): ')[1]}`,
    });
    expect(res.message).toMatch(/broken2020 \(line 9\): not readable as BibTeX .*\.$/);
    const bib = (await allCaptures(db)).find((r) => r.key === 'bibliography:papers.bib')!.capture;
    expect(bib.works![0]!.ids).toEqual({ gscholar: 'SbUmSEAAAAAJ:HoB7MX3m0LUC' });
    // The merge joins the entry with profile row 0 by that id, despite the title variant.
    const merged = mergeRecords(await allCaptures(db), []);
    const joined = merged.works.find((w) => w.members.some((m) => m.captureKey === 'bibliography:papers.bib' && m.index === 0));
    expect(joined?.members.some((m) => m.source === 'google-scholar' && m.index === 0)).toBe(true);
  });
});
