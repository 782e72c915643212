// Where the extension renderer's memory goes (issue 16), phase by phase, on
// the generated 303-researcher library (bench/library.ts) seeded into the
// extension's store: the first build of the kept views, idle after it, the
// real Ernst profile read in a tab (its fast path and rebuild), popup opens,
// the dashboard with its table of every work, a join and a split, the
// dashboard closed again.
//
// Per phase: the peak resident memory of the extension process (VmHWM from
// /proc, reset before each phase by writing 5 to /proc/PID/clear_refs), its
// resident memory at the end, and the JS heaps of the extension's isolates
// through the DevTools protocol (Runtime.getHeapUsage; the highest used size
// sampled every 250 ms during the phase, and the used size after
// HeapProfiler.collectGarbage at its end): the background service worker, the
// pages' main thread (popup, dashboard, offscreen document share one isolate)
// and the merge worker while it exists. What RSS holds beyond the heaps is
// Blink, the allocator and the messages' structured-clone buffers.
// `npx tsx bench/memory-phases.ts [--build=DIR] [--snapshot]` (DIR: a copy of
// .output/chrome-mv3; default the current build); prints one JSON line per
// phase, then a summary line. `--snapshot`: a heap snapshot of the background
// after the first build, summarised by constructor (its largest retained
// sizes are not computed; self sizes and counts are).

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type CDPSession, type Target } from 'puppeteer-core';
import { launchBench } from './browser';
import { BUILD_DIR } from './bundle-size';
import { generateLibrary } from './library';
import type { Page } from 'playwright-core';
import { changeShown, DASHBOARD_LIST, POPUP_PROFILE, probePage, refreshViews, seedStore, shownAfter, WORKS_COUNT } from './library-chromium';
import { ERNST } from './pages';
import { extensionRendererMemory, resetRendererPeak } from './renderer-memory';
import { retainerPaths } from './heap-retainers';
import { DB_NAME } from '../src/store/schema';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const buildDir = arg('build') ?? BUILD_DIR;
const snapshot = process.argv.includes('--snapshot');
const arrays = process.argv.includes('--arrays');
const retainers = process.argv.includes('--retainers');
const say = (s: string) => process.stderr.write(`  ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = (b: number) => Math.round((b / 1048576) * 10) / 10;

interface Isolate {
  kind: string;
  url: string;
  session: CDPSession;
}

async function main(): Promise<void> {
  const lib = generateLibrary();
  const h = await launchBench(buildDir, { args: ['--remote-debugging-port=0'] });
  const [port, path] = readFileSync(join(h.userDataDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, defaultViewport: null });
  const ext = `chrome-extension://${h.extensionId}/`;
  // One session per isolate: the service worker, one page (the main thread's isolate all extension pages share), each worker.
  const isolates = new Map<Target, Isolate>();
  const attach = async (t: Target) => {
    if (isolates.has(t) || !t.url().startsWith(ext)) return;
    const type: string = t.type();
    const kind = type === 'service_worker' ? 'background' : type === 'worker' ? 'merge-worker' : type === 'page' || type === 'other' || type === 'background_page' ? 'pages' : undefined;
    if (!kind) return;
    // The offscreen document: attached for the worker it starts (auto-attach), its isolate the pages' one.
    const offscreen = t.url().endsWith('/offscreen.html');
    if (kind === 'pages' && !offscreen && [...isolates.values()].some((i) => i.kind === 'pages')) return;
    try {
      const session = await t.createCDPSession();
      isolates.set(t, { kind: offscreen ? 'offscreen' : kind, url: t.url(), session });
      if (offscreen) {
        const conn = session.connection();
        session.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
          const child = conn?.session(e.sessionId);
          if (!child) return;
          const key = { url: e.targetInfo.url } as unknown as Target;
          workers.set(key, { kind: 'merge-worker', url: e.targetInfo.url, session: child });
          child.once('Target.detachedFromTarget', () => workers.delete(key));
          void child.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
        });
        session.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
          for (const [k, w] of workers) if (w.session.id() === e.sessionId) workers.delete(k);
        });
        await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
      }
    } catch {
      // gone meanwhile
    }
  };
  const workers = new Map<Target, Isolate>();
  browser.on('targetcreated', (t: Target) => void attach(t));
  browser.on('targetdestroyed', (t: Target) => {
    const i = isolates.get(t);
    isolates.delete(t);
    void i?.session.detach().catch(() => undefined);
  });
  const refreshTargets = async () => {
    for (const t of browser.targets()) await attach(t);
    // A pages session whose page closed: another page carries the isolate.
    for (const [t, i] of isolates) if (i.kind === 'pages' && !browser.targets().includes(t)) isolates.delete(t);
  };
  const heapUsed = async (i: Isolate): Promise<number | undefined> => {
    const r = await Promise.race([i.session.send('Runtime.getHeapUsage').catch(() => undefined), sleep(2000).then(() => undefined)]);
    return r?.usedSize;
  };

  const renderer = () => extensionRendererMemory(h.userDataDir);
  const resetPeak = () => resetRendererPeak(h.userDataDir);

  const rows: Record<string, unknown>[] = [];
  async function phase(name: string, f: () => Promise<unknown>): Promise<void> {
    await refreshTargets();
    // What earlier phases left to collect is collected first, so a phase's peak is its own.
    for (const i of [...isolates.values(), ...workers.values()]) await i.session.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const start = renderer();
    resetPeak();
    const peakHeap: Record<string, number> = {};
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await refreshTargets();
        for (const i of [...isolates.values(), ...workers.values()]) {
          const u = await heapUsed(i);
          if (u !== undefined) peakHeap[i.kind] = Math.max(peakHeap[i.kind] ?? 0, u);
        }
        await sleep(250);
      }
    })();
    const t0 = performance.now();
    const load0 = loadavg()[0]!;
    try {
      await f();
    } finally {
      sampling = false;
      await sampler;
    }
    const ms = performance.now() - t0;
    const atEnd = renderer();
    await refreshTargets();
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    // Per isolate (the pages and the offscreen document share one: the larger reading, not the sum).
    for (const i of [...isolates.values(), ...workers.values()]) {
      const u = await heapUsed(i);
      if (u !== undefined) before[i.kind] = Math.max(before[i.kind] ?? 0, u);
      await i.session.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const g = await heapUsed(i);
      if (g !== undefined) after[i.kind] = Math.max(after[i.kind] ?? 0, g);
    }
    const afterGc = renderer();
    const row = {
      phase: name,
      s: Math.round(ms / 100) / 10,
      rssStartMiB: Math.round(start?.rssMiB ?? NaN),
      peakRssMiB: Math.round(atEnd?.peakMiB ?? NaN),
      rssEndMiB: Math.round(atEnd?.rssMiB ?? NaN),
      rssAfterGcMiB: Math.round(afterGc?.rssMiB ?? NaN),
      heapPeakMiB: Object.fromEntries(Object.entries(peakHeap).map(([k, v]) => [k, MiB(v)])),
      heapEndMiB: Object.fromEntries(Object.entries(before).map(([k, v]) => [k, MiB(v)])),
      heapAfterGcMiB: Object.fromEntries(Object.entries(after).map(([k, v]) => [k, MiB(v)])),
      load: [load0, loadavg()[0]!].map((x) => Math.round(x * 10) / 10),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }

  try {
    await phase('seed', () => seedStore(h.context, h.extensionId, lib.records));
    const probe = await probePage(h.context, h.extensionId);
    await phase('first build', async () => {
      await refreshViews(probe, { stale: true });
      if (!(await viewsCurrentLight(probe))) throw new Error('the kept views are not current after the first build');
    });
    await phase('idle after build (10 s)', () => sleep(10_000));
    if (snapshot) await backgroundSnapshot([...isolates.values()].find((i) => i.kind === 'background'));
    const url = 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en';
    await h.serveFixture(url, ERNST);
    let tabId = 0;
    await phase('a real page read (fast path, rebuild)', async () => {
      ({ tabId } = await h.visit(url));
      await sleep(1000);
      for (let i = 0; i < 600 && !(await viewsCurrentLight(probe)); i++) await sleep(500);
    });
    await phase('popup opened 5 times', async () => {
      for (let i = 0; i < 5; i++) {
        const { page } = await shownAfter(h.context, `${ext}popup.html?tab=${tabId}`, POPUP_PROFILE);
        await page.close();
      }
    });
    let dashboard: Awaited<ReturnType<typeof shownAfter>>['page'] | undefined;
    await phase('dashboard with its table of every work', async () => {
      ({ page: dashboard } = await shownAfter(h.context, `${ext}dashboard.html`, DASHBOARD_LIST));
      await dashboard.waitForSelector('.works-grid tbody tr', { timeout: 180_000 });
      await dashboard.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
      await sleep(3000);
    });
    await phase('a join and a split, each until exact', async () => {
      for (const action of ['join', 'split'] as const) {
        const c = await changeShown(dashboard!, action);
        say(`${action} shown ${c.ms.toFixed(0)} ms, exact ${c.exactMs.toFixed(0)} ms`);
        await dashboard!.waitForSelector(WORKS_COUNT, { timeout: 180_000 });
      }
    });
    if (retainers) {
      const cdp = await h.context.newCDPSession(dashboard!);
      const chunks: string[] = [];
      cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => void chunks.push(e.chunk));
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const json = chunks.join('');
      chunks.length = 0;
      say(`snapshot ${(json.length / 1048576).toFixed(0)} MiB of JSON`);
      for (const [what, props] of [
        ['stored capture records', ['key', 'capture', 'timesSeen']],
        ['works', ['id', 'members', 'matchedBy']],
      ] as const)
        console.log(JSON.stringify({ retainers: what, paths: retainerPaths(json, props).slice(0, 12) }));
      await cdp.detach();
    }
    if (arrays) console.log(JSON.stringify({ arrays: 'dashboard after the join and split', big: await bigArrays(await h.context.newCDPSession(dashboard!)) }));
    await phase('dashboard closed, idle (10 s)', async () => {
      await dashboard!.close();
      await sleep(10_000);
    });
    await probe.close();
    const whole = renderer();
    console.log(JSON.stringify({ build: buildDir, peakAfterSeedMiB: Math.max(...rows.filter((r) => r.phase !== 'seed').map((r) => r.peakRssMiB as number)), rssNowMiB: Math.round(whole?.rssMiB ?? NaN), load: loadavg() }));
  } finally {
    await browser.disconnect();
    await h.close();
  }
}

/**
 * viewsCurrent (bench/library-chromium.ts) without reading every capture, which would put the library in the
 * probe page's heap at every poll: the meta record clean and naming as many captures as are stored.
 */
function viewsCurrentLight(probe: Page): Promise<boolean> {
  return probe.evaluate(
    (db) =>
      new Promise<boolean>((res, rej) => {
        const req = indexedDB.open(db);
        req.onerror = () => rej(req.error);
        req.onsuccess = () => {
          const d = req.result;
          const tx = d.transaction(['captures', 'viewsMeta'], 'readonly');
          const count = tx.objectStore('captures').count();
          const meta = tx.objectStore('viewsMeta').get('current');
          tx.oncomplete = () => {
            d.close();
            const m = meta.result as { dirty: boolean; error?: string; captures: Record<string, string> } | undefined;
            res(!!m && !m.dirty && m.error === undefined && Object.keys(m.captures).length === count.result);
          };
        };
      }),
    DB_NAME,
  );
}

/**
 * The arrays of 1 000 elements or more alive in a page's isolate after a full GC (Runtime.queryObjects), by
 * length and what their first element looks like: which collections of the library are held, and how many times.
 */
async function bigArrays(cdp: import('playwright-core').CDPSession): Promise<unknown> {
  await cdp.send('HeapProfiler.collectGarbage');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Array.prototype' });
  const all = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! });
  const got = await cdp.send('Runtime.callFunctionOn', {
    objectId: all.objects.objectId!,
    returnByValue: true,
    functionDeclaration: `function () {
      const out = {};
      for (const a of this) {
        if (a.length < 1000) continue;
        const x = a[0];
        const shape = x && typeof x === 'object' ? Object.keys(x).slice(0, 6).join(',') : typeof x;
        const k = a.length + ' of {' + shape + '}';
        out[k] = (out[k] || 0) + 1;
      }
      return out;
    }`,
  });
  return got.result.value;
}

/** A heap snapshot of the background, summarised: self size and count per constructor, the 25 largest. */
async function backgroundSnapshot(bg: Isolate | undefined): Promise<void> {
  if (!bg) {
    say('no background session for the snapshot');
    return;
  }
  const chunks: string[] = [];
  bg.session.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => {
    chunks.push(e.chunk);
  });
  await bg.session.send('HeapProfiler.enable');
  await bg.session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await bg.session.send('HeapProfiler.disable');
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: unknown[][] } }; nodes: number[]; strings: string[] };
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0] as string[];
  const n = f.length;
  const [ti, ni, si] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const by = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += n) {
    const type = types[snap.nodes[i + ti]!]!;
    const name = type === 'object' || type === 'native' ? snap.strings[snap.nodes[i + ni]!]! : `(${type})`;
    const e = by.get(name) ?? { size: 0, count: 0 };
    e.size += snap.nodes[i + si]!;
    e.count++;
    by.set(name, e);
  }
  const top = [...by].sort((a, b) => b[1].size - a[1].size).slice(0, 25);
  console.log(JSON.stringify({ snapshot: 'background after the first build', top: top.map(([k, v]) => ({ name: k, MiB: MiB(v.size), count: v.count })) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
