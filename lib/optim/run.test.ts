import { describe, expect, it } from "vitest";
import { createObjective } from "../objectives/index";
import { OptimizerConfigError } from "../config-error";
import { createOptimizer } from "./registry";
import { runTrajectory } from "./run";
import { createSchedule } from "./schedules";
import { expectClose } from "./test-helpers";

describe("runTrajectory", () => {
  it("records x0 and every step, with the loss at each x_k", () => {
    const objective = createObjective("quadratic", { condition: 4 });
    const { points, losses, final } = runTrajectory({
      optimizer: "sgd",
      hparams: { lr: 0.1 },
      objective,
      x0: [1, 1],
      steps: 5,
    });
    expect([...points.keys()]).toEqual([0, 1, 2, 3, 4, 5]);
    // lambda = [1, 4]: x_k = (1 - 0.1 lambda)^k x0
    expectClose(points.get(3) ?? [], [0.9 ** 3, 0.6 ** 3]);
    expectClose(final, [0.9 ** 5, 0.6 ** 5]);
    expect(losses).toHaveLength(6);
    expectClose([losses[0] ?? 0, losses[2] ?? 0], [0.5 * (1 + 4), 0.5 * (0.9 ** 4 + 4 * 0.6 ** 4)]);
  });

  it("keeps only the requested steps", () => {
    const objective = createObjective("rosenbrock");
    const { points, losses } = runTrajectory({
      optimizer: "adam",
      objective,
      x0: [-1.5, 2],
      steps: 100,
      record: [0, 10, 100, 500],
    });
    expect([...points.keys()]).toEqual([0, 10, 100]);
    expect(losses).toHaveLength(101);
    expect(losses[100]).toBeLessThan(losses[0] ?? 0);
  });

  it("applies the schedule with lr = schedule(k - 1) at step k", () => {
    const objective = createObjective("booth");
    const schedule = { type: "step", stepSize: 3, gamma: 0.5 } as const;
    const run = runTrajectory({
      optimizer: "adam",
      hparams: { lr: 0.1 },
      objective,
      x0: [0, 0],
      steps: 8,
      schedule,
    });
    const lr = createSchedule(0.1, schedule);
    const opt = createOptimizer("adam", 2, { lr: 0.1 });
    const x = Float64Array.of(0, 0);
    const g = new Float64Array(2);
    for (let k = 1; k <= 8; k++) {
      objective.gradient(x, g, k);
      opt.step(x, g, lr(k - 1));
    }
    expectClose(run.final, Array.from(x), 0);
  });

  it("feeds the 1-based step to the objective (logreg batches)", () => {
    const data = {
      X: [
        [1, 0, 1],
        [0, 1, 1],
        [1, 1, 1],
        [-1, 0.5, 1],
      ],
      y: [1, 0, 1, 0],
      batches: [
        [0, 1],
        [2, 3],
      ],
    };
    const objective = createObjective("logreg", {}, { data });
    const run = runTrajectory({
      optimizer: "sgd",
      hparams: { lr: 0.5 },
      objective,
      x0: [0.1, 0.2, 0.3],
      steps: 4,
    });
    const x = Float64Array.of(0.1, 0.2, 0.3);
    const g = new Float64Array(3);
    for (let k = 1; k <= 4; k++) {
      objective.gradient(x, g, k);
      for (let j = 0; j < 3; j++) x[j] = (x[j] ?? 0) - 0.5 * (g[j] ?? 0);
    }
    expectClose(run.final, Array.from(x));
  });

  it("validates steps, x0 and the optimizer", () => {
    const objective = createObjective("himmelblau");
    expect(() => runTrajectory({ optimizer: "adam", objective, x0: [0, 0], steps: -1 })).toThrow(
      /Invalid steps/,
    );
    expect(() => runTrajectory({ optimizer: "adam", objective, x0: [0, 0, 0], steps: 1 })).toThrow(
      OptimizerConfigError,
    );
    expect(() => runTrajectory({ optimizer: "sgd", objective, x0: [0, 0], steps: 1 })).toThrow(/Missing lr/);
  });
});

describe("runTrajectory: mini-batches and clipping", () => {
  it("averages the next batch of the epoch's order, the last batch smaller, then reshuffles", () => {
    const objective = createObjective("least_squares", { examples: 5, seed: 2 }, { dim: 2 });
    const run = runTrajectory({
      optimizer: "sgd",
      hparams: { lr: 0.1 },
      objective,
      x0: [1, -1],
      steps: 3,
      batchSize: 3,
    });
    // By hand: batches order(0)[0..3), order(0)[3..5), order(1)[0..3).
    const x = Float64Array.from([1, -1]);
    const one = new Float64Array(2);
    const batches = [
      (objective.epochOrder?.(0) ?? []).slice(0, 3),
      (objective.epochOrder?.(0) ?? []).slice(3, 5),
      (objective.epochOrder?.(1) ?? []).slice(0, 3),
    ];
    for (const [k, batch] of batches.entries()) {
      const g = new Float64Array(2);
      for (const i of batch) {
        objective.exampleGradient?.(i, x, one);
        g[0] = (g[0] as number) + (one[0] as number) / batch.length;
        g[1] = (g[1] as number) + (one[1] as number) / batch.length;
      }
      x[0] = (x[0] as number) - 0.1 * (g[0] as number);
      x[1] = (x[1] as number) - 0.1 * (g[1] as number);
      expect(Array.from(run.points.get(k + 1) ?? [])).toEqual(
        Array.from(x).map((v) => expect.closeTo(v, 14)),
      );
    }
  });

  it("with batchSize = n is full-batch gradient descent", () => {
    const objective = createObjective("least_squares", { examples: 4, seed: 9 }, { dim: 3 });
    const options = { optimizer: "sgd" as const, hparams: { lr: 0.2 }, objective, x0: [1, 2, 3], steps: 5 };
    const mini = runTrajectory({ ...options, batchSize: 4 }).final;
    const full = runTrajectory(options).final;
    for (let j = 0; j < 3; j++) expect(mini[j]).toBeCloseTo(full[j] as number, 14);
  });

  it("clips the gradient by its global norm before every step", () => {
    const objective = createObjective("quadratic", { condition: 1 }, { dim: 2 });
    // Gradient = x = [30, 40]: norm 50, clipped to norm 1 → the step moves 0.1 along −x/|x|.
    const run = runTrajectory({
      optimizer: "sgd",
      hparams: { lr: 0.1 },
      objective,
      x0: [30, 40],
      steps: 1,
      clipGradNorm: 1,
    });
    const coef = 1 / (50 + 1e-6);
    expect(run.final[0]).toBeCloseTo(30 - 0.1 * 30 * coef, 12);
    expect(run.final[1]).toBeCloseTo(40 - 0.1 * 40 * coef, 12);
  });
});
