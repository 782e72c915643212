// Trains the token labeller: an averaged structured perceptron (Collins 2002)
// over the features of features.ts, on the train part of AnyStyle's labeled
// strings, and writes model.ts. Run: `npx tsx src/readers/citation-parser/train.ts`.
// Then the title ranker (title-ranker.ts), on labellings of the train strings
// by 5-fold jackknifed taggers. Deterministic: fixed epochs, seeded shuffles,
// the split of dataset.ts (about 2 minutes).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS, fnv1a, labelOfTag, readDataset, splitOf, type LabeledSequence } from './dataset';
import { BOUNDARY_CLASSES, boundaryClasses, featureBuckets, tokenize } from './features';
import { emissions, viterbi, type LinearModel } from './decode';
import { bestCandidate, firstStageTitle, titleCandidates, type Candidate, type RankerModel } from './title-ranker';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..', '..');
const FIXTURES = resolve(process.env.SCHOLAR_LENS_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures'));
export const DATASET_FILES = ['anystyle_core.xml', 'anystyle_good.xml', 'anystyle_bad.xml', 'anystyle_ugly.xml'];

const BUCKETS = Number(process.env.BUCKETS ?? 4096);
const EPOCHS = Number(process.env.EPOCHS ?? 12);

function load(): LabeledSequence[] {
  return DATASET_FILES.flatMap((f) => readDataset(readFileSync(join(FIXTURES, 'reference_strings', f), 'utf8')));
}

// The first (B) and last (E) token of a title and of a container get labels of
// their own ("title.B", "title.E"): most title misses are a boundary one segment
// off, and with these the transitions and features learn where a span starts and
// ends, not just what is inside it. parseCitation maps them back to "title".
// SPLIT=title:BE,container:B overrides, for experiments.
const SPLIT: [string, string][] = (process.env.SPLIT ?? 'title:BE,container:BE').split(',').filter(Boolean).map((x) => x.split(':') as [string, string]);
const TAGS: string[] = [...LABELS, ...SPLIT.flatMap(([l, m]) => [...m].map((c) => `${l}.${c}`))];
const BASE = TAGS.map((t) => LABELS.indexOf(t.split('.')[0] as never));

function labelsOf(seq: LabeledSequence): number[] {
  const base = seq.parts.flatMap((p) => tokenize(p.text).map(() => labelOfTag(p.tag) as string));
  return base.map((l, i) => {
    const m = SPLIT.find(([x]) => x === l)?.[1] ?? '';
    if (m.includes('B') && (i === 0 || base[i - 1] !== l)) return TAGS.indexOf(`${l}.B`);
    if (m.includes('E') && (i === base.length - 1 || base[i + 1] !== l)) return TAGS.indexOf(`${l}.E`);
    return TAGS.indexOf(l);
  });
}

interface Prepared {
  tokens: string[];
  feats: Uint32Array[];
  bound: Uint8Array;
  gold: number[];
  /** Gold title span [a, b), or undefined when the string has none. */
  title?: [number, number];
}

function prepare(s: LabeledSequence): Prepared {
  const tokens = tokenize(s.text);
  let at = 0;
  let title: [number, number] | undefined;
  for (const p of s.parts) {
    const k = tokenize(p.text).length;
    if (!title && p.tag === 'title') title = [at, at + k];
    at += k;
  }
  return { tokens, feats: featureBuckets(tokens, BUCKETS), bound: boundaryClasses(tokens), gold: labelsOf(s), title };
}

interface Tagger {
  model: LinearModel;
  weights: Int8Array;
  transitions: number[];
  start: number[];
}

const L = TAGS.length;

/**
 * The averaged perceptron over `data`, quantized to int8 as shipped. With
 * SEEDS=k, k perceptrons trained on k different shuffles and their weights
 * averaged (parameter mixing) before quantizing.
 */
function trainTagger(data: Prepared[], label: string): Tagger {
  const k = Number(process.env.SEEDS ?? 1);
  const base = Number(process.env.SEED ?? 12345);
  const runs = Array.from({ length: k }, (_, r) => trainFloat(data, `${label}${k > 1 ? ` seed ${r + 1}/${k}` : ''}`, base + r * 7919));
  const mean = (get: (x: FloatTagger) => Float64Array): Float64Array => {
    const out = new Float64Array(get(runs[0]!).length);
    for (const r of runs) { const v = get(r); for (let i = 0; i < out.length; i++) out[i]! += v[i]! / k; }
    return out;
  };
  return quantize(mean((r) => r.w), mean((r) => r.tr), mean((r) => r.st));
}

interface FloatTagger { w: Float64Array; tr: Float64Array; st: Float64Array }

function trainFloat(data: Prepared[], label: string, seed0: number): FloatTagger {
  const w = new Float64Array(BUCKETS * L);
  const tr = new Float64Array(BOUNDARY_CLASSES * L * L);
  const st = new Float64Array(L);
  // Sums for averaging, with the "last updated" trick avoided by accumulating c·Δ.
  const wu = new Float64Array(BUCKETS * L);
  const tru = new Float64Array(BOUNDARY_CLASSES * L * L);
  const stu = new Float64Array(L);
  let c = 1;
  const model: LinearModel = { buckets: BUCKETS, labels: L, weights: w, transitions: tr, start: st };

  let seed = seed0;
  const rand = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const k of order) {
      const { feats, bound, gold } = data[k]!;
      const pred = viterbi(model, emissions(model, feats), bound);
      let wrong = false;
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gp = i > 0 ? gold[i - 1]! : -1;
        const pp = i > 0 ? pred[i - 1]! : -1;
        if (g !== p) {
          wrong = true;
          for (const b of feats[i]!) {
            w[b * L + g]! += 1; wu[b * L + g]! += c;
            w[b * L + p]! -= 1; wu[b * L + p]! -= c;
          }
        }
        if (g !== p || gp !== pp) {
          if (i === 0) {
            st[g]! += 1; stu[g]! += c; st[p]! -= 1; stu[p]! -= c;
          } else {
            const tb = bound[i]! * L * L;
            tr[tb + gp * L + g]! += 1; tru[tb + gp * L + g]! += c; tr[tb + pp * L + p]! -= 1; tru[tb + pp * L + p]! -= c;
          }
        }
      }
      if (wrong) errors++;
      c++;
    }
    process.stderr.write(`${label} epoch ${epoch + 1}: ${errors}/${data.length} strings with a wrong token\n`);
  }
  const avg = (v: Float64Array, u: Float64Array): Float64Array => v.map((x, i) => x - u[i]! / c);
  return { w: avg(w, wu), tr: avg(tr, tru), st: avg(st, stu) };
}

function quantize(aw: Float64Array, atr: Float64Array, ast: Float64Array): Tagger {
  // Quantize the feature weights to int8 (the table is what ships); the
  // transitions are kept in the same unit.
  let max = 0;
  for (const x of aw) max = Math.max(max, Math.abs(x));
  const scale = max / 127;
  const q = new Int8Array(aw.length);
  for (let i = 0; i < aw.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(aw[i]! / scale)));
  const round = (v: Float64Array): number[] => [...v].map((x) => Math.round((x / scale) * 100) / 100);
  const transitions = round(atr);
  const start = round(ast);
  return { model: { buckets: BUCKETS, labels: L, weights: q, transitions, start }, weights: q, transitions, start };
}

// Taggers are slow to train; TAGGER_CACHE=file keeps them between runs of the
// ranker (for experiments on the ranker's features only).
function cachedTaggers(data: Prepared[]): { final: Tagger; folds: Tagger[] } {
  const file = process.env.TAGGER_CACHE;
  const revive = (t: { w: string; transitions: number[]; start: number[] }): Tagger => {
    const q = new Int8Array(Buffer.from(t.w, 'base64'));
    return { model: { buckets: BUCKETS, labels: L, weights: q, transitions: t.transitions, start: t.start }, weights: q, transitions: t.transitions, start: t.start };
  };
  if (file && existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { final: never; folds: never[] };
    return { final: revive(j.final), folds: j.folds.map(revive) };
  }
  const folds: Tagger[] = [];
  for (let f = 0; f < FOLDS; f++) folds.push(trainTagger(data.filter((_, i) => i % FOLDS !== f), `fold ${f + 1}/${FOLDS}`));
  const final = trainTagger(data, 'all');
  if (file) {
    const dump = (t: Tagger) => ({ w: Buffer.from(t.weights.buffer).toString('base64'), transitions: t.transitions, start: t.start });
    writeFileSync(file, JSON.stringify({ final: dump(final), folds: folds.map(dump) }));
  }
  return { final, folds };
}

const FOLDS = Number(process.env.FOLDS ?? 5);
const RANKER_BUCKETS = Number(process.env.RANKER_BUCKETS ?? 16384);
const RANKER_EPOCHS = Number(process.env.RANKER_EPOCHS ?? 10);
const TITLE_TAGS = { b: TAGS.indexOf('title.B'), i: TAGS.indexOf('title'), e: TAGS.indexOf('title.E') };

function baseOf(path: number[]): string[] {
  return path.map((y) => TAGS[y]!.split('.')[0]!);
}

/**
 * The title ranker: a ranking perceptron over the candidates of each train
 * string, the candidates made by the tagger of the fold that did not see it
 * (a tagger scores its own training strings too well to learn from).
 */
function trainRanker(data: Prepared[], folds: Tagger[]): { gap: number; weights: Float64Array } {
  const sets: { cands: Candidate[]; gold: number }[] = [];
  let covered = 0;
  let tagger = 0;
  let inSets = 0;
  const EXACT = fnv1a('ex1') % RANKER_BUCKETS;
  let withTitle = 0;
  data.forEach((d, k) => {
    const m = folds[k % FOLDS]!.model;
    const em = emissions(m, d.feats);
    const base = baseOf(viterbi(m, em, d.bound));
    const cands = titleCandidates(m, em, d.bound, TITLE_TAGS, d.tokens, base, RANKER_BUCKETS);
    const gold = d.title ? cands.findIndex((c) => c.a === d.title![0] && c.b === d.title![1]) : cands.findIndex((c) => c.a < 0);
    if (d.title) withTitle++;
    if (d.title && gold >= 0) covered++;
    if (gold >= 0) sets.push({ cands, gold });
    if (gold >= 0 && cands[gold]!.feats[3] === EXACT) inSets++;
    const had = firstStageTitle(base, d.tokens);
    if (d.title ? had && had[0] === d.title[0] && had[1] === d.title[1] : !had) tagger++;
  });
  process.stderr.write(`ranker: the fold tagger's own title is right for ${tagger}/${data.length}\n`);
  process.stderr.write(`ranker: gold title among the candidates for ${covered}/${withTitle} train strings with a title\n`);
  // RANKER_CV=1: the ranker's accuracy by 5-fold cross-validation over the
  // train strings, a steadier figure than dev's for choosing its features.
  if (process.env.RANKER_CV) {
    let right = 0;
    for (let f = 0; f < FOLDS; f++) {
      const r = fitRanker(sets.filter((_, i) => i % FOLDS !== f));
      const rm: RankerModel = { buckets: RANKER_BUCKETS, gap: r.gap, weights: r.weights };
      sets.forEach((s, i) => { if (i % FOLDS === f && bestCandidate(rm, s.cands) === s.cands[s.gold]) right++; });
    }
    process.stderr.write(`ranker CV: ${right}/${sets.length} right (${((100 * right) / sets.length).toFixed(2)} %; tagger alone ${inSets} of them)\n`);
  }
  return fitRanker(sets);
}

// RANKER_SEEDS=k: k rankers on k shuffles, their weights averaged (not kept: ranker CV 5 677 vs 5 675 of 6 236).
function fitRanker(sets: { cands: Candidate[]; gold: number }[]): { gap: number; weights: Float64Array } {
  const k = Number(process.env.RANKER_SEEDS ?? 1);
  const runs = Array.from({ length: k }, (_, r) => fitRankerOnce(sets, 777 + r * 7919));
  const weights = new Float64Array(RANKER_BUCKETS);
  for (const r of runs) for (let i = 0; i < weights.length; i++) weights[i]! += r.weights[i]! / k;
  return { gap: runs.reduce((s, r) => s + r.gap / k, 0), weights };
}

function fitRankerOnce(sets: { cands: Candidate[]; gold: number }[], seed0: number): { gap: number; weights: Float64Array } {
  const w = new Float64Array(RANKER_BUCKETS);
  const wu = new Float64Array(RANKER_BUCKETS);
  let g = 0;
  let gu = 0;
  let c = 1;
  let seed = seed0;
  const rand = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = sets.map((_, i) => i);
  const r: RankerModel = { buckets: RANKER_BUCKETS, gap: 0, weights: w };
  for (let epoch = 0; epoch < RANKER_EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const k of order) {
      const { cands, gold } = sets[k]!;
      r.gap = g;
      const pred = bestCandidate(r, cands)!;
      const gc = cands[gold]!;
      if (pred !== gc) {
        errors++;
        for (const b of gc.feats) { w[b]! += 1; wu[b]! += c; }
        for (const b of pred.feats) { w[b]! -= 1; wu[b]! -= c; }
        const dg = (gc.gap - pred.gap) / 10;
        g += dg; gu += c * dg;
      }
      c++;
    }
    if (epoch === RANKER_EPOCHS - 1) process.stderr.write(`ranker epoch ${epoch + 1}: ${errors}/${sets.length} wrong\n`);
  }
  return { gap: g - gu / c, weights: w.map((x, i) => x - wu[i]! / c) };
}

function main(): void {
  const all = load();
  const train = all.filter((s) => splitOf(s.text) === 'train');
  const dev = all.filter((s) => splitOf(s.text) === 'dev');
  const data = train.map(prepare);
  const devData = dev.map(prepare);
  const { final, folds } = cachedTaggers(data);
  const { weights: q, transitions, start } = final;
  const qm = final.model;

  let tok = 0;
  let ok = 0;
  for (const { feats, bound, gold } of devData) {
    const pred = viterbi(qm, emissions(qm, feats), bound);
    for (let i = 0; i < gold.length; i++) {
      tok++;
      if (BASE[pred[i]!] === BASE[gold[i]!]) ok++;
    }
  }
  process.stderr.write(`dev token accuracy (quantized): ${((100 * ok) / tok).toFixed(2)}% of ${tok}\n`);

  const ranker = trainRanker(data, folds);
  let rmax = 0;
  for (const x of ranker.weights) rmax = Math.max(rmax, Math.abs(x));
  const rscale = rmax / 127 || 1;
  const rq = new Int8Array(ranker.weights.length);
  for (let i = 0; i < rq.length; i++) rq[i] = Math.max(-127, Math.min(127, Math.round(ranker.weights[i]! / rscale)));

  const b64 = Buffer.from(q.buffer).toString('base64');
  const out =
    '// GENERATED by train.ts (npx tsx src/readers/citation-parser/train.ts) from the train part of\n' +
    "// AnyStyle's labeled reference strings (BSD-2; split in split.md). Do not edit by hand.\n" +
    `// ${train.length} training strings, ${EPOCHS} epochs, ${BUCKETS} feature buckets × ${L} labels, int8 weights.\n` +
    `export const MODEL_LABELS = ${JSON.stringify(TAGS)} as const;\n` +
    `export const MODEL_BUCKETS = ${BUCKETS};\n` +
    `export const MODEL_TRANSITIONS: number[] = ${JSON.stringify(transitions)};\n` +
    `export const MODEL_START: number[] = ${JSON.stringify(start)};\n` +
    `export const MODEL_WEIGHTS_BASE64 =\n  '${b64}';\n` +
    `// The title ranker (title-ranker.ts): ${RANKER_BUCKETS} buckets, int8 weights; the weight of the tagger's score loss in the same unit.\n` +
    `export const RANKER_BUCKETS = ${RANKER_BUCKETS};\n` +
    `export const RANKER_GAP = ${Math.round((ranker.gap / rscale) * 1000) / 1000};\n` +
    `export const RANKER_WEIGHTS_BASE64 =\n  '${Buffer.from(rq.buffer).toString('base64')}';\n`;
  // MODEL_OUT=file writes the model elsewhere (to compare a variant without touching model.ts).
  writeFileSync(process.env.MODEL_OUT ?? join(HERE, 'model.ts'), out);
  process.stderr.write(`wrote model.ts (${out.length} bytes); train ${train.length}, dev ${dev.length}, test ${all.length - train.length - dev.length}\n`);
}

main();
