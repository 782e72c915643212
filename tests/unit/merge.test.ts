// Rules of cross-site merging on small synthetic captures (synthetic: written
// here to isolate one rule each; real pages are in merge-accuracy.test.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeAll, namesCompatible, normalizeArxiv, normalizeDoi, normalizeWorkIds, titleInfo, titleKey } from '../../src/core/merge';
import type { StoredCaptureLike, UserDecision } from '../../src/core/merge';
import { idsFromUrl } from '../../src/core/merge/people';
import type { Capture, PageKind, Person, Work } from '../../src/core/capture';

let n = 0;
function cap(source: string, works: Work[], kind: PageKind = 'paper', person?: Person, key?: string): StoredCaptureLike {
  const capture: Capture = { format: 'scholar-lens.capture', version: 1, source, pageKind: kind, url: `https://example.org/${source}/${n}`, capturedAt: '2026-11-22T10:00:00.000Z', works };
  if (person) capture.person = person;
  return { key: key ?? `${source}:${n++}`, capture };
}
const groups = (r: ReturnType<typeof mergeAll>) => r.works.map((w) => w.members.map((m) => `${m.captureKey}#${m.index}`).sort()).sort();

describe('normalizers', () => {
  it('fold LaTeX, case, punctuation, hyphenation and diacritics', () => {
    expect(titleKey('On $O(n \\log n)$ \\emph{Sorting}')).toBe(titleKey('On O(n log n) sorting'));
    expect(titleInfo('Multi-Hop Networks')!.compact).toBe(titleInfo('multihop networks')!.compact);
    expect(titleKey('Naïve Creature — It’s')).toBe('naive creature its');
    expect(titleInfo('A very long title that was cut…')!.truncated).toBe(true);
  });
  it('canonicalize identifiers; the arXiv DataCite DOI becomes an arXiv id', () => {
    expect(normalizeDoi('https://doi.org/10.1109/ACCESS.2018.1')).toBe('10.1109/access.2018.1');
    expect(normalizeArxiv('arXiv:2004.10162v3')).toBe('2004.10162');
    expect(normalizeWorkIds({ doi: '10.48550/arXiv.2004.10162' })).toEqual({ arxiv: '2004.10162' });
  });
  it('are idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => titleKey(titleKey(s)) === titleKey(s)));
    fc.assert(fc.property(fc.string(), (s) => { const d = normalizeDoi(`10.1234/${s}`); return d === undefined || normalizeDoi(d) === d; }));
    fc.assert(fc.property(fc.string(), (s) => { const a = normalizeArxiv(s); return a === undefined || normalizeArxiv(a) === a; }));
  });
});

describe('work clustering', () => {
  const T = 'Deep room recognition using inaudible echos';
  it('merges on identifiers, including the arXiv DataCite DOI', () => {
    const r = mergeAll([cap('arxiv', [{ title: 'A', ids: { arxiv: '1809.00531' } }]), cap('s2', [{ title: 'B', ids: { doi: '10.48550/arxiv.1809.00531' } }])], []);
    expect(r.works).toHaveLength(1);
    expect(r.works[0]!.ids).toEqual({ arxiv: '1809.00531' });
  });
  it('never merges two different publisher DOIs, even with the same title', () => {
    const r = mergeAll([cap('dblp', [{ title: T, year: 2018, ids: { doi: '10.1145/1111' } }]), cap('dblp', [{ title: T, year: 2018, ids: { doi: '10.1145/2222' } }])], []);
    expect(r.works).toHaveLength(2);
  });
  it('keeps a preprint and its published version as one work with two versions; publisher DOI shown', () => {
    const r = mergeAll([
      cap('orcid', [{ title: T, year: 2017, type: 'preprint', ids: { doi: '10.1101/123456' } }]),
      cap('dblp', [{ title: `${T}.`, year: 2019, venue: 'IMWUT', ids: { doi: '10.1145/3264945' } }]),
    ], []);
    expect(r.works).toHaveLength(1);
    const w = r.works[0]!;
    expect(w.ids.doi).toBe('10.1145/3264945');
    expect(w.versions.map((v) => v.kind)).toEqual(['preprint', 'published']);
    expect(w.year).toBe(2019);
    expect(w.fields.ids.map((v) => v.value.id).sort()).toEqual(['10.1101/123456', '10.1145/3264945']);
  });
  it('matches a truncated title on its prefix, and not a short generic one', () => {
    const full = 'Privacy-preserving blockchain-based federated learning for IoT devices';
    const r = mergeAll([cap('gs', [{ title: 'Privacy-preserving blockchain-based federated learning …', authors: ['Y Zhao', 'R Tan'], year: 2021 }]), cap('dblp', [{ title: full, authors: ['Yang Zhao', 'Rui Tan'], year: 2021 }])], []);
    expect(r.works).toHaveLength(1);
    expect(r.works[0]!.title).toBe(full);
    const r2 = mergeAll([cap('a', [{ title: 'Introduction', year: 2020 }]), cap('b', [{ title: 'Introduction', year: 2020 }])], []);
    expect(r2.works).toHaveLength(2);
  });
  it('keeps apart same titles with disjoint authors or years too far apart', () => {
    expect(mergeAll([cap('a', [{ title: T, authors: ['A Smith'] }]), cap('b', [{ title: T, authors: ['B Jones'] }])], []).works).toHaveLength(2);
    expect(mergeAll([cap('a', [{ title: T, year: 2010 }]), cap('b', [{ title: T, year: 2015 }])], []).works).toHaveLength(2);
  });
  it('places a title-less record only by a decisive abstract', () => {
    const abs = 'We show that a smartphone can recognize the room it is in from the echoes of an inaudible chirp, using a deep network trained on twenty rooms.';
    const r = mergeAll([cap('a', [{ title: T, abstract: abs }]), cap('b', [{ abstract: abs, flags: ['no-title'] }]), cap('c', [{ abstract: 'Something else entirely about grids and pricing attacks in markets.' }])], []);
    expect(r.works).toHaveLength(2);
  });
  it('does not depend on input order (property)', () => {
    const base = [
      cap('gs', [{ title: T, authors: ['Q Song', 'R Tan'], year: 2018 }, { title: 'Hidden moving target defense in smart grids', year: 2017 }], 'author', { name: 'Rui Tan', ids: { gscholar: 'AAAAAAAAAAAA' } }),
      cap('dblp', [{ title: `${T}.`, authors: ['Qun Song', 'Rui Tan'], year: 2018, ids: { doi: '10.1145/3264945' } }, { title: 'Enhanced hidden moving target defense in smart grids', year: 2019 }], 'author', { name: 'Tan, Rui', ids: { dblp: '00/5179' } }),
      cap('arxiv', [{ title: T, year: 2018, ids: { arxiv: '1809.00531' } }]),
    ];
    const ref = JSON.stringify(mergeAll(base, []));
    fc.assert(fc.property(fc.shuffledSubarray(base, { minLength: base.length, maxLength: base.length }), (perm) => JSON.stringify(mergeAll(perm, [])) === ref));
  });
});

describe('people', () => {
  it('compares names written in different ways', () => {
    for (const v of ['Smith, Samuel L.', 'S. L. Smith', 'Sámuel Smith', 'Samuel Smith']) expect(namesCompatible('Samuel L. Smith', v), v).toBe(true);
    expect(namesCompatible('Samuel L. Smith', 'Sarah Smith')).toBe(false);
    expect(namesCompatible('Samuel L. Smith', 'Samuel L. Jones')).toBe(false);
  });
  const works = (k: number, prefix: string): Work[] => Array.from({ length: k }, (_, i) => ({ title: `${prefix} study number ${i} of wireless mesh scheduling`, year: 2015 }));
  it('joins author pages sharing ≥ 3 works under compatible names; same name without shared works stays apart with a suggestion', () => {
    const a = cap('gs', works(4, 'x'), 'author', { name: 'Samuel L. Smith' }, 'gs:1');
    const b = cap('dblp', works(3, 'x'), 'author', { name: 'Smith, S. L.' }, 'dblp:1');
    const c = cap('s2', works(3, 'y'), 'author', { name: 'Samuel Smith' }, 's2:1');
    const r = mergeAll([a, b, c], []);
    expect(r.people).toHaveLength(2);
    const joined = r.people.find((p) => p.pages.length === 2)!;
    expect(joined.linkedBy).toEqual(['shared-works']);
    expect(joined.suggestions).toHaveLength(1);
  });
  it('joins on a strong id or a link between pages, never on list pages', () => {
    const a = cap('gs', works(1, 'x'), 'author', { name: 'J Ernst', homepage: 'https://orcid.org/0000-0001-2345-6789' }, 'gs:1');
    const b = cap('orcid', works(1, 'z'), 'author', { name: 'Jason Ernst', ids: { orcid: '0000-0001-2345-6789' } }, 'orcid:1');
    const l = cap('gs', [{ title: 'A list-only work about something else', year: 2020 }], 'list', undefined, 'gs:list');
    const r = mergeAll([a, b, l], []);
    expect(r.people).toHaveLength(1);
    expect(r.people[0]!.linkedBy).toEqual(['page-link']);
    const listWork = r.works.find((w) => w.members[0]!.pageKind === 'list')!;
    expect(r.people[0]!.workIds).not.toContain(listWork.id);
  });
  // Issue 14, finding 3: a homepage field is the page's own claim, written by whoever made the page.
  it('a homepage naming someone else\'s profile does not join two people whose names differ', () => {
    const alice = cap('gs', works(2, 'alice'), 'author', { name: 'Alice Lovelace', ids: { gscholar: 'SbUmSEAAAAAJ' } }, 'gs:alice');
    const mallory = cap('dblp', works(2, 'mallory'), 'author', { name: 'Mallory Moriarty', homepage: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ' }, 'dblp:mallory');
    expect(mergeAll([alice, mallory], []).people).toHaveLength(2);
    // The same link from a page whose name is Alice's still joins them.
    const alsoAlice = cap('dblp', works(2, 'alice2'), 'author', { name: 'A. Lovelace', homepage: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ' }, 'dblp:alice');
    const r = mergeAll([alice, alsoAlice], []);
    expect(r.people).toHaveLength(1);
    expect(r.people[0]!.linkedBy).toEqual(['page-link']);
  });
  it('an id is read from a URL only on its site\'s own host', () => {
    expect(idsFromUrl('https://evil.example/scholar.google.com/citations?user=SbUmSEAAAAAJ')).toEqual({});
    expect(idsFromUrl('https://scholar.google.com.evil.example/citations?user=SbUmSEAAAAAJ')).toEqual({});
    expect(idsFromUrl('https://evil.example/?u=https://orcid.org/0000-0001-2345-6789')).toEqual({});
    expect(idsFromUrl('https://notorcid.org/0000-0001-2345-6789')).toEqual({});
    expect(idsFromUrl('https://evil.example/dblp.org/pid/00/5179.html')).toEqual({});
    expect(idsFromUrl('https://evil.example/www.semanticscholar.org/author/123')).toEqual({});
    expect(idsFromUrl('javascript:alert(1)//orcid.org/0000-0001-2345-6789')).toEqual({});
    // The real hosts, as profiles link them.
    expect(idsFromUrl('https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en')).toEqual({ gscholar: 'SbUmSEAAAAAJ' });
    expect(idsFromUrl('https://scholar.google.co.uk/citations?hl=en&user=SbUmSEAAAAAJ')).toEqual({ gscholar: 'SbUmSEAAAAAJ' });
    expect(idsFromUrl('https://orcid.org/0000-0001-2345-678x')).toEqual({ orcid: '0000-0001-2345-678X' });
    expect(idsFromUrl('http://www.orcid.org/0000-0001-2345-6789')).toEqual({ orcid: '0000-0001-2345-6789' });
    expect(idsFromUrl('https://dblp.org/pid/00/5179.html')).toEqual({ dblp: '00/5179' });
    expect(idsFromUrl('https://dblp.uni-trier.de/pid/l/XueLiu')).toEqual({ dblp: 'l/XueLiu' });
    expect(idsFromUrl('https://www.semanticscholar.org/author/Alan-Turing/2262347')).toEqual({ s2: '2262347' });
    expect(idsFromUrl('not a url')).toEqual({});
  });
  it('keeps stated figures per site as stated', () => {
    const a = cap('gs', works(1, 'x'), 'author', { name: 'Jason Ernst', ids: { gscholar: 'SbUmSEAAAAAJ' }, metrics: { citations: 1083, hIndex: 14 } }, 'gs:1');
    expect(mergeAll([a], []).people[0]!.stated[0]!.metrics).toEqual({ citations: 1083, hIndex: 14 });
  });
});

describe('user decisions', () => {
  const T = 'Resilience bounds of network clock synchronization';
  it('split-works holds against an exact title match, join-works against different DOIs', () => {
    const a = cap('a', [{ title: T, year: 2020 }], 'paper', undefined, 'a');
    const b = cap('b', [{ title: T, year: 2020 }], 'paper', undefined, 'b');
    const split: UserDecision = { kind: 'split-works', works: ['rec:a#0', 'rec:b#0'], at: '2026-01-01T00:00:00Z' };
    expect(groups(mergeAll([a, b], [split]))).toEqual([['a#0'], ['b#0']]);
    const c = cap('c', [{ title: 'X one', ids: { doi: '10.1145/1111' } }], 'paper', undefined, 'c');
    const d = cap('d', [{ title: 'X two', ids: { doi: '10.1145/2222' } }], 'paper', undefined, 'd');
    const join: UserDecision = { kind: 'join-works', works: ['doi:10.1145/1111', 'doi:10.1145/2222'], at: '2026-01-01T00:00:00Z' };
    expect(mergeAll([c, d], [join]).works).toHaveLength(1);
    expect(mergeAll([c, d], [join, { ...join, kind: 'split-works', at: '2026-02-01T00:00:00Z' }]).works).toHaveLength(2);
  });
  it('unlink-people holds against a shared id; link-people joins', () => {
    const a = cap('gs', [], 'author', { name: 'Jason Ernst', ids: { orcid: '0000-0001-2345-6789' } }, 'gs:1');
    const b = cap('orcid', [], 'author', { name: 'Jason Ernst', ids: { orcid: '0000-0001-2345-6789' } }, 'orcid:1');
    expect(mergeAll([a, b], []).people).toHaveLength(1);
    expect(mergeAll([a, b], [{ kind: 'unlink-people', people: ['page:gs:1', 'page:orcid:1'], at: '2026-01-01T00:00:00Z' }]).people).toHaveLength(2);
    const c = cap('s2', [], 'author', { name: 'J. Ernst' }, 's2:1');
    expect(mergeAll([a, c], [{ kind: 'link-people', people: ['orcid:0000-0001-2345-6789', 'page:s2:1'], at: '2026-01-01T00:00:00Z' }]).people).toHaveLength(1);
  });
  it('refs naming Object.prototype members ("constructor:x") match nothing and crash nothing', () => {
    const a = cap('gs', [{ title: T, ids: { doi: '10.1145/1111' } }], 'author', { name: 'Jason Ernst', ids: { gscholar: 'SbUmSEAAAAAJ' } }, 'gs:1');
    const b = cap('s2', [{ title: T }], 'author', { name: 'J. Ernst', ids: { s2: '123' } }, 's2:1');
    const at = '2026-01-01T00:00:00Z';
    const odd = ['constructor:x', '__proto__:x', 'toString:x', 'hasOwnProperty:s2', 'valueOf:'];
    const decisions: UserDecision[] = odd.flatMap((ref): UserDecision[] => [
      { kind: 'link-people', people: [ref, 'page:gs:1'], at },
      { kind: 'unlink-people', people: ['page:s2:1', ref], at },
      { kind: 'join-works', works: [ref, 'rec:gs:1#0'], at },
      { kind: 'split-works', works: ['rec:s2:1#0', ref], at },
    ]);
    const r = mergeAll([a, b], decisions);
    expect(r.unresolvedDecisions).toHaveLength(decisions.length);
    expect(r.unresolvedDecisions).toEqual(expect.arrayContaining(decisions));
    // Nothing applied: the automatic result, as without the decisions.
    expect({ ...r, unresolvedDecisions: [] }).toEqual(mergeAll([a, b], []));
  });
});
