import { describe, expect, it } from "vitest";
import { createOptimizer } from "./registry";
import { expectClose, runSteps } from "./test-helpers";

describe("sgd", () => {
  it("plain step: p -= lr * g", () => {
    const { path } = runSteps("sgd", { lr: 0.1 }, [1, -2], [[0.5, 1]]);
    expectClose(path[0] ?? [], [0.95, -2.1]);
  });

  it("first momentum step copies the gradient without dampening, then dampens", () => {
    const h = { lr: 0.1, momentum: 0.9, dampening: 0.5 };
    const { path, opt } = runSteps("sgd", h, [1], [[2], [4]]);
    expectClose(path[0] ?? [], [1 - 0.1 * 2]); // buf = g, not (1 - dampening) g
    const buf2 = 0.9 * 2 + 0.5 * 4;
    expectClose(path[1] ?? [], [0.8 - 0.1 * buf2]);
    expectClose(opt.state().momentum_buffer as Float64Array, [buf2]);
  });

  it("nesterov uses g + momentum * buf", () => {
    const { path } = runSteps("sgd", { lr: 0.1, momentum: 0.9, nesterov: true }, [1], [[2], [1]]);
    expectClose(path[0] ?? [], [1 - 0.1 * (2 + 0.9 * 2)]);
    const buf2 = 0.9 * 2 + 1;
    expectClose(path[1] ?? [], [(path[0]?.[0] ?? 0) - 0.1 * (1 + 0.9 * buf2)]);
  });

  it("weight decay adds wd * p to the gradient; maximize negates the gradient first", () => {
    expectClose(runSteps("sgd", { lr: 0.1, weight_decay: 0.5 }, [2], [[1]]).path[0] ?? [], [
      2 - 0.1 * (1 + 1),
    ]);
    expectClose(runSteps("sgd", { lr: 0.1, maximize: true }, [2], [[1]]).path[0] ?? [], [2.1]);
    // PyTorch 1.13: d = -g + wd * p
    expectClose(runSteps("sgd", { lr: 0.1, maximize: true, weight_decay: 0.5 }, [2], [[1]]).path[0] ?? [], [
      2 - 0.1 * (-1 + 1),
    ]);
  });

  it("uses the lr override for one step only", () => {
    const opt = createOptimizer("sgd", 1, { lr: 0.1 });
    const x = Float64Array.of(1);
    const g = Float64Array.of(1);
    opt.step(x, g, 0.5);
    opt.step(x, g);
    expectClose(x, [1 - 0.5 - 0.1]);
    expect(opt.t).toBe(2);
  });

  it("has no momentum buffer without momentum", () => {
    expect(Object.keys(createOptimizer("sgd", 3, { lr: 1 }).state())).toEqual(["step"]);
  });
});
