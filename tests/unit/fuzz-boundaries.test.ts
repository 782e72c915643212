// Fuzzing every boundary an outside input crosses (issue 14): messages into
// the background, backups into the store, bibliography files into an import.
// Real records mutated at random (values replaced by hostile ones, keys such
// as "__proto__" added, fields dropped, strings cut), seeded and repeatable:
// a failure names its case number. Bounded by case counts, never by time.
// Pages and data responses are fuzzed by fuzz-adapters.test.ts, the XML
// reader's depth by src/adapters/kit/xml.test.ts.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterFor, fallbackAdapters, siteAt } from '../../src/adapters/registry';
import { pageKeyOf } from '../../src/adapters/run';
import { validateCapture } from '../../src/core/validate';
import { makeBackup, parseBackup, serializeBackup, type StoredCaptureRecord } from '../../src/formats/backup';
import { ImportError, readBibliography } from '../../src/formats/import';
import { createHandler, senderPage, type Sender } from '../../src/shell/background-handler';
import type { TabStatus } from '../../src/shell/messages';
import { isDeclaredDataUrl } from '../../src/shell/fetch-data';
import { SITE_SETTINGS_KEY } from '../../src/shell/site-settings';
import { allCaptures, allDecisions, eraseAll, openStore } from '../../src/store/store';
import { importBackup } from '../../src/ui/dashboard/library';
import { loadLibrary } from '../../src/ui/dashboard/load';
import { dataPath } from '../helpers/fixtures';
import type { DatabaseDump } from '../helpers/idb-dump';
import { rng, type Rng } from '../helpers/prng';

/** Another seed for a longer hunt: SCHOLAR_LENS_FUZZ_SEED=7 npx vitest run tests/unit/fuzz-boundaries.test.ts */
const seed = (n: number) => n + Number(process.env.SCHOLAR_LENS_FUZZ_SEED ?? 0);

/** Case counts: reported in the README's reliability section. */
export const CASES = { messages: 1500, backups: 300, imports: 600 };

// The real captures of the v1 store fixture: a Scholar profile (twice), an arXiv page, a DBLP and an ORCID record.
const stored = (JSON.parse(readFileSync(dataPath('store/v1.json'), 'utf8')) as DatabaseDump).stores
  .find((s) => s.name === 'captures')!
  .records.map((r) => r.value as StoredCaptureRecord & { capture: { url: string } });

const HOSTILE: unknown[] = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'constructor:x', '__proto__:x', 'page:', 'rec:x#y',
  'javascript:alert(1)', 'data:text/html,x', 'http://dblp.org/pid/00/5179.html', 'https://dblp.org/pid/00/5179.html',
  'https://evil.example/scholar.google.com/citations?user=SbUmSEAAAAAJ', '\u202Eevil', '\u0085', '', 'x'.repeat(120_000),
  '2026-13-45', -1, 0, 1.5, 1e308, null, true, [], {}, [null], { __proto__: null },
];

/** A hostile value, or an object with a prototype-named key. */
function hostile(r: Rng): unknown {
  if (r.int(6) === 0) return JSON.parse(`{"${r.pick(['__proto__', 'constructor', 'toString'])}": ${JSON.stringify(r.pick(HOSTILE)) ?? 'null'}}`);
  // A copy: a later mutation must not change the table (or make it circular).
  return structuredClone(r.pick(HOSTILE));
}

/** Every path to a value inside `v` (objects and arrays), up to a depth. */
function paths(v: unknown, depth = 6, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (depth === 0 || typeof v !== 'object' || v === null) return out;
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.slice(0, 30).map((x, i) => [i, x]) : Object.entries(v);
  for (const [k, x] of entries) paths(x, depth - 1, [...at, k], out);
  return out;
}

/** 1 to 3 random changes to a copy of `v`: a value replaced, a key added or dropped, a string cut, an element doubled. */
function mutate<T>(v: T, r: Rng): T {
  const copy = structuredClone(v) as unknown;
  const root = { v: copy } as Record<string, unknown>;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const all = paths(root.v).map((p) => ['v', ...p]);
    const path = r.pick(all);
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const here = parent[key];
    switch (r.int(5)) {
      case 0:
        parent[key] = hostile(r);
        break;
      case 1:
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case 2:
        if (typeof here === 'object' && here !== null && !Array.isArray(here))
          Object.defineProperty(here, r.pick(['__proto__', 'constructor', 'toString', 'extra']), { value: hostile(r), enumerable: true, writable: true, configurable: true });
        else parent[key] = hostile(r);
        break;
      case 3:
        if (typeof here === 'string') parent[key] = here.slice(0, r.int(here.length + 1));
        else parent[key] = hostile(r);
        break;
      default:
        if (Array.isArray(here) && here.length) here.push(structuredClone(here[r.int(here.length)]));
        else parent[key] = hostile(r);
    }
  }
  return root.v as T;
}

describe('messages into the background', () => {
  it(`${CASES.messages} mutated messages from every kind of sender: nothing throws, every stored key is the sending tab's own page, no fetch off the declared data, no host enabled`, async () => {
    const r = rng(seed(1401));
    const scholar = stored.find((s) => s.capture.source === 'google-scholar')!.capture;
    const base: unknown[] = [
      ...stored.map((s) => ({ type: 'capture', capture: s.capture })),
      { type: 'nothing-found', reason: 'nothing', site: 'dblp' },
      { type: 'enable-host', origin: 'https://example.org' },
      { type: 'fetch-data', url: 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', as: 'json', headers: { Accept: 'application/json' } },
      { type: 'collect-progress', progress: { state: 'running', pages: 1, works: 20, at: 1 } },
      { type: 'tab-status', tabId: 1 },
    ];
    const OWN = 'own';
    const pagesOf = stored.map((s) => s.capture.url);
    const senders: Sender[] = [
      ...pagesOf.map((url, i) => ({ id: OWN, tabId: i + 1, url, tabUrl: url, frameId: 0 })),
      { id: OWN, tabId: 20, url: 'http://dblp.org/pid/00/5179.html', tabUrl: 'http://dblp.org/pid/00/5179.html', frameId: 0 },
      { id: OWN, tabId: 21, url: 'https://lab.example.org/people/ada', frameId: 0 },
      { id: OWN, tabId: 22, url: scholar.url, tabUrl: scholar.url, frameId: 3 },
      { id: OWN, url: 'chrome-extension://own/popup.html' },
      { id: 'someone-else', tabId: 1, url: scholar.url },
      { id: OWN, tabId: 23 },
    ];
    const fetched: { url: string; page?: string }[] = [];
    const enabled: string[] = [];
    const statuses = new Map<number, TabStatus>();
    const db = openStore('fuzz-boundaries-messages');
    let current: Sender | undefined;
    const { handle } = createHandler(
      {
        db: () => db,
        now: () => new Date('2026-11-22T10:00:00Z'),
        saveStatus: async (s) => void statuses.set(s.tabId, s),
        loadStatus: async (id) => statuses.get(id),
        enableHost: async (o) => void enabled.push(o),
        hasHostPermission: async () => false,
        fetch: (async (url: string) => {
          fetched.push({ url, page: senderPage(current ?? {})?.href });
          return new Response('{}');
        }) as unknown as typeof fetch,
      },
      OWN,
    );
    const returnedKeys = new Set<string>();
    for (let i = 0; i < CASES.messages; i++) {
      const message = r.int(10) === 0 ? hostile(r) : mutate(r.pick(base), r);
      const sender = r.pick(senders);
      current = sender;
      let answer: Awaited<ReturnType<typeof handle>>;
      try {
        answer = await handle(message, sender);
      } catch (err) {
        throw new Error(`case ${i}: the handler threw ${String(err)}`);
      }
      expect(typeof answer.ok, `case ${i}`).toBe('boolean');
      const key = answer.ok && typeof answer.value === 'object' && answer.value !== null && 'key' in answer.value ? (answer.value as TabStatus).key : undefined;
      if (key) {
        const page = senderPage(sender)!;
        const own = [siteAt(page), ...fallbackAdapters].filter((a) => a !== undefined).map((a) => pageKeyOf(a, page));
        expect(own, `case ${i}: ${key} from ${page.href}`).toContain(key);
        expect(page.protocol).toBe('https:');
        returnedKeys.add(key);
      }
    }
    const keys = (await allCaptures(await db)).map((x) => x.key);
    for (const k of keys) expect(returnedKeys.has(k), k).toBe(true);
    for (const f of fetched) {
      const adapter = adapterFor(f.page ?? '');
      expect(adapter && isDeclaredDataUrl(adapter, new URL(f.url)), `${f.url} for ${f.page}`).toBe(true);
    }
    expect(enabled).toEqual([]);
    // Something got through, or the fuzz would prove nothing.
    expect(keys.length).toBeGreaterThan(0);
  });
});

describe('backups into the store', () => {
  it(`${CASES.backups} mutated backups of real captures: parsing never throws, what is restored merges, every record is valid and under its source's key`, async () => {
    const r = rng(seed(1402));
    const at = '2026-11-22T10:00:00.000Z';
    const backup = makeBackup(
      {
        captures: stored,
        decisions: [
          { kind: 'link-people', people: [`page:${stored[0]!.key}`, 'orcid:0000-0003-4423-4370'], at },
          { kind: 'split-works', works: [`rec:${stored[0]!.key}#0`, `rec:${stored[1]!.key}#0`], at },
        ],
        settings: { [SITE_SETTINGS_KEY]: { auto: { dblp: false }, collectAllDelayMs: 2000 } },
      },
      new Date(at),
    );
    const text = serializeBackup(backup);
    const db = await openStore('fuzz-boundaries-backups');
    let restored = 0;
    for (let i = 0; i < CASES.backups; i++) {
      const input = r.int(12) === 0 ? text.slice(0, r.int(text.length)) : JSON.stringify(mutate(backup, r));
      let parsed: ReturnType<typeof parseBackup>;
      try {
        parsed = parseBackup(input);
      } catch (err) {
        throw new Error(`case ${i}: parseBackup threw ${String(err)}`);
      }
      if (!parsed.ok) continue;
      await eraseAll(db);
      const res = await importBackup(db, input);
      expect(res.ok, `case ${i}: ${res.message}`).toBe(true);
      const records = await allCaptures(db);
      for (const rec of records) {
        expect(validateCapture(rec.capture).ok, `case ${i}: ${rec.key}`).toBe(true);
        expect(rec.key.startsWith(`${rec.capture.source}:`), `case ${i}: ${rec.key}`).toBe(true);
      }
      const lib = await loadLibrary({ library: async () => ({ records, decisions: await allDecisions(db) }) });
      expect(lib.problem, `case ${i}`).toBeUndefined();
      restored++;
    }
    expect(restored).toBeGreaterThan(CASES.backups / 4);
  });
});

describe('bibliography files', () => {
  const BIB = `@article{cai2018,
  title = {Decentralized applications: The blockchain-empowered software system},
  author = {Cai, Wei and Wang, Zehua and Ernst, Jason B},
  journal = {IEEE Access},
  year = {2018},
  doi = {10.1109/ACCESS.2018.2870644}
}
@misc{sen2020empir, title = {{EMPIR}: Ensembles of Mixed Precision Deep Networks}, author = {Sen, Sanchari}, year = 2020, eprint = {2004.10162}, archivePrefix = {arXiv}}
`;
  const CSL = JSON.stringify([
    { id: 'a', type: 'article-journal', title: 'A title', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2020, 5]] }, DOI: '10.1000/a{b}c' },
    { id: 'b', type: 'paper-conference', title: 'B title', 'container-title': 'Proc.', URL: 'https://example.org/b' },
  ]);
  const FRAGMENTS = ['{', '}', '@', '@article{', '\\', '"', ',', '=', '%', '\u202E', '\u0085', '__proto__', 'constructor', 'type = {constructor}', '"type": "constructor"', '"__proto__": {}', '\n', '\0'];

  it(`${CASES.imports} mutated BibTeX and CSL-JSON files: a valid capture or a clear refusal, never anything else`, () => {
    const r = rng(seed(1403));
    let read = 0;
    for (let i = 0; i < CASES.imports; i++) {
      const src = r.int(2) ? BIB : CSL;
      let text = src;
      for (let n = 1 + r.int(4); n > 0; n--) {
        const at = r.int(text.length + 1);
        text = r.int(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + r.int(40)) : text.slice(0, at) + r.pick(FRAGMENTS) + text.slice(at);
      }
      if (src === CSL && r.int(3) === 0) {
        // (A mutation of the whole value may leave nothing to write: then the text mutation stands.)
        text = JSON.stringify(mutate(JSON.parse(CSL) as unknown, r)) ?? text;
      }
      try {
        const { capture } = readBibliography(text, `file-${i}.bib`, { now: new Date('2026-11-22T10:00:00Z') });
        expect(validateCapture(capture).ok, `case ${i}`).toBe(true);
        read++;
      } catch (err) {
        expect(err, `case ${i}: ${String(err)} on ${JSON.stringify(text).slice(0, 300)}`).toBeInstanceOf(ImportError);
      }
    }
    expect(read).toBeGreaterThan(CASES.imports / 4);
  });
});
