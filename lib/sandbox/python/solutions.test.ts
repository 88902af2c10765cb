// Reference solutions in NumPy pass every test of their exercise, compared with lib/optim's
// trajectories by the grader's own rule (findDivergence, relative 1e-6).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { ExerciseConfig } from "../../content/exercise-schema";
import { loadExerciseConfig } from "../../content/registry";
import { findDivergence } from "../../grader/compare";
import { resolveTests } from "../../grader/grade-core";
import { runReference } from "../../grader/reference";
import { runPythonSubmission } from "./runner";
import { describeSandbox } from "./test-support";

async function expectAllPass(config: ExerciseConfig, code: string, adapt = (t: ReturnType<typeof resolveTests>[number]) => t) {
  const tests = resolveTests(config).map(adapt);
  const result = await runPythonSubmission({ code, specs: tests, timeoutMs: 10_000 });
  expect(result.load).toMatchObject({ status: "ok", message: "", output: "" });
  expect(result.runs).toHaveLength(tests.length);
  tests.forEach((test, i) => {
    const run = result.runs[i];
    expect(run?.status, `${test.name}: ${run?.message}`).toBe("ok");
    expect(run?.stepsRun).toBe(test.steps);
    expect(run?.mistakes).toEqual([]);
    const divergence = findDivergence(runReference(config, test), run?.recorded ?? new Float64Array(), test.dim);
    expect(divergence, test.name).toBeNull();
  });
}

const MINIBATCH_SGD = `import numpy as np

def init(params):
    return {"epoch": 0, "position": 0, "order": None, "one": np.zeros_like(params)}

def step(params, grad, state, hp, data):
    if state["order"] is None:
        state["order"] = data.order(0)
    if state["position"] >= data.size:
        state["epoch"] += 1
        state["order"] = data.order(state["epoch"])
        state["position"] = 0
    end = min(state["position"] + hp.batchSize, data.size)
    for k in range(state["position"], end):
        data.gradient(state["order"][k], params, state["one"])
        grad += state["one"]
    params -= hp.lr * grad / (end - state["position"])
    state["position"] = end
`;

const LAYERED_ADAM = `import numpy as np

def init(params):
    return {"t": 0, "m": [np.zeros_like(p) for p in params], "v": [np.zeros_like(p) for p in params]}

def step(params, grad, state, hp):
    state["t"] += 1
    t = state["t"]
    for p, g, m, v in zip(params, grad, state["m"], state["v"]):
        m[:] = hp.beta1 * m + (1 - hp.beta1) * g
        v[:] = hp.beta2 * v + (1 - hp.beta2) * g * g
        p -= (hp.lr / (1 - hp.beta1**t)) * m / (np.sqrt(v) / np.sqrt(1 - hp.beta2**t) + hp.eps)
`;

describeSandbox("Python reference solutions", () => {
  it.each(["adam", "momentum", "rmsprop"])("content/exercises/%s/solution.py passes every test", async (slug) => {
    const config = await loadExerciseConfig(slug as never);
    await expectAllPass(config, readFileSync(`content/exercises/${slug}/solution.py`, "utf8"));
  });

  it("mini-batch SGD through data.size, data.order and data.gradient passes every test", async () => {
    await expectAllPass(await loadExerciseConfig("minibatch-sgd" as never), MINIBATCH_SGD);
  });

  it("layers: step gets lists of views of the flat parameters and gradient", async () => {
    const config = await loadExerciseConfig("adam" as never);
    // Adam is per coordinate, so splitting the vector into tensors leaves the reference unchanged.
    await expectAllPass(config, LAYERED_ADAM, (test) =>
      ({ ...test, layers: test.dim > 1 ? [1, test.dim - 1] : [1] }),
    );
  });
});
