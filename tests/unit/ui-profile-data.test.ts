// The popup/dashboard data layer on real saved Scholar pages (Jason Ernst's
// profile and the "view article" page of one of his papers), stored in
// fake-indexeddb through the real store, then merged under user decisions.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { googleScholar } from '../../src/sites/google-scholar';
import { capturePage, pageKeyOf } from '../../src/adapters/run';
import { allCaptures, allDecisions, openStore, putCapture, putDecision } from '../../src/store/store';
import { exportAs } from '../../src/formats';
import { importBibliography } from '../../src/formats/import';
import { decisionRecord, decisionsOf } from '../../src/ui/model/decision-records';
import { mergeRecords, personForKey } from '../../src/ui/model/merged-library';
import { dismissSuggestion, linkPeople, unlinkPage } from '../../src/ui/model/new-decisions';
import { openSuggestions, personView, topWorks } from '../../src/ui/model/person-view';
import { fixtureDoc, FIXED_NOW } from '../helpers/fixtures';

const PROFILE = new URL('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en');
const PAPER = new URL('https://scholar.google.com/citations?view_op=view_citation&hl=en&oe=ASCII&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC');

let dbn = 0;
async function storeWithErnst() {
  const db = await openStore(`ui-profile-${dbn++}`);
  const profile = capturePage(googleScholar, fixtureDoc('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html'), PROFILE, { now: FIXED_NOW });
  const paper = capturePage(googleScholar, fixtureDoc('google_scholar/view_citation_ernst_ieeeaccess2018.html'), PAPER, { now: FIXED_NOW });
  await putCapture(db, pageKeyOf(googleScholar, PROFILE), profile);
  await putCapture(db, pageKeyOf(googleScholar, PAPER), paper);
  return db;
}

describe('profile data', () => {
  it('finds the person of an author page and of a paper page of theirs', async () => {
    const db = await storeWithErnst();
    const result = mergeRecords(await allCaptures(db), await allDecisions(db));
    const byProfile = personForKey(result, pageKeyOf(googleScholar, PROFILE));
    const byPaper = personForKey(result, pageKeyOf(googleScholar, PAPER));
    // Name from #gsc_prf_in of the saved profile.
    expect(byProfile?.name).toBe('Jason Ernst');
    expect(byPaper?.id).toBe(byProfile?.id);
    const view = personView(result, byProfile!, 2026);
    // Stated figures from the page's stats table (#gsc_rsb_st): 1083 citations, h 14, i10 17.
    const rows = view.comparisons[0]!.rows;
    expect(rows.map((r) => [r.metric, r.stated])).toEqual([['citations', 1083], ['hIndex', 14], ['i10Index', 17]]);
    // By hand: the 58 rows' counts sum to 1083 (h 14, i10 17); Scholar's own duplicate
    // rows (labeled in tests/data/merge/labeled-works.json, gold groups of gs-ernst;
    // worked through row by row in merge-cli.test.ts) make 52 works and 1036 citations.
    // The same data pins the same figures in both tests.
    expect(view.works.length).toBe(52);
    expect(view.metrics.citations).toBe(1036);
    for (const r of rows) if (!r.agrees) expect(r.reason).toMatch(/Google Scholar/);
    // The page's citation chart is labeled 2009…2024 (gsc_g_t spans), 2018 among them.
    expect(Object.keys(view.citationsByYear!.byYear)).toContain('2018');
    // The most cited row of the page is the IEEE Access 2018 paper with 485 citations,
    // which the view_citation page shows too: one work, two pages.
    const top = topWorks(view.works, 1)[0]!;
    expect(top.citations).toBe(485);
    expect(new Set(top.members.map((m) => m.captureKey)).size).toBe(2);
  });

  it('stores decisions by pair, so the latest about two people replaces the earlier', async () => {
    const a = decisionRecord({ kind: 'link-people', people: ['page:x', 'page:y'], at: '2026-01-01T00:00:00.000Z' });
    const b = decisionRecord({ kind: 'unlink-people', people: ['page:y', 'page:x'], at: '2026-01-02T00:00:00.000Z' });
    expect(a.id).toBe(b.id);
    expect(decisionsOf([b])).toEqual([{ kind: 'unlink-people', people: ['page:y', 'page:x'], at: '2026-01-02T00:00:00.000Z' }]);
    expect(decisionsOf([{ id: 'junk', at: 'x', kind: 'nothing' }])).toEqual([]);
  });

  it('suggests, links, unlinks and dismisses a second page of the same person', async () => {
    const db = await storeWithErnst();
    const first = mergeRecords(await allCaptures(db), []);
    const ernst = personForKey(first, pageKeyOf(googleScholar, PROFILE))!;
    // The user's own bibliography: one of his works exported, then imported as his.
    const one = first.works.filter((w) => w.citations === 485);
    const bib = importBibliography(exportAs('bibtex', { works: one }), 'mine.bib', { owner: 'Jason Ernst', now: FIXED_NOW });
    await putCapture(db, 'bibliography:mine.bib', bib);
    const at = (d: number) => `2026-11-2${d}T10:00:00.000Z`;
    let result = mergeRecords(await allCaptures(db), await allDecisions(db));
    let me = personForKey(result, pageKeyOf(googleScholar, PROFILE))!;
    const other = personForKey(result, 'bibliography:mine.bib')!;
    expect(other.id).not.toBe(me.id);
    expect(openSuggestions(result, me, []).map((s) => s.other.id)).toEqual([other.id]);

    await putDecision(db, decisionRecord(linkPeople(me, other, at(3))));
    result = mergeRecords(await allCaptures(db), await allDecisions(db));
    me = personForKey(result, pageKeyOf(googleScholar, PROFILE))!;
    expect(me.pages.map((p) => p.captureKey)).toContain('bibliography:mine.bib');

    for (const d of unlinkPage(me, 'bibliography:mine.bib', at(4))) await putDecision(db, decisionRecord(d));
    result = mergeRecords(await allCaptures(db), await allDecisions(db));
    me = personForKey(result, pageKeyOf(googleScholar, PROFILE))!;
    expect(me.pages.map((p) => p.captureKey)).not.toContain('bibliography:mine.bib');
    // Unlinked pages are not suggested again.
    expect(openSuggestions(result, me, decisionsOf(await allDecisions(db)))).toEqual([]);
    const dismissed = dismissSuggestion(me, personForKey(result, 'bibliography:mine.bib')!, at(5));
    expect(dismissed.kind).toBe('unlink-people');
    expect(ernst.name).toBe(me.name);
  });
});
