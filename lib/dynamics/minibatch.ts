import type { Objective } from "../objectives/types";
import { assertObjectiveArgs } from "../objectives/types";
import { createOptimizer } from "../optim/registry";
import { createRandom } from "../random";

/**
 * Mini-batch SGD on a 2-D least-squares problem, with the batches drawn by lib/random's seeded
 * generator: the gradient noise of the noise figure, reproducible for a given seed.
 */

/** Rows a_i ∈ R² and targets b_i of 1/(2n) Σ (a_i·w − b_i)², with its minimizer w*. */
export interface LeastSquaresData {
  readonly n: number;
  /** Row-major n × 2. */
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly wStar: readonly [number, number];
  /** Loss at w* (the residual noise: not zero). */
  readonly fStar: number;
}

/** A standard normal draw from two uniforms (Box–Muller). */
function createNormal(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/**
 * n examples a_i = (s₁ z₁, s₂ z₂) with z standard normal and scales (1, 0.5) (condition number ≈ 4),
 * b_i = a_i·w_true + noise·ε_i. The minimizer w* is solved exactly from the 2 × 2 normal equations.
 */
export function createLeastSquares(
  opts: { n?: number; seed?: number; noise?: number; wTrue?: readonly [number, number] } = {},
): LeastSquaresData {
  const { n = 256, seed = 7, noise = 0.8, wTrue = [1, 1] } = opts;
  const normal = createNormal(createRandom(seed));
  const a = new Float64Array(2 * n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a0 = normal();
    const a1 = 0.5 * normal();
    a[2 * i] = a0;
    a[2 * i + 1] = a1;
    b[i] = a0 * wTrue[0] + a1 * wTrue[1] + noise * normal();
  }
  // Normal equations (AᵀA) w = Aᵀb.
  let s00 = 0;
  let s01 = 0;
  let s11 = 0;
  let r0 = 0;
  let r1 = 0;
  for (let i = 0; i < n; i++) {
    const a0 = a[2 * i] as number;
    const a1 = a[2 * i + 1] as number;
    s00 += a0 * a0;
    s01 += a0 * a1;
    s11 += a1 * a1;
    r0 += a0 * (b[i] as number);
    r1 += a1 * (b[i] as number);
  }
  const det = s00 * s11 - s01 * s01;
  const wStar: [number, number] = [(s11 * r0 - s01 * r1) / det, (s00 * r1 - s01 * r0) / det];
  const data = { n, a, b, wStar, fStar: 0 };
  return { ...data, fStar: getLeastSquaresLoss(data, wStar) };
}

/** 1/(2n) Σ (a_i·w − b_i)² over all rows. */
export function getLeastSquaresLoss(data: Omit<LeastSquaresData, "fStar">, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < data.n; i++) {
    const r = (data.a[2 * i] as number) * (w[0] as number) + (data.a[2 * i + 1] as number) * (w[1] as number);
    s += (r - (data.b[i] as number)) ** 2;
  }
  return s / (2 * data.n);
}

/** The mean of the per-example gradients a_i (a_i·w − b_i) over `rows` (all rows when absent). */
export function getBatchGradient(
  data: LeastSquaresData,
  w: ArrayLike<number>,
  out: Float64Array,
  rows?: ArrayLike<number>,
): void {
  const count = rows ? rows.length : data.n;
  let g0 = 0;
  let g1 = 0;
  for (let k = 0; k < count; k++) {
    const i = rows ? (rows[k] as number) : k;
    const a0 = data.a[2 * i] as number;
    const a1 = data.a[2 * i + 1] as number;
    const r = a0 * (w[0] as number) + a1 * (w[1] as number) - (data.b[i] as number);
    g0 += a0 * r;
    g1 += a1 * r;
  }
  out[0] = g0 / count;
  out[1] = g1 / count;
}

/** The full loss as an Objective (for contour plots). */
export function createLeastSquaresObjective(data: LeastSquaresData, halfWidth = 1.5): Objective {
  return {
    name: "quadratic",
    label: "least-squares",
    dim: 2,
    value(x) {
      assertObjectiveArgs("least-squares", 2, x);
      return getLeastSquaresLoss(data, x);
    },
    gradient(x, out) {
      assertObjectiveArgs("least-squares", 2, x, out);
      getBatchGradient(data, x, out);
    },
    minima: [[data.wStar[0], data.wStar[1]]],
    box: {
      x: [data.wStar[0] - halfWidth, data.wStar[0] + halfWidth],
      y: [data.wStar[1] - halfWidth, data.wStar[1] + halfWidth],
    },
  };
}

/** Options of runMinibatchSgd. */
export interface MinibatchRunOptions {
  readonly data: LeastSquaresData;
  readonly lr: number;
  readonly batchSize: number;
  /** Examples to process in total; the run takes ⌊examples / batchSize⌋ steps. */
  readonly examples: number;
  readonly seed: number;
  readonly start: readonly [number, number];
  readonly momentum?: number;
}

/** A mini-batch run: iterates per step (0 = start), the full loss minus f*, and the noise statistics. */
export interface MinibatchRun {
  readonly steps: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** f(w_t) − f* per step. */
  readonly excess: Float64Array;
  /** Mean of f − f* over the second half of the steps (the noise floor once converged). */
  readonly floor: number;
  /** Root-mean-square distance from w* over the second half of the steps (the noise ball's radius). */
  readonly radius: number;
  /** The first step whose iterate is no longer finite (or beyond 1e6), else null. */
  readonly divergedAt: number | null;
}

/**
 * Runs lib/optim's SGD with gradients averaged over batches of `batchSize` rows drawn without
 * replacement within a batch (a partial Fisher–Yates shuffle) from createRandom(seed).
 */
export function runMinibatchSgd(opts: MinibatchRunOptions): MinibatchRun {
  const { data, lr, batchSize, seed } = opts;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > data.n) {
    throw new RangeError(`batch size must be an integer in [1, ${data.n}], got ${batchSize}`);
  }
  const steps = Math.max(1, Math.floor(opts.examples / batchSize));
  const optimizer = createOptimizer("sgd", 2, { lr, momentum: opts.momentum ?? 0 });
  const random = createRandom(seed);
  const order = Int32Array.from({ length: data.n }, (_, i) => i);
  const batch = order.subarray(0, batchSize);
  const w = Float64Array.from(opts.start);
  const grad = new Float64Array(2);
  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const excess = new Float64Array(steps + 1);
  let divergedAt: number | null = null;
  const record = (t: number) => {
    xs[t] = w[0] as number;
    ys[t] = w[1] as number;
    excess[t] = getLeastSquaresLoss(data, w) - data.fStar;
  };
  record(0);
  let last = steps;
  for (let t = 1; t <= steps; t++) {
    for (let k = 0; k < batchSize; k++) {
      const j = k + Math.floor(random() * (data.n - k));
      const swap = order[k] as number;
      order[k] = order[j] as number;
      order[j] = swap;
    }
    getBatchGradient(data, w, grad, batch);
    optimizer.step(w, grad);
    if (!(Math.abs(w[0] as number) < 1e6 && Math.abs(w[1] as number) < 1e6)) {
      divergedAt = t;
      last = t - 1;
      break;
    }
    record(t);
  }
  const from = Math.floor(last / 2);
  let floor = 0;
  let sq = 0;
  for (let t = from; t <= last; t++) {
    floor += excess[t] as number;
    sq += ((xs[t] as number) - data.wStar[0]) ** 2 + ((ys[t] as number) - data.wStar[1]) ** 2;
  }
  const count = last - from + 1;
  return {
    steps: last,
    xs: xs.subarray(0, last + 1),
    ys: ys.subarray(0, last + 1),
    excess: excess.subarray(0, last + 1),
    floor: divergedAt === null ? floor / count : Number.POSITIVE_INFINITY,
    radius: divergedAt === null ? Math.sqrt(sq / count) : Number.POSITIVE_INFINITY,
    divergedAt,
  };
}
