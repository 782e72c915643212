// The project's conventions, checked: every adapter is registered and wired,
// its example URLs match it and no other adapter, its host patterns cover its
// examples, every page kind it declares is tested on a real fixture where one
// exists, every fixture has its provenance, and the README's support table
// lists it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../src/sites/adapter';
import { ruleFor } from '../../src/sites/adapter';
import { adapterFor, adapters, fallbackAdapters, hostMatchPatterns } from '../../src/sites/registry';
import { FIXTURES, sources as sourceRows } from '../helpers/fixtures';
import { SITE_NAMES } from '../../src/sites/site-names';
import { BIBLIOGRAPHY_SOURCE } from '../../src/formats/bibliography';

const ROOT = join(import.meta.dirname, '..', '..');
const SITES_DIR = join(ROOT, 'src', 'sites');
const all: SiteAdapter[] = [...adapters, ...fallbackAdapters];

function isAdapter(v: unknown): v is SiteAdapter {
  return typeof v === 'object' && v !== null && 'id' in v && 'rules' in v && 'extract' in v && 'detect' in v;
}

/** A manifest match pattern (scheme://host/path with * wildcards) tested against a URL. */
function matchPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && scheme + ':' !== url.protocol) return false;
  const hostOk = host === '*' || (host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  const re = new RegExp('^' + path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return hostOk && re.test(url.pathname + url.search);
}

// The shared fixtures' page kinds, in this project's terms.
const KIND_OF_SOURCE: Record<string, string> = {
  profile: 'author', profile_legacy_2013: 'author', author_page: 'author', profile_page: 'author',
  person_xml_reserialized: 'author', api_v3_record_json: 'author', api_author_with_papers_json: 'author',
  view_citation: 'paper', abs_page: 'paper', paper_page: 'paper', article_page: 'paper', article_page_legacy: 'paper',
  search_results: 'list', cites_results: 'list', api_atom_search: 'list', api_paper_search_json: 'list',
};

const sources = sourceRows().map((r) => ({ site: r.site, kind: r.pageKind, file: r.path }));

const unitTests = readdirSync(join(ROOT, 'tests', 'unit'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(ROOT, 'tests', 'unit', f), 'utf8'))
  .join('\n');

const digest = (b: Buffer): string => createHash('sha1').update(b).digest('hex');

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('adapter conventions', () => {
  it('every adapter module in src/sites is registered', async () => {
    const files = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts'));
    const found: string[] = [];
    for (const f of files) {
      const mod = (await import(join(SITES_DIR, f))) as Record<string, unknown>;
      for (const v of Object.values(mod)) if (isAdapter(v)) found.push(v.id);
    }
    expect(found.length).toBeGreaterThan(0);
    for (const id of found) expect(all.map((a) => a.id), `${id} is not in the registry`).toContain(id);
  });

  it('the extension pages\' table of site names matches the adapters', () => {
    for (const a of all) expect(SITE_NAMES[a.id], a.id).toBe(a.name);
    const known = new Set([...all.map((a) => a.id), BIBLIOGRAPHY_SOURCE]);
    for (const id of Object.keys(SITE_NAMES)) expect(known.has(id), `${id} is no adapter`).toBe(true);
  });

  it('adapter ids are unique', () => {
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
  });

  for (const adapter of adapters) {
    describe(adapter.name, () => {
      it('has URL rules, each with example URLs', () => {
        expect(adapter.rules.length).toBeGreaterThan(0);
        for (const rule of adapter.rules) expect(rule.examples.length, String(rule.pattern)).toBeGreaterThan(0);
      });

      it('its example URLs match its own rules, no other adapter, and its host patterns', () => {
        for (const rule of adapter.rules)
          for (const example of rule.examples) {
            const url = new URL(example);
            expect(ruleFor(adapter, url), example).toBeDefined();
            expect(adapterFor(url)?.id, example).toBe(adapter.id);
            for (const other of adapters) if (other !== adapter) expect(ruleFor(other, url), `${example} also matches ${other.id}`).toBeUndefined();
            expect(adapter.matches.some((p) => matchPattern(p, url)), `${example} is outside ${adapter.id}'s host patterns`).toBe(true);
          }
      });

      it('is tested on a real fixture for every page kind the shared fixtures have', () => {
        const site = adapter.id.replace(/-/g, '_');
        const kinds = new Set(adapter.rules.map((r) => r.kind));
        for (const row of sources.filter((r) => r.site === site)) {
          const kind = KIND_OF_SOURCE[row.kind];
          if (!kind || !kinds.has(kind as never)) continue;
          const name = row.file.split('/').pop()!;
          expect(unitTests.includes(name), `${row.file} (${kind}) is not read by any unit test`).toBe(true);
        }
      });

      it('has its own content script, which carries only its own adapter', () => {
        const file = join(ROOT, 'entrypoints', `${adapter.id}.content.ts`);
        const text = readFileSync(file, 'utf8');
        expect(text).toMatch(/runContentScript\(\w+\)/);
        expect(text).toMatch(new RegExp(`matches: \\w+\\.matches`));
        expect(text).not.toMatch(/sites\/registry/);
      });

      it('appears in the README support table', () => {
        expect(readme).toMatch(new RegExp(`^\\| ${adapter.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|`, 'm'));
      });
    });
  }

  it('every content script belongs to a registered adapter, and none loads the registry', () => {
    const scripts = readdirSync(join(ROOT, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));
    expect(scripts.sort()).toEqual(adapters.map((a) => `${a.id}.content.ts`).sort());
    // What content scripts import must not reach the registry (every site's code).
    for (const f of ['content-main.ts', 'capture-in-page.ts', 'fetch-data.ts', 'spa-navigation.ts', 'capture-loop.ts', 'collect-all-in-page.ts', 'messages.ts', 'parse-message.ts', 'send.ts', 'browser-send.ts', 'collect-all.ts', 'site-settings.ts'])
      expect(readFileSync(join(ROOT, 'src', 'shell', f), 'utf8'), f).not.toMatch(/sites\/registry/);
  });

  it('the host permissions are exactly the adapters\' host patterns', () => {
    expect(hostMatchPatterns().every((p) => !p.includes('<all_urls>') && p !== '*://*/*')).toBe(true);
  });
});

describe('fixture provenance', () => {
  it('every shared page has a SOURCES.tsv row (a row may name a folder) and every row a file', () => {
    const listed = new Set(sources.map((r) => r.file));
    const covered = (f: string) => listed.has(f) || [...listed].some((p) => p.endsWith('/') && f.startsWith(p));
    const files = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name !== 'SOURCES.tsv' && !d.name.startsWith('LICENSE'))
      .map((d) => relative(FIXTURES, join(d.parentPath, d.name)).replace(/\\/g, '/'));
    for (const f of files) expect(covered(f), `${f} has no provenance row`).toBe(true);
    for (const file of listed) expect(existsSync(join(FIXTURES, file)), file).toBe(true);
  });

  it('no copy of a shared page is committed to the project', () => {
    const shared = new Set(
      readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => digest(readFileSync(join(d.parentPath, d.name)))),
    );
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    const copies = tracked.filter((f) => existsSync(join(ROOT, f)) && shared.has(digest(readFileSync(join(ROOT, f)))));
    expect(copies).toEqual([]);
  });

  it('no provenance row is duplicated', () => {
    const files = sources.map((r) => r.file);
    expect(new Set(files).size).toBe(files.length);
  });
});
