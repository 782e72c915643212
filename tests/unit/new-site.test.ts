// `npm run new-site` makes a folder that passes the site conventions: written
// to a temporary folder and checked the way tests/unit/conventions.test.ts
// checks every site folder (nothing is written into the project).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleFor, type SiteAdapter } from '../../src/adapters/contract';
import { adapters, adapterFor } from '../../src/adapters/registry';
import type { SiteCases } from '../../src/adapters/cases';
import { siteMetas } from '../../src/node/site-metas';
import { readmeRow, scaffoldFiles } from '../../src/build/new-site';

describe('new-site scaffold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-new-site-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const precedence = Math.max(...siteMetas().map((m) => m.precedence)) + 10;
  const files = scaffoldFiles({ id: 'example-site', host: 'papers.example.org', name: 'Example Site', precedence });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);

  it('writes the four files of a site folder', () => {
    expect(Object.keys(files).sort()).toEqual(['cases.ts', 'example-site.test.ts', 'index.ts', 'site.json']);
  });

  it('is a site: its adapter is its site.json, its rules have examples that match only it, its non-records match nothing', async () => {
    const adapter = ((await import(join(dir, 'index.ts'))) as { default: SiteAdapter }).default;
    const meta = JSON.parse(files['site.json']!) as unknown;
    expect({ id: adapter.id, name: adapter.name, precedence: adapter.precedence, matches: adapter.matches }).toEqual(meta);
    expect(adapters.some((a) => a.precedence === adapter.precedence || a.id === adapter.id)).toBe(false);
    for (const rule of adapter.rules)
      for (const ex of rule.examples) {
        expect(ruleFor(adapter, new URL(ex)), ex).toBeDefined();
        expect(adapterFor(ex), `${ex} belongs to no existing site`).toBeUndefined();
      }
    for (const u of adapter.nonMatching) expect(ruleFor(adapter, new URL(u)), u).toBeUndefined();
    expect(adapter.extract({} as Document, new URL(adapter.rules[0]!.examples[0]!)).pageKind).toBe('unrecognized');
  });

  it('says it is not verified until a saved page is added', async () => {
    const cases = ((await import(join(dir, 'cases.ts'))) as { default: SiteCases }).default;
    expect(cases.pages).toEqual([]);
    expect(cases.unverified).toBeTruthy();
    expect(readmeRow('Example Site')).toMatch(/^\| Example Site \|.*not verified/);
  });

  it('refuses ids and hosts that are not ones', () => {
    expect(() => scaffoldFiles({ id: 'Bad_Id', host: 'a.org', name: 'x', precedence: 1 })).toThrow(/not a site id/);
    expect(() => scaffoldFiles({ id: 'ok', host: 'https://a.org', name: 'x', precedence: 1 })).toThrow(/not a host/);
  });
});
