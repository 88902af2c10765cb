import { describe, expect, it } from "vitest";
import { runTrajectory } from "../optim";
import {
  createLeastSquares,
  createLeastSquaresObjective,
  getBatchGradient,
  getLeastSquaresLoss,
  runMinibatchSgd,
} from "./minibatch";

const data = createLeastSquares();
const start = [data.wStar[0] - 1, data.wStar[1] - 1] as const;
const EPOCHS = 32;

function meanOverSeeds(
  lr: number,
  batchSize: number,
  field: "floor" | "radius" = "floor",
  seeds = 6,
): number {
  let s = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    s += runMinibatchSgd({ data, lr, batchSize, examples: EPOCHS * data.n, seed, start })[field];
  }
  return s / seeds;
}

describe("least squares", () => {
  it("has w* where the full gradient vanishes, and that gradient is the loss's derivative", () => {
    const g = new Float64Array(2);
    getBatchGradient(data, data.wStar, g);
    expect(Math.hypot(g[0] as number, g[1] as number)).toBeLessThan(1e-12);
    const w = [0.3, -0.7];
    getBatchGradient(data, w, g);
    const h = 1e-6;
    for (const i of [0, 1]) {
      const up = [...w];
      const down = [...w];
      up[i] = (up[i] as number) + h;
      down[i] = (down[i] as number) - h;
      const numeric = (getLeastSquaresLoss(data, up) - getLeastSquaresLoss(data, down)) / (2 * h);
      expect(g[i]).toBeCloseTo(numeric, 6);
    }
    expect(data.fStar).toBeCloseTo(getLeastSquaresLoss(data, data.wStar), 14);
    expect(getLeastSquaresLoss(data, w)).toBeGreaterThan(data.fStar);
  });

  it("averages the per-example gradients of the rows it is given", () => {
    const g = new Float64Array(2);
    getBatchGradient(data, [0.5, 0.5], g, [3]);
    const r = (data.a[6] as number) * 0.5 + (data.a[7] as number) * 0.5 - (data.b[3] as number);
    expect(g[0]).toBeCloseTo((data.a[6] as number) * r, 14);
    expect(g[1]).toBeCloseTo((data.a[7] as number) * r, 14);
  });
});

describe("runMinibatchSgd", () => {
  it("is the same run for the same seed and another for another seed", () => {
    const opts = { data, lr: 0.1, batchSize: 4, examples: 2048, start };
    const a = runMinibatchSgd({ ...opts, seed: 3 });
    const b = runMinibatchSgd({ ...opts, seed: 3 });
    const c = runMinibatchSgd({ ...opts, seed: 4 });
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.ys)).not.toEqual(Array.from(c.ys));
    expect(a.steps).toBe(512);
  });

  it("with the whole data set as the batch is lib/optim's full-batch gradient descent", () => {
    const run = runMinibatchSgd({ data, lr: 0.3, batchSize: data.n, examples: 20 * data.n, seed: 1, start });
    const full = runTrajectory({
      optimizer: "sgd",
      hparams: { lr: 0.3 },
      objective: createLeastSquaresObjective(data),
      x0: start,
      steps: 20,
    });
    for (let t = 0; t <= 20; t++) {
      const p = full.points.get(t) as Float64Array;
      expect(run.xs[t]).toBeCloseTo(p[0] as number, 12);
      expect(run.ys[t]).toBeCloseTo(p[1] as number, 12);
    }
  });

  it("settles in a noise ball that shrinks as the batch grows", () => {
    const radii = [1, 4, 16].map((b) => meanOverSeeds(0.2, b, "radius"));
    for (let i = 1; i < radii.length; i++) expect(radii[i]).toBeLessThan(radii[i - 1] as number);
  });

  it("has a noise floor proportional to lr / batch size (the linear scaling rule)", () => {
    // Four times the batch at the same lr: about a quarter of the excess loss.
    const ratio = meanOverSeeds(0.05, 2) / meanOverSeeds(0.05, 8);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(6);
    // Four times the batch and four times the lr: about the same.
    const scaled = meanOverSeeds(0.2, 8) / meanOverSeeds(0.05, 2);
    expect(scaled).toBeGreaterThan(0.7);
    expect(scaled).toBeLessThan(1.4);
  });

  it("stops a diverging run and reports the step", () => {
    const run = runMinibatchSgd({ data, lr: 3, batchSize: 1, examples: 4096, seed: 1, start });
    expect(run.divergedAt).not.toBeNull();
    expect(run.xs).toHaveLength(run.divergedAt as number);
    expect(run.floor).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses a batch size outside 1..n", () => {
    expect(() => runMinibatchSgd({ data, lr: 0.1, batchSize: 0, examples: 10, seed: 1, start })).toThrow(
      RangeError,
    );
  });
});
