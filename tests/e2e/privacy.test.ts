// Nothing leaked: every request Chromium makes while the extension reads saved
// pages (a Scholar profile, an arXiv abstract page, a DBLP person page whose
// XML is routed) and while its popup and dashboard are open, checked against
// the visited page's own site; and the built extension itself: its manifest's
// permissions and CSP, and no remote code in any built file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { sameSite } from '../../src/shell/capture-in-page';
import { matchesPattern } from '../../src/shell/fetch-data';
import { adapters, fallbackAdapters, hostMatchPatterns } from '../../src/adapters/registry';
import { EXTENSION_DIR, launch, type Harness } from './harness';

const SCHOLAR = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
const ARXIV = 'https://arxiv.org/abs/2004.10162';
const DBLP = 'https://dblp.org/pid/00/5179.html';
// SYNTHETIC: DBLP renders its person page from the person XML; the page is an empty shell, the XML is the real fixture.
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>dblp</title></head><body><div id="app"></div></body></html>';

interface Seen {
  url: string;
  type: string;
  /** Who asked: the extension's service worker, an extension page, or a web page (its own loads and the content script's). */
  by: 'service-worker' | 'extension-page' | 'web-page';
}

function who(r: Request): Seen['by'] {
  if (r.serviceWorker()) return 'service-worker';
  let frameUrl = '';
  try {
    frameUrl = r.frame().url();
  } catch {
    return 'service-worker';
  }
  return frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'web-page';
}

const isWeb = (u: string) => /^https?:/.test(u);

describe('privacy: requests while browsing, collecting and looking', () => {
  let h: Harness;
  const seen: Seen[] = [];
  const perVisit = new Map<string, Seen[]>();

  beforeAll(async () => {
    h = await launch();
    h.context.on('request', (r) => seen.push({ url: r.url(), type: r.resourceType(), by: who(r) }));
    await h.serve(SCHOLAR, 'google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
    await h.serve(ARXIV, 'arxiv/abs_2004.10162.html');
    await h.context.route(DBLP, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
    await h.serve('https://dblp.org/pid/00/5179.xml', 'dblp/person_00-5179_RuiTan.xml', 'application/xml');
    for (const url of [SCHOLAR, ARXIV, DBLP]) {
      const start = seen.length;
      const { page, tabId } = await h.visit(url);
      // The popup and (when built) the dashboard: collecting all and looking at it must not reach out either.
      const popup = await h.popup(tabId);
      await popup.waitForLoadState('load');
      await new Promise((r) => setTimeout(r, 500));
      perVisit.set(url, seen.slice(start));
      await popup.close();
      await page.close();
    }
    if (existsSync(join(EXTENSION_DIR, 'dashboard.html'))) {
      const start = seen.length;
      const dash = await h.context.newPage();
      await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
      await new Promise((r) => setTimeout(r, 1000));
      perVisit.set('dashboard', seen.slice(start));
      await dash.close();
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the extension asks only the visited page’s own site, and only for its data', () => {
    const lines: string[] = [];
    for (const [visited, reqs] of perVisit) {
      const web = reqs.filter((r) => isWeb(r.url));
      // The extension's own requests: from its service worker and pages, and the page-context fetches of the content script.
      const extension = web.filter((r) => r.by !== 'web-page' || r.type === 'fetch' || r.type === 'xhr');
      for (const r of extension) {
        expect(visited !== 'dashboard', `the dashboard requested ${r.url}`).toBe(true);
        expect(sameSite(new URL(r.url), new URL(visited)), `${r.by} ${r.type} ${r.url} while on ${visited}`).toBe(true);
      }
      lines.push(`${visited}: ${reqs.length} requests (${web.length} to the web, ${extension.length} by the extension: ${extension.map((r) => r.url).join(', ') || 'none'})`);
    }
    // Figures for the README's "Reliability and privacy" section.
    console.log(`privacy e2e: ${seen.length} requests recorded\n  ${lines.join('\n  ')}`);
    expect(perVisit.size).toBeGreaterThanOrEqual(3);
  });

  it('DBLP’s person XML is fetched from the page’s own origin; nothing else by the content script', () => {
    const ext = (perVisit.get(DBLP) ?? []).filter((r) => isWeb(r.url) && (r.type === 'fetch' || r.type === 'xhr'));
    expect(ext.map((r) => r.url)).toContain('https://dblp.org/pid/00/5179.xml');
  });

  it('no request to the web comes from the extension’s service worker or pages', () => {
    // Listed, not judged: a saved page's <img>/<script> tags load what the site itself
    // links to; the extension adds none (no request came from an extension frame to the web).
    const fromExtensionPages = seen.filter((r) => r.by === 'extension-page' && isWeb(r.url));
    expect(fromExtensionPages).toEqual([]);
    const fromWorker = seen.filter((r) => r.by === 'service-worker' && isWeb(r.url));
    expect(fromWorker).toEqual([]);
  });
});

// ---- the built extension --------------------------------------------------

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? builtFiles(p) : /\.(js|html)$/.test(name) ? [p] : [];
  });
}

describe('the built extension', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
    content_security_policy?: { extension_pages?: string };
    content_scripts?: { matches: string[] }[];
  };

  it('holds host permissions for the supported sites only, and no <all_urls>', () => {
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...hostMatchPatterns()].sort());
    const required = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    for (const broad of ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'tabs', 'webRequest', 'history', 'cookies'])
      expect(required, broad).not.toContain(broad);
    // Content scripts run only where a host permission was granted at install.
    for (const cs of manifest.content_scripts ?? [])
      for (const m of cs.matches) expect(hostMatchPatterns(), m).toContain(m);
  });

  it('has a strict CSP: scripts only from the extension itself', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval/);
    expect(csp).toMatch(/object-src 'none'/);
  });

  it('contains no remote code and no string evaluation', () => {
    const hits: string[] = [];
    const files = builtFiles(EXTENSION_DIR);
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const rel = f.slice(EXTENSION_DIR.length + 1);
      for (const [re, what] of [
        [/<script[^>]+src\s*=\s*["']?(https?:)?\/\//i, 'remote <script src>'],
        [/\bimportScripts\s*\(/, 'importScripts'],
        [/\bimport\s*\(\s*["'`]https?:/, 'import() of a URL'],
        [/(?<![.\w$])eval\s*\(/, 'eval'],
        [/\bnew\s+Function\s*\(/, 'new Function'],
        [/createElement\(\s*["']script["']\s*\)/, 'script element created'],
        [/google-analytics|googletagmanager|sentry\.io|mixpanel|segment\.io|amplitude/i, 'analytics'],
      ] as const)
        if (re.test(text)) hits.push(`${rel}: ${what}`);
    }
    expect(hits).toEqual([]);
  });

  it('names no web host but the supported sites, the generic readers’ sites and a few constants', () => {
    // Hosts that appear as string constants and are never requested: XML namespaces, the DOI
    // resolver used to write a link in exports, a library's warning text, an example in an error message.
    const CONSTANTS = new Set(['www.w3.org', 'schema.org', 'doi.org', 'github.com', 'example.org']);
    const hosts = new Set<string>();
    for (const f of builtFiles(EXTENSION_DIR))
      for (const m of readFileSync(f, 'utf8').matchAll(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) hosts.add(m[1]!.toLowerCase());
    // Generic readers (embedded metadata) run only when the user asks or enabled a host; they name their sites' URL shapes.
    // Hosts only: a pattern like https://www.ncbi.nlm.nih.gov/pubmed/* covers that host.
    const patterns = [...hostMatchPatterns(), ...fallbackAdapters.flatMap((a) => a.matches)].map((p) => p.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'));
    // A site's block page (Scholar's captcha on www.google.com) is recognized by its address, never requested.
    const blockHosts = new Set(adapters.flatMap((a) => a.blockPages ?? []).flatMap((b) => b.examples.map((e) => new URL(e).hostname)));
    const unexpected = [...hosts].filter((host) => !CONSTANTS.has(host) && !blockHosts.has(host) && !patterns.some((p) => matchesPattern(p, new URL(`https://${host}/`))));
    expect(unexpected).toEqual([]);
  });
});
