// Child of bench/library-figures.ts: reads stored records from a file, merges
// them from scratch and prints time and peak RSS as one JSON line. A process of
// its own, so the peak is the merge's and not the benchmark's.

import { readFileSync } from 'node:fs';
import { mergeAll } from '../src/core/merge/index';
import type { CaptureRecord } from '../src/store/schema';

/**
 * Read in a function of its own: its frame, and the file's text with it, are
 * gone when the merge starts. Read at the top level, the text (75 MB for the
 * 100k library: a string with one non-ASCII character is two bytes a
 * character) stayed reachable from the module's frame for the whole merge,
 * and V8, sizing the heap from it, let the merge's garbage grow without a
 * mark-compact: the peak measured that text, not the merge (the extension's
 * merge worker reads records from IndexedDB, with no such text).
 */
function readRecords(file: string): CaptureRecord[] {
  return JSON.parse(readFileSync(file, 'utf8')) as CaptureRecord[];
}

const records = readRecords(process.argv[2]!);
const beforeRssKb = process.memoryUsage().rss / 1024;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = mergeAll(records, []);
const cpu = process.cpuUsage(cpu0);
const ms = performance.now() - t0;
// CPU time (user + system) as well as wall time: on a shared machine it varies far less.
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ ms, cpuMs, peakRssKb: process.resourceUsage().maxRSS, beforeRssKb, works: result.works.length, people: result.people.length }));
