import { describe, expect, it } from "vitest";
import { OptimizerConfigError } from "../config-error";
import {
  createOptimizer,
  getOptimizerDefaults,
  getOptimizerHparamNames,
  OPTIMIZER_NAMES,
  parseOptimizerHparams,
} from "./registry";
import type { OptimizerName } from "./types";

function getConfigError(fn: () => unknown): OptimizerConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OptimizerConfigError) return error;
    throw error;
  }
  throw new Error("expected an OptimizerConfigError");
}

describe("createOptimizer", () => {
  it("creates every optimizer with its defaults (lr required for sgd and lion)", () => {
    expect(OPTIMIZER_NAMES).toHaveLength(15);
    for (const name of OPTIMIZER_NAMES) {
      const hparams = name === "sgd" || name === "lion" ? { lr: 0.1 } : {};
      const opt = createOptimizer(name, 3, hparams);
      expect(opt.name).toBe(name);
      expect(opt.t).toBe(0);
      const x = Float64Array.of(1, 2, 3);
      opt.step(x, Float64Array.of(0.5, -0.5, 1));
      expect(opt.t).toBe(1);
      expect(Array.from(x)).not.toEqual([1, 2, 3]);
      expect(Object.isFrozen(opt.hparams)).toBe(true);
    }
  });

  it("fills in PyTorch 1.13 defaults", () => {
    expect(getOptimizerDefaults("adam")).toEqual({
      lr: 0.001,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: false,
      maximize: false,
    });
    expect(getOptimizerDefaults("sgd")).toEqual({
      momentum: 0,
      dampening: 0,
      weight_decay: 0,
      nesterov: false,
      maximize: false,
    });
    expect(getOptimizerDefaults("rmsprop")).toMatchObject({ lr: 0.01, alpha: 0.99, eps: 1e-8 });
    expect(getOptimizerDefaults("adagrad")).toMatchObject({
      lr: 0.01,
      eps: 1e-10,
      initial_accumulator_value: 0,
    });
    expect(getOptimizerDefaults("nadam")).toMatchObject({ lr: 0.002, momentum_decay: 0.004 });
    expect(getOptimizerDefaults("adamax")).toMatchObject({ lr: 0.002 });
    expect(getOptimizerDefaults("adadelta")).toMatchObject({ lr: 1, rho: 0.9, eps: 1e-6 });
    expect(getOptimizerDefaults("lion")).toEqual({ betas: [0.9, 0.99], weight_decay: 0 });
    expect(parseOptimizerHparams("adamw", { lr: 0.1 })).toMatchObject({ lr: 0.1, weight_decay: 0.01 });
  });

  it("supports maximize where PyTorch 1.13 does (and Adafactor, which came in 2.5 with it)", () => {
    const withMaximize = OPTIMIZER_NAMES.filter((n) => getOptimizerHparamNames(n).includes("maximize"));
    expect(withMaximize).toEqual([
      "sgd",
      "rmsprop",
      "adam",
      "adamw",
      "adagrad",
      "adamax",
      "adadelta",
      "adafactor",
    ]);
  });

  const invalid: [OptimizerName, Record<string, unknown>, string, string][] = [
    ["adam", { lr: -1 }, "lr", "Invalid lr: -1 (must be >= 0)"],
    ["adam", { betas: [1, 0.999] }, "betas[0]", "Invalid betas[0]: 1 (must be in [0, 1))"],
    ["adam", { betas: [0.9, -0.1] }, "betas[1]", "Invalid betas[1]: -0.1 (must be in [0, 1))"],
    ["adam", { betas: [0.9] }, "betas", "Invalid betas: [0.9] (must have at least 2 items)"],
    ["adam", { betas: 0.9 }, "betas", "Invalid betas: 0.9 (expected a list of 2 numbers)"],
    ["adam", { beta1: 0.9 }, "beta1", 'Unknown parameter "beta1" for adam'],
    ["adam", { lr: "0.1" }, "lr", 'Invalid lr: "0.1" (expected a finite number)'],
    ["adam", { lr: Number.NaN }, "lr", "Invalid lr: NaN (expected a finite number)"],
    ["adam", { amsgrad: 1 }, "amsgrad", "Invalid amsgrad: 1 (expected boolean)"],
    ["sgd", {}, "lr", "Missing lr (required for sgd)"],
    ["sgd", { lr: 0.1, nesterov: true }, "nesterov", "nesterov requires momentum > 0 and dampening = 0"],
    [
      "sgd",
      { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true },
      "nesterov",
      "nesterov requires momentum > 0 and dampening = 0",
    ],
    ["sgd", { lr: 0.1, momentum: -0.5 }, "momentum", "Invalid momentum: -0.5 (must be >= 0)"],
    ["rmsprop", { alpha: 1.5 }, "alpha", "Invalid alpha: 1.5 (must be in [0, 1])"],
    ["adagrad", { lr_decay: -1 }, "lr_decay", "Invalid lr_decay: -1 (must be >= 0)"],
    ["nadam", { maximize: true }, "maximize", 'Unknown parameter "maximize" for nadam'],
    ["radam", { eps: -1e-8 }, "eps", "Invalid eps: -1e-8 (must be >= 0)"],
    ["adadelta", { rho: 2 }, "rho", "Invalid rho: 2 (must be in [0, 1])"],
    ["lion", {}, "lr", "Missing lr (required for lion)"],
    ["lion", { lr: 0.1, weight_decay: -1 }, "weight_decay", "Invalid weight_decay: -1 (must be >= 0)"],
  ];
  it.each(invalid)("%s %j is rejected naming %s", (name, hparams, param, message) => {
    const error = getConfigError(() => createOptimizer(name, 2, hparams));
    expect(error.param).toBe(param);
    expect(error.message).toBe(message);
  });

  it("rejects unknown optimizers and bad dimensions", () => {
    expect(getConfigError(() => createOptimizer("adamm" as OptimizerName, 2)).param).toBe("optimizer");
    expect(getConfigError(() => createOptimizer("adam", 0)).message).toBe(
      "Invalid dim: 0 (must be an integer >= 1)",
    );
    expect(getConfigError(() => createOptimizer("adam", 1.5)).param).toBe("dim");
  });

  it("rejects mismatched buffers and bad lr overrides at step time", () => {
    const opt = createOptimizer("adam", 2);
    expect(() => opt.step(new Float64Array(3), new Float64Array(3))).toThrow(RangeError);
    expect(() => opt.step(new Float64Array(2), new Float64Array(2), -1)).toThrow(/lr override/);
    expect(opt.t).toBe(0);
  });
});
