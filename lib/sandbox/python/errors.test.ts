// What a learner reads: Python's own errors located in solution.py, output per test, and the
// Python mistakes the harness names.
import { expect, it } from "vitest";
import { runPythonSubmission } from "./runner";
import { describeSandbox, MOMENTUM, rosenbrockSpec } from "./test-support";

const run = (code: string, specs = [rosenbrockSpec()]) =>
  runPythonSubmission({ code, specs, timeoutMs: 5000 });

describeSandbox("Python errors and output", () => {
  it("reports a SyntaxError with its line and column in solution.py", async () => {
    const result = await run(
      "import numpy as np\n\ndef init(params):\n    return {\n\ndef step(params, grad, state, hp):\n    pass\n",
    );
    expect(result.load.status).toBe("compile-error");
    expect(result.load.message).toMatch(/File "solution\.py", line 4, column \d+/);
    expect(result.load.message).toMatch(/SyntaxError: /);
    expect(result.load.line).toBe(4);
    expect(result.runs).toEqual([]);
  });

  it("reports an IndentationError as a compile error", async () => {
    const result = await run("def init(params):\nreturn None\n");
    expect(result.load).toMatchObject({ status: "compile-error", line: 2 });
    expect(result.load.message).toMatch(/IndentationError/);
  });

  it("trims a traceback to the learner's frames, with their source lines", async () => {
    const code = `${MOMENTUM}\ndef helper(x):\n    return x / undefined_name\n`.replace(
      'params -= hp.lr * state["v"]',
      'params -= hp.lr * helper(state["v"])',
    );
    const result = await run(code);
    const first = result.runs[0];
    expect(first?.status).toBe("runtime-error");
    expect(first?.stepsRun).toBe(1);
    expect(first?.message).toMatch(/^step\(\) raised at step 1:\nTraceback \(most recent call last\):/);
    expect(first?.message).toMatch(/File "solution\.py", line 8, in step\n/);
    expect(first?.message).toMatch(/File "solution\.py", line 11, in helper\n\s+return x \/ undefined_name/);
    expect(first?.message).toMatch(/NameError: name 'undefined_name' is not defined$/);
    expect(first?.message).not.toMatch(/<string>|harness|numpy/);
  });

  it("names missing exports and reports errors at the top level", async () => {
    expect((await run("def init(params):\n    return None\n")).load).toMatchObject({
      status: "missing-export",
      message: "step",
    });
    expect((await run("x = 1\n")).load.message).toBe("init and step");
    const top = await run("import numpy as np\nnp.zeros(3)[7]\n");
    expect(top.load.status).toBe("runtime-error");
    expect(top.load.message).toMatch(/line 2, in <module>[\s\S]*IndexError/);
  });

  it("says which hyper-parameters exist when a name is wrong, and keeps hp read-only", async () => {
    const wrongName = await run(MOMENTUM.replace("hp.lr", "hp.learning_rate"));
    expect(wrongName.runs[0]?.message).toMatch(
      /AttributeError: hp has no 'learning_rate'; it has lr, momentum/,
    );
    const assign = await run(MOMENTUM.replace("    params -=", "    hp.lr = 1\n    params -="));
    expect(assign.runs[0]?.message).toMatch(/AttributeError: hp is read-only/);
  });

  it("splits output between loading and each test, capped at 4 KB per test", async () => {
    const code = `print("loading")\n${MOMENTUM.replace(
      "    params -=",
      '    print("step", state.setdefault("k", 0)); state["k"] += 1\n    if state["k"] == 1 and params[0] > -1.4: print("x" * 10000)\n    params -=',
    )}`;
    const specs = [rosenbrockSpec(2), { ...rosenbrockSpec(1), x0: [0, 0] }];
    const result = await run(code, specs);
    expect(result.load.output).toBe("loading\n");
    expect(result.runs[0]?.output).toBe("step 0\nstep 1\n");
    expect(result.runs[1]?.output).toMatch(/^step 0\nx{4000,}[\s\S]*\[output truncated at 4 KB\]\n$/);
  });

  it("names rebinding params, integer arrays and a kept grad reference", async () => {
    const rebound = await run(MOMENTUM.replace("params -= hp.lr", "params = params - hp.lr"));
    expect(rebound.runs[0]?.mistakes.map((m) => m.id)).toEqual(["params-rebound"]);
    expect(rebound.runs[0]?.status).toBe("ok"); // the trajectory, compared outside, fails
    const returned = await run(MOMENTUM.replace("params -= hp.lr", "return params - hp.lr"));
    expect(returned.runs[0]?.mistakes[0]?.message).toMatch(/returned a value, which is ignored/);
    const integer = await run(
      MOMENTUM.replace('{"v": np.zeros_like(params)}', '{"v": np.array([0] * len(params))}').replace(
        'state["v"] = hp.momentum * state["v"] + grad',
        'state["v"][:] = hp.momentum * state["v"] + grad',
      ),
    );
    expect(integer.runs[0]?.mistakes).toEqual([
      expect.objectContaining({
        id: "integer-array",
        message: expect.stringMatching(/^state\['v'\] is an integer array \(int64\)/),
      }),
    ]);
    const kept = await run(
      MOMENTUM.replace('state["v"] = hp.momentum * state["v"] + grad', 'state["v"] = grad'),
    );
    expect(kept.runs[0]?.mistakes.map((m) => m.id)).toEqual(["grad-reference-kept"]);
  });
});
