// Every site's saved pages (its cases.ts) read by its adapter, at the address
// each was saved from: the capture is valid and of the declared kind, and an
// author, list or paper page yields works. This is what "the site is verified
// on a saved page" means; the kinds were read off the pages by hand.
import { describe, expect, it } from 'vitest';
import { captureData, capturePage } from '../../src/adapters/run';
import { validateCapture } from '../../src/core/validate';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../helpers/fixtures';
import { SITE_CASES } from '../helpers/site-cases';

describe('every site on its saved pages', () => {
  for (const { id, adapter, cases } of SITE_CASES) {
    describe(id, () => {
      for (const p of cases.pages)
        it(`${p.fixture} at ${p.url} is a ${p.kind} page`, () => {
          const payloads = p.payload ? { [p.payload.key]: fixtureText(p.payload.fixture) } : undefined;
          const c = capturePage(adapter, fixtureDoc(p.fixture), new URL(p.url), { now: FIXED_NOW, payloads });
          expect(validateCapture(c).ok).toBe(true);
          expect(c.pageKind, c.notes?.join('; ')).toBe(p.kind);
          if (p.kind === 'author' || p.kind === 'list' || p.kind === 'paper') expect(c.works?.length ?? 0).toBeGreaterThan(0);
        });
      for (const d of cases.data ?? [])
        it(`${d.fixture} (data from ${d.dataUrl}) is a ${d.kind} record`, () => {
          const c = captureData(adapter, fixtureText(d.fixture), new URL(d.dataUrl), d.as, { now: FIXED_NOW });
          expect(validateCapture(c).ok).toBe(true);
          expect(c.pageKind, c.notes?.join('; ')).toBe(d.kind);
          if (d.kind === 'author' || d.kind === 'list' || d.kind === 'paper') expect(c.works?.length ?? 0).toBeGreaterThan(0);
        });
      if (!cases.pages.length && !cases.data?.length)
        it('has no saved page, and says so', () => expect(cases.unverified).toBeTruthy());
    });
  }
});
