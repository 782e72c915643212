// "A new capture merged" on the generated library (bench/library.ts), in
// Node over fake-indexeddb (the store code the extension runs, on a JS
// IndexedDB): for a few pages of different sites, the library without the page
// is merged and its views stored, the page is stored, and the keeper's fast
// path (src/shell/provisional-update.ts) is timed: index look-up, reading the
// concerned captures, their merge, the write of the page's provisional view.
// Each provisional view is then compared with the full rebuild's view of the
// same page: works merged that the rebuild keeps apart (false merges), people
// joined that it keeps apart, and works it has that the provisional view
// lacks or splits (misses). `npx tsx bench/provisional-figures.ts [pages] [researchers]`
// prints the comparison page by page ([researchers]: a smaller library).

import 'fake-indexeddb/auto';
import { keptViews, type KeptView } from '../src/core/kept-views';
import type { MergeResult } from '../src/core/merge/types';
import { provisionalUpdate } from '../src/shell/provisional-update';
import { openStore, type CaptureRecord, type LensDB } from '../src/store/store';
import { replaceViews, viewForKey } from '../src/store/views';
import { mergeRecords } from '../src/ui/model/merged-library';
import { generateLibrary, type Library } from './library';
import { median, type Figure } from './stats';

export interface PageCheck {
  key: string;
  ms: number;
  /** CPU time of this process over the same span (the machine is shared: wall time waits for other processes). */
  cpuMs: number;
  captures: number;
  rows: number;
  /** Works of the page's view, provisional and after the rebuild. */
  works: number;
  exactWorks: number;
  /** Provisional works holding rows the rebuild puts in two or more works. */
  falseWorkMerges: number;
  /** Pages in the provisional person that the rebuild's person of the page does not have. */
  falsePersonPages: number;
  /** Rebuild's works of the view whose rows the provisional view lacks or holds in two works. */
  missedWorks: number;
  samePerson: boolean;
}

const rowKey = (captureKey: string, index: number) => `${captureKey}#${index}`;

export function compareView(prov: KeptView | undefined, exact: MergeResult, key: string, ms: number, cpuMs: number, captures: number, rows: number): PageCheck {
  const exactView = keptViews(exact, []).find((v) => v.keys.includes(key));
  const workOfRow = new Map<string, string>();
  for (const w of exact.works) for (const m of w.members) workOfRow.set(rowKey(m.captureKey, m.index), w.id);
  const provWorks = prov?.slice.works ?? [];
  // A provisional work counts only its rows the rebuild also merges somewhere (a row it drops is not a merge).
  let falseWorkMerges = 0;
  const provOfRow = new Map<string, string>();
  for (const w of provWorks) {
    const targets = new Set(w.members.map((m) => workOfRow.get(rowKey(m.captureKey, m.index))).filter((x) => x !== undefined));
    if (targets.size > 1) falseWorkMerges++;
    for (const m of w.members) provOfRow.set(rowKey(m.captureKey, m.index), w.id);
  }
  const exactPersonWorks = new Set(exactView?.personId !== undefined ? exactView.slice.people[0]!.workIds : (exactView?.slice.works.map((w) => w.id) ?? []));
  let missedWorks = 0;
  for (const w of exactView?.slice.works ?? []) {
    if (!exactPersonWorks.has(w.id)) continue;
    const holders = new Set(w.members.map((m) => provOfRow.get(rowKey(m.captureKey, m.index))));
    if (holders.size !== 1 || holders.has(undefined)) missedWorks++;
  }
  const provPerson = prov?.personId !== undefined ? prov.slice.people[0] : undefined;
  const exactPerson = exactView?.personId !== undefined ? exactView.slice.people[0] : undefined;
  const exactPages = new Set(exactPerson?.pages.map((p) => p.captureKey) ?? []);
  const falsePersonPages = (provPerson?.pages ?? []).filter((p) => !exactPages.has(p.captureKey)).length;
  const samePerson = !!provPerson === !!exactPerson && (!provPerson || provPerson.pages.length === exactPages.size);
  return {
    key,
    ms,
    cpuMs,
    captures,
    rows,
    works: provPerson ? new Set(provPerson.workIds).size : provWorks.length,
    exactWorks: exactPersonWorks.size,
    falseWorkMerges,
    falsePersonPages,
    missedWorks,
    samePerson,
  };
}

/** Pages of each site, spread over the library (every n-th), `count` in all. */
export function samplePages(lib: Library, count: number): CaptureRecord[] {
  const bySource = new Map<string, CaptureRecord[]>();
  for (const r of lib.records) {
    const k = `${r.source}/${r.pageKind}`;
    bySource.set(k, [...(bySource.get(k) ?? []), r]);
  }
  const groups = [...bySource.values()];
  const out: CaptureRecord[] = [];
  for (let round = 0; out.length < count; round++)
    for (const g of groups) {
      if (out.length >= count) break;
      const r = g[Math.floor(((round * 7 + 3) % 17) * (g.length / 17))];
      if (r && !out.includes(r)) out.push(r);
    }
  return out;
}

let n = 0;

/** Each sampled page as a new capture: the rest merged and stored, the page stored, the fast path timed and compared. */
export async function checkNewCaptures(lib: Library, count: number, log?: (c: PageCheck) => void): Promise<{ checks: PageCheck[]; rebuildMs: number[] }> {
  const exact = mergeRecords(lib.records, []);
  const db: LensDB = await openStore(`bench-provisional-${++n}`);
  const tx = db.transaction('captures', 'readwrite');
  await Promise.all([...lib.records.map((r) => tx.store.put(r)), tx.done]);
  const checks: PageCheck[] = [];
  const rebuildMs: number[] = [];
  for (const page of samplePages(lib, count)) {
    const rest = lib.records.filter((r) => r !== page);
    const t0 = performance.now();
    const base = mergeRecords(rest, []);
    rebuildMs.push(performance.now() - t0);
    await replaceViews(db, keptViews(base, rest), { builtAt: 'base', build: `base-${page.key}`, captures: {}, dirty: true, stats: base.stats });
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const u = await provisionalUpdate(db, [page.key], mergeRecords);
    const cpu = process.cpuUsage(cpu0);
    const ms = performance.now() - t1;
    const stored = await viewForKey(db, page.key);
    const c = compareView(stored?.provisional ? stored : undefined, exact, page.key, ms, (cpu.user + cpu.system) / 1000, u?.captures ?? 0, u?.rows ?? 0);
    checks.push(c);
    log?.(c);
  }
  db.close();
  return { checks, rebuildMs };
}

export async function newCaptureFigures(lib: Library, count = 6): Promise<Figure[]> {
  const { checks, rebuildMs } = await checkNewCaptures(lib, count);
  const sum = (f: (c: PageCheck) => number) => checks.reduce((s, c) => s + f(c), 0);
  const ms = checks.map((c) => c.ms);
  const cpu = checks.map((c) => c.cpuMs);
  const note =
    `${lib.records.length.toLocaleString('en')} pages, ${lib.rows.toLocaleString('en')} rows; ${checks.length} pages (${[...new Set(checks.map((c) => c.key.split(':')[0]))].join(', ')}) each stored as new on the rest; ` +
    `Node + fake-indexeddb; median of the pages, slowest ${Math.round(Math.max(...ms))} ms, CPU time median ${Math.round(median(cpu))} ms (slowest ${Math.round(Math.max(...cpu))} ms); read ${Math.round(median(checks.map((c) => c.rows)))} rows (median). ` +
    `Provisional view vs the rebuild: ${sum((c) => c.falseWorkMerges)} false work merges, ${sum((c) => c.falsePersonPages)} false person pages, ${sum((c) => c.missedWorks)} of ${sum((c) => c.exactWorks)} works missed or split; ` +
    `exact after the full rebuild (${(median(rebuildMs) / 1000).toFixed(0)} s here)`;
  return [
    { name: 'a new capture merged (provisional view written)', value: median(ms), unit: 'ms', budget: 100, note },
    { name: 'a new capture merged: full rebuild that makes it exact', value: median(rebuildMs) / 1000, unit: 's', note: 'mergeAll of the library in Node, the same run' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 6);
  const researchers = process.argv[3] ? Number(process.argv[3]) : undefined;
  const lib = generateLibrary(researchers ? { researchers } : {});
  const { checks, rebuildMs } = await checkNewCaptures(lib, count, (c) => console.log(JSON.stringify(c)));
  console.log(`fast path ms: median ${median(checks.map((c) => c.ms)).toFixed(0)}, CPU ${median(checks.map((c) => c.cpuMs)).toFixed(0)}; rebuild median ${(median(rebuildMs) / 1000).toFixed(1)} s`);
}
