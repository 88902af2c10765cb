import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { createLeastSquares, getBatchGradient } from "./minibatch";
import { estimateNoiseScale, getExamplesRatio, getStepsRatio } from "./noise-scale";

describe("the gradient noise scale", () => {
  // Least squares away from its minimum: the true gradient G and the per-example covariance Σ.
  const data = createLeastSquares({ n: 256, seed: 5 });
  const w = [0.2, -0.4];
  const full = new Float64Array(2);
  getBatchGradient(data, w, full);
  const trueSquaredNorm = (full[0] as number) ** 2 + (full[1] as number) ** 2;
  let trace = 0;
  const one = new Float64Array(2);
  for (let i = 0; i < data.n; i++) {
    getBatchGradient(data, w, one, [i]);
    trace +=
      ((one[0] as number) - (full[0] as number)) ** 2 + ((one[1] as number) - (full[1] as number)) ** 2;
  }
  trace /= data.n;

  /** The mean of |G_B|² over many batches of B rows drawn with replacement. */
  const measure = (batch: number, draws: number) => {
    const random = createRandom(batch);
    const rows = new Array<number>(batch);
    const g = new Float64Array(2);
    let sum = 0;
    for (let d = 0; d < draws; d++) {
      for (let k = 0; k < batch; k++) rows[k] = Math.floor(random() * data.n);
      getBatchGradient(data, w, g, rows);
      sum += (g[0] as number) ** 2 + (g[1] as number) ** 2;
    }
    return { batch, squaredNorm: sum / draws };
  };

  it("recovers |G|² and tr(Σ) from the gradient norms measured at two batch sizes", () => {
    const small = measure(4, 40_000);
    const big = measure(64, 20_000);
    // E|G_B|² = |G|² + tr(Σ)/B, the relation the estimator inverts.
    expect(small.squaredNorm / (trueSquaredNorm + trace / 4)).toBeCloseTo(1, 1);
    const estimate = estimateNoiseScale(small, big);
    expect(estimate.gradientSquaredNorm / trueSquaredNorm).toBeGreaterThan(0.95);
    expect(estimate.gradientSquaredNorm / trueSquaredNorm).toBeLessThan(1.05);
    expect(estimate.trace / trace).toBeGreaterThan(0.95);
    expect(estimate.trace / trace).toBeLessThan(1.05);
    expect(estimate.simple).toBeCloseTo(estimate.trace / estimate.gradientSquaredNorm, 12);
  });

  it("solves the two equations exactly on exact measurements, and refuses a reversed pair", () => {
    const at = (batch: number) => ({ batch, squaredNorm: 0.5 + 64 / batch });
    const estimate = estimateNoiseScale(at(32), at(512));
    expect(estimate.gradientSquaredNorm).toBeCloseTo(0.5, 12);
    expect(estimate.trace).toBeCloseTo(64, 10);
    expect(estimate.simple).toBeCloseTo(128, 9);
    expect(() => estimateNoiseScale(at(512), at(32))).toThrow(RangeError);
  });

  it("trades steps for examples along (S/S_min − 1)(E/E_min − 1) = 1, both doubled at B = B_noise", () => {
    for (const batch of [8, 128, 1000, 5000]) {
      const s = getStepsRatio(1000, batch);
      const e = getExamplesRatio(1000, batch);
      expect((s - 1) * (e - 1)).toBeCloseTo(1, 12);
      // E = B·S, so E/E_min = (B/B_noise)·S/S_min when E_min = B_noise·S_min.
      expect(e).toBeCloseTo((batch / 1000) * s, 12);
    }
    expect(getStepsRatio(1000, 1000)).toBe(2);
    expect(getExamplesRatio(1000, 1000)).toBe(2);
  });
});
