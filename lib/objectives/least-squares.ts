import * as z from "zod/mini";
import { createRandom } from "../random";
import { assertObjectiveArgs, type Objective } from "./types";

const int = (min: number, max: number) =>
  z.number().check(
    z.refine((v) => Number.isInteger(v) && v >= min && v <= max, {
      error: `must be an integer in [${min}, ${max}]`,
    }),
  );

/** Least-squares arguments: how many examples, the data seed and the label noise. */
export const leastSquaresArgsSchema = z.strictObject({
  examples: z._default(int(1, 1000), 20),
  seed: z._default(int(0, 2 ** 31 - 1), 1),
  noise: z._default(z.number().check(z.refine((v) => v >= 0, { error: "must be >= 0" })), 0.1),
});

/**
 * Linear least squares on a seeded data set, f(x) = 1/(2n) Σ_i (a_i·x − y_i)², the mean of n
 * per-example losses f_i (PyTorch's MSELoss(reduction="mean") up to the factor 1/2). The features
 * a_ij and the true weights are uniform in [−1, 1] from createRandom(seed); y_i = a_i·w + noise·u_i.
 * Besides the full gradient it gives each example's gradient and, per epoch, the order in which a
 * `DataLoader(shuffle=True)` would visit the examples: what mini-batch SGD needs, reproducibly.
 */
export function createLeastSquares(
  args: z.infer<typeof leastSquaresArgsSchema>,
  dim: number | null,
): Objective {
  const { examples: n, seed, noise } = args;
  let cols = -1;
  let a = new Float64Array(0);
  let y = new Float64Array(0);
  const getData = (d: number) => {
    if (cols !== d) {
      const random = createRandom(seed);
      const w = Float64Array.from({ length: d }, () => 2 * random() - 1);
      a = Float64Array.from({ length: n * d }, () => 2 * random() - 1);
      y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (a[i * d + j] as number) * (w[j] as number);
        y[i] = s + noise * (2 * random() - 1);
      }
      cols = d;
    }
  };
  const residual = (i: number, x: Float64Array): number => {
    const d = x.length;
    let s = -(y[i] as number);
    for (let j = 0; j < d; j++) s += (a[i * d + j] as number) * (x[j] as number);
    return s;
  };
  return {
    name: "least_squares",
    label: "Least squares",
    dim,
    examples: n,
    value(x) {
      assertObjectiveArgs("least_squares", dim, x);
      getData(x.length);
      let s = 0;
      for (let i = 0; i < n; i++) s += residual(i, x) ** 2;
      return s / (2 * n);
    },
    gradient(x, out) {
      assertObjectiveArgs("least_squares", dim, x, out);
      getData(x.length);
      const d = x.length;
      out.fill(0);
      for (let i = 0; i < n; i++) {
        const r = residual(i, x) / n;
        for (let j = 0; j < d; j++) out[j] = (out[j] as number) + r * (a[i * d + j] as number);
      }
    },
    exampleGradient(i, x, out) {
      assertObjectiveArgs("least_squares", dim, x, out);
      if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`example ${i} is not in [0, ${n})`);
      getData(x.length);
      const d = x.length;
      const r = residual(i, x);
      for (let j = 0; j < d; j++) out[j] = r * (a[i * d + j] as number);
    },
    // The true weights lie in [−1, 1]: the minimizer is near that box.
    box: { x: [-2, 2], y: [-2, 2] },
    epochOrder(epoch) {
      if (!(Number.isInteger(epoch) && epoch >= 0))
        throw new RangeError(`epoch ${epoch} is not an integer >= 0`);
      return getEpochOrder(n, seed, epoch);
    },
  };
}

/** A seeded Fisher–Yates permutation of 0..n−1 for one epoch (a fresh array). */
export function getEpochOrder(n: number, seed: number, epoch: number): number[] {
  const random = createRandom((seed * 7919 + epoch * 104_729 + 1) >>> 0);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}
