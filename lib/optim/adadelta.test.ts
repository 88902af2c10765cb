// Adadelta's behaviour as lesson 6 describes it (torch.optim.Adadelta, 1.13): the first step is set by eps,
// not by the gradient, and `lr` scales the applied step without changing what acc_delta remembers.
import { describe, expect, it } from "vitest";
import { createOptimizer } from "./registry";
import { expectClose, runSteps } from "./test-helpers";

describe("adadelta", () => {
  it("has PyTorch's defaults: lr 1.0, rho 0.9, eps 1e-6, no weight decay", () => {
    expect(createOptimizer("adadelta", 1).hparams).toMatchObject({
      lr: 1,
      rho: 0.9,
      eps: 1e-6,
      weight_decay: 0,
    });
  });

  it("first step is sqrt(eps) g / sqrt((1 - rho) g² + eps), about sqrt(eps / (1 - rho)) = 0.0032 for any large gradient", () => {
    const grads = [1, 10, 1e3, -1e6];
    const { path } = runSteps("adadelta", {}, [0, 0, 0, 0], [grads]);
    expectClose(
      path[0] ?? [],
      grads.map((g) => -(Math.sqrt(1e-6) * g) / Math.sqrt(0.1 * g * g + 1e-6)),
    );
    for (const i of grads.keys())
      expect(Math.abs(Math.abs(path[0]?.[i] ?? 0) / Math.sqrt(1e-6 / 0.1) - 1)).toBeLessThan(1e-5);
    // The figure quoted in the lesson.
    expect(Math.sqrt(1e-6 / 0.1)).toBeCloseTo(0.0032, 4);
  });

  it("second step follows RMS of the first step over RMS of the gradients", () => {
    const { path } = runSteps("adadelta", { rho: 0.5, eps: 1e-2 }, [0], [[2], [1]]);
    const s1 = 0.5 * 4;
    const d1 = (Math.sqrt(1e-2) / Math.sqrt(s1 + 1e-2)) * 2;
    const u1 = 0.5 * d1 * d1;
    const s2 = 0.5 * s1 + 0.5 * 1;
    const d2 = (Math.sqrt(u1 + 1e-2) / Math.sqrt(s2 + 1e-2)) * 1;
    expectClose(path[1] ?? [], [-d1 - d2]);
  });

  it("lr scales the applied step but not acc_delta, which remembers the unscaled step", () => {
    const grads = [
      [3, -0.5],
      [2, 0.25],
      [-1, 1],
    ];
    const one = runSteps("adadelta", { lr: 1 }, [0, 0], grads);
    const small = runSteps("adadelta", { lr: 1e-3 }, [0, 0], grads);
    expectClose(
      small.path[2] ?? [],
      (one.path[2] ?? []).map((v) => v * 1e-3),
      1e-12,
    );
    expectClose(
      small.opt.state().acc_delta as Float64Array,
      Array.from(one.opt.state().acc_delta as Float64Array),
    );
  });
});
