import { describe, expect, it } from "vitest";
import { createOptimizer } from "./registry";
import { expectClose, runSteps } from "./test-helpers";

const EPS = 1e-8;

describe("adam", () => {
  it("first step is lr * g / (|g| + eps): both bias corrections cancel", () => {
    const { path } = runSteps("adam", { lr: 0.1 }, [1, 1], [[2, -0.5]]);
    expectClose(path[0] ?? [], [1 - (0.1 * 2) / (2 + EPS), 1 + (0.1 * 0.5) / (0.5 + EPS)]);
  });

  it("second step follows the bias-corrected moments", () => {
    const { path } = runSteps("adam", { lr: 0.1, betas: [0.8, 0.9] }, [0], [[1], [3]]);
    const m = 0.8 * 0.2 + 0.2 * 3;
    const v = 0.9 * 0.1 + 0.1 * 9;
    const expected =
      (path[0]?.[0] ?? 0) - ((0.1 / (1 - 0.8 ** 2)) * m) / (Math.sqrt(v) / Math.sqrt(1 - 0.9 ** 2) + EPS);
    expectClose(path[1] ?? [], [expected]);
  });

  it("weight_decay is L2 on adam, decoupled on adamw", () => {
    const adam = runSteps("adam", { lr: 0.1, weight_decay: 0.5 }, [2], [[1]]).path[0] ?? [];
    expectClose(adam, [2 - (0.1 * 2) / (2 + EPS)]); // g + wd p = 2
    const adamw = runSteps("adamw", { lr: 0.1, weight_decay: 0.5 }, [2], [[1]]).path[0] ?? [];
    expectClose(adamw, [2 * (1 - 0.05) - (0.1 * 1) / (1 + EPS)]);
  });

  it("adamw defaults to weight_decay 0.01", () => {
    expect(createOptimizer("adamw", 1).hparams.weight_decay).toBe(0.01);
    expect(createOptimizer("adam", 1).hparams.weight_decay).toBe(0);
  });

  it("amsgrad divides by the running max of v", () => {
    const grads = [[10], [0.1]];
    const { path, opt } = runSteps("adam", { lr: 0.1, amsgrad: true }, [0], grads);
    const v1 = 0.001 * 100;
    const v2 = 0.999 * v1 + 0.001 * 0.01;
    const m2 = 0.9 * 1 + 0.1 * 0.1;
    const vMax = Math.max(v1, v2);
    const expected =
      (path[0]?.[0] ?? 0) - ((0.1 / (1 - 0.81)) * m2) / (Math.sqrt(vMax) / Math.sqrt(1 - 0.999 ** 2) + EPS);
    expectClose(path[1] ?? [], [expected]);
    expectClose(opt.state().max_exp_avg_sq as Float64Array, [vMax]);
  });

  it("maximize climbs", () => {
    expectClose(runSteps("adam", { lr: 0.1, maximize: true }, [1], [[2]]).path[0] ?? [], [
      1 + (0.1 * 2) / (2 + EPS),
    ]);
    expectClose(runSteps("adamw", { lr: 0.1, maximize: true, weight_decay: 0 }, [1], [[2]]).path[0] ?? [], [
      1 + (0.1 * 2) / (2 + EPS),
    ]);
  });

  it("exposes its moments as live state", () => {
    const opt = createOptimizer("adam", 2);
    opt.step(Float64Array.of(0, 0), Float64Array.of(1, 2));
    const s = opt.state();
    expectClose(s.exp_avg as Float64Array, [0.1, 0.2]);
    expectClose(s.exp_avg_sq as Float64Array, [0.001, 0.004]);
    expect(s.step).toBe(1);
    expect(s.max_exp_avg_sq).toBeUndefined();
  });
});
