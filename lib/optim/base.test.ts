import { describe, expect, it } from "vitest";
import { createOptimizer } from "./registry";

// The set-up every optimizer shares (base.ts): state() lists PyTorch's names, step first, and only
// the buffers the configuration uses; hyper-parameters are frozen, arrays included.
describe("OptimizerBase", () => {
  it("reports the state buffers a configuration uses, in PyTorch's order", () => {
    const keys = (name: Parameters<typeof createOptimizer>[0], hparams: Record<string, unknown>) =>
      Object.keys(createOptimizer(name, 4, hparams).state());
    expect(keys("sgd", { lr: 0.1 })).toEqual(["step"]);
    expect(keys("sgd", { lr: 0.1, momentum: 0.9 })).toEqual(["step", "momentum_buffer"]);
    expect(keys("adam", {})).toEqual(["step", "exp_avg", "exp_avg_sq"]);
    expect(keys("adam", { amsgrad: true })).toEqual(["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"]);
    expect(keys("rmsprop", { momentum: 0.5, centered: true })).toEqual([
      "step",
      "square_avg",
      "momentum_buffer",
      "grad_avg",
    ]);
    expect(keys("nadam", {})).toEqual(["step", "mu_product", "exp_avg", "exp_avg_sq"]);
    expect(keys("adafactor", {})).toEqual(["step", "variance"]);
    expect(keys("adafactor", { shape: [2, 2] })).toEqual(["step", "row_var", "col_var"]);
  });

  it("freezes the resolved hyper-parameters and their arrays", () => {
    const adam = createOptimizer("adam", 2, { betas: [0.8, 0.99] });
    expect(Object.isFrozen(adam.hparams)).toBe(true);
    expect(Object.isFrozen(adam.hparams.betas)).toBe(true);
    expect(adam.hparams.betas).toEqual([0.8, 0.99]);
    expect("shape" in createOptimizer("adafactor", 2, {}).hparams).toBe(false);
  });

  it("fills Adagrad's sum with the initial accumulator value", () => {
    const adagrad = createOptimizer("adagrad", 3, { initial_accumulator_value: 0.5 });
    expect(Array.from(adagrad.state().sum as Float64Array)).toEqual([0.5, 0.5, 0.5]);
  });
});
