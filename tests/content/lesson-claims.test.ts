// Numbers the lessons state that no <WorkedExample> computes: each is recomputed here, and the test
// checks that the lesson still says it, so changing either side without the other fails.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random";
import { createOptimizer } from "@/lib/optim";

const lesson = (file: string) => readFileSync(`content/lessons/${file}`, "utf8");

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
