// Shared by the sandbox's tests: skip (saying why) only where the sandbox cannot start.
import { describe } from "vitest";
import type { RunSpec } from "../../harness/spec";
import { getPythonSandboxStatus } from "./runner";

const status = getPythonSandboxStatus();

/** The sandbox's status, printed once when it is unavailable. */
export const sandboxReason = status.available ? null : status.reason;
if (sandboxReason) console.warn(`Python sandbox tests skipped: ${sandboxReason}`);

/** describe(), skipped when the sandbox cannot start on this machine. */
export const describeSandbox = sandboxReason ? describe.skip : describe;

/** A small test: Rosenbrock from (-1.5, 2), recording every step. */
export function rosenbrockSpec(steps = 3): RunSpec {
  return {
    objective: "rosenbrock",
    args: { a: 1, b: 100 },
    dim: 2,
    x0: [-1.5, 2],
    steps,
    hp: { lr: 0.01, momentum: 0.9 },
    record: Array.from({ length: steps }, (_, i) => i + 1),
  };
}

/** Plain NumPy momentum, correct: the baseline the hostile variants are built on. */
export const MOMENTUM = `import numpy as np

def init(params):
    return {"v": np.zeros_like(params)}

def step(params, grad, state, hp):
    state["v"] = hp.momentum * state["v"] + grad
    params -= hp.lr * state["v"]
`;
