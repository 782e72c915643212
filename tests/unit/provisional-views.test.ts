// The keeper's fast path (issue 16, part 1): a capture that arrives is merged
// with the captures it concerns only, found through the views' keys index,
// and its page's view written at once, marked provisional, before the full
// rebuild makes everything exact.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptViews, storedView } from '../../src/core/kept-views';
import { captureKeys, concernedCaptures, patchResult, provisionalViews, subsetDecisions, subsetRecords } from '../../src/core/provisional-views';
import type { LightWork, MergedWork } from '../../src/core/merge/types';
import { decisionRecord } from '../../src/ui/model/decision-records';
import { joinWorks } from '../../src/ui/model/new-decisions';
import type { Capture } from '../../src/core/capture';
import { viewKeysOf } from '../../src/core/view-keys';
import { provisionalDecisionUpdate, provisionalUpdate } from '../../src/shell/provisional-update';
import { createViewKeeper } from '../../src/shell/view-keeper';
import { openStore, type CaptureRecord, type DecisionRecord } from '../../src/store/store';
import { keysMatching, replaceViews, viewForKey, viewsMeta } from '../../src/store/views';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { dataPath } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';

// Records the store code of v2 wrote from real pages (tests/helpers/make-store-fixture.ts):
// Ernst's Scholar profile, the arXiv page of one of his papers, Rui Tan's DBLP and ORCID records.
const dump = JSON.parse(readFileSync(dataPath('store/v2.json'), 'utf8')) as DatabaseDump;
const RECORDS = dump.stores.find((s) => s.name === 'captures')!.records.map((r) => r.value as CaptureRecord);
const ERNST = 'google-scholar:user=SbUmSEAAAAAJ';
const ARXIV = 'arxiv:abs:2004.10162';
const byKey = (k: string) => RECORDS.find((r) => r.key === k)!;

let n = 0;
const NOW = () => new Date('2026-12-02T10:00:00.000Z');

/** A store holding `stored`, with the views of `built` written as a finished build would. */
async function storeWith(stored: CaptureRecord[], built: CaptureRecord[]) {
  const db = await openStore(`provisional-${++n}`);
  for (const r of stored) await db.put('captures', r);
  const result = mergeRecords(built, []);
  await replaceViews(db, keptViews(result, built), { builtAt: 'b', build: 'b', captures: Object.fromEntries(built.map((r) => [r.key, r.capture.capturedAt])), dirty: true, stats: result.stats });
  return db;
}

/** Every row of a capture as "<key>#<index>". */
const rowsOf = (r: CaptureRecord) => (r.capture.works ?? []).map((_, i) => `${r.key}#${i}`);

describe('the provisional view of a newly captured page', () => {
  it('a profile stored into a library holds all its works at once, marked provisional', async () => {
    const others = RECORDS.filter((r) => r.key !== ERNST);
    const db = await storeWith(RECORDS, others);
    expect(await viewForKey(db, ERNST)).toBeUndefined();
    const u = await provisionalUpdate(db, [ERNST], mergeRecords);
    expect(u?.write).toBeDefined();
    const view = await viewForKey(db, ERNST);
    expect(view?.provisional).toBe(true);
    const ernst = byKey(ERNST);
    expect(view?.slice.people[0]?.name).toBe(ernst.capture.person?.name);
    // The saved page lists 58 rows (SOURCES.tsv: "ALL 58 rows loaded"); every one is in a work of the view.
    const rows = rowsOf(ernst);
    expect(rows).toHaveLength(58);
    const held = new Set(view!.slice.works.flatMap((w) => w.members.map((m) => `${m.captureKey}#${m.index}`)));
    for (const r of rows) expect(held, r).toContain(r);
    // …and every work the person counts is one the view holds.
    const ids = new Set(view!.slice.works.map((w) => w.id));
    for (const id of view!.slice.people[0]!.workIds) expect(ids).toContain(id);
    // The meta says which capture the provisional view already includes, and that a rebuild is still due.
    const meta = await viewsMeta(db);
    expect(meta?.dirty).toBe(true);
    expect(meta?.provisional).toEqual({ [ERNST]: ernst.capture.capturedAt });
    db.close();
  });

  it('the rebuild then gives the same person and works for that page', async () => {
    const others = RECORDS.filter((r) => r.key !== ERNST);
    const db = await storeWith(RECORDS, others);
    await provisionalUpdate(db, [ERNST], mergeRecords);
    const prov = (await viewForKey(db, ERNST))!;
    const exact = keptViews(mergeRecords(RECORDS, []), RECORDS).find((v) => v.keys.includes(ERNST))!;
    expect(prov.id).toBe(exact.id);
    expect(prov.slice.works.map((w) => w.id).sort()).toEqual(exact.slice.works.map((w) => w.id).sort());
    expect(prov.slice.people[0]!.pages).toEqual(exact.slice.people[0]!.pages);
    db.close();
  });

  it('a paper page nobody\'s profile lists gets the paper\'s own view, as the rebuild gives it', async () => {
    const others = RECORDS.filter((r) => r.key !== ARXIV);
    const db = await storeWith(RECORDS, others);
    await provisionalUpdate(db, [ARXIV], mergeRecords);
    const prov = await viewForKey(db, ARXIV);
    expect(prov?.provisional).toBe(true);
    // v3.json's views: the arXiv paper has a view of its own ("work:arxiv:2004.10162").
    expect(prov?.id).toBe('work:arxiv:2004.10162');
    expect(prov?.slice.works.flatMap((w) => w.members.map((m) => m.captureKey))).toContain(ARXIV);
    db.close();
  });

  it('finds what a capture concerns through the keys index, never the captures', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    const ernst = byKey(ERNST);
    const found = await keysMatching(db, captureKeys(ernst));
    // Ernst's view (by his id and name key) and the arXiv paper's (a title or id in common) if it has a view of its own.
    const views = keptViews(mergeRecords(RECORDS, []), RECORDS);
    const want = views.filter((v) => v.id !== 'library' && viewKeysOf(v).match.some((k) => captureKeys(ernst).includes(k))).map((v) => v.id);
    expect(found.map((k) => k.id).sort()).toEqual(want.sort());
    expect(found.map((k) => k.id)).toContain(views.find((v) => v.keys.includes(ERNST))!.id);
    db.close();
  });
});

// Synthetic pages: how a partly read page enters the subset does not depend on where a page came from.
function authorPage(key: string, name: string, titles: string[]): CaptureRecord {
  const capture: Capture = {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'google-scholar',
    pageKind: 'author',
    url: `https://example.org/${key}`,
    capturedAt: '2026-12-01T10:00:00.000Z',
    person: { name },
    works: titles.map((title) => ({ title, authors: [name, 'Some Coauthor'], year: 2020 })),
  };
  return { key, source: 'google-scholar', pageKind: 'author', url: capture.url, firstSeen: capture.capturedAt, lastSeen: capture.capturedAt, timesSeen: 1, personIds: [], capture };
}

const TITLES = Array.from({ length: 10 }, (_, i) => `A study of widget number ${['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][i]} in practice`);

describe('a page read only in part', () => {
  // Alice's page lists ten works; Bob's ten share two of them (co-authored). Their names are
  // compatible ("J. Doe" and "Jane Doe"): with both pages whole, 2 shared works of 10 stay
  // under both rules (3 works, or 2 that are 30 % of the shorter list): only a suggestion.
  const alice = authorPage('site:alice', 'Jane Doe', TITLES);
  const bob = authorPage('site:bob', 'J. Doe', [TITLES[2]!, TITLES[7]!, ...['red', 'green', 'blue', 'cyan', 'pink', 'gray', 'gold', 'teal'].map((c) => `Gadgets painted ${c} under heavy load`)]);

  it('goes in as a list page: it makes no person, so a shortened list cannot link two people', () => {
    const whole = mergeRecords([alice, bob], []);
    expect(whole.people).toHaveLength(2);
    // Alice's view as its keys record, as if her name key had not matched (only shared works did).
    const aliceView = keptViews(whole, [alice, bob]).find((v) => v.keys.includes(alice.key))!;
    const matched = [{ ...viewKeysOf(aliceView), person: [] }];
    const concerned = concernedCaptures([bob], matched);
    expect([...concerned.whole]).toEqual([bob.key]);
    expect([...concerned.partial.get(alice.key)!].sort()).toEqual([2, 7]);
    const { records, demoted, rows } = subsetRecords(concerned, new Map([alice, bob].map((r) => [r.key, r])));
    const part = records.find((r) => r.key === alice.key)!;
    expect(part.capture.pageKind).toBe('list');
    expect(part.capture.person).toBeUndefined();
    expect(part.capture.works!.map((w) => w.title)).toEqual([TITLES[2], TITLES[7]]);
    // Read as an author page cut to two works, 2 of 2 shared would pass the 30 % rule: the false merge avoided.
    const asAuthor = mergeRecords([bob, { ...alice, capture: { ...alice.capture, works: part.capture.works! } }], []);
    expect(asAuthor.people).toHaveLength(1);
    const views = provisionalViews(mergeRecords(records, []), records, [bob.key], demoted, rows);
    expect(views).toHaveLength(1);
    const bobView = views[0]!;
    expect(bobView.slice.people.map((p) => p.pages.map((pg) => pg.captureKey))).toEqual([[bob.key]]);
    // Bob's two shared works carry Alice's rows under their stored indexes and page kind.
    const shared = bobView.slice.works.filter((w) => w.members.some((m) => m.captureKey === alice.key));
    expect(shared.flatMap((w) => w.members.filter((m) => m.captureKey === alice.key).map((m) => [m.index, m.pageKind])).sort()).toEqual([
      [2, 'author'],
      [7, 'author'],
    ]);
  });

  it('a paper page of a stored profile shows that person at once, found through the paper\'s keys', async () => {
    const paper: CaptureRecord = {
      ...alice,
      key: 'site:paper-3',
      source: 'arxiv',
      pageKind: 'paper',
      capture: { ...alice.capture, source: 'arxiv', pageKind: 'paper', url: 'https://example.org/paper-3', person: undefined, works: [{ title: TITLES[3]!, authors: ['Jane Doe'], year: 2020 }] },
    };
    delete paper.capture.person;
    const db = await storeWith([alice, bob, paper], [alice, bob]);
    await provisionalUpdate(db, [paper.key], mergeRecords);
    const view = await viewForKey(db, paper.key);
    expect(view?.provisional).toBe(true);
    expect(view?.slice.people[0]?.pages.map((p) => p.captureKey)).toEqual([alice.key]);
    // Alice's own page now shows the provisional view too (a page maps to one view), holding the paper page's row.
    expect((await viewForKey(db, alice.key))?.id).toBe(view?.id);
    const work = view!.slice.works.find((w) => w.members.some((m) => m.captureKey === paper.key));
    expect(work?.members.map((m) => m.captureKey).sort()).toEqual([paper.key, alice.key].sort());
    db.close();
  });

  it('a decision naming one of its rows names the same row in the subset, or nothing', () => {
    const rows = new Map([[alice.key, [2, 7]]]);
    const d = (works: [string, string]): DecisionRecord => ({ kind: 'split-works', works, at: '2026-12-01T00:00:00.000Z', id: 'x' });
    expect(subsetDecisions([d([`rec:${alice.key}#7`, `rec:${bob.key}#0`])], rows)[0]).toMatchObject({ works: [`rec:${alice.key}#1`, `rec:${bob.key}#0`] });
    expect(subsetDecisions([d([`rec:${alice.key}#4`, 'doi:10.1/x'])], rows)[0]).toMatchObject({ works: [`rec:${alice.key}#left-out`, 'doi:10.1/x'] });
  });
});

describe('the keeper takes the fast path when a capture is stored', () => {
  it('the page\'s view is there while the rebuild waits, and the rebuild then makes it exact', async () => {
    const others = RECORDS.filter((r) => r.key !== ERNST);
    const db = await storeWith(RECORDS, others);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let fast: () => void = () => {};
    const fastDone = new Promise<void>((r) => (fast = r));
    const keeper = createViewKeeper({ db: async () => db, now: NOW, merge: mergeRecords, settleMs: 0, sleep: () => gate, onProvisional: () => fast() });
    keeper.changed(ERNST);
    await fastDone;
    const prov = await viewForKey(db, ERNST);
    expect(prov?.provisional).toBe(true);
    expect((await viewsMeta(db))?.dirty).toBe(true);
    release();
    const meta = await keeper.settled();
    expect(meta?.dirty).toBe(false);
    expect(meta?.provisional).toBeUndefined();
    const exact = keptViews(mergeRecords(RECORDS, []), RECORDS).find((v) => v.keys.includes(ERNST));
    expect(await viewForKey(db, ERNST)).toEqual(storedView(exact!));
    db.close();
  });
});

describe('a decision takes the fast path too (a join or split shown at once)', () => {
  const rowsOfWork = (w: { members: { captureKey: string; index: number }[] }) => w.members.map((m) => `${m.captureKey}#${m.index}`).sort().join(' ');
  /** The person's works as sets of rows, the order left out: what a join or split changes. */
  const partition = (r: { works: LightWork[]; people: { pages: { captureKey: string }[]; workIds: string[] }[] }, page: string) => {
    const ids = new Set(r.people.find((p) => p.pages.some((pg) => pg.captureKey === page))!.workIds);
    return r.works.filter((w) => ids.has(w.id)).map(rowsOfWork).sort();
  };

  it('split a record out of a work: the person\'s view is written provisional at once, and the patched library is what the rebuild gives', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    const before = mergeRecords(RECORDS, []);
    const ernst = before.people.find((p) => p.pages.some((pg) => pg.captureKey === ERNST))!;
    const work = before.works.find((w) => ernst.workIds.includes(w.id) && w.members.length > 1)!;
    const me = work.members[0]!;
    const at = '2026-12-02T11:00:00.000Z';
    const ds = work.members.slice(1).map((o) => decisionRecord({ kind: 'split-works', works: [`rec:${me.captureKey}#${me.index}`, `rec:${o.captureKey}#${o.index}`], at }));
    for (const d of ds) await db.put('decisions', d);
    const u = await provisionalDecisionUpdate(db, ds, mergeRecords);
    expect(u?.write).toBeDefined();
    const view = await viewForKey(db, ERNST);
    expect(view?.provisional).toBe(true);
    // The record split out is a work of its own in the view, and no longer with the rest.
    const holders = view!.slice.works.filter((w) => w.members.some((m) => m.captureKey === me.captureKey && m.index === me.index));
    expect(holders).toHaveLength(1);
    expect(holders[0]!.members).toHaveLength(1);
    const exact = mergeRecords(RECORDS, ds);
    const patched = patchResult(before, u!.patch);
    expect(partition(patched, ERNST)).toEqual(partition(exact, ERNST));
    expect(patched.works.length).toBe(before.works.length + 1);
    expect(patched.works.map(rowsOfWork).sort()).toEqual(exact.works.map(rowsOfWork).sort());
    db.close();
  });

  it('join two of the person\'s works: one work in the provisional view, and the patch is what the rebuild gives', async () => {
    const db = await storeWith(RECORDS, RECORDS);
    const before = mergeRecords(RECORDS, []);
    const ernst = before.people.find((p) => p.pages.some((pg) => pg.captureKey === ERNST))!;
    const two = before.works.filter((w) => ernst.workIds.includes(w.id)).slice(0, 2);
    const ds = joinWorks(two, '2026-12-02T11:00:00.000Z').map(decisionRecord);
    for (const d of ds) await db.put('decisions', d);
    const u = await provisionalDecisionUpdate(db, ds, mergeRecords);
    const view = await viewForKey(db, ERNST);
    expect(view?.provisional).toBe(true);
    const rows = two.flatMap((w) => w.members.map((m) => `${m.captureKey}#${m.index}`)).sort().join(' ');
    expect(view!.slice.works.map(rowsOfWork)).toContain(rows);
    const patched = patchResult(before, u!.patch);
    const exact = mergeRecords(RECORDS, ds);
    expect(patched.works.length).toBe(before.works.length - 1);
    expect(patched.works.map(rowsOfWork).sort()).toEqual(exact.works.map(rowsOfWork).sort());
    expect(partition(patched, ERNST)).toEqual(partition(exact, ERNST));
    db.close();
  });

  it('a decision about works no kept view holds names its rows: they are merged alone, and no view is written', async () => {
    const db = await storeWith([], []);
    expect(await provisionalDecisionUpdate(db, [{ kind: 'split-works', works: ['rec:nothing:here#0', 'rec:nothing:there#1'], at: '2026-12-02T11:00:00.000Z' }], mergeRecords)).toMatchObject({ views: [] });
    db.close();
  });
});
