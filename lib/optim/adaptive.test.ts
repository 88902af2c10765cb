// Hand-checked first steps of rmsprop, adagrad, nadam, radam, adamax, adadelta and lion.
import { describe, expect, it } from "vitest";
import { expectClose, runSteps } from "./test-helpers";

describe("rmsprop", () => {
  it("plain: p -= lr g / (sqrt(s) + eps), s = (1 - alpha) g^2 first", () => {
    const { path } = runSteps("rmsprop", { lr: 0.01 }, [1], [[2]]);
    expectClose(path[0] ?? [], [1 - (0.01 * 2) / (Math.sqrt(0.01 * 4) + 1e-8)]);
  });

  it("centered subtracts the squared mean gradient", () => {
    const { path } = runSteps("rmsprop", { lr: 0.01, centered: true }, [1], [[2]]);
    const s = 0.01 * 4;
    const a = 0.01 * 2;
    expectClose(path[0] ?? [], [1 - (0.01 * 2) / (Math.sqrt(s - a * a) + 1e-8)]);
  });

  it("momentum accumulates g / avg", () => {
    const { path } = runSteps("rmsprop", { lr: 0.01, alpha: 0.5, momentum: 0.9 }, [0], [[1], [1]]);
    const b1 = 1 / (Math.sqrt(0.5) + 1e-8);
    const b2 = 0.9 * b1 + 1 / (Math.sqrt(0.75) + 1e-8);
    expectClose(path[0] ?? [], [-0.01 * b1]);
    expectClose(path[1] ?? [], [-0.01 * b1 - 0.01 * b2]);
  });
});

describe("adagrad", () => {
  it("accumulates squared gradients from initial_accumulator_value", () => {
    const { path } = runSteps("adagrad", { lr: 0.5, initial_accumulator_value: 1 }, [0], [[2], [1]]);
    expectClose(path[0] ?? [], [-(0.5 * 2) / (Math.sqrt(5) + 1e-10)]);
    expectClose(path[1] ?? [], [(path[0]?.[0] ?? 0) - (0.5 * 1) / (Math.sqrt(6) + 1e-10)]);
  });

  it("decays lr as lr / (1 + (t - 1) lr_decay) and adds L2", () => {
    const { path } = runSteps("adagrad", { lr: 1, lr_decay: 0.5, weight_decay: 0.1 }, [1], [[0], [0], [0]]);
    // Gradient is wd * p only; check the third step's effective lr 1 / (1 + 2 * 0.5) = 0.5.
    const p2 = path[1]?.[0] ?? 0;
    const g3 = 0.1 * p2;
    const sum3 = 0.1 ** 2 + (0.1 * (path[0]?.[0] ?? 0)) ** 2 + g3 * g3;
    expectClose(path[2] ?? [], [p2 - (0.5 * g3) / (Math.sqrt(sum3) + 1e-10)]);
  });
});

describe("nadam", () => {
  it("first step uses PyTorch 1.13's mu_product_next = mu_1 * mu_1 * mu_2", () => {
    const mu = (t: number) => 0.9 * (1 - 0.5 * 0.96 ** (t * 0.004));
    const { path } = runSteps("nadam", {}, [0], [[3]]);
    const denom = 3 + 1e-8; // sqrt(v / bc2) = |g|
    const expected = -(0.002 * 3) / denom - (0.002 * mu(2) * 0.3) / ((1 - mu(1) * mu(1) * mu(2)) * denom);
    expectClose(path[0] ?? [], [expected], 1e-13);
    // The corrected (PyTorch 2.x) formula would differ by about 1%: make sure we are not using it.
    const fixed = -(0.002 * 3) / denom - (0.002 * mu(2) * 0.3) / ((1 - mu(1) * mu(2)) * denom);
    expect(Math.abs((path[0]?.[0] ?? 0) - fixed)).toBeGreaterThan(1e-5);
  });
});

describe("radam", () => {
  it("takes plain momentum steps while rho_t <= 5 (steps 1-5 by default), then rectifies", () => {
    const grads = Array.from({ length: 6 }, () => [2]);
    const { path } = runSteps("radam", { lr: 0.01 }, [0], grads);
    // With a constant gradient the bias-corrected momentum is g itself.
    for (let k = 0; k < 5; k++) expectClose(path[k] ?? [], [-0.01 * 2 * (k + 1)], 1e-12);
    const rhoInf = 1999;
    const rho6 = rhoInf - (12 * 0.999 ** 6) / (1 - 0.999 ** 6);
    const rect = Math.sqrt(((rho6 - 4) * (rho6 - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho6));
    const v6 = (1 - 0.999 ** 6) * 4;
    const step6 = (0.01 * 2 * rect * Math.sqrt(1 - 0.999 ** 6)) / (Math.sqrt(v6) + 1e-8);
    expectClose(path[5] ?? [], [(path[4]?.[0] ?? 0) - step6], 1e-12);
    expect(step6).toBeLessThan(0.001); // rectification shrinks the first adaptive step a lot
  });
});

describe("adamax", () => {
  it("divides by max(beta2 u, |g| + eps)", () => {
    const { path, opt } = runSteps("adamax", { lr: 0.1 }, [0], [[4], [1]]);
    expectClose(path[0] ?? [], [-(0.1 * 4) / (4 + 1e-8)]);
    const m2 = 0.9 * 0.4 + 0.1;
    const u2 = Math.max(0.999 * (4 + 1e-8), 1 + 1e-8);
    expectClose(path[1] ?? [], [(path[0]?.[0] ?? 0) - ((0.1 / (1 - 0.81)) * m2) / u2]);
    expectClose(opt.state().exp_inf as Float64Array, [u2]);
  });
});

describe("adadelta", () => {
  it("scales g by sqrt(acc + eps) / sqrt(s + eps)", () => {
    const { path, opt } = runSteps("adadelta", {}, [1], [[2]]);
    const s = 0.1 * 4;
    const delta = (Math.sqrt(1e-6) / Math.sqrt(s + 1e-6)) * 2;
    expectClose(path[0] ?? [], [1 - delta]);
    expectClose(opt.state().acc_delta as Float64Array, [0.1 * delta * delta]);
  });
});

describe("lion", () => {
  it("steps by lr * sign(beta1 m + (1 - beta1) g) and decays decoupled", () => {
    const h = { lr: 0.1, betas: [0.9, 0.99], weight_decay: 0.5 };
    const { path, opt } = runSteps(
      "lion",
      h,
      [1, -1, 2],
      [
        [3, -0.5, 0],
        [-0.2, -0.5, 0],
      ],
    );
    expectClose(path[0] ?? [], [1 * 0.95 - 0.1, -1 * 0.95 + 0.1, 2 * 0.95]);
    // m = 0.01 g after step 1; c = 0.9 * 0.03 + 0.1 * -0.2 = 0.007 > 0 although g < 0.
    expectClose(path[1] ?? [], [
      (path[0]?.[0] ?? 0) * 0.95 - 0.1,
      (path[0]?.[1] ?? 0) * 0.95 + 0.1,
      2 * 0.95 * 0.95,
    ]);
    expectClose(opt.state().exp_avg as Float64Array, [0.99 * 0.03 - 0.002, 0.99 * -0.005 - 0.005, 0]);
  });

  it("keeps NaN gradients visible", () => {
    const { path } = runSteps("lion", { lr: 0.1 }, [1], [[Number.NaN]]);
    expect(Number.isNaN(path[0]?.[0])).toBe(true);
  });
});
