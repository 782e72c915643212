// `cli export` end to end through its Command interface: a real Scholar
// capture (read by the real adapter from the saved Ernst profile) in, exports out.

import { describe, expect, test } from 'vitest';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { run } from '../../src/cli/commands/export';
import { parseBackup } from '../../src/formats/backup';
import { ernst, handBuilt } from '../helpers/format-records';
import { memoryIo } from '../helpers/cli-io';

const io = memoryIo;

const files = () => ({
  'ernst.json': JSON.stringify(ernst()),
  // SYNTHETIC .bib with the arXiv page's metadata (format-records.ts).
  'mine.bib': `@misc{k, author={Sen, Sanchari}, title={${handBuilt[3]!.title}}, year=2020, eprint={2004.10162}, archivePrefix={arXiv}}`,
});

describe('cli export', () => {
  test('bibtex of captures and a bibliography', async () => {
    const x = io(files());
    expect(await run(['--format', 'bibtex', '--now', '2026-11-22T10:00:00Z', 'ernst.json', 'mine.bib'], x.cli)).toBe(0);
    const parsed = plugins.input.chain(x.out(), { generateGraph: false });
    const titles = parsed.map((p) => p.title);
    // The first row of Ernst's profile (gsc_a_at) and the bibliography's entry are both there.
    expect(titles).toContain('Decentralized applications: The blockchain-empowered software system');
    expect(titles).toContain(handBuilt[3]!.title);
    // 58 profile rows + 1 entry, fewer only where merging joined duplicate rows.
    expect(parsed.length).toBeGreaterThan(50);
    expect(parsed.length).toBeLessThanOrEqual(59);
  });
  test('report for the person of the author page: stated figures as the page states them', async () => {
    const x = io(files());
    expect(await run(['--format', 'report', '--now', '2026-11-22T10:00:00Z', 'ernst.json'], x.cli)).toBe(0);
    // Stated h 14 and i10 17 (gsc_rsb_std cells of the saved page).
    expect(x.out()).toMatch(/\| h-index \| \d+ \| 14 \|/);
    expect(x.out()).toMatch(/\| i10-index \| \d+ \| 17 \|/);
    expect(x.out()).toContain('# Metrics for Jason Ernst');
  });
  test('json backup of the inputs reads back', async () => {
    const x = io(files());
    expect(await run(['--format', 'json', '--now', '2026-11-22T10:00:00Z', 'ernst.json', 'mine.bib'], x.cli)).toBe(0);
    const b = parseBackup(x.out());
    expect(b.ok && b.backup.captures.length).toBe(2);
    expect(b.ok && b.rejected).toEqual([]);
  });
  test('usage errors', async () => {
    const x = io(files());
    expect(await run(['--format', 'docx', 'ernst.json'], x.cli)).toBe(1);
    expect(await run(['--format', 'csv', 'missing.json'], x.cli)).toBe(1);
    expect(x.err()).toContain('missing.json: cannot read');
  });
});

describe('cli export of the data tables', () => {
  test('jsonl and parquet into --out: one file per table, named for the table', async () => {
    for (const format of ['jsonl', 'parquet']) {
      const x = io(files());
      expect(await run(['--format', format, '--out', 'lib/', '--now', '2026-11-22T10:00:00Z', 'ernst.json', 'mine.bib'], x.cli)).toBe(0);
      expect([...x.written.keys()].sort()).toEqual([`lib/metrics.${format}`, `lib/people.${format}`, `lib/person_works.${format}`, `lib/works.${format}`]);
      // Parquet files begin and end with the magic bytes "PAR1".
      if (format === 'parquet') for (const data of x.written.values()) expect(new TextDecoder().decode(data.slice(0, 4)) + new TextDecoder().decode(data.slice(-4))).toBe('PAR1PAR1');
    }
  });
  test('one JSON Lines table on stdout: the person of the author page, by name', async () => {
    const x = io(files());
    expect(await run(['--format', 'jsonl', '--table', 'people', '--now', '2026-11-22T10:00:00Z', 'ernst.json'], x.cli)).toBe(0);
    const lines = x.out().trimEnd().split('\n').map((l) => JSON.parse(l) as { name: string; sites: string[]; pages: number });
    // One author page: Ernst's Scholar profile (#gsc_prf_in).
    expect(lines).toEqual([expect.objectContaining({ name: 'Jason Ernst', sites: ['google-scholar'], pages: 1 })]);
  });
  test('usage errors: parquet without --out, an unknown table', async () => {
    const x = io(files());
    expect(await run(['--format', 'parquet', 'ernst.json'], x.cli)).toBe(1);
    expect(x.err()).toContain('Parquet files need --out');
    expect(await run(['--format', 'jsonl', '--table', 'authors', 'ernst.json'], x.cli)).toBe(1);
    expect(x.err()).toContain('--table must be one of people, works, person_works, metrics');
  });
});
