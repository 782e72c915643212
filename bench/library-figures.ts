// Figures on the generated library (bench/library.ts), each measured in a
// process of its own so its peak memory is its own:
// - mergeAll on about 100 000 rows from scratch: time and peak RSS of a child
//   that reads the records from a file and merges them (bench/merge-child.ts);
// - `npm run --silent cli -- merge` on the 58 000-row library written as a
//   backup: peak RSS over its processes (bench/peak-rss.cjs), output size;
// - `cli export --format …` of the same backup, each format: peak RSS.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeBackup, serializeBackup, type StoredCaptureRecord } from '../src/formats/backup';
import { generateLibrary, type Library } from './library';
import type { Figure } from './stats';

const MB = 1e6;
/** Rows per researcher of the default library, for sizing a larger one. */
const ROWS_PER_RESEARCHER = 59_090 / 303;

function peakOf(file: string): number {
  const kb = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => Number(l.split(' ')[1]));
  return (Math.max(...kb) * 1024) / MB;
}

const describe = (lib: Library) =>
  `${lib.researchers} researchers, ${lib.records.length.toLocaleString('en')} pages, ${lib.rows.toLocaleString('en')} rows, ${lib.works.toLocaleString('en')} works generated`;

export function mergeFromScratch(rows = 100_000): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-bench-merge-'));
  try {
    const lib = generateLibrary({ researchers: Math.round(rows / ROWS_PER_RESEARCHER) });
    const input = join(dir, 'records.json');
    writeFileSync(input, JSON.stringify(lib.records));
    const child = spawnSync(process.execPath, ['--import', 'tsx', resolve('bench/merge-child.ts'), input], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`merge child failed: ${child.stderr.slice(-500)}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; peakRssKb: number; beforeRssKb: number; works: number; people: number };
    const note = `${describe(lib)}; merged into ${r.works.toLocaleString('en')} works, ${r.people} people; RSS with the records read, before merging: ${Math.round((r.beforeRssKb * 1024) / MB)} MB`;
    return [
      { name: 'merge 100k library rows from scratch: time', value: r.ms / 1000, unit: 's', budget: 2, note },
      { name: 'merge 100k library rows from scratch: peak RSS', value: (r.peakRssKb * 1024) / MB, unit: 'MB', budget: 500, note },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The library written as a backup file, as the extension's "Export everything" would. */
function writeBackup(dir: string, lib: Library): string {
  const backup = join(dir, 'library-backup.json');
  writeFileSync(backup, serializeBackup(makeBackup({ captures: lib.records.map((r): StoredCaptureRecord => ({ ...r })) }, new Date('2026-11-22T10:00:00.000Z'))));
  return backup;
}

/** `npm run --silent cli -- <args>` with stdout to a file: peak RSS over its processes (MB), wall time, output size. */
function runCli(dir: string, args: string[]): { peakMB: number; ms: number; outMB: number } {
  const rss = join(dir, 'rss.txt');
  writeFileSync(rss, '');
  const out = join(dir, 'out.txt');
  const fd = openSync(out, 'w');
  const t0 = performance.now();
  const child = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rss, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${resolve('bench/peak-rss.cjs')}`.trim() },
  });
  const ms = performance.now() - t0;
  closeSync(fd);
  if (child.status !== 0) throw new Error(`cli ${args[0]} exited ${child.status}: ${child.stderr.slice(-500)}`);
  return { peakMB: peakOf(rss), ms, outMB: statSync(out).size / MB };
}

export function cliMerge(lib: Library = generateLibrary()): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-bench-cli-'));
  try {
    const backup = writeBackup(dir, lib);
    const r = runCli(dir, ['merge', '--now', '2026-11-22T10:00:00Z', backup]);
    const note = `${describe(lib)}; backup ${(statSync(backup).size / MB).toFixed(0)} MB; ${(r.ms / 1000).toFixed(1)} s in all`;
    return [
      { name: 'cli merge of the 303-researcher library backup: peak RSS', value: r.peakMB, unit: 'MB', budget: 600, note },
      { name: 'cli merge of the 303-researcher library backup: output', value: r.outMB, unit: 'MB', note },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The formats `cli export` writes to stdout, streamed (src/cli/export-stream.ts). */
export const CLI_EXPORT_FORMATS = ['json', 'bibtex', 'ris', 'csl', 'csv', 'pop-csv'] as const;

/** `cli export --format F` of the library backup, every format: peak RSS and wall time (json re-exports the backup; the rest merge first). */
export function cliExport(lib: Library = generateLibrary(), formats: readonly string[] = CLI_EXPORT_FORMATS): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-bench-cli-'));
  try {
    const backup = writeBackup(dir, lib);
    return formats.flatMap((format): Figure[] => {
      const r = runCli(dir, ['export', '--format', format, '--now', '2026-11-22T10:00:00Z', backup]);
      const note = `${describe(lib)}; output ${r.outMB.toFixed(1)} MB; ${(r.ms / 1000).toFixed(1)} s in all`;
      return [{ name: `cli export --format ${format} of the 303-researcher library backup: peak RSS`, value: r.peakMB, unit: 'MB', note }];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
