// Mini-batch mode: step gets a zeroed gradient buffer and the data set (size, order, gradient), whose
// shuffles and examples come from the TypeScript objective; a NumPy mini-batch SGD matches lib/optim.
import { expect, it } from "vitest";
import { loadExerciseConfig } from "../../content/registry";
import { findDivergence } from "../../grader/compare";
import { resolveTests } from "../../grader/grade-core";
import { runReference } from "../../grader/reference";
import { runPythonSubmission } from "./runner";
import { describeSandbox } from "./test-support";

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

describeSandbox("Python mini-batch mode", () => {
  it("a NumPy mini-batch SGD passes every test of minibatch-sgd", async () => {
    const config = await loadExerciseConfig("minibatch-sgd" as Parameters<typeof loadExerciseConfig>[0]);
    const tests = resolveTests(config);
    const result = await runPythonSubmission({ code: MINIBATCH_SGD, specs: tests, timeoutMs: 20_000 });
    expect(result.load.status).toBe("ok");
    tests.forEach((test, i) => {
      expect(result.runs[i]?.status, result.runs[i]?.message).toBe("ok");
      expect(
        findDivergence(runReference(config, test), result.runs[i]?.recorded ?? new Float64Array(), test.dim),
      ).toBeNull();
    });
  });

  it("refuses an epoch the test cannot reach and an example out of range, in Python's words", async () => {
    const [test] = resolveTests(
      await loadExerciseConfig("minibatch-sgd" as Parameters<typeof loadExerciseConfig>[0]),
    );
    const code = (call: string) =>
      `def init(params):\n    return None\n\ndef step(params, grad, state, hp, data):\n    ${call}\n`;
    const epoch = await runPythonSubmission({
      code: code("data.order(10**6)"),
      specs: test ? [test] : [],
      timeoutMs: 5000,
    });
    expect(epoch.runs[0]?.message).toMatch(
      /IndexError: data\.order\(1000000\): epochs of this test are 0 to \d+$/,
    );
    const example = await runPythonSubmission({
      code: code("data.gradient(-1, params, grad)"),
      specs: test ? [test] : [],
      timeoutMs: 5000,
    });
    expect(example.runs[0]?.message).toMatch(/IndexError: data\.gradient: example -1 is not in 0 to 9$/);
  });
});
