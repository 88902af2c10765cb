import { describe, expect, it } from "vitest";
import { ValueSourceSchema } from "../content/judgment-schema";
import { createObjective } from "../objectives";
import { runTrajectory } from "../optim";
import { computeExpected } from "./values";

const expected = (source: unknown) => computeExpected(ValueSourceSchema.parse(source));

describe("computed values of prediction questions", () => {
  it("counts the steps until the distance to the minimum falls below the ratio, as the rate predicts", () => {
    // GD with η = 1/L on ½(x² + 50y²) from (1, 0): the distance is 0.98^t exactly.
    const steps = expected({
      type: "steps-to-distance",
      optimizer: "sgd",
      hparams: { lr: 0.02 },
      objective: { name: "quadratic", args: { condition: 50 } },
      x0: [1, 0],
      ratio: 1e-3,
    });
    expect(steps).toBe(Math.ceil(Math.log(1e-3) / Math.log(0.98)));
    expect(() =>
      expected({
        type: "steps-to-distance",
        optimizer: "sgd",
        hparams: { lr: 0.05 },
        objective: { name: "quadratic", args: { condition: 50 } },
        x0: [1, 1],
        ratio: 1e-3,
      }),
    ).toThrow(/does not reach/);
  });

  it("finds the stability edge 2(1 + μ)/η, where the core's run turns from shrinking to growing", () => {
    expect(expected({ type: "stability-edge", lr: 0.01 })).toBeCloseTo(200, 8);
    expect(expected({ type: "stability-edge", lr: 0.01, momentum: 0.9 })).toBeCloseTo(380, 8);
    const edge = expected({ type: "stability-edge", curvature: 40 });
    expect(edge).toBeCloseTo(0.05, 12);
    // The core agrees: GD on ½(x² + 40y²) shrinks just below η = 0.05 and grows just above it.
    const finalDistance = (lr: number) => {
      const run = runTrajectory({
        optimizer: "sgd",
        hparams: { lr },
        objective: createObjective("quadratic", { condition: 40 }, { dim: 2 }),
        x0: [0, 1],
        steps: 500,
      });
      return Math.abs(run.points.get(500)?.[1] as number);
    };
    expect(finalDistance(edge * 0.99)).toBeLessThan(0.01);
    expect(finalDistance(edge * 1.01)).toBeGreaterThan(100);
    expect(() => expected({ type: "stability-edge", lr: 0.1, curvature: 1 })).toThrow(/exactly one/);
  });

  it("gives Polyak's heavy-ball optimum and the noise-scale quantities", () => {
    expect(
      expected({ type: "heavy-ball-optimum", smallest: 1, largest: 100, quantity: "momentum" }),
    ).toBeCloseTo((9 / 11) ** 2, 12);
    expect(expected({ type: "heavy-ball-optimum", smallest: 1, largest: 100, quantity: "lr" })).toBeCloseTo(
      4 / 121,
      12,
    );
    const small = { batch: 32, squaredNorm: 2.5 };
    const big = { batch: 512, squaredNorm: 0.625 };
    expect(expected({ type: "noise-scale", small, big, quantity: "gradient-squared-norm" })).toBeCloseTo(
      0.5,
      12,
    );
    expect(expected({ type: "noise-scale", small, big, quantity: "trace" })).toBeCloseTo(64, 10);
    expect(expected({ type: "noise-scale", small, big, quantity: "simple" })).toBeCloseTo(128, 9);
    expect(expected({ type: "batch-tradeoff", noiseScale: 128, batch: 128, quantity: "steps" })).toBe(2);
    expect(expected({ type: "batch-tradeoff", noiseScale: 128, batch: 1024, quantity: "examples" })).toBe(9);
  });
});
