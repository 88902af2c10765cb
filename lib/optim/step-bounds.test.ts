// The step-size bounds the lessons state, checked by simulation with the reference core:
// adaptive steps are bounded by the moment averages, not by eps, and eps only ever shrinks a step.
//   AdaGrad  |Δθ| ≤ lr                    (G_t ≥ g_t²)
//   RMSprop  |Δθ| ≤ lr / √(1 − α)         (s_t ≥ (1 − α) g_t²; 10·lr at α = 0.99, 3.16·lr at 0.9)
//   Adam     one large gradient after a quiet stretch: lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr (Kingma & Ba §2.1);
//            over all sequences the supremum is lr·(1 − β1)/√((1 − β2)(1 − β1²/β2)) ≈ 7.27·lr, approached only
//            by a gradient growing by β2/β1 ≈ 1.11 per step for hundreds of steps (lesson 7 says so).
// The gradients are synthetic (they do not depend on the parameters), so every coordinate is an
// independent sequence and the optimizer state does not depend on eps.
import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { createOptimizer } from "./registry";
import type { OptimizerName } from "./types";

type Sequence = (t: number) => number; // gradient at step t = 1, 2, …

const N = 6000;
const random = createRandom(13);
const cauchy = Array.from({ length: N }, () => Math.tan(Math.PI * (random() - 0.5)));
const logUniform = Array.from({ length: N }, () => (random() < 0.5 ? -1 : 1) * 10 ** (-9 + 15 * random()));
const bursts = Array.from({ length: N }, () => (random() < 0.01 ? 1e4 : 1e-3) * (random() < 0.5 ? -1 : 1));

/** Adversarial gradient sequences, each run as one coordinate (none exactly zero, so eps = 0 is defined). */
const SEQUENCES: Record<string, Sequence> = {
  "tiny then one huge": (t) => (t < N ? 1e-6 : 1e3),
  "large, long quiet stretch, then huge": (t) => (t <= 100 ? 1 : t < N ? 1e-7 : 1e4),
  "alternating signs": (t) => (t % 2 === 0 ? 1 : -1),
  "alternating signs, growing": (t) => (t % 2 === 0 ? 1 : -1) * 1.01 ** Math.min(t, 2000),
  "alternating tiny and huge": (t) => (t % 2 === 0 ? 1e-8 : 1e4),
  "heavy-tailed (Cauchy)": (t) => cauchy[t - 1] as number,
  "log-uniform magnitudes 1e-9..1e6": (t) => logUniform[t - 1] as number,
  "rare bursts": (t) => bursts[t - 1] as number,
};

/** Runs every sequence as a coordinate for `steps` steps and returns each coordinate's |Δθ|/lr per step. */
function stepRatios(
  name: OptimizerName,
  hparams: Record<string, unknown>,
  sequences: readonly Sequence[],
  steps: number,
): Float64Array[] {
  const dim = sequences.length;
  const opt = createOptimizer(name, dim, hparams);
  const lr = opt.hparams.lr as number;
  const x = new Float64Array(dim);
  const g = new Float64Array(dim);
  const ratios = sequences.map(() => new Float64Array(steps));
  for (let t = 1; t <= steps; t++) {
    for (let i = 0; i < dim; i++) g[i] = (sequences[i] as Sequence)(t);
    const before = Float64Array.from(x);
    opt.step(x, g);
    for (let i = 0; i < dim; i++)
      (ratios[i] as Float64Array)[t - 1] = Math.abs((x[i] as number) - (before[i] as number)) / lr;
  }
  return ratios;
}

const max = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, v), 0);

const CASES: { name: OptimizerName; label: string; hparams: Record<string, unknown>; bound: number }[] = [
  { name: "adagrad", label: "AdaGrad", hparams: {}, bound: 1 },
  { name: "rmsprop", label: "RMSprop α = 0.99", hparams: { alpha: 0.99 }, bound: 1 / Math.sqrt(0.01) },
  { name: "rmsprop", label: "RMSprop α = 0.9", hparams: { alpha: 0.9 }, bound: 1 / Math.sqrt(0.1) },
  // Kingma & Ba's bound, which these sequences (no sustained growth) respect.
  { name: "adam", label: "Adam", hparams: {}, bound: 0.1 / Math.sqrt(0.001) },
];

describe.each(CASES)("$label at PyTorch defaults", ({ name, hparams, bound }) => {
  const labels = Object.keys(SEQUENCES);
  const ratios = stepRatios(name, hparams, Object.values(SEQUENCES), N);

  it.each(labels.map((label, i) => [label, i] as const))(
    "%s: the largest step stays within the bound",
    (_, i) => {
      expect(max(ratios[i] as Float64Array)).toBeLessThanOrEqual(bound);
    },
  );

  it("the worst case comes within 2% of the bound: one huge gradient after a long quiet stretch", () => {
    const worst = Math.max(max(ratios[0] as Float64Array), max(ratios[1] as Float64Array));
    if (process.env.SHOW_BOUNDS)
      console.log(name, JSON.stringify(hparams), "bound", bound, "max", ratios.map(max));
    expect(worst).toBeGreaterThan(0.98 * bound);
  });

  it("eps only shrinks steps: every step with eps = 0 is at least as large, with eps = 1e-2 at most as large", () => {
    const seqs = Object.values(SEQUENCES);
    const none = stepRatios(name, { ...hparams, eps: 0 }, seqs, 2000);
    const big = stepRatios(name, { ...hparams, eps: 1e-2 }, seqs, 2000);
    const violations: string[] = [];
    for (let i = 0; i < seqs.length; i++) {
      for (let t = 0; t < 2000; t++) {
        // 1e-12 relative: the runs round differently in the last bit.
        const b = (ratios[i] as Float64Array)[t] as number;
        if (((none[i] as Float64Array)[t] as number) < b * (1 - 1e-12))
          violations.push(`eps=0 smaller, seq ${i} step ${t + 1}`);
        if (((big[i] as Float64Array)[t] as number) > b * (1 + 1e-12))
          violations.push(`eps=1e-2 larger, seq ${i} step ${t + 1}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe("the figures quoted in the lessons and cards", () => {
  it("first steps: AdaGrad 0.9999 lr and Adam 0.99 lr on a gradient of 1e-6 (eps shrinks them), RMSprop 10 lr and 3.16 lr", () => {
    const first = (name: OptimizerName, h: Record<string, unknown>, g: number) =>
      stepRatios(name, h, [() => g], 1)[0]?.[0];
    expect(first("adagrad", {}, 1e-6)).toBeCloseTo(0.9999, 4); // lesson 5: 1e-6 / (1e-6 + 1e-10)
    expect(first("adam", {}, 1e-6)).toBeCloseTo(1e-6 / (1e-6 + 1e-8), 10);
    expect(first("rmsprop", { alpha: 0.99 }, 1)).toBeCloseTo(10, 5); // 1 / (0.1 + 1e-8)
    expect(first("rmsprop", { alpha: 0.9 }, 1)).toBeCloseTo(Math.sqrt(10), 5);
    // With a gradient of 1e-6, sqrt(s) = 1e-7 is only ten times eps, which cuts RMSprop's first step to 9.09 lr.
    expect(first("rmsprop", { alpha: 0.99 }, 1e-6)).toBeCloseTo(1e-6 / (1e-7 + 1e-8), 8);
  });

  it("eps shrinks the step where sqrt(v̂) is comparable to it: Adam with gradients of 1e-8 moves by lr/2", () => {
    const r = stepRatios("adam", {}, [() => 1e-8], 50)[0] as Float64Array;
    for (const v of r) expect(v).toBeCloseTo(0.5, 6);
  });

  it("Adam's spike after zeros reaches (1 − β1)/√(1 − β2) ≈ 3.16 once the bias corrections are ≈ 1", () => {
    const steps = 20_000;
    const r = stepRatios("adam", {}, [(t) => (t < steps ? 0 : 1)], steps)[0] as Float64Array;
    const spike = r[steps - 1] as number;
    expect(spike).toBeGreaterThan(3.16);
    expect(spike).toBeLessThanOrEqual(0.1 / Math.sqrt(0.001));
  });

  it("Adam's supremum: a gradient growing by β2/β1 per step exceeds Kingma & Ba's 3.16 and approaches 7.27", () => {
    const quiet = 20_000;
    const grow = 400;
    const b1 = 0.9;
    const b2 = 0.999;
    const sup = (1 - b1) / Math.sqrt((1 - b2) * (1 - (b1 * b1) / b2));
    expect(sup).toBeCloseTo(7.2703, 4);
    const seq: Sequence = (t) => (t <= quiet ? 0 : (b1 / b2) ** (quiet + grow - t));
    const r = stepRatios("adam", {}, [seq], quiet + grow)[0] as Float64Array;
    const top = max(r);
    if (process.env.SHOW_BOUNDS) console.log("adam growing", top);
    expect(top).toBeGreaterThan(7.2);
    expect(top).toBeLessThanOrEqual(sup);
  });

  it("Adam's first ten steps stay below 1.05 lr even for the worst sequence (lesson 10)", () => {
    // For step t the worst sequence is g_i ∝ (β2/β1)^i; at t = 10 the ratio is 1.0431.
    const worst = stepRatios("adam", {}, [(t) => (0.999 / 0.9) ** t], 10)[0] as Float64Array;
    expect(worst[9]).toBeCloseTo(1.0431, 4);
    const seqs = Object.values(SEQUENCES);
    for (const r of stepRatios("adam", {}, seqs, 10)) expect(max(r)).toBeLessThan(1.05);
  });

  it("Adam without bias correction is too large by (1 − β1^t)/√(1 − β2^t): 3.16 at t = 1, 6.57 at t = 12", () => {
    const opt = createOptimizer("adam", 1, { lr: 1e-3 });
    const x = new Float64Array(1);
    const g = Float64Array.of(100); // large, so that eps is negligible in both
    for (let t = 1; t <= 100; t++) {
      const before = x[0] as number;
      opt.step(x, g);
      const corrected = Math.abs((x[0] as number) - before);
      const { exp_avg: m, exp_avg_sq: v } = opt.state() as {
        exp_avg: Float64Array;
        exp_avg_sq: Float64Array;
      };
      const uncorrected = (1e-3 * Math.abs(m[0] as number)) / (Math.sqrt(v[0] as number) + 1e-8);
      const factor = (1 - 0.9 ** t) / Math.sqrt(1 - 0.999 ** t);
      expect(uncorrected / corrected).toBeCloseTo(factor, 6);
      if (t === 1) expect(factor).toBeCloseTo(3.1623, 4);
      if (t === 12) expect(factor).toBeCloseTo(6.5685, 4);
      if (t === 100) expect(factor).toBeCloseTo(3.2408, 4); // lesson 7: "still 3.2 at t = 100"
    }
  });

  it("a lower β2 lowers Adam's spike bound: 0.45 lr at β2 = 0.95 (lesson 7)", () => {
    const steps = 2000;
    const r = stepRatios(
      "adam",
      { betas: [0.9, 0.95] },
      [(t) => (t < steps ? 0 : 1)],
      steps,
    )[0] as Float64Array;
    expect(r[steps - 1]).toBeCloseTo(0.1 / Math.sqrt(0.05), 6);
    expect(0.1 / Math.sqrt(0.05)).toBeCloseTo(0.447, 3);
  });

  it("RAdam's variance is infinite for rho_t <= 4, steps 1-4 at β2 = 0.999; PyTorch's cutoff 5 adds step 5 (lesson 9)", () => {
    const rhoInf = 2 / (1 - 0.999) - 1;
    const rho = (t: number) => rhoInf - (2 * t * 0.999 ** t) / (1 - 0.999 ** t);
    expect([1, 2, 3, 4].every((t) => rho(t) <= 4)).toBe(true);
    expect(rho(5)).toBeGreaterThan(4);
    expect(rho(5)).toBeLessThanOrEqual(5);
    expect(rho(6)).toBeGreaterThan(5);
  });

  it("momentum's steady step under a constant gradient is η·g/(1 − μ)", () => {
    const opt = createOptimizer("sgd", 1, { lr: 0.01, momentum: 0.9 });
    const x = new Float64Array(1);
    let step = 0;
    for (let t = 0; t < 500; t++) {
      const before = x[0] as number;
      opt.step(x, Float64Array.of(2));
      step = before - (x[0] as number);
    }
    expect(step).toBeCloseTo((0.01 * 2) / (1 - 0.9), 12);
  });

  it("Adamax: steps stay within about lr (1.01 lr), and one 100x gradient suppresses steps for ≈ 4600 steps", () => {
    const seqs = Object.values(SEQUENCES);
    for (const r of stepRatios("adamax", {}, seqs, N))
      expect(max(r)).toBeLessThanOrEqual(0.1 / (1 - 0.9 / 0.999));
    // Gradient 1 throughout, except 100 at step 1000: count the steps until |Δθ| is back to 0.99 lr.
    const r = stepRatios("adamax", {}, [(t) => (t === 1000 ? 100 : 1)], 7000)[0] as Float64Array;
    let back = 1001;
    while ((r[back - 1] as number) < 0.99) back++;
    // u decays by β2 per step from 100 to 1/0.99: ln(99)/-ln(0.999) ≈ 4590 steps, ≈ ln(100)/(1 − β2).
    expect(back - 1000).toBeGreaterThan(4500);
    expect(back - 1000).toBeLessThan(4700);
    expect(Math.log(100) / (1 - 0.999)).toBeCloseTo(4605, 0);
  });
});
