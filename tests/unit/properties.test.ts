// Property tests (fast-check, fixed seed) that merge.test.ts and
// metrics-properties.test.ts do not already hold: the adapters' text
// normalizers are idempotent; merging real captures is independent of input
// order and of re-running; the JSON backup of real captures round-trips.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { canonicalArxiv, canonicalDoi, cleanText } from '../../src/core/text';
import { mergeAll, type MergeResult, type StoredCaptureLike, type UserDecision } from '../../src/core/merge';
import { makeBackup, parseBackup, serializeBackup, type StoredCaptureRecord } from '../../src/formats/backup';
import { dataPath } from '../helpers/fixtures';
import { SITE_SETTINGS_KEY } from '../../src/shell/site-settings';
import type { DatabaseDump } from '../helpers/idb-dump';

const SEED = 20261122;
const opts = { seed: SEED, numRuns: 300 };

describe('text normalizers are idempotent', () => {
  // Found by the property below: "10.1234/." once canonicalized to "10.1234/", which is not a DOI.
  it('canonicalDoi never returns a DOI with an empty suffix', () => {
    expect(canonicalDoi('10.1234/.')).toBeUndefined();
  });

  it('cleanText, canonicalDoi, canonicalArxiv', () => {
    const noisy = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\u200B', '\u202E', '\u00AD', '\uFEFF', '1', '.', '/', 'v2', 'arXiv:', '10.1234/', 'https://doi.org/', '%2F') });
    fc.assert(fc.property(noisy, (s) => { const c = cleanText(s); return c === undefined || cleanText(c) === c; }), opts);
    fc.assert(fc.property(noisy, (s) => { const d = canonicalDoi(s); return d === undefined || canonicalDoi(d) === d; }), opts);
    fc.assert(fc.property(noisy, (s) => { const a = canonicalArxiv(s); return a === undefined || canonicalArxiv(a) === a; }), opts);
  });

  it('cleanText, with its shortcut for text already clean, is the full normalization: invisible marks out, whitespace runs to one space, trimmed', () => {
    const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
    const full = (s: string) => s.replace(invisible, '').replace(/\s+/g, ' ').trim() || undefined;
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ' ', '  ', '\t', '\n', '\u00A0', '\u3000', '\u2028', '\u200B', '\u202E', '\u00AD', '\uFEFF') });
    fc.assert(fc.property(text, (s) => cleanText(s) === full(s)), opts);
  });
});

// The real captures stored in the v1 database fixture (a Scholar profile, an arXiv page, a DBLP and an ORCID record).
const stored = (JSON.parse(readFileSync(dataPath('store/v1.json'), 'utf8')) as DatabaseDump).stores.find((s) => s.name === 'captures')!
  .records.map((r) => r.value as StoredCaptureRecord);

/** What must not change: which member records form each work and each person. */
function projection(r: MergeResult) {
  return {
    works: r.works.map((w) => w.members.map((m) => `${m.captureKey}#${m.index}`).sort().join(' ')).sort(),
    people: r.people.map((p) => JSON.stringify(p.pages ?? p)).sort(),
  };
}

describe('merging real captures', () => {
  const input: StoredCaptureLike[] = stored.map((r) => ({ key: r.key, capture: r.capture }));
  const ref = projection(mergeAll(input, []));

  it('is independent of input order', () => {
    expect(ref.works.length).toBeGreaterThan(0);
    fc.assert(fc.property(fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }), (perm) => {
      expect(projection(mergeAll(perm, []))).toEqual(ref);
    }), { seed: SEED, numRuns: 24 });
  });

  it('places partial records (title-less copies of every real abstract, a half abstract) the same way in any order', () => {
    // Partial records derived here from the real captures' own abstracts, the way a portal or aggregator gives them.
    const partial = input.flatMap((c) =>
      (c.capture.works ?? []).flatMap((w, i) =>
        w.abstract
          ? [
              { key: `partial:${c.key}#${i}`, capture: { ...c.capture, source: 'portal', pageKind: 'list' as const, url: 'https://example.org/portal', person: undefined, works: [{ abstract: w.abstract, flags: ['no-title'] }] } },
              { key: `half:${c.key}#${i}`, capture: { ...c.capture, source: 'aggregator', pageKind: 'list' as const, url: 'https://example.org/agg', person: undefined, works: [{ abstract: w.abstract.slice(0, Math.ceil(w.abstract.length / 2)), flags: ['no-title'] }] } },
            ]
          : [],
      ),
    );
    expect(partial.length).toBeGreaterThan(0);
    const all = [...input, ...partial];
    const full = (r: MergeResult) => ({ ...projection(r), marks: r.works.flatMap((w) => w.members.filter((m) => m.placedBy).map((m) => `${m.captureKey}:${m.placedBy}`)).sort(), flags: r.people.flatMap((p) => (p.flaggedWorks ?? []).map((f) => f.workId)).sort() });
    const want = full(mergeAll(all, []));
    // Every partial record found its work: none is left alone.
    const alone = mergeAll(all, []).works.filter((w) => w.members.length === 1 && w.members[0]!.captureKey.includes(':') && /^(partial|half):/.test(w.members[0]!.captureKey));
    expect(alone.map((w) => w.members[0]!.captureKey)).toEqual([]);
    fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (perm) => {
      expect(full(mergeAll(perm, []))).toEqual(want);
    }), { seed: SEED, numRuns: 12 });
  });

  it('gives the same result when re-run, and with every capture given twice', () => {
    expect(projection(mergeAll(input, []))).toEqual(ref);
    expect(projection(mergeAll([...input, ...input.map((c) => ({ ...c }))], [])).works.length).toBe(ref.works.length);
  });
});

describe('user decisions always hold', () => {
  // Author pages: the real captures above, each under two more keys (the same
  // pages as if seen twice, so the automatic rules would join them), giving
  // pages the automatic merge joins and pages it keeps apart.
  const pages: StoredCaptureLike[] = stored
    .filter((r) => r.capture.pageKind === 'author')
    .flatMap((r) => [r, { ...r, key: `${r.key}~copy` }].map((x) => ({ key: x.key, capture: x.capture })));
  const others: StoredCaptureLike[] = stored.filter((r) => r.capture.pageKind !== 'author').map((r) => ({ key: r.key, capture: r.capture }));
  const personOf = (r: MergeResult, key: string) => r.people.find((p) => p.pages.some((pg) => pg.captureKey === key))?.id;

  it('people: the user\'s grouping of pages wins over the automatic rules, whatever the order of decisions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: pages.length, maxLength: pages.length }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (groupOf, shuffleSeed) => {
          const decisions: UserDecision[] = [];
          let t = 0;
          for (let i = 0; i < pages.length; i++)
            for (let j = i + 1; j < pages.length; j++)
              decisions.push({
                kind: groupOf[i] === groupOf[j] ? 'link-people' : 'unlink-people',
                people: [`page:${pages[i]!.key}`, `page:${pages[j]!.key}`],
                at: new Date(Date.UTC(2026, 10, 22, 10, 0, t++)).toISOString(),
              });
          // Decisions arrive in any order (a backup, several devices): order must not matter.
          const order = [...decisions].sort((a, b) => ((a.at.charCodeAt(17) * 31 + shuffleSeed) % 97) - ((b.at.charCodeAt(17) * 31 + shuffleSeed) % 97));
          const r = mergeAll([...pages, ...others], order);
          for (let i = 0; i < pages.length; i++)
            for (let j = i + 1; j < pages.length; j++) {
              const same = personOf(r, pages[i]!.key) === personOf(r, pages[j]!.key);
              expect(same, `${pages[i]!.key} / ${pages[j]!.key}`).toBe(groupOf[i] === groupOf[j]);
            }
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('works: joins and splits of records hold', () => {
    const profile = stored.find((r) => r.capture.source === 'google-scholar')!;
    const n = Math.min(8, profile.capture.works!.length);
    const refs = Array.from({ length: n }, (_, i) => `rec:${profile.key}#${i}`);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), (groupOf) => {
        const decisions: UserDecision[] = [];
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++)
            decisions.push({ kind: groupOf[i] === groupOf[j] ? 'join-works' : 'split-works', works: [refs[i]!, refs[j]!], at: '2026-11-22T10:00:00.000Z' });
        const r = mergeAll([{ key: profile.key, capture: profile.capture }], decisions);
        const workOf = (i: number) => r.works.find((w) => w.members.some((m) => m.captureKey === profile.key && m.index === i))?.id;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(workOf(i) === workOf(j)).toBe(groupOf[i] === groupOf[j]);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

describe('the JSON backup', () => {
  it('round-trips real captures, any subset, with decisions and settings', () => {
    const siteSettings = fc.record({ auto: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.boolean()), collectAllDelayMs: fc.nat() });
    fc.assert(
      fc.property(fc.subarray(stored), siteSettings, (caps, site) => {
        const settings = { [SITE_SETTINGS_KEY]: site };
        const b = makeBackup({ captures: caps, decisions: [{ kind: 'unlink-people', people: ['page:a', 'page:b'], at: '2026-11-22T10:00:00.000Z' }], settings }, new Date('2026-11-22T10:00:00.000Z'));
        const back = parseBackup(serializeBackup(b));
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(back.rejected).toEqual([]);
          expect(back.backup.captures).toEqual(b.captures);
          expect(back.backup.decisions).toEqual(b.decisions);
          expect(JSON.parse(JSON.stringify(back.backup.settings))).toEqual(JSON.parse(JSON.stringify(b.settings)));
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
