import { describe, expect, it } from "vitest";
import type { GradeResult, GradeTest } from "@/lib/grader/result";
import { choosePlottedTest, findFirstFailingTest } from "./plotted-test";

const path = (points: number) => ({
  objective: "rosenbrock",
  expected: Array.from({ length: points }, (_, i) => [i, i]),
  actual: Array.from({ length: points }, (_, i) => [i, i]),
  expectedLoss: Array.from({ length: points }, () => 1),
  actualLoss: Array.from({ length: points }, () => 1),
});
const test = (name: string, status: GradeTest["status"], points?: number): GradeTest => ({
  name,
  status,
  message: status === "pass" ? null : `${name} diverged`,
  output: "",
  ...(points ? { trajectory: path(points) } : {}),
});
const result = (tests: GradeTest[]): GradeResult => ({
  version: 2,
  status: tests.every((t) => t.status === "pass") ? "pass" : "fail",
  verdict: tests.every((t) => t.status === "pass") ? "passed" : "failed",
  message: null,
  tolerance: "rtol 1e-6",
  diagnosis: null,
  tests,
  durationMs: 1,
});

describe("the test a report plots", () => {
  it("after a failure, is the first failing test, hidden ones included, not the visible 3-step one", () => {
    const graded = result([
      test("Rosenbrock, 3 steps", "pass", 4),
      test("Quadratic, 50 steps", "pass"),
      test("Tiny gradients (ε matters)", "fail", 21),
      test("Himmelblau", "fail", 200),
    ]);
    expect(choosePlottedTest(graded)?.test.name).toBe("Tiny gradients (ε matters)");
    expect(choosePlottedTest(graded)?.failing).toBe(true);
    expect(findFirstFailingTest(graded)?.name).toBe("Tiny gradients (ε matters)");
  });

  it("after a failure whose test has no path, is none rather than another test's", () => {
    expect(
      choosePlottedTest(result([test("Rosenbrock, 3 steps", "pass", 4), test("50-D", "fail")])),
    ).toBeNull();
  });

  it("after a pass, is the longest 2-D run", () => {
    const graded = result([
      test("Rosenbrock, 3 steps", "pass", 4),
      test("Rosenbrock, 1000 steps", "pass", 200),
    ]);
    expect(choosePlottedTest(graded)).toMatchObject({
      failing: false,
      test: { name: "Rosenbrock, 1000 steps" },
    });
  });
});
