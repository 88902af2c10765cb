import { describe, expect, it } from "vitest";
import { FLOAT64_EPS } from "./adafactor";
import { createOptimizer, getOptimizerDefaults } from "./registry";

// torch.optim.Adafactor arrived in PyTorch 2.5; the golden file (1.13) has no case for it, so these
// tests check first steps computed by hand from its documented algorithm and invariants.
const rms = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0) / v.length);

describe("adafactor (torch.optim.Adafactor, PyTorch >= 2.5)", () => {
  it("has PyTorch's defaults (eps1 = None resolved to float64's epsilon)", () => {
    expect(getOptimizerDefaults("adafactor")).toEqual({
      lr: 0.01,
      beta2_decay: -0.8,
      eps: [FLOAT64_EPS, 1e-3],
      d: 1,
      weight_decay: 0.01,
      maximize: false,
    });
  });

  it("factors a matrix: the hand-computed first step of a 2×2 parameter", () => {
    const opt = createOptimizer("adafactor", 4, { lr: 0.5, weight_decay: 0, shape: [2, 2], d: 100 });
    const x = Float64Array.of(1, 2, 3, 4);
    const g = [1, 2, 3, 4];
    opt.step(x, Float64Array.from(g));
    // t = 1: weight 1^-0.8 = 1, so R = row means of g², C = column means: R = [2.5, 12.5], C = [5, 10].
    const R = [2.5, 12.5] as const;
    const C = [5, 10] as const;
    const meanR = 7.5;
    const v = [(R[0] * C[0]) / meanR, (R[0] * C[1]) / meanR, (R[1] * C[0]) / meanR, (R[1] * C[1]) / meanR];
    const u = g.map((gi, i) => gi / Math.sqrt(v[i] as number));
    // ρ = min(lr, 1/√1) = 0.5, α = max(1e-3, RMS(θ)) · ρ; RMS(u)/d < 1, so no clipping.
    const alpha = rms([1, 2, 3, 4]) * 0.5;
    for (const [i, p] of [1, 2, 3, 4].entries()) expect(x[i]).toBeCloseTo(p - alpha * (u[i] as number), 13);
    const state = opt.state();
    expect(Array.from(state.row_var as Float64Array)).toEqual([...R]);
    expect(Array.from(state.col_var as Float64Array)).toEqual([...C]);
    expect(state.variance).toBeUndefined();
  });

  it("keeps one value per row and per column, not per entry", () => {
    const opt = createOptimizer("adafactor", 12, { shape: [3, 4] });
    opt.step(
      new Float64Array(12).fill(1),
      Float64Array.from({ length: 12 }, (_, i) => i - 5),
    );
    const state = opt.state();
    expect((state.row_var as Float64Array).length).toBe(3);
    expect((state.col_var as Float64Array).length).toBe(4);
  });

  it("clips the update to RMS d and scales the step by RMS(θ)", () => {
    const opt = createOptimizer("adafactor", 3, { lr: 0.01, weight_decay: 0 });
    const x = Float64Array.of(3, -4, 12);
    opt.step(x, Float64Array.of(2, -1, 0.5));
    // A vector: first V = g², U = sign(g) (RMS 1 = d, no clipping): each entry moves by 0.01·RMS(θ).
    const step = 0.01 * rms([3, -4, 12]);
    expect(x[0]).toBeCloseTo(3 - step, 13);
    expect(x[1]).toBeCloseTo(-4 + step, 13);
    expect(x[2]).toBeCloseTo(12 - step, 13);
    const clipped = createOptimizer("adafactor", 3, { lr: 0.01, weight_decay: 0, d: 0.5 });
    const y = Float64Array.of(3, -4, 12);
    clipped.step(y, Float64Array.of(2, -1, 0.5));
    // RMS(U) = 1 > d = 0.5: the update is divided by RMS(U)/d = 2.
    expect(y[0]).toBeCloseTo(3 - step / 2, 13);
  });

  it("decays the weights by 1 − lr·λ, with α from the weights before the decay", () => {
    const opt = createOptimizer("adafactor", 2, { lr: 0.1, weight_decay: 0.5 });
    const x = Float64Array.of(3, 4);
    opt.step(x, Float64Array.of(1, 1));
    const alpha = rms([3, 4]) * 0.1;
    expect(x[0]).toBeCloseTo(3 * 0.95 - alpha, 13);
  });

  it("uses ρ = min(lr, 1/√t) and the weight t^beta2_decay", () => {
    const opt = createOptimizer("adafactor", 2, { lr: 1, weight_decay: 0, d: 1e9 });
    const x = Float64Array.of(10, 2);
    opt.step(x, Float64Array.of(1, 1)); // V = g² = 1, U = 1, α = RMS(θ)·1
    const first = 10 - rms([10, 2]);
    expect(x[0]).toBeCloseTo(first, 12);
    const before = Array.from(x);
    opt.step(x, Float64Array.of(2, 2)); // w = 2^-0.8, V = 1 + w(4 − 1), ρ = min(1, 1/√2)
    const w = 2 ** -0.8;
    const expected = (before[0] as number) - rms(before) * Math.SQRT1_2 * (2 / Math.sqrt(1 + 3 * w));
    expect(x[0]).toBeCloseTo(expected, 12);
  });

  it("refuses a shape that does not hold the parameters", () => {
    expect(() => createOptimizer("adafactor", 5, { shape: [2, 2] })).toThrow(/shape/);
  });
});
