// The harness's NumPy objectives against lib/objectives at random points: a submission whose step
// writes the gradient into params records exactly the gradient the harness computed.
import { expect, it } from "vitest";
import type { RunSpec } from "../../harness/spec";
import { createObjective, type ObjectiveName } from "../../objectives";
import { createRandom } from "../../random";
import { runPythonSubmission } from "./runner";
import { describeSandbox } from "./test-support";

const CASES: Array<[ObjectiveName, Record<string, unknown>, number[]]> = [
  ["rosenbrock", { a: 1, b: 100 }, [2, 3, 7]],
  ["rosenbrock", { a: 0.5, b: 10 }, [2, 4]],
  ["quadratic", { condition: 100 }, [1, 2, 5, 40]],
  ["quadratic", { condition: 3.7 }, [3]],
  ["himmelblau", {}, [2]],
  ["beale", {}, [2]],
  ["booth", {}, [2]],
  ["styblinski_tang", {}, [1, 2, 6]],
  ["rastrigin", { A: 10 }, [1, 2, 5]],
  ["rastrigin", { A: 3 }, [3]],
  ["least_squares", { examples: 20, seed: 1, noise: 0.1 }, [1, 3, 6]],
  ["least_squares", { examples: 7, seed: 9, noise: 0.5 }, [2]],
];

const WRITE_GRADIENT = `
def init(params):
    return None

def step(params, grad, state, hp):
    params[:] = grad
`;

/** |a − b| ≤ 1e-12 · max(|a|, |b|), or both exactly zero. */
function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) || a === b;
}

describeSandbox("Python objectives", () => {
  it("give the TypeScript gradient (relative 1e-12) at random points", async () => {
    const random = createRandom(2026);
    const specs: RunSpec[] = [];
    for (const [objective, args, dims] of CASES)
      for (const dim of dims)
        for (let trial = 0; trial < 5; trial++)
          specs.push({
            objective,
            args,
            dim,
            x0: Array.from({ length: dim }, () => 6 * random() - 3),
            steps: 1,
            hp: {},
            record: [1],
          });
    const result = await runPythonSubmission({ code: WRITE_GRADIENT, specs, timeoutMs: 10_000 });
    expect(result.load.status).toBe("ok");
    let compared = 0;
    specs.forEach((spec, i) => {
      const run = result.runs[i];
      expect(run?.status).toBe("ok");
      const expected = new Float64Array(spec.dim);
      createObjective(spec.objective as ObjectiveName, spec.args, { dim: spec.dim }).gradient(
        Float64Array.from(spec.x0),
        expected,
      );
      expected.forEach((e, j) => {
        const actual = run?.recorded[j] as number;
        if (!isClose(e, actual))
          throw new Error(`${spec.objective} n=${spec.dim} #${i} [${j}]: ${e} vs ${actual}`);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(300);
  });

  it("give each example's least-squares gradient through data.gradient in mini-batch mode", async () => {
    const random = createRandom(7);
    const specs: RunSpec[] = [3, 5].map((dim) => ({
      objective: "least_squares",
      args: { examples: 6, seed: dim, noise: 0.2 },
      dim,
      x0: Array.from({ length: dim }, () => 4 * random() - 2),
      steps: 6,
      hp: {},
      record: [1, 2, 3, 4, 5, 6],
      minibatch: true,
    }));
    // Step k writes the gradient of example k - 1 at x0 (kept in the state) into params.
    const code = `
import numpy as np

def init(params):
    return {"x0": params.copy(), "k": 0}

def step(params, grad, state, hp, data):
    data.gradient(state["k"], state["x0"], params)
    state["k"] += 1
`;
    const result = await runPythonSubmission({ code, specs, timeoutMs: 10_000 });
    specs.forEach((spec, s) => {
      const objective = createObjective("least_squares", spec.args, { dim: spec.dim });
      const one = new Float64Array(spec.dim);
      for (let i = 0; i < 6; i++) {
        objective.exampleGradient?.(i, Float64Array.from(spec.x0), one);
        const row = result.runs[s]?.recorded.subarray(i * spec.dim, (i + 1) * spec.dim);
        expect(Array.from(row ?? [])).toEqual(Array.from(one));
      }
    });
  });
});
