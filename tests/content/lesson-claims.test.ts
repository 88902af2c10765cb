// Numbers the lessons state that no <WorkedExample> computes: each is recomputed here, and the test
// checks that the lesson still says it, so changing either side without the other fails.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random";
import { clipGradNorm as coreClipGradNorm, createOptimizer } from "@/lib/optim";

const lesson = (file: string) => readFileSync(`content/lessons/${file}`, "utf8");

describe("lessons 6 and 7: Adadelta's first step, Adam's signal-to-noise figures", () => {
  it("Adadelta's first step at the defaults is sqrt(1e-6 / 0.1) ≈ 0.0032 (adadelta.test.ts runs the core)", () => {
    expect(Math.sqrt(1e-6 / 0.1)).toBeCloseTo(0.0032, 4);
    expect(lesson("06-rmsprop.mdx")).toContain("a step of $\\sqrt{10^{-6}/0.1} \\approx 0.0032$");
  });

  it("Adam's step is 0.71·η at signal = noise and 0.23·η for pure noise (adam-snr.test.ts simulates the core)", () => {
    const text = lesson("07-adam.mdx");
    expect(1 / Math.sqrt(2)).toBeCloseTo(0.71, 2);
    expect(Math.sqrt((1 - 0.9) / (1 + 0.9))).toBeCloseTo(0.23, 2);
    expect(text).toContain("($r = 1$) gives about $0.71\\,\\eta$");
    expect(text).toContain("Pure noise still produces steps of about $0.23\\,\\eta$");
  });
});

describe("lesson 10: schedules and weight averaging", () => {
  const text = lesson("10-learning-rate-schedules.mdx");

  it("OneCycleLR with max_lr 0.1 starts at 4e-3 and ends at 4e-7 (div_factor 25, final_div_factor 1e4)", () => {
    const start = 0.1 / 25;
    const end = start / 1e4;
    expect(start).toBeCloseTo(4e-3, 15);
    expect(end).toBeCloseTo(4e-7, 18);
    expect(text).toContain("$4\\times10^{-3}$ at the start and $4\\times10^{-7}$ at the end");
  });

  it("ReduceLROnPlateau's relative threshold 1e-4 on a loss of 1000 asks for 0.1 per evaluation", () => {
    expect(1000 * 1e-4).toBeCloseTo(0.1, 12);
    expect(text).toContain(
      "a relative threshold of $10^{-4}$ on a loss of 1000 asks for an improvement of 0.1",
    );
  });

  it("averaged weights of noisy SGD on a quadratic have a loss more than ten times lower than the iterates", () => {
    // f(x) = ½ Σ h_i x_i², curvatures 1 and 10, gradient noise of standard deviation 1 per coordinate.
    const h = [1, 10];
    const loss = (x: ArrayLike<number>) =>
      0.5 * h.reduce((sum, hi, i) => sum + hi * (x[i] as number) ** 2, 0);
    const random = createRandom(3);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const opt = createOptimizer("sgd", 2, { lr: 0.05 });
    const x = Float64Array.from([5, 5]);
    const g = new Float64Array(2);
    const swa = new Float64Array(2); // equal-weight average over the second half
    const ema = new Float64Array(2); // beta 0.99, started at the midpoint
    let n = 0;
    let iterateLoss = 0;
    const steps = 20_000;
    for (let t = 1; t <= steps; t++) {
      for (let i = 0; i < 2; i++) g[i] = (h[i] as number) * (x[i] as number) + normal();
      opt.step(x, g);
      if (t === steps / 2) ema.set(x);
      if (t <= steps / 2) continue;
      n += 1;
      iterateLoss += loss(x);
      for (let i = 0; i < 2; i++) {
        swa[i] = (swa[i] as number) + ((x[i] as number) - (swa[i] as number)) / n;
        ema[i] = 0.99 * (ema[i] as number) + 0.01 * (x[i] as number);
      }
    }
    const meanIterateLoss = iterateLoss / n;
    if (process.env.SHOW_CLAIMS) console.log(meanIterateLoss, loss(swa), loss(ema));
    expect(loss(swa)).toBeLessThan(meanIterateLoss / 10);
    expect(loss(ema)).toBeLessThan(meanIterateLoss / 10);
    expect(text).toContain("the averaged weights have a loss more than ten times lower than the iterates");
  });
});

describe("lesson 11: hyperparameter search and second-order methods", () => {
  const text = lesson("11-choosing-an-optimizer.mdx");

  it("a 3 × 3 grid tests 3 distinct values of each hyperparameter; 5 values of 4 hyperparameters is 625 runs", () => {
    const grid = [1, 2, 3].flatMap((a) => [1, 2, 3].map((b) => [a, b] as const));
    expect(grid).toHaveLength(9);
    expect(new Set(grid.map(([a]) => a)).size).toBe(3);
    expect(5 ** 4).toBe(625);
    expect(text).toContain("the 9 runs test only 3 distinct learning rates");
    expect(text).toContain("5 values for each of 4 hyperparameters is 625 runs");
  });

  it("60 random trials hit a region holding 5% of the space with probability about 95%", () => {
    const hit = 1 - 0.95 ** 60;
    expect(hit).toBeGreaterThan(0.95);
    expect(hit).toBeLessThan(0.96);
    // And by simulation, in 20 dimensions where the good region is a box of side 0.05^(1/20).
    const random = createRandom(11);
    const side = 0.05 ** (1 / 20);
    let found = 0;
    const searches = 2000;
    for (let s = 0; s < searches; s++) {
      let any = false;
      for (let trial = 0; trial < 60 && !any; trial++) {
        let inside = true;
        for (let d = 0; d < 20; d++) if (random() >= side) inside = false;
        any = inside;
      }
      if (any) found += 1;
    }
    expect(Math.abs(found / searches - hit)).toBeLessThan(0.02);
    expect(text).toContain(
      "With 60 trials the chance of at least one good trial is $1 - 0.95^{60} \\approx 95\\%$",
    );
  });

  it("a uniform draw from [1e-5, 1e-2] lands above 1e-3 90% of the time", () => {
    expect((1e-2 - 1e-3) / (1e-2 - 1e-5)).toBeCloseTo(0.9, 2);
    expect(text).toContain("a uniform draw from $[10^{-5}, 10^{-2}]$ puts 90% of the trials above $10^{-3}$");
  });

  it("the Hessian of 1e8 parameters has 1e16 entries, 40 PB in fp32; a 4096 × 4096 layer's block vs its K-FAC factors", () => {
    expect(1e8 ** 2).toBe(1e16);
    expect((1e16 * 4) / 1e15).toBe(40); // petabytes
    const block = (4096 * 4096) ** 2;
    expect(block / 1e14).toBeCloseTo(2.8, 1);
    expect((4096 * 4096) / 1e7).toBeCloseTo(1.7, 1);
    expect(text).toContain("that is $10^{16}$ entries, 40 petabytes in fp32");
    expect(text).toContain(
      "(about $1.7\\times10^7$ entries each) instead of one block with $2.8\\times10^{14}$ entries",
    );
  });
});

/** The core's torch.nn.utils.clip_grad_norm_ (lib/optim/clip.ts, the exercise's reference) on a copy of g. */
function clipGradNorm(g: number[], maxNorm: number): { clipped: number[]; norm: number } {
  const grad = Float64Array.from(g);
  const norm = coreClipGradNorm(grad, maxNorm);
  return { clipped: Array.from(grad), norm };
}
const norm2 = (v: number[]) => Math.hypot(...v);
const angleDeg = (v: number[]) => (Math.atan2(v[1] as number, v[0] as number) * 180) / Math.PI;

describe("lesson 13: training stability", () => {
  const text = lesson("13-training-stability.mdx");

  it("50 layers multiply a gradient by 1.1^50 ≈ 117 or 0.9^50 ≈ 0.005; ten sigmoids by at most 4^-10 ≈ 1e-6", () => {
    expect(Math.round(1.1 ** 50)).toBe(117);
    expect(0.9 ** 50).toBeCloseTo(0.005, 3);
    expect(Math.log10(0.25 ** 10)).toBeCloseTo(-6, 0);
    expect(text).toContain("about 117 for $w = 1.1$ and about 0.005 for $w = 0.9$");
    expect(text).toContain("$(1/4)^{10} \\approx 10^{-6}$");
    expect(text).toContain("$1.1^{50} \\approx 117$, $0.9^{50} \\approx 0.005$");
  });

  it("clipping a norm of 10 to 1 leaves 0.9999999 (the 1e-6 in the coefficient); a zero gradient stays zero", () => {
    const { clipped, norm } = clipGradNorm([6, 8], 1);
    expect(norm).toBe(10);
    expect(norm2(clipped)).toBeCloseTo(0.9999999, 7);
    expect(norm2(clipped)).toBeLessThan(1);
    expect(clipGradNorm([0, 0], 1).clipped).toEqual([0, 0]);
    expect(text).toContain("clipping a norm of 10 to 1 leaves $10/(10 + 10^{-6}) \\approx 0.9999999$");
  });

  it("clipping does not repair non-finite gradients: an infinite norm turns the infinite entry into NaN", () => {
    const { clipped } = clipGradNorm([Number.POSITIVE_INFINITY, 1], 1);
    expect(clipped[0]).toBeNaN();
    expect(clipped[1]).toBe(0);
    expect(clipGradNorm([Number.NaN, 1], 1).clipped.every(Number.isNaN)).toBe(true);
  });

  it("g = (10, 0.1) at threshold 1: by value (1, 0.1), angle 0.57° → 5.7°; by norm (0.99995, 0.0099995)", () => {
    const g = [10, 0.1];
    const byValue = g.map((v) => Math.max(-1, Math.min(1, v)));
    expect(byValue).toEqual([1, 0.1]);
    expect(angleDeg(g)).toBeCloseTo(0.57, 2);
    expect(angleDeg(byValue)).toBeCloseTo(5.7, 1);
    const byNorm = clipGradNorm(g, 1).clipped;
    expect(byNorm[0]).toBeCloseTo(0.99995, 5);
    expect(byNorm[1]).toBeCloseTo(0.0099995, 7);
    expect(angleDeg(byNorm)).toBeCloseTo(angleDeg(g), 10);
    expect(text).toContain("angle to the first axis grows from $0.57°$ to $5.7°$");
    expect(text).toContain("about $(0.99995,\\ 0.0099995)$");
  });

  it("fp16: largest value 65 504, smallest normal 2^-14 ≈ 6.1e-5, subnormals to about 6e-8; GradScaler starts at 2^16", () => {
    expect((2 - 2 ** -10) * 2 ** 15).toBe(65504);
    expect(2 ** -14).toBeCloseTo(6.1e-5, 6);
    expect(2 ** -24).toBeCloseTo(6e-8, 8);
    expect(2 ** 16).toBe(65536);
    expect(text).toContain(
      "largest value is 65 504 and its smallest normal value is $2^{-14} \\approx 6.1\\times10^{-5}$",
    );
    expect(text).toContain("it starts at $2^{16} = 65\\,536$");
  });
});
