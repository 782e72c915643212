// `cli merge` through its Command interface, on captures the real adapters
// read from saved pages: Jason Ernst's Scholar profile and the profile's
// "view article" page of its first row (the same paper), Semantic Scholar's
// author response for A. Turing, and Rui Tan's DBLP person XML.

import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/commands/merge';
import type { Capture } from '../../src/core/capture';
import { dblpAdapter } from '../../src/sites/dblp';
import { semanticScholarAdapter } from '../../src/sites/semantic-scholar';
import { captureData } from '../../src/adapters/run';
import { FIXED_NOW, fixtureText } from '../helpers/fixtures';
import { ernst, scholarCapture } from '../helpers/format-records';
import { memoryIo } from '../helpers/cli-io';

const NOW = ['--now', FIXED_NOW.toISOString()];

const io = memoryIo;

const viewCitation = () =>
  scholarCapture(
    'view_citation_ernst_ieeeaccess2018.html',
    'https://scholar.google.com/citations?view_op=view_citation&hl=en&oe=ASCII&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
  );
const turing = () =>
  captureData(semanticScholarAdapter, fixtureText('semantic_scholar/api_author_2262347_turing.json'), new URL('https://api.semanticscholar.org/graph/v1/author/2262347'), 'json', { now: FIXED_NOW });
const ruiTan = () => captureData(dblpAdapter, fixtureText('dblp/person_00-5179_RuiTan.xml'), new URL('https://dblp.org/pid/00/5179.xml'), 'xml', { now: FIXED_NOW });

function files(): Record<string, string> {
  const profile: Capture = ernst();
  // `ref` is a caller's pass-through label; set on the first row to see it come back.
  profile.works![0]!.ref = 'row-0';
  return {
    'ernst.json': JSON.stringify(profile),
    // An array: the view page, then S2's author, then an invalid capture (SYNTHETIC, to be reported and skipped).
    'pages.json': JSON.stringify([viewCitation(), turing(), { format: 'scholar-lens.capture', version: 1, pageKind: 'paper' }]),
    // A backup whose first record is broken (SYNTHETIC), so DBLP's capture sits at captures[1].
    'backup.json': JSON.stringify({
      format: 'scholar-lens.backup',
      version: 1,
      exportedAt: FIXED_NOW.toISOString(),
      captures: [{ key: 'broken' }, { key: 'dblp:rui-tan', firstSeen: FIXED_NOW.toISOString(), lastSeen: FIXED_NOW.toISOString(), capture: ruiTan() }],
      decisions: [],
      settings: {},
    }),
    // SYNTHETIC bibliography entry, typed from the view page's own fields
    // (gsc_oci_title, the Authors and Publication date rows).
    'mine.bib': '@article{cai2018, title={Decentralized applications: The blockchain-empowered software system}, author={Cai, Wei and Wang, Zehua and Ernst, Jason B and Hong, Zhen and Feng, Chen and Leung, Victor CM}, year=2018}',
  };
}
const ORDER = ['ernst.json', 'pages.json', 'backup.json', 'mine.bib'];

interface Member { file: string; capture?: number; index: number; ref?: string; source: string }
interface Out {
  inputs: { key: string; file: string; capture?: number; source: string }[];
  people: {
    name: string;
    ids: Record<string, string[]>;
    /** The person's works, printed once each in `works`. */
    workIds: string[];
    metrics: { papers: number; citations: number | null; hIndex: number | null; i10Index: number | null; years: number | null };
    flaggedWorks?: { workId: string }[];
    metricsInclude: { flaggedWorks: number; citationCounts: { known: number; works: number; note?: string } };
    stated: { source: string; file: string; comparison: { metric: string; stated: number; computed: number; agrees: boolean; reason?: string }[] }[];
  }[];
  works: { id: string; title?: string; members: Member[] }[];
}

/** A person's works, looked up by id in the output's `works`. */
function worksOf(out: Out, person: Out['people'][number]): Out['works'] {
  const byId = new Map(out.works.map((w) => [w.id, w]));
  return person.workIds.map((id) => byId.get(id)!);
}

async function merge(order: string[], extra: string[] = []) {
  const x = io(files());
  const code = await run([...NOW, ...extra, ...order], x.cli);
  return { code, text: x.out(), out: JSON.parse(x.out() || '{}') as Out, err: x.err() };
}

describe('cli merge', () => {
  test('merged works name their input file, capture position, index and ref', async () => {
    const { code, out, err } = await merge(ORDER);
    expect(code).toBe(0);
    expect(err).toContain('pages.json[2]: not a valid capture');
    expect(err).toContain('backup.json: captures[0] (broken) left out');
    const dapps = out.works.filter((w) => w.title === 'Decentralized applications: The blockchain-empowered software system');
    // One work: the profile's row 0 and the view page share Scholar id SbUmSEAAAAAJ:HoB7MX3m0LUC
    // (row link and citation_for_view in the two files); the .bib entry joins on title and authors.
    expect(dapps).toHaveLength(1);
    const members = dapps[0]!.members.map((m) => ({ file: m.file, capture: m.capture, index: m.index, ref: m.ref }));
    expect(members).toContainEqual({ file: 'ernst.json', capture: undefined, index: 0, ref: 'row-0' });
    expect(members).toContainEqual({ file: 'pages.json', capture: 0, index: 0, ref: undefined });
    expect(members).toContainEqual({ file: 'mine.bib', capture: undefined, index: 0, ref: undefined });
    expect(members).toHaveLength(3);
    // DBLP's capture is the backup's captures[1]; S2's is pages.json[1].
    expect(out.inputs.find((i) => i.source === 'dblp')).toMatchObject({ file: 'backup.json', capture: 1, key: 'dblp:rui-tan' });
    expect(out.inputs.find((i) => i.source === 'semantic-scholar')).toMatchObject({ file: 'pages.json', capture: 1 });
  });

  test('people: one per author page here, with their works, metrics and stated figures', async () => {
    const { out } = await merge(ORDER);
    // Three author pages of three different people (Ernst, A. Turing, Rui Tan); the view page
    // and the bibliography are not author pages.
    expect(out.people.map((p) => p.name).sort()).toEqual(['A. Turing', 'Jason Ernst', 'Rui Tan']);
    const e = out.people.find((p) => p.name === 'Jason Ernst')!;
    expect(e.ids.gscholar).toEqual(['SbUmSEAAAAAJ']);
    // Works of the person are the merged works of the author page: the bibliography's entry and the
    // view page come along only through the merged work they joined, never as attributions of their own.
    // Each is named by id and printed once, in `works`; no person carries a copy.
    expect(e.workIds).toHaveLength(52);
    expect(worksOf(out, e).every((w) => w?.members.some((m) => m.file === 'ernst.json'))).toBe(true);
    expect(out.people.every((p) => !('works' in p))).toBe(true);
    const ids = new Set(out.works.map((w) => w.id));
    expect(out.people.flatMap((p) => p.workIds).every((id) => ids.has(id))).toBe(true);
    // Stated figures as the page states them (gsc_rsb_std cells: 1083, 14, 17).
    const rows = Object.fromEntries(e.stated[0]!.comparison.map((r) => [r.metric, r]));
    expect(rows.citations?.stated).toBe(1083);
    expect(rows.hIndex?.stated).toBe(14);
    expect(rows.i10Index?.stated).toBe(17);
    expect(e.stated[0]!.file).toBe('ernst.json');
    // Computed from merged works, by hand from the 58 rows (gsc_a_at / gsc_a_ac / gsc_a_y):
    // Scholar lists these duplicates: rows 1, 4, 22, 29 (one blog post, "It's time to do
    // something…", 85, 35, 7, 5 citations; rows 4, 22, 29 are citation strings around the title),
    // 3+48 (49, –), 19+52 (8, –), 44+51 (1, –). A merged work shows its highest count, so
    // 58 rows become 58 − 6 = 52 works and 1083 − 35 − 7 − 5 = 1036 citations; the counts sorted,
    // 485 85 62 49 31 29 24 22 21 20 19 15 15 13 11 10 9 …, give h = 13 (the 14th is 13) and i10 = 16.
    expect(e.metrics.papers).toBe(52);
    expect(e.metrics.citations).toBe(1036);
    expect(e.metrics.hIndex).toBe(13);
    expect(e.metrics.i10Index).toBe(16);
    // Beside the metrics, how many of the person's works are flagged (each flag is of one of their works).
    for (const p of out.people) expect(p.metricsInclude.flaggedWorks).toBe(new Set((p.flaggedWorks ?? []).map((f) => f.workId)).size);
    expect(rows.hIndex).toMatchObject({ computed: 13, agrees: false });
    expect(rows.citations).toMatchObject({ computed: 1036, agrees: false });
    expect(rows.hIndex?.reason).toBeTruthy();
    // S2 states paperCount 60, citationCount 12415, hIndex 23 (top-level fields of the JSON).
    const t = out.people.find((p) => p.name === 'A. Turing')!;
    const trows = Object.fromEntries(t.stated[0]!.comparison.map((r) => [r.metric, r.stated]));
    expect(trows).toMatchObject({ papers: 60, citations: 12415, hIndex: 23 });
  });

  test('the order of inputs does not change the output', async () => {
    const a = await merge(ORDER);
    const b = await merge([...ORDER].reverse());
    const c = await merge(['mine.bib', 'ernst.json', 'backup.json', 'pages.json']);
    expect(b.text).toBe(a.text);
    expect(c.text).toBe(a.text);
  });

  test('a bibliography with --owner is an author page; one shared work only suggests the same person', async () => {
    const { out } = await merge(ORDER, ['--owner', 'Jason B. Ernst']);
    const names = out.people.map((p) => p.name).sort();
    // Compatible names ("Jason B. Ernst" / "Jason Ernst") but a single shared work: kept apart
    // (the rule needs 3 shared works, or 2 that are 30 % of the shorter list), offered as a suggestion.
    expect(names).toEqual(['A. Turing', 'Jason B. Ernst', 'Jason Ernst', 'Rui Tan']);
    const own = out.people.find((p) => p.name === 'Jason B. Ernst') as unknown as { suggestions: { reason: string; sharedWorks: number }[] };
    expect(own.suggestions).toEqual([expect.objectContaining({ sharedWorks: 1 })]);
  });

  test('shows a possible namesake\'s work, and an import that skips one broken entry and keeps the rest', async () => {
    // Rui Tan's real DBLP page, with one SYNTHETIC work appended: a paper in
    // another field with no co-author, venue or title word in common with his.
    const dblp = ruiTan();
    const namesake = { title: 'Hydrothermal alteration of basaltic oceanic crust', year: 2021, venue: 'Geochimica et Cosmochimica Acta', authors: ['Rui Tan', 'Olga Petrov'] };
    dblp.works!.push(namesake);
    // His own bibliography (SYNTHETIC entries typed from three of the DBLP page's records), with one broken entry.
    const [a, b, c] = ruiTan().works!;
    const entry = (k: string, w: typeof a) => `@inproceedings{${k},\n  title={${w!.title}},\n  author={${w!.authors!.join(' and ')}},\n  year={${w!.year}}\n}\n`;
    const bib = [entry('tan1', a), '@article{broken2021,\n  title = {\\begin{itemize} cannot be read},\n  year = {2021},\n}\n', entry('tan2', b), entry('tan3', c)].join('\n');
    const x = io({ 'dblp.json': JSON.stringify(dblp), 'tan.bib': bib });
    expect(await run([...NOW, '--owner', 'Rui Tan', 'dblp.json', 'tan.bib'], x.cli)).toBe(0);
    expect(x.err()).toMatch(/tan\.bib: left out: broken2021 \(line 7\)/);
    const out = JSON.parse(x.out()) as Out;
    expect(out.people).toHaveLength(1);
    const tan = out.people[0]!;
    const own = worksOf(out, tan).filter((w) => w.members.some((m) => m.file === 'tan.bib'));
    expect(own).toHaveLength(3);
    const flagged = out.works.find((w) => w.title === namesake.title)!;
    expect(tan.flaggedWorks).toEqual([{ workId: flagged.id, reason: 'namesake', source: 'dblp' }]);
    expect(tan.metricsInclude.flaggedWorks).toBe(1);
    // Neither DBLP nor the BibTeX file gives citation counts: unknown, printed as null with the reason, never 0.
    expect([tan.metrics.citations, tan.metrics.hIndex, tan.metrics.i10Index]).toEqual([null, null, null]);
    expect(tan.metrics.years).not.toBeNull();
    expect(tan.metricsInclude.citationCounts).toEqual({ known: 0, works: tan.workIds.length, note: 'no site gave citation counts for these works' });
  });

  test('usage errors', async () => {
    const x = io(files());
    expect(await run([], x.cli)).toBe(1);
    expect(await run(['--now', 'yesterday', 'ernst.json'], x.cli)).toBe(1);
    expect(await run([...NOW, 'missing.json'], x.cli)).toBe(1);
    expect(x.err()).toContain('missing.json: cannot read');
  });
});
