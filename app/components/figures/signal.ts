import { createRandom } from "@/lib/random";

/** A noisy signal of length n: a slow wave around 10 plus unit Gaussian noise (Box–Muller). */
export function createNoisySignal(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const u = 1 - random();
    const v = random();
    const noise = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    out[t] = 10 + 2 * Math.sin(t / 12) + noise;
  }
  return out;
}

/**
 * Exponential moving average v_t = β v_{t−1} + (1 − β) x_t from v_0 = 0, the way Adam keeps its
 * moments; with `biasCorrected`, v_t / (1 − β^t) removes the pull towards the zero start.
 */
export function computeEma(values: ArrayLike<number>, beta: number, biasCorrected: boolean): Float64Array {
  const out = new Float64Array(values.length);
  let v = 0;
  let power = 1;
  for (let t = 0; t < values.length; t++) {
    v = beta * v + (1 - beta) * (values[t] as number);
    power *= beta;
    out[t] = biasCorrected && power < 1 ? v / (1 - power) : v;
  }
  return out;
}

/** The effective averaging window 1 / (1 − β) of an EMA. */
export function getEffectiveWindow(beta: number): number {
  return beta < 1 ? 1 / (1 - beta) : Number.POSITIVE_INFINITY;
}
