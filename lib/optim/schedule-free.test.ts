import { describe, expect, it } from "vitest";
import { createOptimizer, getOptimizerDefaults } from "./registry";

// Schedule-free SGD and AdamW are not in PyTorch (nor in the golden file): these tests check steps
// worked by hand from facebookresearch/schedule_free's reference classes (docs/decisions/076).

describe("sgd_schedulefree (SGDScheduleFreeReference)", () => {
  it("has the library's defaults", () => {
    expect(getOptimizerDefaults("sgd_schedulefree")).toEqual({
      lr: 1,
      momentum: 0.9,
      weight_decay: 0,
      warmup_steps: 0,
      r: 0,
      weight_lr_power: 2,
    });
  });

  it("first two steps by hand: an SGD step, then y = β·mean(z₁, z₂) + (1 − β)·z₂", () => {
    const opt = createOptimizer("sgd_schedulefree", 1, { lr: 0.1, momentum: 0.9 });
    const y = Float64Array.of(1);
    opt.step(y, Float64Array.of(2));
    // c₁ = 1: z₁ = 1 − 0.1·2 = 0.8, x₁ = z₁, y₁ = 0.8.
    expect(y[0]).toBeCloseTo(0.8, 15);
    opt.step(y, Float64Array.of(1));
    // c₂ = lr²/(2 lr²) = 1/2: z₂ = 0.8 − 0.1 = 0.7, x₂ = 0.75, y₂ = 0.9·0.75 + 0.1·0.7 = 0.745.
    expect(y[0]).toBeCloseTo(0.745, 15);
    const state = opt.state();
    expect((state.z as Float64Array)[0]).toBeCloseTo(0.7, 15);
    expect((state.x as Float64Array)[0]).toBeCloseTo(0.75, 15);
    expect(state.weight_sum).toBeCloseTo(0.02, 15);
  });

  it("x is the running mean of the z iterates with a constant lr (c = 1/t)", () => {
    const opt = createOptimizer("sgd_schedulefree", 2, { lr: 0.05, momentum: 0.5 });
    const y = Float64Array.of(3, -1);
    const zs: number[][] = [];
    for (let t = 0; t < 20; t++) {
      opt.step(y, Float64Array.of(y[0] as number, 4 * (y[1] as number)));
      zs.push(Array.from(opt.state().z as Float64Array));
    }
    const x = opt.state().x as Float64Array;
    for (let i = 0; i < 2; i++)
      expect(x[i]).toBeCloseTo(zs.reduce((s, z) => s + (z[i] as number), 0) / 20, 13);
  });

  it("warms lr up linearly and weights the average by lr_max²", () => {
    const opt = createOptimizer("sgd_schedulefree", 1, { lr: 0.2, warmup_steps: 2 });
    const y = Float64Array.of(0);
    opt.step(y, Float64Array.of(1)); // lr 0.1: z₁ = −0.1, c = 1
    expect(y[0]).toBeCloseTo(-0.1, 15);
    opt.step(y, Float64Array.of(1)); // lr 0.2: z₂ = −0.3, c = 0.04/(0.01 + 0.04) = 0.8
    const x2 = 0.2 * -0.1 + 0.8 * -0.3;
    expect((opt.state().x as Float64Array)[0]).toBeCloseTo(x2, 15);
    expect(y[0]).toBeCloseTo(0.9 * x2 + 0.1 * -0.3, 15);
    expect(opt.state().lr_max).toBe(0.2);
  });

  it("adds λ·y to the gradient", () => {
    const opt = createOptimizer("sgd_schedulefree", 1, { lr: 0.1, weight_decay: 0.5 });
    const y = Float64Array.of(2);
    opt.step(y, Float64Array.of(1));
    expect(y[0]).toBeCloseTo(2 - 0.1 * (1 + 0.5 * 2), 15);
  });

  it("rejects momentum 0, which the library refuses", () => {
    expect(() => createOptimizer("sgd_schedulefree", 1, { momentum: 0 })).toThrow(/momentum/);
  });
});

describe("adamw_schedulefree (AdamWScheduleFreeReference)", () => {
  it("first step by hand: γ₁ = lr·√(1 − β2), z₁ = y₀ − γ₁ g/(√((1 − β2)g²) + eps)", () => {
    const opt = createOptimizer("adamw_schedulefree", 1, { lr: 0.01, eps: 0 });
    const y = Float64Array.of(1);
    opt.step(y, Float64Array.of(-3));
    // √v₁ = √0.001·3, so the step is lr·√0.001 · (−3)/(√0.001·3) = −lr: y₁ = z₁ = 1.01.
    expect(y[0]).toBeCloseTo(1.01, 15);
  });

  it("second step: c₂ = γ₂²/(γ₁² + γ₂²) with γ_k = lr·√(1 − β2^k)", () => {
    const opt = createOptimizer("adamw_schedulefree", 1, { lr: 0.01, eps: 0, betas: [0.9, 0.99] });
    const y = Float64Array.of(0);
    opt.step(y, Float64Array.of(1));
    opt.step(y, Float64Array.of(1));
    const g1 = 0.01 * Math.sqrt(0.01);
    const g2 = 0.01 * Math.sqrt(1 - 0.99 ** 2);
    const z1 = -g1 / Math.sqrt(0.01);
    const v2 = 0.99 * 0.01 + 0.01;
    const z2 = z1 - g2 / Math.sqrt(v2);
    const c = g2 ** 2 / (g1 ** 2 + g2 ** 2);
    const x2 = z1 * (1 - c) + c * z2;
    expect(y[0]).toBeCloseTo(0.9 * x2 + 0.1 * z2, 15);
  });

  it("decays z by γλ·y before the gradient step", () => {
    const opt = createOptimizer("adamw_schedulefree", 1, { lr: 0.1, weight_decay: 0.5, eps: 0 });
    const y = Float64Array.of(2);
    opt.step(y, Float64Array.of(1));
    const gamma = 0.1 * Math.sqrt(0.001);
    expect(y[0]).toBeCloseTo(2 - gamma * 0.5 * 2 - 0.1, 15);
  });
});
