// Child of bench/library-figures.ts: reads stored records from a file, merges
// them from scratch and prints time and peak RSS as one JSON line. A process of
// its own, so the peak is the merge's and not the benchmark's.

import { readFileSync } from 'node:fs';
import { mergeAll } from '../src/core/merge/index';
import type { CaptureRecord } from '../src/store/schema';

const records = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CaptureRecord[];
const beforeRssKb = process.memoryUsage().rss / 1024;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = mergeAll(records, []);
const cpu = process.cpuUsage(cpu0);
const ms = performance.now() - t0;
// CPU time (user + system) as well as wall time: on a shared machine it varies far less.
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ ms, cpuMs, peakRssKb: process.resourceUsage().maxRSS, beforeRssKb, works: result.works.length, people: result.people.length }));
