// The project's conventions, checked: a site is one folder (site.json, its
// adapter, its cases and tests) and everything else is derived from the
// folders (registry, names, host permissions, content scripts); each site's
// example URLs match it and no other site, its non-record URLs match none, its
// saved pages are all claimed as cases, every shared page has its provenance,
// and the README's support table lists the site.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../src/adapters/contract';
import { isBlockPage, ruleFor } from '../../src/adapters/contract';
import { adapterById, adapterFor, adapters, fallbackAdapters, hostMatchPatterns } from '../../src/adapters/registry';
import type { SiteMeta } from '../../src/adapters/catalog';
import { SITES_DIR, siteFolders, siteHostPatterns, siteMetas } from '../../src/node/site-metas';
import { contentScriptSource } from '../../src/build/modules/site-content-scripts';
import { SITE_CASES } from '../helpers/site-cases';
import { FIXTURES, sources as sourceRows } from '../helpers/fixtures';
import { SITE_NAMES } from '../../src/adapters/names';
import { BIBLIOGRAPHY_SOURCE } from '../../src/formats/bibliography';

const ROOT = join(import.meta.dirname, '..', '..');
const all: SiteAdapter[] = [...adapters, ...fallbackAdapters];

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

const sources = sourceRows().map((r) => ({ site: r.site, kind: r.pageKind, file: r.path }));

const digest = (b: Buffer): string => createHash('sha1').update(b).digest('hex');

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('adapter conventions', () => {
  it('every folder of src/sites is one site: site.json named for the folder, index.ts exporting its adapter, cases.ts, a test', () => {
    const folders = siteFolders();
    expect(readdirSync(SITES_DIR).filter((f) => !folders.includes(f)), 'src/sites holds only site folders').toEqual([]);
    for (const id of folders) {
      const files = readdirSync(join(SITES_DIR, id));
      const meta = JSON.parse(readFileSync(join(SITES_DIR, id, 'site.json'), 'utf8')) as SiteMeta;
      expect(Object.keys(meta).sort(), `${id}/site.json`).toEqual(['id', 'matches', 'name', 'precedence']);
      expect(meta.id, `${id}/site.json names its folder`).toBe(id);
      const adapter = adapterById(id);
      expect(adapter, `${id} is registered`).toBeDefined();
      expect({ id: adapter!.id, name: adapter!.name, precedence: adapter!.precedence, matches: adapter!.matches }, `${id}: the adapter is its site.json`).toEqual(meta);
      expect(files, `${id} has its cases`).toContain('cases.ts');
      expect(files.some((f) => f.endsWith('.test.ts')), `${id} has its tests beside it`).toBe(true);
    }
    expect(adapters.map((a) => a.id).sort()).toEqual(folders);
  });

  it('the bundles\' registry (import.meta.glob) and Node\'s (the file system) are the same, in the same order', () => {
    // Node's registry loads the adapters with tsx, as the command line does.
    const script = "import { nodeRegistry } from './src/node/sites'; console.log(JSON.stringify(nodeRegistry().adapters.map((a) => a.id)));";
    const ids = execFileSync('npx', ['tsx', '--eval', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(ids)).toEqual(adapters.map((a) => a.id));
    expect(siteMetas().map((m) => m.id)).toEqual(adapters.map((a) => a.id));
    expect(siteHostPatterns()).toEqual(hostMatchPatterns());
  });

  it('precedence decides, not the order folders are read in', () => {
    const precedences = adapters.map((a) => a.precedence);
    expect(precedences).toEqual([...precedences].sort((x, y) => x - y));
    expect(new Set(precedences).size, 'no two sites share a precedence').toBe(precedences.length);
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

      it('its URLs that are not records match no site', () => {
        for (const u of adapter.nonMatching) {
          expect(adapterFor(u), u).toBeUndefined();
          for (const other of adapters) expect(ruleFor(other, new URL(u)), `${u} matches ${other.id}`).toBeUndefined();
        }
      });

      it('claims every saved page of its site as a case, or says why not', () => {
        const site = SITE_CASES.find((c) => c.id === adapter.id)!;
        const claimed = new Set([...site.cases.pages.map((p) => p.fixture), ...(site.cases.data ?? []).map((d) => d.fixture), ...Object.keys(site.cases.notCases ?? {})]);
        const folder = adapter.id.replace(/-/g, '_');
        for (const row of sources.filter((r) => r.file.startsWith(`${folder}/`))) expect(claimed.has(row.file), `${row.file} is not in ${adapter.id}/cases.ts`).toBe(true);
        for (const f of claimed) if (!f.startsWith('tests/data/')) expect(sources.some((r) => r.file === f), `${f} has no SOURCES.tsv row`).toBe(true);
        if (!site.cases.pages.length && !site.cases.data?.length) expect(site.cases.unverified, `${adapter.id} has no saved page: say so`).toBeTruthy();
      });

      it('its cases are at addresses it claims', () => {
        const site = SITE_CASES.find((c) => c.id === adapter.id)!;
        for (const p of site.cases.pages) expect(adapterFor(p.url)?.id, p.url).toBe(adapter.id);
        for (const d of site.cases.data ?? []) expect(adapterFor(d.url)?.id, d.url).toBe(adapter.id);
      });

      it('appears in the README support table', () => {
        expect(readme).toMatch(new RegExp(`^\\| ${adapter.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|`, 'm'));
      });
    });
  }

  it('each site gets its own content script, carrying only its own adapter, on its own hosts', () => {
    for (const meta of siteMetas()) {
      const text = contentScriptSource(meta, join(ROOT, '.wxt', 'site-scripts'));
      expect(text).toContain(`import adapter from '../../src/sites/${meta.id}';`);
      expect(text).toContain(`matches: ${JSON.stringify(meta.matches)}`);
      expect(text).not.toMatch(/registry/);
    }
    expect(readdirSync(join(ROOT, 'entrypoints')).filter((f) => f.endsWith('.content.ts')), 'no hand-written per-site entrypoint').toEqual([]);
    // What content scripts import must not reach the registry (every site's code).
    for (const f of ['content-main.ts', 'capture-in-page.ts', 'fetch-data.ts', 'spa-navigation.ts', 'capture-loop.ts', 'collect-all-in-page.ts', 'messages.ts', 'parse-message.ts', 'send.ts', 'browser-send.ts', 'collect-all.ts', 'site-settings.ts'])
      expect(readFileSync(join(ROOT, 'src', 'shell', f), 'utf8'), f).not.toMatch(/adapters\/registry/);
  });

  it('the host permissions are exactly the sites\' host patterns, https only, never every site', () => {
    const patterns = hostMatchPatterns();
    expect(patterns).toEqual([...new Set(adapters.flatMap((a) => a.matches))]);
    for (const p of patterns) {
      // https only: a page over plain http may be anyone's on the network path (issue 14, finding 2).
      expect(p, 'https, one named host').toMatch(/^https:\/\/[a-z0-9.-]+\/[\w./-]*\*$/);
      expect(p).not.toContain('<all_urls>');
    }
    const optional = /optional_(?:host_)?permissions: \[([^\]]*)\]/g;
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const optionals = [...config.matchAll(optional)].map((m) => m[1]);
    expect(optionals, 'both builds name the optional hosts').toHaveLength(2);
    for (const o of optionals) expect(o).toBe("'https://*/*'");
  });

  it('no site claims a plain-http address: its rules, block pages and examples are https only', () => {
    for (const adapter of all) {
      for (const rule of adapter.rules ?? [])
        for (const example of rule.examples) {
          expect(example, `${adapter.id}: examples are https`).toMatch(/^https:\/\//);
          const http = new URL(example.replace(/^https:/, 'http:'));
          expect(ruleFor(adapter, http), `${adapter.id} claims ${http.href}`).toBeUndefined();
          expect(adapterFor(http), http.href).toBeUndefined();
        }
      for (const b of adapter.blockPages ?? [])
        for (const example of b.examples) expect(isBlockPage(adapter, new URL(example.replace(/^https:/, 'http:'))), example).toBe(false);
    }
    for (const meta of siteMetas()) for (const m of meta.matches) expect(m, `${meta.id}/site.json`).toMatch(/^https:\/\//);
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
