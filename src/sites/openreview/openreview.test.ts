// OpenReview adapter on MINIMAL SYNTHETIC API responses (tests/data/openreview/,
// see its README): hand-written JSON shaped like API v2's documented notes and
// profiles — no saved OpenReview page or recorded response exists. Expected
// values are read off those files by eye; dates were converted with
// `date -u -d @<seconds>` (1695300000 → 2023-09-21, 1705400000 → 2024-01-16,
// 1664000000 → 2022-09-24).
import { describe, expect, it } from 'vitest';
import { captureData, capturePage } from '../../adapters/run';
import { openReviewAdapter, readNote, routeOf } from './index';
import { adapterFor } from '../../adapters/registry';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureText } from '../../../tests/helpers/fixtures';

const PROFILE = 'https://openreview.net/profile?id=~Ada_Example1';
const FORUM = 'https://openreview.net/forum?id=SynthAAAA01';
// SYNTHETIC: the pages are drawn from the API; their HTML is not read, so an empty shell stands for them.
const shell = () => parseHtml('<html><head><title>OpenReview</title></head><body><div id="__next"></div></body></html>');

const payloads = {
  profile: fixtureText('tests/data/openreview/profile_Ada_Example1.json'),
  notes: fixtureText('tests/data/openreview/notes_authorids_Ada_Example1.json'),
  forum: fixtureText('tests/data/openreview/forum_SynthAAAA01.json'),
};

describe('OpenReview routes and data requests', () => {
  it('profile and forum addresses; others are not ours', () => {
    expect(routeOf(new URL(PROFILE))).toEqual({ kind: 'author', id: '~Ada_Example1' });
    expect(routeOf(new URL('https://openreview.net/forum?id=SynthAAAA01&noteId=RevwCCCC03'))).toEqual({ kind: 'paper', id: 'SynthAAAA01' });
    expect(routeOf(new URL('https://openreview.net/profile?email=a@example.edu'))).toBeUndefined();
    expect(routeOf(new URL('https://openreview.net/group?id=ICLR.cc/2024/Conference'))).toBeUndefined();
    expect(adapterFor(PROFILE)?.id).toBe('openreview');
    expect(adapterFor('https://openreview.net/group?id=ICLR.cc/2024/Conference')).toBeUndefined();
  });

  it('asks the public API (v2, and v1 for venues before 2023) as the pages do', () => {
    expect(openReviewAdapter.dataRequests?.(new URL(PROFILE), shell())).toEqual([
      { url: 'https://api2.openreview.net/profiles?id=~Ada_Example1', as: 'json', key: 'profile' },
      { url: 'https://api2.openreview.net/notes?content.authorids=~Ada_Example1&sort=cdate:desc&limit=1000', as: 'json', key: 'notes' },
      { url: 'https://api.openreview.net/notes?content.authorids=~Ada_Example1&limit=1000', as: 'json', key: 'notesV1' },
    ]);
    expect(openReviewAdapter.dataRequests?.(new URL(FORUM), shell())).toEqual([
      { url: 'https://api2.openreview.net/notes?forum=SynthAAAA01', as: 'json', key: 'forum' },
      { url: 'https://api.openreview.net/notes?forum=SynthAAAA01', as: 'json', key: 'forumV1' },
    ]);
  });

  it('page keys ignore other query parameters', () => {
    expect(openReviewAdapter.pageKey?.(new URL('https://openreview.net/forum?id=SynthAAAA01&noteId=RevwCCCC03'))).toBe('forum:SynthAAAA01');
    expect(openReviewAdapter.pageKey?.(new URL(PROFILE))).toBe('profile:~Ada_Example1');
  });
});

describe('OpenReview profile page', () => {
  const capture = capturePage(openReviewAdapter, shell(), new URL(PROFILE), { now: FIXED_NOW, payloads });

  it('reads the person from the profile', () => {
    expect(capture.pageKind).toBe('author');
    // names[1] is the one with "preferred": true; history[1] has "end": null; expertise[1] likewise;
    // ids from the gscholar (user=), dblp (pid/), orcid and semanticScholar links.
    expect(capture.person).toEqual({
      name: 'Ada Example',
      affiliation: 'Example University',
      homepage: 'https://example.edu/~ada',
      interests: ['representation learning', 'optimization'],
      ids: { openreview: '~Ada_Example1', gscholar: 'AbCdEfGhIjKl', dblp: '00/0000', orcid: '0000-0002-1825-0097', s2: '1000001' },
    });
  });

  it('reads every note as a work', () => {
    expect(capture.works).toHaveLength(2);
    expect(capture.works?.[0]).toEqual({
      title: 'A Synthetic Study of Representation Learning', // whitespace and the newline collapsed
      authors: ['Ada Example', 'Ben Sample'],
      year: 2024, // pdate 1705400000000
      date: '2024-01-16',
      venue: 'ICLR 2024 poster',
      abstract: 'We study a synthetic problem.',
      ids: { openreview: 'SynthAAAA01' },
      url: 'https://openreview.net/forum?id=SynthAAAA01',
      type: 'conference', // venueid ICLR.cc/2024/Conference
    });
    // No pdate: the year the venue names (2023), not cdate's 2022; a "Submitted to" venue has no type.
    expect(capture.works?.[1]).toMatchObject({ title: 'An Unaccepted Synthetic Submission', year: 2023, date: '2022-09-24', venue: 'Submitted to ICLR 2023' });
    expect(capture.works?.[1]?.type).toBeUndefined();
    expect(capture.notes).toBeUndefined(); // count 2 = notes returned
  });

  it('v1 notes join the v2 ones, without repeating a forum both list', () => {
    // SYNTHETIC v1-shaped response: one forum v2 also lists (SynthAAAA01), one only v1 has.
    const notesV1 = JSON.stringify({
      notes: [
        { id: 'SynthAAAA01', forum: 'SynthAAAA01', cdate: 1695300000000, content: { title: 'A Synthetic Study of Representation Learning', authors: ['Ada Example'] } },
        { id: 'OldV1note01', forum: 'OldV1note01', cdate: 1600000000000, content: { title: 'An Old Synthetic Paper', authors: ['Ada Example'], venue: 'ICLR 2021 Poster', venueid: 'ICLR.cc/2021/Conference' } },
      ],
      count: 2,
    });
    const c = capturePage(openReviewAdapter, shell(), new URL(PROFILE), { now: FIXED_NOW, payloads: { ...payloads, notesV1 } });
    expect(c.works?.map((w) => w.ids?.openreview)).toEqual(['SynthAAAA01', 'SynthBBBB02', 'OldV1note01']);
    // Only v1 answered: still read.
    const only = capturePage(openReviewAdapter, shell(), new URL(PROFILE), { now: FIXED_NOW, payloads: { profile: payloads.profile, notesV1 } });
    expect(only.works).toHaveLength(2);
  });

  it('a forum only API v1 has is read from it', () => {
    const forumV1 = JSON.stringify({ notes: [{ id: 'OldV1note01', forum: 'OldV1note01', cdate: 1600000000000, content: { title: 'An Old Synthetic Paper', authors: ['Ada Example'] } }] });
    const c = capturePage(openReviewAdapter, shell(), new URL('https://openreview.net/forum?id=OldV1note01'), { now: FIXED_NOW, payloads: { forum: '{"notes":[],"count":0}', forumV1 } });
    expect(c.pageKind).toBe('paper');
    expect(c.works?.[0]?.title).toBe('An Old Synthetic Paper');
  });

  it('an alias of the profile (another username of its names) is the same person', () => {
    const alias = capturePage(openReviewAdapter, shell(), new URL('https://openreview.net/profile?id=~A_Example1'), { now: FIXED_NOW, payloads });
    expect(alias.person?.ids?.openreview).toBe('~Ada_Example1');
  });

  it('data for another profile is never read as this one (stale data after in-app navigation)', () => {
    const other = capturePage(openReviewAdapter, shell(), new URL('https://openreview.net/profile?id=~Ben_Sample1'), { now: FIXED_NOW, payloads });
    expect(other.pageKind).toBe('unrecognized');
    expect(other.notes).toEqual(['OpenReview renders from its API; the data could not be fetched', 'OpenReview: the profile data is not for ~Ben_Sample1']);
  });

  it('says when the API holds more notes than it returned', () => {
    const notes = JSON.parse(payloads.notes) as { count: number };
    notes.count = 1500;
    const c = capturePage(openReviewAdapter, shell(), new URL(PROFILE), { now: FIXED_NOW, payloads: { ...payloads, notes: JSON.stringify(notes) } });
    expect(c.notes).toEqual(['the API returned 2 of the 1500 notes it counts']);
  });

  it('without the data: unrecognized, saying why; a rate-limit answer: blocked', () => {
    const none = capturePage(openReviewAdapter, shell(), new URL(PROFILE), { now: FIXED_NOW });
    expect(none).toMatchObject({ pageKind: 'unrecognized', notes: ['OpenReview renders from its API; the data could not be fetched'] });
    // SYNTHETIC error body in the API's { name, message, status } form.
    const limited = JSON.stringify({ name: 'RateLimitError', message: 'Too many requests', status: 429 });
    const blocked = capturePage(openReviewAdapter, shell(), new URL(PROFILE), { now: FIXED_NOW, payloads: { profile: limited, notes: limited } });
    expect(blocked).toMatchObject({ pageKind: 'blocked', notes: ['OpenReview API: RateLimitError: Too many requests'] });
  });
});

describe('OpenReview forum page', () => {
  it('reads the submission, not the review', () => {
    const c = capturePage(openReviewAdapter, shell(), new URL('https://openreview.net/forum?id=SynthAAAA01&noteId=RevwCCCC03'), { now: FIXED_NOW, payloads });
    expect(c.pageKind).toBe('paper');
    expect(c.works).toHaveLength(1);
    expect(c.works?.[0]).toMatchObject({ title: 'A Synthetic Study of Representation Learning', ids: { openreview: 'SynthAAAA01' }, year: 2024 });
    expect(c.url).toBe('https://openreview.net/forum?id=SynthAAAA01&noteId=RevwCCCC03');
  });

  it('forum data of another submission is not read as this one', () => {
    const c = capturePage(openReviewAdapter, shell(), new URL('https://openreview.net/forum?id=SynthZZZZ99'), { now: FIXED_NOW, payloads });
    expect(c.pageKind).toBe('unrecognized');
  });

  it('API v1 notes (plain content values) are read too', () => {
    // SYNTHETIC v1-shaped note: content fields are the values themselves.
    const w = readNote({ id: 'V1note', forum: 'V1note', cdate: 1600000000000, content: { title: 'Old Style', authors: ['X Y'], venue: 'ICLR 2021 Poster', venueid: 'ICLR.cc/2021/Conference' } });
    expect(w).toEqual({ title: 'Old Style', authors: ['X Y'], year: 2021, date: '2020-09-13', venue: 'ICLR 2021 Poster', ids: { openreview: 'V1note' }, url: 'https://openreview.net/forum?id=V1note', type: 'conference' });
  });
});

describe('OpenReview API responses from the command line', () => {
  it('a forum response is a paper; an author\'s notes alone are a list', () => {
    const paper = captureData(openReviewAdapter, payloads.forum, new URL('https://api2.openreview.net/notes?forum=SynthAAAA01'), 'json', { now: FIXED_NOW });
    expect(paper.pageKind).toBe('paper');
    const list = captureData(openReviewAdapter, payloads.notes, new URL('https://api2.openreview.net/notes?content.authorids=~Ada_Example1'), 'json', { now: FIXED_NOW });
    expect(list.pageKind).toBe('list');
    expect(list.works).toHaveLength(2);
    const profile = captureData(openReviewAdapter, payloads.profile, new URL('https://api2.openreview.net/profiles?id=~Ada_Example1'), 'json', { now: FIXED_NOW });
    expect(profile.pageKind).toBe('unrecognized');
  });

  it('never throws on junk', () => {
    for (const junk of ['', 'null', '[]', '{"notes": [null, 3, {"content": {"title": {"value": 5}}}]}', '<html>error</html>', '{"profiles": [{}]}'])
      for (const url of [PROFILE, FORUM]) {
        const c = capturePage(openReviewAdapter, shell(), new URL(url), { now: FIXED_NOW, payloads: { profile: junk, notes: junk, forum: junk } });
        expect(['unrecognized', 'blocked', 'author']).toContain(c.pageKind);
      }
  });
});
