// `export --format bibtex|ris|csl|csv|json|report <input…>`: captures (a JSON
// capture, an array of them, or a backup) and bibliography files (.bib,
// CSL-JSON) in, one export on stdout. Captures are merged with mergeAll when
// the merge module is present; otherwise every record is exported as read.

import type { Capture } from '../../core/capture';
import type { MergeAll, MergedPerson, MergedWork } from '../../core/merge/types';
import { METRIC_DEFINITIONS, computeMetrics } from '../../core/metrics';
import { makeBackup } from '../../formats/backup';
import { exportAs, itemsFromCaptures, type ExportFormat } from '../../formats/index';
import { loadInputs } from '../inputs';
import { EXIT, parseArgs, type CliIo, type Command } from '../io';
import { toMetricWork } from '../../core/person-figures';

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

function sameName(a: string | undefined, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return a !== undefined && norm(a) === norm(b);
}

function pickPerson(people: MergedPerson[], name: string | undefined): MergedPerson | undefined {
  if (name) return people.find((p) => sameName(p.name, name) || p.nameVariants.some((v) => sameName(v, name)));
  return [...people].sort((a, b) => b.workIds.length - a.workIds.length || (a.id < b.id ? -1 : 1))[0];
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
