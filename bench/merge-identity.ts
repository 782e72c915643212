// The merge's result, hashed, on many inputs: a change made for speed must
// leave every one of them byte for byte the same. Run it on the old code and
// on the new and compare the lists:
//
//   npx vite-node bench/merge-identity.ts > before.txt      (old code)
//   npx vite-node bench/merge-identity.ts --check before.txt (new code)
//
// (vite-node, not tsx: the labeled partial-record set reads the site registry,
// which is found with import.meta.glob.)
//
// `--quick` leaves out the largest inputs (the 513-researcher library, the
// 100 000-work workload). Inputs: every real saved page alone and all of them
// together, the small real library (tests/helpers/real-library.ts) alone,
// together and with decisions of every kind, the labeled partial-record and
// bibliography sets, each page of a 30-researcher generated library alone,
// generated libraries of 30, 303 and 513 researchers (and the 30 with
// decisions), and the merge-scaling workloads (with and without abstracts).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { capturePage, pageKeyOf } from '../src/adapters/run';
import { parseHtml } from '../src/node/dom';
import { mergeAll } from '../src/core/merge/index';
import type { MergeResult, StoredCaptureLike, UserDecision } from '../src/core/merge/types';
import type { Capture, Work } from '../src/core/capture';
import { realLibrary } from '../tests/helpers/real-library';
import { buildPartialSplit } from '../tests/helpers/merge-partial';
import { labelsOf, researcherInput, splitOf } from '../tests/helpers/merge-bibliography';
import { benchPages } from './pages';
import { generateLibrary } from './library';
import { buildWorkload } from './merge-scaling';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const checkFile = args.includes('--check') ? args[args.indexOf('--check') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const hash = (r: MergeResult) => createHash('sha256').update(JSON.stringify(r)).digest('hex');

/** Decisions of every kind, made from a merge of the same input (so they name real works, records and people). */
function decisionsFor(captures: StoredCaptureLike[]): UserDecision[] {
  const r = mergeAll(captures);
  const at = '2026-11-22T10:00:00.000Z';
  const out: UserDecision[] = [];
  const single = r.works.filter((w) => w.members.length === 1);
  const multi = r.works.filter((w) => w.members.length > 1);
  if (single.length >= 2) out.push({ kind: 'join-works', works: [single[0]!.id, single[single.length - 1]!.id], at });
  if (single.length >= 4) out.push({ kind: 'join-works', works: [`rec:${single[1]!.members[0]!.captureKey}#${single[1]!.members[0]!.index}`, single[2]!.id], at });
  for (const w of multi.slice(0, 3)) {
    const [a, b] = w.members;
    out.push({ kind: 'split-works', works: [`rec:${a!.captureKey}#${a!.index}`, `rec:${b!.captureKey}#${b!.index}`], at });
  }
  const people = r.people;
  if (people.length >= 2) out.push({ kind: 'link-people', people: [people[0]!.id, people[1]!.id], at });
  for (const p of people.filter((x) => x.pages.length > 1).slice(0, 2))
    out.push({ kind: 'unlink-people', people: [`page:${p.pages[0]!.captureKey}`, `page:${p.pages[1]!.captureKey}`], at });
  for (const p of people.slice(0, 3)) {
    if (p.workIds[0]) out.push({ kind: 'remove-work', person: p.id, work: p.workIds[0], at });
    if (p.workIds[1]) out.push({ kind: 'confirm-work', person: p.id, work: p.workIds[1], at });
  }
  out.push({ kind: 'join-works', works: ['doi:10.0000/none', 'rec:nothing#0'], at });
  return out;
}

type Input = { name: string; captures: () => StoredCaptureLike[]; decisions?: (c: StoredCaptureLike[]) => UserDecision[] };

function inputs(): Input[] {
  const list: Input[] = [];
  const now = new Date('2026-11-22T10:00:00.000Z');
  const pages = benchPages().pages.map((p) => ({
    fixture: p.fixture,
    sc: { key: pageKeyOf(p.adapter, p.url), capture: capturePage(p.adapter, parseHtml(p.html), p.url, { now }) } as StoredCaptureLike,
  }));
  for (const p of pages) list.push({ name: `page ${p.fixture}`, captures: () => [p.sc] });
  list.push({ name: 'pages all', captures: () => pages.map((p) => p.sc) });
  const real = realLibrary();
  real.forEach((sc) => list.push({ name: `real ${sc.key}`, captures: () => [sc] }));
  list.push({ name: 'real all', captures: () => real });
  list.push({ name: 'real all + decisions', captures: () => real, decisions: decisionsFor });
  list.push({ name: 'real + pages', captures: () => [...real, ...pages.map((p) => p.sc)] });
  for (const split of ['dev', 'test'] as const) {
    const s = buildPartialSplit(split);
    list.push({ name: `partial ${split}`, captures: () => s.captures });
    list.push({ name: `partial ${split} + decisions`, captures: () => s.captures, decisions: decisionsFor });
  }
  const split = splitOf();
  for (const folder of [...split.dev, ...split.test]) {
    const r = researcherInput(labelsOf(folder));
    list.push({ name: `bibliography ${folder}`, captures: () => r.captures });
  }
  const lib30 = generateLibrary({ researchers: 30 });
  lib30.records.forEach((sc) => list.push({ name: `lib30 page ${sc.key}`, captures: () => [sc] }));
  list.push({ name: 'lib30', captures: () => lib30.records });
  list.push({ name: 'lib30 + decisions', captures: () => lib30.records, decisions: decisionsFor });
  list.push({ name: 'lib30 + real', captures: () => [...lib30.records, ...real] });
  list.push({ name: 'lib303', captures: () => generateLibrary().records });
  if (!quick) list.push({ name: 'lib513', captures: () => generateLibrary({ researchers: 513 }).records });
  for (const size of quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) list.push({ name: `workload ${size}`, captures: () => buildWorkload(size).captures });
  list.push({ name: 'workload 2000 with abstracts', captures: () => withAbstracts(2_000) });
  return list;
}

/** bench/merge-scaling.ts's abstracts figure, smaller: every record with an abstract, every fifth also abstract-only on a list page. */
function withAbstracts(size: number): StoredCaptureLike[] {
  const w = buildWorkload(size);
  const works = w.captures.flatMap((c) => c.capture.works ?? []);
  works.forEach((x, i) => {
    x.abstract = `${[0, 7, 13, 29, 31].map((k) => works[(i + k) % works.length]!.title).join('. ')}.`;
  });
  const orphans: Work[] = works.filter((_, i) => i % 5 === 0).map((x) => ({ abstract: x.abstract!, flags: ['no-title'] }));
  const list: Capture = { ...w.captures[0]!.capture, pageKind: 'list', works: orphans };
  delete list.person;
  return [...w.captures, { key: 'list:abstract-only', capture: list }];
}

const expected = checkFile ? new Map(readFileSync(checkFile, 'utf8').trim().split('\n').map((l) => [l.slice(65), l.slice(0, 64)] as const)) : undefined;
let differ = 0;
let count = 0;
for (const input of inputs()) {
  if (only && !input.name.includes(only)) continue;
  const captures = input.captures();
  const h = hash(mergeAll(captures, input.decisions?.(captures) ?? []));
  count++;
  if (expected) {
    const e = expected.get(input.name);
    if (e !== h) {
      differ++;
      console.log(`DIFFERS ${input.name}${e ? '' : ' (not in the old list)'}`);
    }
  } else console.log(`${h} ${input.name}`);
}
if (expected) {
  console.log(`${count} inputs, ${differ} differ`);
  if (differ) process.exitCode = 1;
}
