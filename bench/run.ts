// `npm run bench`: every figure with its budget, printed as a table and
// written to bench/results.json. Options: --no-chromium (Node figures only),
// --runs=N (runs per figure; default 7), --only=<section,…> (only those
// sections: bundle, extraction, store, merge, library, views, incremental,
// chromium, chromium-library, chromium-incremental, chromium-rebuild; their figures replace the same figures in
// bench/results.json, the others are kept).
//
// Needs a build for the bundle, large-page and popup figures: `npx wxt build`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { Capture } from '../src/core/capture';
import { parseHtml } from '../src/node/dom';
import { capturePage } from '../src/adapters/run';
import { bundleSizes } from './bundle-size';
import { extractionFigures, measurePage } from './extraction-node';
import { benchPages } from './pages';
import { storeThroughput } from './store-throughput';
import { markdown, round, table, verdict, type Figure } from './stats';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
const CHROMIUM = !args.includes('--no-chromium');
const ONLY = args.find((a) => a.startsWith('--only='))?.slice(7).split(',').filter(Boolean);
const SECTIONS = ['bundle', 'extraction', 'store', 'merge', 'library', 'views', 'incremental', 'chromium', 'chromium-library', 'chromium-incremental', 'chromium-rebuild'];
const unknown = ONLY?.filter((s) => !SECTIONS.includes(s)) ?? [];
if (unknown.length) throw new Error(`--only: no section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
const wanted = (id: string) => !ONLY || ONLY.includes(id);

const figures: Figure[] = [];
const missing: string[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);

async function section(id: string, title: string, fn: () => Promise<Figure[]> | Figure[]): Promise<void> {
  if (!wanted(id)) return;
  log(`… ${title}`);
  try {
    figures.push(...(await fn()));
  } catch (err) {
    // One part failing (no build, no Chromium) must not hide the others.
    const reason = err instanceof Error ? err.message : String(err);
    missing.push(`${title}: ${reason}`);
    log(`  ${title} not measured: ${reason}`);
  }
}

/** Time per work at 100k against 1k, from the per-record figures (records per work is the same at every size). */
function mergeBudget(out: Figure[]): Figure[] {
  const per = (n: string) => out.find((f) => f.name.startsWith(`merge ${n} works`) && /per record/.test(f.name))?.value;
  const small = per('1,000');
  const large = per('100,000');
  if (small === undefined || large === undefined) return [];
  return [{ name: 'merge: time per work at 100k / at 1k', value: large / small, unit: '×', budget: 1.5 }];
}

const needPages = wanted('extraction') || wanted('store') || (CHROMIUM && wanted('chromium'));
const { pages, skipped } = needPages ? benchPages() : { pages: [], skipped: [] };

await section('bundle', 'bundle sizes', () => bundleSizes());

await section('extraction', 'extraction vs parse, Node (linkedom)', () => extractionFigures(pages.map((p) => measurePage(p, RUNS)), 'node'));

await section('store', 'store throughput', () => {
  const captures: Capture[] = pages
    .map((p) => capturePage(p.adapter, parseHtml(p.html), p.url))
    .filter((c) => c.pageKind !== 'blocked' && c.pageKind !== 'unrecognized');
  return storeThroughput(captures, 300, Math.max(3, Math.min(RUNS, 5)));
});

await section('merge', 'merge scaling', async () => {
  if (!existsSync(resolve('bench/merge-scaling.ts'))) throw new Error('bench/merge-scaling.ts is not there yet');
  const modulePath = './merge-scaling.ts'; // a variable: the file may not exist yet
  const mod = (await import(modulePath)) as { runMergeScaling(): Promise<Figure[]> };
  const out = await mod.runMergeScaling();
  return out.some((f) => f.budget !== undefined) ? out : [...out, ...mergeBudget(out)];
});

// The generated library (bench/library.ts): built once, shared by the sections that use it.
let library: import('./library').Library | undefined;
const theLibrary = async () => (library ??= (await import('./library')).generateLibrary());

await section('library', 'generated library: merge from scratch, command-line merge and export', async () => {
  const { cliExport, cliMerge, mergeFromScratch } = await import('./library-figures');
  const lib = await theLibrary();
  return [...mergeFromScratch(100_000), ...cliMerge(lib), ...cliExport(lib)];
});

await section('views', 'generated library: the kept views, bytes by part', async () => {
  const { viewBytesFigures } = await import('./view-bytes');
  return viewBytesFigures(await theLibrary());
});

await section('incremental', 'generated library: a new capture merged (provisional view), then the rebuild', async () => {
  const { newCaptureFigures } = await import('./provisional-figures');
  return newCaptureFigures(await theLibrary(), 6);
});

if (CHROMIUM) {
  const { chromiumFigures } = await import('./chromium-figures');
  await section('chromium', 'Chromium: extraction, large pages, popup', async () => {
    await chromiumFigures(pages, RUNS, missing, figures);
    return [];
  });
  await section('chromium-library', 'Chromium: the generated library in the extension', async () => {
    const { libraryChromiumFigures } = await import('./library-chromium');
    return libraryChromiumFigures(Math.max(3, Math.min(RUNS, 5)), await theLibrary());
  });
  await section('chromium-incremental', 'Chromium: a new capture merged (provisional view) on the generated library', async () => {
    const { newCaptureChromiumFigures } = await import('./provisional-chromium');
    return newCaptureChromiumFigures(await theLibrary(), 6);
  });
  await section('chromium-rebuild', 'Chromium: the popup during a full rebuild of the generated library', async () => {
    const { rebuildChromiumFigures } = await import('./rebuild-chromium');
    return (await rebuildChromiumFigures(3, await theLibrary())).figures;
  });
} else missing.push('Chromium figures: skipped (--no-chromium)');

// With --only, the figures not measured now are the previous run's, kept as they were.
type Kept = Figure & { result?: string };
const previous: { figures?: Kept[]; machine?: { chromium?: string }; notMeasured?: string[]; skippedPages?: string[] } =
  ONLY && existsSync(resolve('bench/results.json')) ? (JSON.parse(readFileSync(resolve('bench/results.json'), 'utf8')) as { figures?: Kept[] }) : {};

const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  chromium: process.env.BENCH_CHROMIUM_VERSION ?? previous.machine?.chromium,
};

console.log(table(figures));

const measured = new Set(figures.map((f) => f.name));
const kept: Figure[] = (previous.figures ?? []).filter((f) => !measured.has(f.name)).map(({ result: _result, ...f }) => f);
const allFigures: Figure[] = [...kept, ...figures];
if (skipped.length) console.log(`\nSaved pages without a registered adapter (not measured): ${skipped.join(', ')}`);
if (missing.length) console.log(`\nNot measured:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
const failed = figures.filter((f) => verdict(f) === 'FAIL');
console.log(`\n${figures.length} figures, ${failed.length} over budget. Machine: ${machine.cpus}, ${machine.memoryGB} GB, Node ${machine.node}${machine.chromium ? `, ${machine.chromium}` : ''}.`);

writeFileSync(
  resolve('bench/results.json'),
  JSON.stringify(
    {
      takenAt: new Date().toISOString(),
      runsPerFigure: RUNS,
      machine,
      ...(ONLY ? { lastSections: ONLY } : {}),
      figures: allFigures.map((f) => ({ ...f, value: round(f.value), result: verdict(f) || 'reported' })),
      // A partial run keeps what the full one said about the sections it did not run.
      notMeasured: ONLY ? [...new Set([...(previous.notMeasured ?? []), ...missing])] : missing,
      skippedPages: needPages ? skipped : (previous.skippedPages ?? []),
      markdown: markdown(allFigures),
    },
    null,
    2,
  ) + '\n',
);

// The same table as Markdown, for reading in the repository (the README links it).
writeFileSync(
  resolve('bench/results.md'),
  `# npm run bench — latest results\n\nTaken ${new Date().toISOString().slice(0, 10)} on ${machine.cpus}, ${machine.memoryGB} GB, Node ${machine.node}${machine.chromium ? `, ${machine.chromium}` : ''}; each figure is the median of ${RUNS} runs, ratios taken within one run.${ONLY ? ` This run measured only ${ONLY.join(', ')}; the other figures are from the run before.` : ''}\n\n${markdown(allFigures)}\n`,
);

