// The works the popup and the dashboard ask the user to check — flagged as
// possibly a namesake's, removed as not theirs, placed by abstract — and the
// "includes N flagged works" of every place metrics are shown, on hand-made
// merged people and works (the merge core does not flag works yet). Expected
// strings are the wording the issue asks for, typed here by hand.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MemberRef, MergedPerson, MergedWork, MergeResult } from '../../src/core/merge/types';
import { flaggedWorksIncluded, flaggedWorksNote } from '../../src/core/metrics';
import { personFigures } from '../../src/core/person-figures';
import { reportInputOf } from '../../src/core/person-report';
import { exportAs } from '../../src/formats';
import { allDecisions, openStore, putDecision } from '../../src/store/store';
import { decisionRecord, decisionsOf } from '../../src/ui/model/decision-records';
import { confirmWork, removeWork } from '../../src/ui/model/new-decisions';
import { personView, siteName } from '../../src/ui/model/person-view';
import { flaggedOf, flagText, flagTextById, marksOf, memberPlacement, placementMark, removedNote, removedOf } from '../../src/ui/model/work-checks';

const AT = '2026-11-22T10:00:00.000Z';
const empty = { title: [], authors: [], year: [], venue: [], citations: [], abstract: [], url: [], type: [], ids: [] };
const member = (captureKey: string, source: string, extra: Partial<MemberRef> = {}): MemberRef => ({ captureKey, index: 0, source, capturedAt: AT, pageKind: 'author', ...extra });
const work = (id: string, title: string, citations: number, members: MemberRef[], matchedBy: MergedWork['matchedBy'] = []): MergedWork => ({
  id,
  title,
  year: 2020,
  citations,
  ids: {},
  versions: [],
  members,
  matchedBy,
  fields: empty,
});

// SYNTHETIC: a person with three works on Scholar and DBLP, one of which only DBLP lists (flagged),
// and a fourth the user already removed.
const works: MergedWork[] = [
  work('doi:10.1/a', 'Private training at scale', 40, [member('google-scholar:x', 'google-scholar'), member('dblp:x', 'dblp')], ['title']),
  work('doi:10.1/b', 'Signatures of translated abstracts', 12, [member('google-scholar:x', 'google-scholar'), member('list:y', 'generic', { pageKind: 'list', placedBy: 'translated-abstract' })], ['translated-abstract']),
  work('doi:10.1/c', 'Soil bacteria of alpine meadows', 7, [member('dblp:x', 'dblp', { index: 3 })]),
  work('doi:10.1/d', 'Glacier hydrology', 3, [member('dblp:x', 'dblp', { index: 4 })]),
];
const person: MergedPerson = {
  id: 'gscholar:x',
  name: 'Sam Example',
  nameVariants: ['Sam Example'],
  ids: {},
  pages: [],
  stated: [],
  workIds: ['doi:10.1/a', 'doi:10.1/b', 'doi:10.1/c'],
  linkedBy: [],
  suggestions: [],
  // w:c twice and a flag on a work not theirs (w:d) must each count once / not at all.
  flaggedWorks: [
    { workId: 'doi:10.1/c', reason: 'namesake', source: 'dblp' },
    { workId: 'doi:10.1/c', reason: 'namesake', source: 'dblp' },
    { workId: 'doi:10.1/d', reason: 'namesake', source: 'dblp' },
  ],
  removedWorkIds: ['doi:10.1/d', 'w:gone'],
  fields: { name: [], affiliation: [], homepage: [] },
};
const result: MergeResult = { works, people: [person], unresolvedDecisions: [], stats: {} as MergeResult['stats'] };

describe('flagged works', () => {
  it('are named by the display name of the one site that lists them, once each, and only while theirs', () => {
    const flags = flaggedOf(result, person, siteName);
    expect(flags.map((f) => [f.work.id, f.text])).toEqual([['doi:10.1/c', 'only on DBLP — check that it is theirs']]);
    expect(flagText('Google Scholar')).toBe('only on Google Scholar — check that it is theirs');
    expect(flaggedOf(result, { ...person, flaggedWorks: undefined }, siteName)).toEqual([]);
  });

  it('decide by the confirm-work / remove-work builders, stored under one id per person and work', async () => {
    const no = removeWork(person, 'doi:10.1/c', AT);
    const yes = confirmWork(person, 'doi:10.1/c', '2026-11-23T10:00:00.000Z');
    expect(no).toEqual({ kind: 'remove-work', person: 'gscholar:x', work: 'doi:10.1/c', at: AT });
    expect(yes.kind).toBe('confirm-work');
    expect(decisionRecord(no).id).toBe('attribution:gscholar:x|doi:10.1/c');
    // The undo of a removal is a confirm of the same person and work: it replaces the removal in the store.
    const db = await openStore('ui-work-checks-0');
    await putDecision(db, decisionRecord(no));
    await putDecision(db, decisionRecord(yes));
    expect(decisionsOf(await allDecisions(db))).toEqual([{ kind: 'confirm-work', person: 'gscholar:x', work: 'doi:10.1/c', at: '2026-11-23T10:00:00.000Z' }]);
  });

  it('are marked "flagged" in lists, the flag text as the tooltip', () => {
    const texts = flagTextById(flaggedOf(result, person, siteName));
    expect(marksOf(works[2]!, texts)).toEqual([{ label: 'flagged', title: 'Only on DBLP — check that it is theirs.', kind: 'flag' }]);
    expect(marksOf(works[0]!, texts)).toEqual([]);
  });
});

describe('removed works', () => {
  it('are counted for the note, leaving out a work that no longer exists', () => {
    expect(removedOf(result, person).map((w) => w.id)).toEqual(['doi:10.1/d']);
    expect(removedNote(1)).toBe('1 work removed as not theirs');
    expect(removedNote(3)).toBe('3 works removed as not theirs');
    expect(removedNote(0)).toBeUndefined();
  });
});

describe('placed by abstract', () => {
  it('says which weaker evidence joined the work', () => {
    expect(placementMark(works[1]!)).toEqual({
      label: 'placed by abstract',
      title: 'Joined by the numbers and names its translated abstract shares with this work.',
    });
    expect(placementMark(work('doi:10.1/e', 't', 0, [member('k', 'scite', { placedBy: 'abstract' }), member('l', 'arxiv')], ['abstract']))).toEqual({
      label: 'placed by abstract',
      title: 'Joined by its abstract.',
    });
    // A record placed among the person's works by a similar title: no abstract involved, and the mark says so.
    expect(placementMark(work('doi:10.1/f', 't', 0, [member('k', 'dblp'), member('l', 'google-scholar')], ['in-person', 'title']))).toEqual({
      label: 'placed by similar title',
      title: "Joined by a similar title among this person's works.",
    });
    expect(placementMark(works[0]!)).toBeUndefined();
    expect(placementMark(work('doi:10.1/g', 't', 0, [member('k', 'dblp'), member('l', 'orcid')], ['id:doi', 'user']))).toBeUndefined();
  });

  it('marks the record that joined by its abstract, for the split button beside it', () => {
    expect(memberPlacement(works[1]!.members[1]!)).toBe('Joined by the numbers and names its translated abstract shares with this work.');
    expect(memberPlacement(works[1]!.members[0]!)).toBeUndefined();
    expect(marksOf(works[1]!, new Map())).toEqual([{ label: 'placed by abstract', title: 'Joined by the numbers and names its translated abstract shares with this work.', kind: 'placement' }]);
  });
});

describe('metrics say how many flagged works they include', () => {
  it('counts flagged works among the works the metrics are computed from', () => {
    expect(flaggedWorksIncluded(person)).toBe(1);
    expect(flaggedWorksIncluded({ workIds: ['doi:10.1/a'] })).toBe(0);
    expect(flaggedWorksNote(1)).toBe('includes 1 flagged work');
    expect(flaggedWorksNote(2)).toBe('includes 2 flagged works');
    expect(flaggedWorksNote(0)).toBeUndefined();
  });

  it('in the popup and dashboard figures: 3 works, 40 + 12 + 7 citations, 1 of them flagged', () => {
    const view = personView(result, person, 2026);
    expect(view.works.map((w) => w.id)).toEqual(['doi:10.1/a', 'doi:10.1/b', 'doi:10.1/c']);
    expect(view.metrics.citations).toBe(59);
    expect(view.flaggedIncluded).toBe(1);
    expect(personFigures(result, { ...person, flaggedWorks: [] }, { currentYear: 2026, siteName, notesOf: () => [] }).flaggedIncluded).toBe(0);
  });

  it('in the metrics report, Markdown and CSV, only when there are some', () => {
    const { metrics } = personView(result, person, 2026);
    const report = reportInputOf(person, metrics, '2026-11-22');
    expect(report.flaggedWorks).toBe(1);
    const md = exportAs('report-md', { report });
    expect(md).toContain('Computed from the merged works; includes 1 flagged work (only one site lists it: possibly a namesake’s, not yet confirmed or removed).');
    expect(md).toMatch(/^\| Flagged works included \| 1 \|/m);
    const csv = exportAs('report-csv', { report });
    expect(csv).toMatch(/^Sam Example,flaggedWorks,Flagged works included,1,/m);
    const clean = reportInputOf({ ...person, flaggedWorks: undefined }, metrics, '2026-11-22');
    expect(exportAs('report-md', { report: clean })).not.toContain('flagged');
    expect(exportAs('report-csv', { report: clean })).not.toContain('flagged');
  });
});
