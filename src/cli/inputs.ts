// Reading the command line's inputs: capture JSON (one capture, an array of
// them, or a backup) and bibliographies (BibTeX, CSL-JSON), shared by
// `export` and `merge`. Every capture is validated; invalid ones are reported
// on stderr and left out. The result does not depend on the order of files.

import type { Capture } from '../core/capture';
import type { UserDecision } from '../core/merge/types';
import { validateCapture } from '../core/validate';
import { decodePage } from '../node/dom';
import { readBackupData, type BackupDecision, type StoredCaptureRecord } from '../formats/backup';
import { describeProblem, ImportError, readBibliography } from '../formats/import';
import type { CliIo } from './io';

/** Where a stored capture came from, so output can point back at the input. */
export interface InputOrigin {
  /** The input path as given on the command line. */
  file: string;
  /**
   * Position of the capture in the file: in an array of captures, its index;
   * in a backup, its index in `captures`. Absent for a file holding one capture
   * or a bibliography.
   */
  capture?: number;
}

export interface Loaded {
  /** Sorted by key. */
  records: StoredCaptureRecord[];
  decisions: BackupDecision[];
  settings: Record<string, unknown>;
  /** Capture key → where the kept capture was read from. */
  origins: Map<string, InputOrigin>;
}

/**
 * Returns undefined (after saying why on stderr) when a file cannot be read at all.
 * `owner`: the bibliographies are this person's own list (an author capture), not an unowned list.
 * `scholarUser`: their Google Scholar profile id, which completes al-folio's `google_scholar_id` rows.
 */
export async function loadInputs(
  files: string[],
  io: CliIo,
  now: Date,
  opts: { owner?: string; scholarUser?: string } = {},
): Promise<Loaded | undefined> {
  const byKey = new Map<string, { record: StoredCaptureRecord; origin: InputOrigin }>();
  const decisions: BackupDecision[] = [];
  const settingsByFile: [string, Record<string, unknown>][] = [];
  const add = (capture: Capture, origin: InputOrigin, key = `${capture.source}:${capture.url}`, seen?: { firstSeen: string; lastSeen: string }) => {
    const old = byKey.get(key);
    // The same page twice: the later capture wins; on a tie the smaller origin,
    // so which file is named does not depend on the order of the files.
    if (old && !supersedes(capture, origin, old.record.capture, old.origin)) return;
    byKey.set(key, {
      record: { key, firstSeen: seen?.firstSeen ?? capture.capturedAt, lastSeen: seen?.lastSeen ?? capture.capturedAt, capture },
      origin,
    });
  };
  const bibliography = (text: string, file: string): boolean => {
    try {
      // Keyed by the path as given: two "refs.bib" in different folders are two files.
      const { capture, problems } = readBibliography(text, file, {
        now,
        ...(opts.owner ? { owner: opts.owner } : {}),
        ...(opts.scholarUser ? { scholarUser: opts.scholarUser } : {}),
      });
      // What was left out or repaired goes to stderr; the rest of the file is merged.
      for (const p of problems) io.stderr(`${file}: ${p.skipped ? 'left out: ' : ''}${describeProblem(p)}\n`);
      add(capture, { file }, `${capture.source}:urn:scholar-lens:import:${encodeURIComponent(file)}`);
      return true;
    } catch (err) {
      io.stderr(`${file}: ${err instanceof ImportError ? err.message : String(err)}\n`);
      return false;
    }
  };

  for (const file of files) {
    let text: string;
    try {
      text = decodePage(await io.readFile(file)).replace(/^\uFEFF/, '');
    } catch (err) {
      io.stderr(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})\n`);
      return undefined;
    }
    if (!/^\s*[[{]/.test(text)) {
      if (!bibliography(text, file)) return undefined;
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      io.stderr(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})\n`);
      return undefined;
    }
    const obj = data as Record<string, unknown> | null;
    if (obj && !Array.isArray(obj) && obj.format === 'scholar-lens.backup') {
      const parsed = readBackupData(obj);
      if (!parsed.ok) {
        io.stderr(`${file}: ${parsed.errors.join('; ')}\n`);
        return undefined;
      }
      for (const r of parsed.rejected) io.stderr(`${file}: ${r.at}${r.key ? ` (${r.key})` : ''} left out: ${r.errors.join('; ')}\n`);
      // parseBackup keeps accepted captures in file order; recover their file positions.
      const rejectedAt = new Set(parsed.rejected.map((r) => r.at));
      const positions = (obj.captures as unknown[]).map((_, i) => i).filter((i) => !rejectedAt.has(`captures[${i}]`));
      parsed.backup.captures.forEach((r, k) => add(r.capture, { file, capture: positions[k] ?? k }, r.key, r));
      decisions.push(...parsed.backup.decisions);
      settingsByFile.push([file, parsed.backup.settings]);
      continue;
    }
    const list = Array.isArray(data) ? data : [data];
    if (list.length && list.every((c) => (c as Record<string, unknown> | null)?.format !== 'scholar-lens.capture')) {
      // Not captures: read it as a CSL-JSON bibliography.
      if (!bibliography(text, file)) return undefined;
      continue;
    }
    for (const [i, c] of list.entries()) {
      const check = validateCapture(c);
      if (!check.ok) {
        io.stderr(`${file}${Array.isArray(data) ? `[${i}]` : ''}: not a valid capture, left out: ${check.errors.slice(0, 3).join('; ')}\n`);
        continue;
      }
      add(check.capture, Array.isArray(data) ? { file, capture: i } : { file });
    }
  }
  const kept = [...byKey.values()].sort((a, b) => (a.record.key < b.record.key ? -1 : 1));
  // Settings from several backups: applied in file-name order so the result is order-free.
  const settings = Object.assign({}, ...settingsByFile.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((s) => s[1])) as Record<string, unknown>;
  return {
    records: kept.map((k) => k.record),
    decisions: decisions as (UserDecision & { id?: string })[],
    settings,
    origins: new Map(kept.map((k) => [k.record.key, k.origin])),
  };
}

function supersedes(a: Capture, ao: InputOrigin, b: Capture, bo: InputOrigin): boolean {
  if (a.capturedAt !== b.capturedAt) return a.capturedAt > b.capturedAt;
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  if (sa !== sb) return sa > sb;
  if (ao.file !== bo.file) return ao.file < bo.file;
  return (ao.capture ?? -1) < (bo.capture ?? -1);
}
