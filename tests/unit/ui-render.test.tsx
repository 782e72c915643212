// The popup and the dashboard rendered (Preact into linkedom) on a hostile
// library: every string carries a right-to-left override, a venue is 99 000
// characters without a space, links are javascript:, data: and vbscript:, one
// source is no site at all (issue 14, findings 5 and 8, and the structural
// item: a merge that fails still shows the library with Erase and Restore).
// SYNTHETIC records throughout: this is about rendering, not about any site.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../src/core/capture';
import type { TabStatus } from '../../src/shell/messages';
import type { CaptureRecord } from '../../src/store/schema';
import type { ViewsMeta } from '../../src/core/kept-views';
import { Dashboard, type DashboardData } from '../../src/ui/dashboard/Dashboard';
import { Popup, type PopupData } from '../../src/ui/popup/Popup';
import { mergeRecords } from '../../src/ui/model/merged-library';
import { safeHref } from '../../src/ui/components/data';
import { keptLibrary, type KeptLibrary } from '../helpers/kept-library';
import { keptLibrary as readKeptLibrary } from '../../src/store/views';

// mergeAll throws when asked to (the recovery tests); it is the real one otherwise.
const merge = vi.hoisted(() => ({ fail: false }));
vi.mock('../../src/core/merge', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/merge')>();
  return {
    ...real,
    mergeAll: (...args: Parameters<typeof real.mergeAll>) => {
      if (merge.fail) throw new TypeError("t.ids[r].toLowerCase is not a function");
      return real.mergeAll(...args);
    },
  };
});

const RLO = '\u202E';
const LONG_VENUE = `${RLO}${'v'.repeat(99_000)}`;
const DATA = {
  name: `${RLO}Alice Evil`,
  name2: `${RLO}A. Evil`,
  affiliation: `${RLO}Evil University`,
  title1: `${RLO}First title`,
  title2: `${RLO}Second title`,
  title3: `${RLO}Third title`,
  coauthor: `${RLO}Bob Coauthor`,
  note: `${RLO}a note from the page`,
  source: `${RLO}forged-source`,
  dblp: `${RLO}00/0000`,
};
const DATA_STRINGS = new Set<string>([...Object.values(DATA), LONG_VENUE]);
const AT = '2026-11-22T09:00:00.000Z';
const SCHOLAR = 'https://scholar.google.com/citations?user=AAAAAAAAAAAA';
const DBLP = 'https://dblp.org/pid/00/0000.html';
const ORCID = '0000-0002-1825-0097';

function record(key: string, capture: Capture): CaptureRecord {
  return { key, source: capture.source, pageKind: capture.pageKind, url: capture.url, firstSeen: AT, lastSeen: AT, timesSeen: 1, personIds: [], capture };
}
const base = { format: 'scholar-lens.capture' as const, version: 1 as const, capturedAt: AT };
const RECORDS: CaptureRecord[] = [
  record('google-scholar:AAAAAAAAAAAA', {
    ...base,
    source: 'google-scholar',
    pageKind: 'author',
    url: SCHOLAR,
    person: { name: DATA.name, affiliation: DATA.affiliation, ids: { orcid: ORCID, gscholar: 'AAAAAAAAAAAA' } },
    works: [
      { title: DATA.title1, venue: LONG_VENUE, authors: [DATA.name, DATA.coauthor], year: 2020, citations: 5, url: 'javascript:alert(1)' },
      { title: DATA.title2, authors: [DATA.name, DATA.coauthor], year: 2021, citations: 2, url: 'data:text/html,<script>alert(1)</script>' },
    ],
    notes: [DATA.note],
  }),
  record('dblp:00/0000', {
    ...base,
    source: 'dblp',
    pageKind: 'author',
    url: DBLP,
    person: { name: DATA.name2, ids: { orcid: ORCID, dblp: DATA.dblp } },
    works: [
      { title: DATA.title1, venue: LONG_VENUE, authors: [DATA.name2, DATA.coauthor], year: 2020, url: 'vbscript:msgbox(1)' },
      { title: DATA.title3, year: 2019, url: ' JavaScript:alert(1)' },
    ],
  }),
  record(`${DATA.source}:https://lab.example.org/list`, {
    ...base,
    source: DATA.source,
    pageKind: 'list',
    url: 'https://lab.example.org/list',
    works: [{ title: DATA.title3, year: 2019, url: 'https://lab.example.org/paper' }],
  }),
];

const EXTENSION = 'chrome-extension://own-id/';

let doc: Document;
let app: Element;
beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  doc = document as unknown as Document;
  app = doc.getElementById('app')!;
  const listeners = new EventTarget();
  Object.assign(globalThis, {
    window,
    document,
    location: { hash: '' },
    addEventListener: listeners.addEventListener.bind(listeners),
    removeEventListener: listeners.removeEventListener.bind(listeners),
  });
  merge.fail = false;
});
// The popup reads the library as the background keeps it (built once per test, after merge.fail is reset).
let kept: KeptLibrary;
beforeEach(async () => {
  kept = await keptLibrary(RECORDS);
});
afterEach(() => {
  render(null, app);
});

function popupData(over: Partial<PopupData> = {}): PopupData {
  const status: TabStatus = { tabId: 1, url: SCHOLAR, source: 'google-scholar', siteName: 'Google Scholar', pageKind: 'author', key: RECORDS[0]!.key, outcome: 'added', works: 2, notes: [DATA.note], at: AT };
  return {
    status: async () => status,
    profile: (key) => kept.profile(key),
    refreshViews: (o) => kept.refreshViews(o),
    decide: async () => {},
    eraseAll: async () => {},
    pageUrl: async () => SCHOLAR,
    savePage: async () => {},
    enableSite: async () => false,
    dashboardUrl: (id) => `${EXTENSION}dashboard.html${id ? `#person=${encodeURIComponent(id)}` : ''}`,
    onSupportedSite: () => true,
    autoOffSite: async () => undefined,
    currentYear: 2026,
    now: () => new Date(AT),
    readList: async () => ({ error: 'not in this test' }),
    saveList: async () => {},
    ...over,
  };
}

function dashboardData(over: Partial<DashboardData> = {}): DashboardData {
  return {
    library: async () => ({ records: RECORDS, decisions: [] }),
    decide: async () => {},
    deleteCapture: async () => {},
    deletePerson: async () => {},
    eraseAll: async () => {},
    importFile: async () => ({ ok: true, message: 'x' }),
    backupText: async () => '{}',
    siteSettings: async () => ({ auto: {}, collectAllDelayMs: 2000 }),
    saveSiteSettings: async () => {},
    sites: [{ id: 'google-scholar', name: 'Google Scholar' }],
    storageEstimate: async () => ({}),
    currentYear: 2026,
    now: () => new Date(AT),
    ...over,
  };
}

const busy = (sel: string) => () => app.querySelector(sel)?.getAttribute('aria-busy');

function textNodes(n: Node, out: Text[] = []): Text[] {
  for (const c of Array.from(n.childNodes)) {
    if (c.nodeType === 3) out.push(c as Text);
    else textNodes(c, out);
  }
  return out;
}

/** Every href drawn is http(s), an in-page anchor or one of the extension's own pages. */
function expectSafeLinks() {
  const hrefs = Array.from(app.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(h, h).toMatch(/^(?:https?:\/\/|#|chrome-extension:\/\/own-id\/)/);
}

/**
 * Every data string is direction-isolated on its own: the nearest <bdi> or
 * element with `dir` around it holds that one string and nothing of ours;
 * where no element can go (an <option>, SVG text) it sits between FSI and PDI.
 */
function expectIsolated() {
  let seen = 0;
  for (const t of textNodes(app)) {
    if (!t.data.includes(RLO)) continue;
    seen++;
    let iso: Element | null = t.parentElement;
    while (iso && !(iso.localName === 'bdi' || iso.hasAttribute('dir') || ['option', 'text', 'title'].includes(iso.localName))) iso = iso.parentElement;
    expect(iso, JSON.stringify(t.data.slice(0, 60))).not.toBeNull();
    if (['option', 'text', 'title'].includes(iso!.localName)) {
      // An option is drawn on its own: one that is exactly a data string needs nothing more.
      if (iso!.localName === 'option' && DATA_STRINGS.has(t.data)) continue;
      expect(t.data.replace(/\u2068[^\u2068\u2069]*\u2069/g, ''), t.data.slice(0, 60)).not.toContain(RLO);
      continue;
    }
    const inside = iso!.textContent ?? '';
    expect(DATA_STRINGS.has(inside), `<${iso!.localName}> holds ${JSON.stringify(inside.slice(0, 60))}`).toBe(true);
  }
  expect(seen).toBeGreaterThan(0);
}

describe('safeHref', () => {
  it('keeps http and https addresses only (finding 5)', () => {
    expect(safeHref('https://dblp.org/pid/00/5179.html')).toBe('https://dblp.org/pid/00/5179.html');
    expect(safeHref('http://www.jasonernst.com/')).toBe('http://www.jasonernst.com/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)', 'jav\tascript:alert(1)', '/relative', 'file:///etc/passwd', '', undefined])
      expect(safeHref(bad), String(bad)).toBeUndefined();
  });
});

describe('the popup on a hostile library', () => {
  it('draws no javascript:, data: or vbscript: link, and isolates every data string', async () => {
    render(<Popup data={popupData()} />, app);
    await expect.poll(busy('main.popup')).toBe('false');
    expect(app.querySelector('#person-name')?.textContent).toBe(DATA.name.length >= DATA.name2.length ? DATA.name : DATA.name2);
    expectSafeLinks();
    expectIsolated();
    // The titles whose links were refused are still shown, as text.
    expect(app.textContent).toContain(DATA.title2);
  });

  it('when merging fails: the page as stored, the reason, Restore and Erase', async () => {
    merge.fail = true;
    kept = await keptLibrary(RECORDS);
    let erased = 0;
    render(<Popup data={popupData({ eraseAll: async () => void erased++ })} />, app);
    await expect.poll(busy('main.popup')).toBe('false');
    const panel = app.querySelector('.recovery');
    expect(panel?.getAttribute('role')).toBe('alert');
    expect(panel?.textContent).toContain('the saved pages could not be merged (t.ids[r].toLowerCase is not a function)');
    expect(panel?.querySelector('a')?.textContent).toBe('Restore a backup…');
    expect(panel?.querySelector('a')?.getAttribute('href')).toBe(`${EXTENSION}dashboard.html`);
    expect(Array.from(panel!.querySelectorAll('button')).map((b) => b.textContent)).toContain('Erase everything…');
    // The page's own works are still listed.
    expect(app.textContent).toContain(DATA.title2);
    expectIsolated();
    void erased;
  });

  it('when the library cannot be loaded at all: the reason with Restore and Erase, not a blank popup', async () => {
    render(<Popup data={popupData({ profile: async () => Promise.reject(new Error('the database is gone')) })} />, app);
    await expect.poll(() => app.querySelector('.recovery')?.textContent ?? '').toContain('the database is gone');
    expect(Array.from(app.querySelectorAll('.recovery button, .recovery a')).map((b) => b.textContent)).toEqual(['Restore a backup…', 'Erase everything…']);
  });
});

describe('the popup on a plain-http page', () => {
  it('says why it is not read, and offers neither Save nor Read this page (finding 2)', async () => {
    const http = 'http://lab.example.org/publications';
    render(<Popup data={popupData({ status: async () => null, pageUrl: async () => http })} />, app);
    await expect.poll(busy('main.popup')).toBe('false');
    expect(app.querySelector('.save')?.textContent).toContain('served over plain http');
    expect(Array.from(app.querySelectorAll('button')).map((b) => b.textContent)).toEqual([]);
  });
});

describe('the dashboard on a hostile library', () => {
  it('everyone: no unsafe link, every data string isolated', async () => {
    render(<Dashboard data={dashboardData()} />, app);
    await expect.poll(busy('.dashboard')).toBe('false');
    expect(app.querySelectorAll('.people-list li')).toHaveLength(1);
    expectSafeLinks();
    expectIsolated();
  });

  it('a person\'s page: no unsafe link, every data string isolated', async () => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#person=${encodeURIComponent(`orcid:${ORCID}`)}`;
    render(<Dashboard data={dashboardData()} />, app);
    await expect.poll(() => app.querySelector('#person-name')?.textContent).toBeTruthy();
    expect(app.querySelectorAll('.pages li')).toHaveLength(2);
    expectSafeLinks();
    expectIsolated();
  });

  it('when merging fails: the saved pages as stored, the reason, Restore and Erase — never a blank page', async () => {
    merge.fail = true;
    render(<Dashboard data={dashboardData()} />, app);
    await expect.poll(busy('.dashboard')).toBe('false');
    const panel = app.querySelector('.problem')!;
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain('the saved pages could not be merged (t.ids[r].toLowerCase is not a function)');
    expect(Array.from(panel.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['Restore a backup…', 'Erase everything…']);
    expect(app.querySelectorAll('.saved-pages li')).toHaveLength(3);
    // The backup and the file input (what Restore opens) are there too.
    expect(app.querySelector('button[data-format="json"]')).not.toBeNull();
    expect(app.querySelector('input#import-file')).not.toBeNull();
    expectSafeLinks();
    expectIsolated();
  });

  it('when the store cannot be read: the reason, Restore and Erase', async () => {
    render(<Dashboard data={dashboardData({ library: async () => Promise.reject(new Error('the database is gone')) })} />, app);
    await expect.poll(busy('.dashboard')).toBe('false');
    expect(app.querySelector('.problem')?.textContent).toContain('the store could not be read (the database is gone)');
    expect(Array.from(app.querySelectorAll('.problem button')).map((b) => b.textContent)).toEqual(['Restore a backup…', 'Erase everything…']);
  });
});

describe('the dashboard opening on a large library', () => {
  it('shows the people from the kept library view before every work is read, then the works in the same page', async () => {
    const keptLib = await keptLibrary(RECORDS);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const data = dashboardData({
      keptLibrary: () => readKeptLibrary(keptLib.db),
      // The full read (every page, every view) held back: what is shown meanwhile comes from the library view alone.
      library: async () => (await gate, { records: RECORDS, decisions: [] }),
    });
    render(<Dashboard data={data} />, app);
    await expect.poll(() => app.querySelectorAll('.people-list li').length).toBe(1);
    expect(app.querySelector('.people-list a')?.textContent).toContain(DATA.name);
    expect(app.querySelector('.dashboard')?.getAttribute('aria-busy')).toBe('true');
    const counts = app.querySelector('.topbar .muted')?.textContent;
    expect(counts).toMatch(/^1 people · \d+ works · 3 pages$/);
    expect(app.querySelector('.works-grid')).toBeNull();
    const search = app.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'nobody';
    search.dispatchEvent(new app.ownerDocument.defaultView!.Event('input', { bubbles: true }));
    await expect.poll(() => app.querySelectorAll('.people-list li').length).toBe(0);

    release();
    await expect.poll(busy('.dashboard')).toBe('false');
    expect(app.querySelector('.works-grid')).not.toBeNull();
    // The counts read first are the full load's.
    expect(app.querySelector('.topbar .muted')?.textContent).toBe(counts);
    // The same list, not a new one: what was typed meanwhile still filters it.
    expect(app.querySelector<HTMLInputElement>('input[type=search]')?.value).toBe('nobody');
    expect(app.querySelectorAll('.people-list li')).toHaveLength(0);
  });
});

describe('links in the sources', () => {
  it('every href the extension pages draw is DataLink\'s (http and https only), an in-page anchor or the dashboard\'s own address', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = ['src/ui', 'entrypoints'].flatMap((d) =>
      (readdirSync(join(root, d), { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx')).map((f) => join(d, f)),
    );
    const allowed = [/^href="#[a-z-]*"$/, /^href=\{`#person=\$\{encodeURIComponent\([\w.]+\)\}`\}$/, /^href=\{(?:data|props)\.dashboardUrl\b[^{}]*\}$/, /^href=\{href\}$/];
    const found: string[] = [];
    for (const f of files)
      for (const m of readFileSync(join(root, f), 'utf8').matchAll(/href=(?:"[^"]*"|\{(?:[^{}]|\{[^{}]*\})*\})/g)) {
        found.push(f);
        expect(allowed.some((a) => a.test(m[0])), `${f}: ${m[0]}`).toBe(true);
        if (/^href=\{href\}$/.test(m[0])) expect(f, 'only DataLink draws a link from a computed address').toBe(join('src', 'ui', 'components', 'data.tsx'));
      }
    expect(found.length).toBeGreaterThanOrEqual(8);
  });
});

describe('the stylesheets wrap any data string', () => {
  const css = (f: string) => readFileSync(join(import.meta.dirname, '..', '..', 'src', 'ui', f), 'utf8');
  it('a word longer than the line breaks anywhere, on both pages, and no rule turns that off (finding 8)', () => {
    expect(css('theme.css')).toMatch(/html, body \{ overflow-wrap: anywhere; \}/);
    expect(css('theme.css')).toMatch(/bdi \{ unicode-bidi: isolate; \}/);
    for (const f of ['theme.css', 'popup/popup.css', 'dashboard/dashboard.css']) {
      const text = css(f);
      expect(text, f).not.toMatch(/overflow-wrap:\s*normal|word-break:\s*keep-all/);
      // nowrap only where nothing is shown (the visually hidden labels).
      for (const m of text.matchAll(/^(.*)white-space:\s*nowrap/gm)) expect(m[1], f).toMatch(/^\.visually-hidden/);
    }
  });
});

describe('a decision shown before the rebuild', () => {
  it('the patch from the background at once, with "Updating…" until the rebuild is read back, then the stored state', async () => {
    let release!: () => void;
    const rebuilt = new Promise<void>((r) => (release = r));
    let decided = 0;
    const data = dashboardData({
      // The background's answer: the subset merge gave one more work (a synthetic row of a page of its own).
      decide: async () => {
        decided++;
        const w = mergeRecords(RECORDS, []).works[0]!;
        const row = { ...w.members[0]!, captureKey: 'synthetic:split-out', index: 0 };
        return { works: [{ ...w, id: 'rec:synthetic:split-out#0', members: [row], versions: [] }], people: [] };
      },
      refreshViews: async () => rebuilt,
    });
    render(<Dashboard data={data} />, app);
    await expect.poll(busy('.dashboard')).toBe('false');
    const counts = () => app.querySelector('.topbar .muted')?.textContent ?? '';
    const works = () => Number(/(\d+) works/.exec(counts())?.[1]);
    const before = works();
    expect(app.querySelector('.topbar .updating')).toBeNull();
    const boxes = [...app.querySelectorAll<HTMLInputElement>('.works-grid tbody input[type="checkbox"]')].slice(0, 2);
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      box.checked = true;
      box.dispatchEvent(new app.ownerDocument.defaultView!.Event('change', { bubbles: true }));
    }
    await expect.poll(() => app.querySelector('.selection .small')?.textContent).toBe('2 selected');
    [...app.querySelectorAll<HTMLButtonElement>('.selection button')].find((b) => b.textContent === 'Join selected into one work')!.click();
    await expect.poll(works).toBe(before + 1);
    expect(decided).toBe(1);
    expect(app.querySelector('.topbar .updating')?.textContent).toBe('Updating…');
    expect(app.querySelector('.topbar .updating')?.getAttribute('role')).toBe('status');
    // The rebuild done: the library is read again from the store (which, here, the decision did not change).
    release();
    await expect.poll(() => app.querySelector('.topbar .updating')).toBeNull();
    expect(works()).toBe(before);
  });
});

describe("the Storage panel's Rebuild line", () => {
  it('is announced only for the rebuild the user asked for, when it starts and when it is done', async () => {
    const built: ViewsMeta = { builtAt: AT, build: `${AT}#t.1`, captures: {}, dirty: false, stats: { captures: 0, records: 0, works: 0, people: 0 }, merged: { in: 'worker', ms: 5_300 } };
    let release!: () => void;
    const data = dashboardData({ refreshViews: () => new Promise<void>((r) => (release = r)), viewsMeta: async () => built });
    render(<Dashboard data={data} />, app);
    await expect.poll(busy('.dashboard')).toBe('false');
    const live = () => app.querySelector('.rebuild-status + [role="status"]');
    await expect.poll(() => app.querySelector('.rebuild-status')?.textContent).toContain('in 5.3 s');
    // The line itself is no live region: it changes after every join, split or delete.
    expect(app.querySelector('.rebuild-status')?.getAttribute('role')).toBeNull();
    expect(live()?.textContent).toBe('');
    app.querySelector<HTMLButtonElement>('button.rebuild')!.click();
    await expect.poll(() => live()?.textContent).toBe('Rebuilding the merged library…');
    release();
    await expect.poll(() => live()?.textContent).toMatch(/^Rebuilt\. .*in 5\.3 s/);
  });
});
