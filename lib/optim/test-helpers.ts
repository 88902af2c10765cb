// Shared by the unit tests of lib/optim (not exported from index.ts).
import { expect } from "vitest";
import { createOptimizer } from "./registry";
import type { Optimizer, OptimizerName } from "./types";

/** Asserts |actual - expected| <= rtol * max(1, |expected|) for every coordinate. */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], rtol = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (!(Math.abs(a - e) <= rtol * Math.max(1, Math.abs(e)))) {
      throw new Error(`coordinate ${i}: got ${a}, expected ${e} (rtol ${rtol})`);
    }
  }
}

/** Runs `grads.length` steps from x0 and returns the parameters after each step. */
export function runSteps(
  name: OptimizerName,
  hparams: Record<string, unknown>,
  x0: readonly number[],
  grads: readonly (readonly number[])[],
): { opt: Optimizer; path: number[][] } {
  const opt = createOptimizer(name, x0.length, hparams);
  const x = Float64Array.from(x0);
  const path: number[][] = [];
  for (const g of grads) {
    opt.step(x, Float64Array.from(g));
    path.push(Array.from(x));
  }
  return { opt, path };
}
