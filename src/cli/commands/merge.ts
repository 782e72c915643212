// `merge <input…>`: captures and bibliographies in, the merged people and
// works out as JSON, every merged record pointing back at the file it came
// from; people name their works by id. The JSON is written as it is made
// (a 300-person library prints tens of MB). The same inputs in any order
// print the same JSON.

import { mergeAll } from '../../core/merge/index';
import type { MemberRef, MergedPerson, MergedWork, WorkVersion } from '../../core/merge/types';
import { personFigures } from '../../core/person-figures';
import { citationCounts, citationCountsNote } from '../../core/metrics';
import { siteNameOf } from '../../node/sites';
import { loadInputs, type InputOrigin } from '../inputs';
import { EXIT, parseArgs, parseNow, type Command } from '../io';
import { Items, writeJsonObject } from '../json-stream';

const USAGE =
  'usage: merge [--now <iso-date>] [--owner <name>] [--scholar-user <id>] <input…>\n' +
  '  inputs: capture JSON (one, an array, or a backup), BibTeX, CSL-JSON or Publish or Perish CSV bibliographies\n' +
  '  --owner: the bibliographies are this person\'s own list of works\n' +
  '  --scholar-user: their Google Scholar profile id (user=…), to read al-folio google_scholar_id fields\n';

/** A merged record as printed: the input file and position instead of the store's capture key. */
export interface CliMember {
  file: string;
  /** Index of the capture within an array-of-captures file or a backup's `captures`. */
  capture?: number;
  /** Index of the work within that capture's `works`. */
  index: number;
  ref?: string;
  source: string;
  pageKind: MemberRef['pageKind'];
  captureKey: string;
  /** Set when the record joined its work by its abstract ("placed by abstract" in the UI). */
  placedBy?: MemberRef['placedBy'];
}

export const run: Command = async (args, io) => {
  const { flags, positionals } = parseArgs(args, ['now', 'owner', 'scholar-user']);
  if (positionals.length === 0) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  const now = parseNow(flags, io);
  if (!now) return EXIT.usage;
  const owner = typeof flags.owner === 'string' && flags.owner.trim() ? flags.owner : undefined;
  const scholarUser = typeof flags['scholar-user'] === 'string' && /^[\w-]+$/.test(flags['scholar-user']) ? flags['scholar-user'] : undefined;
  const loaded = await loadInputs(positionals, io, now, { ...(owner ? { owner } : {}), ...(scholarUser ? { scholarUser } : {}) });
  if (!loaded) return EXIT.usage;
  const { records, decisions, origins } = loaded;

  const result = mergeAll(records, decisions);
  const originOf = (key: string): InputOrigin => origins.get(key) ?? { file: key };
  const member = (m: MemberRef): CliMember => {
    const o = originOf(m.captureKey);
    return {
      file: o.file,
      ...(o.capture !== undefined ? { capture: o.capture } : {}),
      index: m.index,
      ...(m.ref !== undefined ? { ref: m.ref } : {}),
      source: m.source,
      pageKind: m.pageKind,
      captureKey: m.captureKey,
      ...(m.placedBy !== undefined ? { placedBy: m.placedBy } : {}),
    };
  };
  // Members point at input files; each work is made printable only as it is written.
  const work = (w: MergedWork) => ({
    ...w,
    versions: w.versions.map((v: WorkVersion) => ({ ...v, members: v.members.map(member) })),
    members: w.members.map(member),
  });
  // One index of the works for every person's figures, not one per person.
  const workById = new Map(result.works.map((w) => [w.id, w]));
  const currentYear = now.getUTCFullYear();

  const notes = new Map(records.map((r) => [r.key, r.capture.notes]));
  const person = (p: MergedPerson) => {
    const figures = personFigures(result, p, { currentYear, siteName: siteNameOf, notesOf: (key) => notes.get(key), workById });
    const stated = p.stated.map((s) => ({
      ...s,
      ...originOf(s.captureKey),
      comparison: figures.comparisons.find((c) => c.stated === s)?.rows ?? [],
    }));
    // `workIds` (from the merge) names the person's works, which are printed once, in `works`:
    // a copy per person made the output of a 300-person library 400 MB.
    return {
      ...p,
      pages: p.pages.map((pg) => ({ ...pg, ...originOf(pg.captureKey) })),
      stated,
      metrics: figures.metrics,
      // How many of `workIds` the merge flagged (`flaggedWorks` above lists them): the metrics count them.
      // Not named `flaggedWorks` itself, which is the person's list of flags.
      // Citation metrics are null (unknown, not 0) when no work has a count; `note` says so, or how many have one.
      metricsInclude: {
        flaggedWorks: figures.flaggedIncluded,
        citationCounts: { ...citationCounts(figures.metrics), ...(citationCountsNote(figures.metrics) ? { note: citationCountsNote(figures.metrics) } : {}) },
      },
    };
  };

  await writeJsonObject(io.stdout, [
    [
      'inputs',
      new Items(
        map(records, (r) => ({
          key: r.key,
          ...originOf(r.key),
          source: r.capture.source,
          pageKind: r.capture.pageKind,
          url: r.capture.url,
          capturedAt: r.capture.capturedAt,
          works: r.capture.works?.length ?? 0,
        })),
      ),
    ],
    ['people', new Items(map(result.people, person))],
    ['works', new Items(map(result.works, work))],
    ['unresolvedDecisions', result.unresolvedDecisions],
    ['stats', result.stats],
  ]);
  return EXIT.ok;
};

/** Each item turned into what is printed as it is reached, so one at a time is held. */
function* map<T, U>(list: readonly T[], f: (t: T) => U): Generator<U> {
  for (const t of list) yield f(t);
}
