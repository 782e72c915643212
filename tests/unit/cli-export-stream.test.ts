// `cli export` streams its output (src/cli/export-stream.ts): for every
// format it writes, the bytes are the ones the one-string code path gives —
// exportAs of the merged works (what the command printed before), and for
// the backup and CSL-JSON also JSON.stringify of the whole — on real captures
// (the Ernst and Newton profiles, a small library of four sites as a backup,
// one with a bibliography), and a large export arrives in many pieces.

import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/commands/export';
import { loadInputs } from '../../src/cli/inputs';
import { mergeAll } from '../../src/core/merge';
import { makeBackup, serializeBackup, type StoredCaptureRecord } from '../../src/formats/backup';
import { exportAs, itemsFromMerged } from '../../src/formats/index';
import { ernst, handBuilt, newton } from '../helpers/format-records';
import { memoryIo } from '../helpers/cli-io';
import { FIXED_NOW } from '../helpers/fixtures';
import { realLibrary } from '../helpers/real-library';

const NOW = '2026-11-22T10:00:00Z';
const now = new Date(NOW);
const FORMATS = ['bibtex', 'ris', 'csl', 'csv', 'pop-csv'] as const;

const inputs: Record<string, Record<string, string>> = {
  'one profile': { 'ernst.json': JSON.stringify(ernst()) },
  'two profiles and a bibliography': {
    'ernst.json': JSON.stringify(ernst()),
    'newton.json': JSON.stringify(newton()),
    // SYNTHETIC .bib with the arXiv page's metadata (format-records.ts).
    'mine.bib': `@misc{k, author={Sen, Sanchari}, title={${handBuilt[3]!.title}}, year=2020, eprint={2004.10162}, archivePrefix={arXiv}}`,
  },
  'a backup of four sites': {
    'library.json': serializeBackup(
      makeBackup({ captures: realLibrary().map((r): StoredCaptureRecord => ({ ...r, firstSeen: FIXED_NOW.toISOString(), lastSeen: FIXED_NOW.toISOString() })) }, now),
    ),
  },
};

async function streamed(files: Record<string, string>, format: string): Promise<{ text: string; pieces: string[] }> {
  const x = memoryIo(files);
  const pieces: string[] = [];
  const cli = { ...x.cli, stdout: (t: string) => void pieces.push(t) };
  expect(await run(['--format', format, '--now', NOW, ...Object.keys(files)], cli)).toBe(0);
  return { text: pieces.join(''), pieces };
}

/** What `cli export` printed before it streamed: one string from exportAs. */
async function oneString(files: Record<string, string>, format: string): Promise<string> {
  const loaded = (await loadInputs(Object.keys(files), memoryIo(files).cli, now))!;
  if (format === 'json') return exportAs('json', { backup: makeBackup({ captures: loaded.records, decisions: loaded.decisions, settings: loaded.settings }, now) });
  return exportAs(format as (typeof FORMATS)[number], { works: mergeAll(loaded.records, loaded.decisions).works }, { now });
}

describe('cli export, streamed', () => {
  for (const [name, files] of Object.entries(inputs)) {
    test(`${name}: every format byte for byte as the one-string export`, async () => {
      for (const format of [...FORMATS, 'json']) {
        const { text } = await streamed(files, format);
        expect(text.length, format).toBeGreaterThan(100);
        expect(text, format).toBe(await oneString(files, format));
      }
    });
  }

  test('the backup and CSL-JSON are JSON.stringify of the whole, pretty-printed', async () => {
    const files = inputs['two profiles and a bibliography']!;
    const loaded = (await loadInputs(Object.keys(files), memoryIo(files).cli, now))!;
    const backup = makeBackup({ captures: loaded.records, decisions: loaded.decisions, settings: loaded.settings }, now);
    expect((await streamed(files, 'json')).text).toBe(JSON.stringify(backup, null, 2) + '\n');
    const items = itemsFromMerged(mergeAll(loaded.records, loaded.decisions).works);
    expect((await streamed(files, 'csl')).text).toBe(JSON.stringify(items, null, 2) + '\n');
  });

  test('a large export is written in pieces, none of them the whole', async () => {
    // The four sites' backup and two more profiles: enough text for several 64 KiB pieces in every format.
    const files = { ...inputs['a backup of four sites']!, ...inputs['two profiles and a bibliography']! };
    for (const format of ['json', 'csl', 'ris']) {
      const { text, pieces } = await streamed(files, format);
      expect(pieces.length, format).toBeGreaterThan(2);
      expect(Math.max(...pieces.map((p) => p.length)), format).toBeLessThan(text.length / 2);
    }
  });
});
