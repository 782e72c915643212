// The benchmark's generated library (bench/library.ts): records exactly as the
// store keeps them, every capture valid, the same seed giving the same bytes.
import { describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/library';
import { validateCapture } from '../../src/core/validate';
import { personIdsOf } from '../../src/store/store';

describe('bench library generator', () => {
  const lib = generateLibrary({ researchers: 12 });

  it('makes valid captures stored under their own source, as putCapture would write them', () => {
    expect(lib.records.length).toBeGreaterThanOrEqual(12);
    for (const r of lib.records) {
      expect(validateCapture(r.capture).ok).toBe(true);
      expect(r.key.startsWith(`${r.capture.source}:`)).toBe(true);
      expect(r).toMatchObject({ source: r.capture.source, pageKind: r.capture.pageKind, url: r.capture.url, lastSeen: r.capture.capturedAt });
      expect(r.firstSeen <= r.lastSeen).toBe(true);
      expect(r.personIds).toEqual(personIdsOf(r.capture));
    }
    expect(new Set(lib.records.map((r) => r.key)).size).toBe(lib.records.length);
  });

  it('gives every researcher one Scholar profile and counts the rows it stored', () => {
    expect(lib.pages['google-scholar']).toBe(12);
    expect(lib.rows).toBe(lib.records.reduce((n, r) => n + (r.capture.works?.length ?? 0), 0));
    expect(lib.rows).toBeGreaterThan(lib.works);
  });

  it('is deterministic: the same seed, the same records; another seed, others', () => {
    expect(JSON.stringify(generateLibrary({ researchers: 12 }).records)).toBe(JSON.stringify(lib.records));
    expect(JSON.stringify(generateLibrary({ researchers: 12, seed: 7 }).records)).not.toBe(JSON.stringify(lib.records));
  });
});
