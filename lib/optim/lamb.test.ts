import { describe, expect, it } from "vitest";
import { createObjective } from "../objectives/index";
import { createOptimizer } from "./registry";
import { runTrajectory } from "./run";

// PyTorch has no LAMB (the golden file has no case): these tests check the first step by hand and
// the trust ratio's invariant instead.
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe("lamb (You et al. 2019, Algorithm 2 with bias correction)", () => {
  it("takes the hand-computed first step: Adam's direction scaled to lr·‖θ‖ per layer", () => {
    const opt = createOptimizer("lamb", 2, { lr: 0.1, eps: 1e-6 });
    const x = Float64Array.of(3, 4);
    opt.step(x, Float64Array.of(1, -2));
    // t = 1: m̂ = g, v̂ = g², r_i = g_i / (|g_i| + ε); ‖θ‖ = 5.
    const r = [1 / (1 + 1e-6), -2 / (2 + 1e-6)];
    const ratio = 5 / norm(r);
    expect(x[0]).toBeCloseTo(3 - 0.1 * ratio * (r[0] as number), 14);
    expect(x[1]).toBeCloseTo(4 - 0.1 * ratio * (r[1] as number), 14);
    expect(opt.state().step).toBe(1);
  });

  it("adds λθ inside the update before the trust ratio", () => {
    const opt = createOptimizer("lamb", 2, { lr: 0.1, eps: 0, weight_decay: 0.5 });
    const x = Float64Array.of(3, 4);
    opt.step(x, Float64Array.of(1, -2));
    const u = [1 + 0.5 * 3, -1 + 0.5 * 4];
    const ratio = 5 / norm(u);
    expect(x[0]).toBeCloseTo(3 - 0.1 * ratio * (u[0] as number), 14);
    expect(x[1]).toBeCloseTo(4 - 0.1 * ratio * (u[1] as number), 14);
  });

  it("moves each layer by exactly lr·‖θ_layer‖, at every step (per-layer trust ratio)", () => {
    const objective = createObjective("quadratic", { condition: 10 }, { dim: 5 });
    const opt = createOptimizer("lamb", 5, { lr: 0.05, weight_decay: 0.01 }, [3, 2]);
    const x = Float64Array.of(1, -2, 0.5, 10, -20);
    const g = new Float64Array(5);
    for (let k = 0; k < 20; k++) {
      const before = x.slice();
      objective.gradient(x, g);
      opt.step(x, g);
      for (const [start, end] of [
        [0, 3],
        [3, 5],
      ] as const) {
        const moved = norm(before.subarray(start, end).map((v, i) => v - (x[start + i] as number)));
        expect(moved).toBeCloseTo(0.05 * norm(before.subarray(start, end)), 12);
      }
    }
  });

  it("uses a trust ratio of 1 for a layer whose weights are all zero (a fresh bias)", () => {
    const opt = createOptimizer("lamb", 3, { lr: 0.1, eps: 0 }, [2, 1]);
    const x = Float64Array.of(3, 4, 0);
    opt.step(x, Float64Array.of(1, 1, -3));
    // Layer 2: ‖θ‖ = 0 → ratio 1, step lr·r = lr·sign(g).
    expect(x[2]).toBeCloseTo(0.1, 14);
  });

  it("differs from one trust ratio over the whole model", () => {
    const objective = createObjective("quadratic", { condition: 10 }, { dim: 4 });
    const options = {
      optimizer: "lamb" as const,
      hparams: { lr: 0.01 },
      objective,
      x0: [1, 2, 30, 40],
      steps: 5,
    };
    const perLayer = runTrajectory({ ...options, layers: [2, 2] }).final;
    const whole = runTrajectory(options).final;
    expect(Math.abs((perLayer[0] as number) - (whole[0] as number))).toBeGreaterThan(1e-3);
  });

  it("refuses layers that do not cover the parameters", () => {
    expect(() => createOptimizer("lamb", 3, {}, [2])).toThrow(/layers/);
  });
});
