// Trains the token labeller: an averaged structured perceptron (Collins 2002)
// over the features of features.ts, on the train part of AnyStyle's labeled
// strings, and writes model.ts. Run: `npx tsx src/readers/citation-parser/train.ts`.
// Deterministic: fixed epochs, a seeded shuffle, the split of dataset.ts.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS, labelOfTag, readDataset, splitOf, type LabeledSequence } from './dataset';
import { BOUNDARY_CLASSES, boundaryClasses, featureBuckets, tokenize } from './features';
import { emissions, viterbi, type LinearModel } from './decode';

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

function main(): void {
  const all = load();
  const train = all.filter((s) => splitOf(s.text) === 'train');
  const dev = all.filter((s) => splitOf(s.text) === 'dev');
  const L = TAGS.length;
  const prep = (s: LabeledSequence) => { const t = tokenize(s.text); return { feats: featureBuckets(t, BUCKETS), bound: boundaryClasses(t), gold: labelsOf(s) }; };
  const data = train.map(prep);
  const devData = dev.map(prep);

  const w = new Float64Array(BUCKETS * L);
  const tr = new Float64Array(BOUNDARY_CLASSES * L * L);
  const st = new Float64Array(L);
  // Sums for averaging, with the "last updated" trick avoided by accumulating c·Δ.
  const wu = new Float64Array(BUCKETS * L);
  const tru = new Float64Array(BOUNDARY_CLASSES * L * L);
  const stu = new Float64Array(L);
  let c = 1;
  const model: LinearModel = { buckets: BUCKETS, labels: L, weights: w, transitions: tr, start: st };

  let seed = Number(process.env.SEED ?? 12345);
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
    process.stderr.write(`epoch ${epoch + 1}: ${errors}/${data.length} strings with a wrong token\n`);
  }
  const avg = (v: Float64Array, u: Float64Array): Float64Array => v.map((x, i) => x - u[i]! / c);
  const aw = avg(w, wu);
  const atr = avg(tr, tru);
  const ast = avg(st, stu);

  // Quantize the feature weights to int8 (the table is what ships).
  let max = 0;
  for (const x of aw) max = Math.max(max, Math.abs(x));
  const scale = max / 127;
  const q = new Int8Array(aw.length);
  for (let i = 0; i < aw.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(aw[i]! / scale)));
  const round = (v: Float64Array): number[] => [...v].map((x) => Math.round((x / scale) * 100) / 100);

  const qm: LinearModel = { buckets: BUCKETS, labels: L, weights: q, transitions: round(atr), start: round(ast) };
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

  const b64 = Buffer.from(q.buffer).toString('base64');
  const out =
    '// GENERATED by train.ts (npx tsx src/readers/citation-parser/train.ts) from the train part of\n' +
    "// AnyStyle's labeled reference strings (BSD-2; split in split.md). Do not edit by hand.\n" +
    `// ${train.length} training strings, ${EPOCHS} epochs, ${BUCKETS} feature buckets × ${L} labels, int8 weights.\n` +
    `export const MODEL_LABELS = ${JSON.stringify(TAGS)} as const;\n` +
    `export const MODEL_BUCKETS = ${BUCKETS};\n` +
    `export const MODEL_TRANSITIONS: number[] = ${JSON.stringify(round(atr))};\n` +
    `export const MODEL_START: number[] = ${JSON.stringify(round(ast))};\n` +
    `export const MODEL_WEIGHTS_BASE64 =\n  '${b64}';\n`;
  writeFileSync(join(HERE, 'model.ts'), out);
  process.stderr.write(`wrote model.ts (${out.length} bytes); train ${train.length}, dev ${dev.length}, test ${all.length - train.length - dev.length}\n`);
}

main();
