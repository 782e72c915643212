// The sequence decision: the best label sequence under a first-order model
// (per-token feature weights + label-to-label transitions), by Viterbi.

export interface LinearModel {
  buckets: number;
  labels: number;
  /** weights[bucket * labels + label] */
  weights: ArrayLike<number>;
  /** transitions[(boundary * labels + prev) * labels + label]; start[label] for the first token. */
  transitions: ArrayLike<number>;
  start: ArrayLike<number>;
}

/** Per-token label scores from the hashed features. */
export function emissions(model: LinearModel, feats: Uint32Array[]): Float64Array[] {
  const L = model.labels;
  const w = model.weights;
  return feats.map((fs) => {
    const s = new Float64Array(L);
    for (let k = 0; k < fs.length; k++) {
      const base = fs[k]! * L;
      for (let y = 0; y < L; y++) s[y] = s[y]! + w[base + y]!;
    }
    return s;
  });
}

export function viterbi(model: LinearModel, em: Float64Array[], boundary: ArrayLike<number>): number[] {
  const n = em.length;
  if (n === 0) return [];
  const L = model.labels;
  const tr = model.transitions;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) score[y] = em[0]![y]! + model.start[y]!;
  for (let i = 1; i < n; i++) {
    const e = em[i]!;
    const tb = boundary[i]! * L * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let x = 0; x < L; x++) {
        const v = score[(i - 1) * L + x]! + tr[tb + x * L + y]!;
        if (v > best) {
          best = v;
          arg = x;
        }
      }
      score[i * L + y] = best + e[y]!;
      back[i * L + y] = arg;
    }
  }
  let best = -Infinity;
  let y = 0;
  for (let k = 0; k < L; k++) {
    const v = score[(n - 1) * L + k]!;
    if (v > best) {
      best = v;
      y = k;
    }
  }
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = y;
    y = back[i * L + y]!;
  }
  return path;
}
