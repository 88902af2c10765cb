import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createObjective } from "@/lib/objectives";
import { runTrajectory } from "@/lib/optim";
import { runVisibleTests, type VisibleRunTest } from "./visible-run";

function makeTest(): VisibleRunTest {
  const x0 = [-1.5, 2];
  const objective = createObjective("rosenbrock", undefined, { dim: 2 });
  const ref = runTrajectory({
    optimizer: "sgd",
    hparams: { lr: 0.001, momentum: 0.9 },
    objective,
    x0,
    steps: 5,
  });
  const expected = Array.from({ length: 6 }, (_, k) => Array.from(ref.points.get(k) ?? []));
  return {
    name: "rosenbrock",
    objective: { name: "rosenbrock" },
    dim: 2,
    x0,
    steps: 5,
    hp: { lr: 0.001, momentum: 0.9 },
    expected,
  };
}

const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const starter = readFileSync("content/exercises/momentum/starter.ts", "utf8");

describe("runVisibleTests", () => {
  it("passes the momentum solution", () => {
    const result = runVisibleTests(solution, [makeTest()]);
    expect(result.kind).toBe("done");
    if (result.kind === "done") expect(result.tests[0]?.status).toBe("pass");
  });
  it("reports the first divergence of the starter", () => {
    const result = runVisibleTests(starter, [makeTest()]);
    if (result.kind !== "done") throw new Error(result.kind);
    expect(result.tests[0]).toMatchObject({ status: "fail", firstDivergence: { step: 1, coordinate: 0 } });
  });
  it("reports compile errors and missing exports", () => {
    // Located as the grader locates it (lib/grader/transpile.ts): the input ends at column 24.
    expect(runVisibleTests("export function init( {", [makeTest()])).toEqual({
      kind: "compile-error",
      message: 'Line 1, column 24: Unexpected token, expected ","',
    });
    expect(runVisibleTests("export const init = () => 1;", [makeTest()])).toEqual({
      kind: "missing-export",
      message: "Missing export: step.",
    });
  });
  it("reports a throwing step as an error", () => {
    const code = "export function init() { return {}; }\nexport function step() { throw new Error('boom'); }";
    const result = runVisibleTests(code, [makeTest()]);
    if (result.kind !== "done") throw new Error(result.kind);
    expect(result.tests[0]).toMatchObject({ status: "error", message: "step 1 threw Error: boom" });
  });
});
