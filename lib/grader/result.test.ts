import { describe, expect, it } from "vitest";
import {
  createEarlyResult,
  GRADER_RTOL,
  GradeResultSchema,
  parseStoredResult,
  RESULT_VERSION,
  TOLERANCE_TEXT,
} from "./result";

/** A failed result as the grader wrote it before version 2: no test_code. */
const versionOne = {
  version: 1,
  status: "fail",
  verdict: "failed",
  message: "hidden: Rosenbrock 2-D, 1000 steps: Diverged from the reference at step 1, coordinate 0.",
  tolerance: TOLERANCE_TEXT,
  diagnosis: { id: "sign-error", title: "Sign error", explanation: "θ + step instead of θ − step." },
  tests: [
    { name: "Rosenbrock, 3 steps", status: "pass", message: null, output: "" },
    {
      name: "hidden: Rosenbrock 2-D, 1000 steps",
      status: "fail",
      message: "Diverged from the reference at step 1, coordinate 0: expected -1.1, got -1.3.",
      output: "step 1\n",
      firstDivergence: { step: 1, coordinate: 0, expected: -1.1, actual: -1.3 },
    },
  ],
  durationMs: 312,
};

describe("result format (Exercism test-runner interface, version 2)", () => {
  it("writes version 2: early results parse, and a version 1 result is not what the grader may send", () => {
    const early = createEarlyResult("compile-error", "Line 1, column 9: Unexpected token", 3);
    expect(GradeResultSchema.parse(early)).toMatchObject({ version: 2, status: "error", tests: [] });
    expect(RESULT_VERSION).toBe(2);
    expect(GradeResultSchema.safeParse(versionOne).success).toBe(false);
  });

  it("reads a stored version 1 result as version 2, every field kept and no test_code made up", () => {
    const read = parseStoredResult(JSON.stringify(versionOne));
    expect(read).toEqual({ ...versionOne, version: 2 });
    expect(read?.tests.every((t) => t.test_code === undefined)).toBe(true);
  });

  it("reads a stored version 2 result as it is, test_code included", () => {
    const v2 = {
      ...versionOne,
      version: 2,
      tests: versionOne.tests.map((t) => ({ ...t, test_code: `// ${t.name}` })),
    };
    expect(parseStoredResult(JSON.stringify(v2))).toEqual(v2);
  });

  it("reads anything else as null: another version, a missing field, text that is not JSON", () => {
    expect(parseStoredResult(JSON.stringify({ ...versionOne, version: 3 }))).toBeNull();
    const { tolerance: _, ...noTolerance } = versionOne;
    expect(parseStoredResult(JSON.stringify(noTolerance))).toBeNull();
    expect(parseStoredResult("{not json")).toBeNull();
  });

  it("states the tolerance it applies", () => {
    expect(TOLERANCE_TEXT).toContain(`${GRADER_RTOL.toExponential()} · max(1, |x_ref|)`);
  });
});
