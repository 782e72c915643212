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
  if (em.length === 0) return [];
  const { alpha, back } = forward(model, em, boundary);
  return backtrack(alpha, back, em.length, model.labels);
}

/** The max-product forward pass: the best score of each label at each token, and the label before it on that best path. */
function forward(model: LinearModel, em: Float64Array[], boundary: ArrayLike<number>): { alpha: Float64Array; back: Int32Array } {
  const n = em.length;
  const L = model.labels;
  const tr = model.transitions;
  const alpha = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  if (n === 0) return { alpha, back };
  for (let y = 0; y < L; y++) alpha[y] = em[0]![y]! + model.start[y]!;
  for (let i = 1; i < n; i++) {
    const e = em[i]!;
    const tb = boundary[i]! * L * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let x = 0; x < L; x++) {
        const v = alpha[(i - 1) * L + x]! + tr[tb + x * L + y]!;
        if (v > best) {
          best = v;
          arg = x;
        }
      }
      alpha[i * L + y] = best + e[y]!;
      back[i * L + y] = arg;
    }
  }
  return { alpha, back };
}

/** The best path from the forward pass (ties: the first best label). */
function backtrack(alpha: Float64Array, back: Int32Array, n: number, L: number): number[] {
  let best = -Infinity;
  let y = 0;
  for (let k = 0; k < L; k++) {
    const v = alpha[(n - 1) * L + k]!;
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

/**
 * Max-product forward and backward scores: alpha[i*L+y] is the best score of a
 * labelling of tokens 0..i that ends in y at i, beta[i*L+y] the best of i..n-1
 * that starts in y at i (both count the emission of i). With them the best
 * labelling under a constraint on one span costs only that span's length;
 * `path` is the best labelling (what viterbi() returns).
 */
export function maxMarginals(model: LinearModel, em: Float64Array[], boundary: ArrayLike<number>, fw: ForwardPath = forwardPath(model, em, boundary)): { alpha: Float64Array; beta: Float64Array; path: number[] } {
  const n = em.length;
  const L = model.labels;
  const tr = model.transitions;
  const { alpha, path } = fw;
  const beta = new Float64Array(n * L);
  if (n === 0) return { alpha, beta, path: [] };
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = em[n - 1]![y]!;
  for (let i = n - 2; i >= 0; i--) {
    const tb = boundary[i + 1]! * L * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      for (let z = 0; z < L; z++) best = Math.max(best, tr[tb + y * L + z]! + beta[(i + 1) * L + z]!);
      beta[i * L + y] = best + em[i]![y]!;
    }
  }
  return { alpha, beta, path };
}

export interface ForwardPath {
  alpha: Float64Array;
  /** The best labelling, as viterbi() returns it. */
  path: number[];
}

/** The forward pass and the best path: viterbi() with its forward scores kept, so maxMarginals() can reuse them. */
export function forwardPath(model: LinearModel, em: Float64Array[], boundary: ArrayLike<number>): ForwardPath {
  const { alpha, back } = forward(model, em, boundary);
  return { alpha, path: em.length ? backtrack(alpha, back, em.length, model.labels) : [] };
}
