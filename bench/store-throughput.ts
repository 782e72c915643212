// Store throughput: captures written through putCapture (validation, a
// read-modify-write transaction per page) against a raw idb bulk put of the
// very same records in one transaction: the floor the database itself sets.
// Both on fake-indexeddb in Node, in the same run; fresh databases each time.

import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import type { Capture } from '../src/core/capture';
import { openStore, putCapture, type CaptureRecord } from '../src/store/store';
import { DB_VERSION, upgrade, type LensSchema } from '../src/store/schema';
import { median, type Figure } from './stats';

let dbSeq = 0;
const freshName = () => `bench-${process.pid}-${dbSeq++}`;

/** `count` distinct page keys cycling over the given real captures. */
function workload(captures: Capture[], count: number): Array<{ key: string; capture: Capture }> {
  return Array.from({ length: count }, (_, i) => {
    const capture = captures[i % captures.length]!;
    return { key: `${capture.source}:${capture.url}#bench${i}`, capture };
  });
}

async function throughStore(items: Array<{ key: string; capture: Capture }>): Promise<{ ms: number; records: CaptureRecord[] }> {
  const db = await openStore(freshName());
  const records: CaptureRecord[] = [];
  const t0 = performance.now();
  for (const { key, capture } of items) records.push((await putCapture(db, key, capture)).record);
  const ms = performance.now() - t0;
  db.close();
  return { ms, records };
}

async function rawBulk(records: CaptureRecord[]): Promise<number> {
  const db = await openDB<LensSchema>(freshName(), DB_VERSION, { upgrade });
  const t0 = performance.now();
  const tx = db.transaction('captures', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

async function rawPerRecord(records: CaptureRecord[]): Promise<number> {
  const db = await openDB<LensSchema>(freshName(), DB_VERSION, { upgrade });
  const t0 = performance.now();
  for (const r of records) await db.put('captures', r);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

export async function storeThroughput(captures: Capture[], count = 300, runs = 5): Promise<Figure[]> {
  const items = workload(captures, count);
  const store: number[] = [];
  const bulk: number[] = [];
  const single: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const s = await throughStore(items);
    const b = await rawBulk(s.records);
    const p = await rawPerRecord(s.records);
    if (i === 0) continue; // warm-up
    store.push(s.ms);
    bulk.push(b);
    single.push(p);
    ratios.push(s.ms / b);
  }
  const perSec = (ms: number) => (count / ms) * 1000;
  const works = items.reduce((n, x) => n + (x.capture.works?.length ?? 0), 0);
  const note = `${count} captures (${works} works) cycling over ${captures.length} real fixture captures`;
  return [
    { name: 'store: putCapture throughput (fake-indexeddb)', value: perSec(median(store)), unit: 'captures/s', note },
    { name: 'store: raw idb bulk put throughput (fake-indexeddb)', value: perSec(median(bulk)), unit: 'captures/s', note },
    { name: 'store: raw idb put, one transaction each', value: perSec(median(single)), unit: 'captures/s', note },
    { name: 'store: putCapture time / raw bulk put time', value: median(ratios), unit: '×', budget: 1.5, note },
  ];
}
