// `export --format bibtex|ris|csl|csv|json|report <input…>`: captures (a JSON
// capture, an array of them, or a backup) and bibliography files (.bib,
// CSL-JSON) in, one export on stdout. Captures are merged with mergeAll when
// the merge module is present; otherwise every record is exported as read.

import type { Capture } from '../../core/capture';
import type { MergeAll, MergedPerson, MergedWork, UserDecision } from '../../core/merge/types';
import { METRIC_DEFINITIONS, computeMetrics, type MetricWork } from '../../core/metrics';
import { validateCapture } from '../../core/validate';
import { decodePage } from '../../node/dom';
import { makeBackup, parseBackup, type BackupDecision, type StoredCaptureRecord } from '../../formats/backup';
import { exportAs, itemsFromCaptures, type ExportFormat } from '../../formats/index';
import { importBibliography, ImportError } from '../../formats/import';
import { EXIT, parseArgs, type CliIo, type Command } from '../io';

const USAGE =
  'usage: export --format bibtex|ris|csl|csv|json|report [--person <name>] [--report-as md|csv] [--now <iso-date>] <input…>\n' +
  '  inputs: capture JSON (one, an array, or a backup), BibTeX or CSL-JSON bibliographies\n';

const FORMATS = ['bibtex', 'ris', 'csl', 'csv', 'json', 'report'] as const;

export const run: Command = async (args, io) => {
  const { flags, positionals } = parseArgs(args, ['format', 'person', 'report-as', 'now']);
  const format = flags.format;
  if (typeof format !== 'string' || !FORMATS.includes(format as never) || positionals.length === 0) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  const now = typeof flags.now === 'string' ? new Date(flags.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    io.stderr(`not a date: ${String(flags.now)}\n`);
    return EXIT.usage;
  }
  const loaded = await loadInputs(positionals, io, now);
  if (!loaded) return EXIT.usage;
  const { records, decisions, settings } = loaded;

  if (format === 'json') {
    io.stdout(exportAs('json', { backup: makeBackup({ captures: records, decisions, settings }, now) }));
    return EXIT.ok;
  }

  const mergeAll = await loadMerge();
  const person = typeof flags.person === 'string' ? flags.person : undefined;
  if (!mergeAll) {
    io.stderr('note: merging is not available in this build; records are exported unmerged\n');
    const captures = records.map((r) => r.capture).filter((c) => !person || sameName(c.person?.name, person));
    if (format === 'report') return reportUnmerged(captures, flags, io, now);
    io.stdout(exportAs(format as ExportFormat, { items: itemsFromCaptures(captures) }));
    return EXIT.ok;
  }

  const result = mergeAll(records, decisions);
  let works: MergedWork[] = result.works;
  let who: MergedPerson | undefined;
  if (person || format === 'report') {
    who = pickPerson(result.people, person);
    if (!who) {
      io.stderr(person ? `no author page of "${person}" among the inputs\n` : 'a report needs an author page among the inputs\n');
      return EXIT.unrecognized;
    }
    const mine = new Set(who.workIds);
    works = works.filter((w) => mine.has(w.id));
  }
  if (format === 'report') {
    const computed = computeMetrics(works.map(toMetricWork), { currentYear: now.getUTCFullYear(), person: { name: who!.name, variants: who!.nameVariants } });
    const report = {
      personName: who!.name,
      computed: computed as unknown as Record<string, unknown>,
      definitions: METRIC_DEFINITIONS,
      stated: who!.stated.map((s) => ({ source: s.source, url: s.url, capturedAt: s.capturedAt, ...(s.metrics ? { metrics: s.metrics } : {}) })),
      date: now.toISOString().slice(0, 10),
    };
    io.stdout(exportAs(flags['report-as'] === 'csv' ? 'report-csv' : 'report-md', { report }));
    return EXIT.ok;
  }
  io.stdout(exportAs(format as ExportFormat, { works }));
  return EXIT.ok;
};

async function loadMerge(): Promise<MergeAll | undefined> {
  // A computed specifier: the merge module is optional for this command.
  const path = '../../core/merge/index';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as { mergeAll?: MergeAll };
    return mod.mergeAll;
  } catch {
    return undefined;
  }
}

interface Loaded {
  records: StoredCaptureRecord[];
  decisions: BackupDecision[];
  settings: Record<string, unknown>;
}

async function loadInputs(files: string[], io: CliIo, now: Date): Promise<Loaded | undefined> {
  const byKey = new Map<string, StoredCaptureRecord>();
  const decisions: BackupDecision[] = [];
  let settings: Record<string, unknown> = {};
  const add = (capture: Capture, key = `${capture.source}:${capture.url}`, seen?: { firstSeen: string; lastSeen: string }) => {
    const old = byKey.get(key);
    if (old && old.capture.capturedAt >= capture.capturedAt) return;
    byKey.set(key, { key, firstSeen: seen?.firstSeen ?? capture.capturedAt, lastSeen: seen?.lastSeen ?? capture.capturedAt, capture });
  };
  for (const file of files) {
    let text: string;
    try {
      text = decodePage(await io.readFile(file));
    } catch (err) {
      io.stderr(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})\n`);
      return undefined;
    }
    if (!/^\s*[[{]/.test(text.replace(/^\uFEFF/, ''))) {
      try {
        add(importBibliography(text, file, { now }));
      } catch (err) {
        io.stderr(`${file}: ${err instanceof ImportError ? err.message : String(err)}\n`);
        return undefined;
      }
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      io.stderr(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})\n`);
      return undefined;
    }
    const obj = data as Record<string, unknown> | null;
    if (obj && !Array.isArray(obj) && obj.format === 'scholar-lens.backup') {
      const parsed = parseBackup(text);
      if (!parsed.ok) {
        io.stderr(`${file}: ${parsed.errors.join('; ')}\n`);
        return undefined;
      }
      for (const r of parsed.rejected) io.stderr(`${file}: ${r.at}${r.key ? ` (${r.key})` : ''} left out: ${r.errors.join('; ')}\n`);
      for (const r of parsed.backup.captures) add(r.capture, r.key, r);
      decisions.push(...parsed.backup.decisions);
      settings = { ...settings, ...parsed.backup.settings };
      continue;
    }
    const list = Array.isArray(data) ? data : [data];
    if (list.length && list.every((c) => (c as Record<string, unknown> | null)?.format !== 'scholar-lens.capture')) {
      // Not captures: read it as a CSL-JSON bibliography.
      try {
        add(importBibliography(text, file, { now }));
      } catch (err) {
        io.stderr(`${file}: ${err instanceof ImportError ? err.message : String(err)}\n`);
        return undefined;
      }
      continue;
    }
    for (const [i, c] of list.entries()) {
      const check = validateCapture(c);
      if (!check.ok) {
        io.stderr(`${file}[${i}]: not a valid capture, left out: ${check.errors.slice(0, 3).join('; ')}\n`);
        continue;
      }
      add(check.capture);
    }
  }
  return { records: [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), decisions: decisions as UserDecision[], settings };
}

function sameName(a: string | undefined, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return a !== undefined && norm(a) === norm(b);
}

function pickPerson(people: MergedPerson[], name: string | undefined): MergedPerson | undefined {
  if (name) return people.find((p) => sameName(p.name, name) || p.nameVariants.some((v) => sameName(v, name)));
  return [...people].sort((a, b) => b.workIds.length - a.workIds.length || (a.id < b.id ? -1 : 1))[0];
}

function toMetricWork(w: MergedWork): MetricWork {
  const m: MetricWork = {};
  if (w.citations !== undefined) m.citations = w.citations;
  if (w.year !== undefined) m.year = w.year;
  if (w.authors) m.authors = w.authors;
  if (w.venue) m.venue = w.venue;
  return m;
}

function reportUnmerged(captures: Capture[], flags: Record<string, string | true>, io: CliIo, now: Date): number {
  const page = captures.find((c) => c.pageKind === 'author' && c.person);
  if (!page) {
    io.stderr('a report needs an author page among the inputs\n');
    return EXIT.unrecognized;
  }
  const works = (page.works ?? []).map((w) => ({ ...(w.citations !== undefined ? { citations: w.citations } : {}), ...(w.year !== undefined ? { year: w.year } : {}), ...(w.authors ? { authors: w.authors } : {}), ...(w.venue ? { venue: w.venue } : {}), ...(w.authorsTruncated ? { authorsTruncated: true } : {}) }));
  const computed = computeMetrics(works, { currentYear: now.getUTCFullYear(), person: { name: page.person!.name } });
  const report = {
    personName: page.person!.name,
    computed: computed as unknown as Record<string, unknown>,
    definitions: METRIC_DEFINITIONS,
    stated: [{ source: page.source, url: page.url, capturedAt: page.capturedAt, ...(page.person!.metrics ? { metrics: page.person!.metrics } : {}) }],
    date: now.toISOString().slice(0, 10),
  };
  io.stdout(exportAs(flags['report-as'] === 'csv' ? 'report-csv' : 'report-md', { report }));
  return EXIT.ok;
}
