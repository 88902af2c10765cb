import { describe, expect, it } from "vitest";
import { createObjective } from "./index";
import { getEpochOrder } from "./least-squares";

describe("least_squares", () => {
  const objective = createObjective("least_squares", { examples: 6, seed: 3, noise: 0.2 }, { dim: 3 });
  const x = Float64Array.from([0.3, -0.7, 1.1]);

  it("has a full gradient equal to the mean of the per-example gradients", () => {
    const full = new Float64Array(3);
    objective.gradient(x, full);
    const mean = new Float64Array(3);
    const one = new Float64Array(3);
    for (let i = 0; i < 6; i++) {
      objective.exampleGradient?.(i, x, one);
      for (let j = 0; j < 3; j++) mean[j] = (mean[j] as number) + (one[j] as number) / 6;
    }
    for (let j = 0; j < 3; j++) expect(full[j]).toBeCloseTo(mean[j] as number, 14);
  });

  it("has the gradient of its value (central differences)", () => {
    const g = new Float64Array(3);
    objective.gradient(x, g);
    for (let j = 0; j < 3; j++) {
      const plus = x.slice();
      const minus = x.slice();
      plus[j] = (plus[j] as number) + 1e-6;
      minus[j] = (minus[j] as number) - 1e-6;
      expect(g[j]).toBeCloseTo((objective.value(plus) - objective.value(minus)) / 2e-6, 7);
    }
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const again = createObjective("least_squares", { examples: 6, seed: 3, noise: 0.2 }, { dim: 3 });
    const other = createObjective("least_squares", { examples: 6, seed: 4, noise: 0.2 }, { dim: 3 });
    expect(again.value(x)).toBe(objective.value(x));
    expect(other.value(x)).not.toBe(objective.value(x));
  });

  it("gives each epoch a permutation of the examples, a new one per epoch, the same for the same seed", () => {
    const orders = [0, 1, 2].map((epoch) => objective.epochOrder?.(epoch) ?? []);
    for (const order of orders) expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(orders[1]).not.toEqual(orders[0]);
    expect(objective.epochOrder?.(1)).toEqual(orders[1]);
    expect(getEpochOrder(50, 3, 0)).not.toEqual(getEpochOrder(50, 4, 0));
  });

  it("refuses an example or epoch out of range", () => {
    const out = new Float64Array(3);
    expect(() => objective.exampleGradient?.(6, x, out)).toThrow(RangeError);
    expect(() => objective.epochOrder?.(-1)).toThrow(RangeError);
  });
});
