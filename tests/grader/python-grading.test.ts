import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listCodeExerciseSlugs } from "@/lib/content/registry";
import { gradeInProcess } from "@/lib/grader/grade-core";
import { GradeResultSchema } from "@/lib/grader/result";
import { getPythonSandboxStatus } from "@/lib/sandbox/python";
import { loadPythonFixture, PYTHON_FIXTURE_NAMES } from "./load-fixture";

// Python goes through the same tests, reference, comparison and diagnoses as TypeScript: the
// sandbox only produces trajectories. (The sandbox itself is tested in lib/sandbox/python.)
const status = getPythonSandboxStatus();
const solution = (slug: string) => readFileSync(`content/exercises/${slug}/solution.py`, "utf8");
const grade = (exercise: string, code: string) => gradeInProcess({ exercise, code, language: "python" });

describe.skipIf(!status.available)("Python submissions are graded like TypeScript ones", () => {
  it.each(listCodeExerciseSlugs())("%s: the Python reference solution passes", async (slug) => {
    const result = GradeResultSchema.parse(await grade(slug, solution(slug)));
    expect(result.verdict, result.message ?? "").toBe("passed");
    expect(result.tests.every((t) => t.status === "pass" && t.test_code)).toBe(true);
  });

  it("names a formula mistake with the same variants (Adam without bias correction)", async () => {
    const code = solution("adam")
      .replace(/bias_correction1 = .*/, "bias_correction1 = 1.0")
      .replace(/bias_correction2 = .*/, "bias_correction2 = 1.0");
    const result = await grade("adam", code);
    expect(result.verdict).toBe("failed");
    expect(result.diagnosis?.id).toBe("missing-bias-correction");
    expect(result.tests.find((t) => t.status === "fail")?.firstDivergence?.step).toBe(1);
  });

  it("names a mistake of the language: params rebound instead of updated in place", async () => {
    const code = `import numpy as np\ndef init(params):\n    return None\ndef step(params, grad, state, hp):\n    params = params - hp.lr * grad\n`;
    const result = await grade("momentum", code);
    expect(result.verdict).toBe("failed");
    expect(result.diagnosis?.id).toBe("params-rebound");
  });

  it.each(PYTHON_FIXTURE_NAMES)("fixture %s fails and is named", async (name) => {
    const fixture = loadPythonFixture(name);
    const result = await grade(fixture.exercise, fixture.code);
    expect(result.verdict).not.toBe("passed");
    const expected = "diagnosis" in fixture ? fixture.diagnosis : fixture.pythonMistake;
    expect(result.diagnosis?.id, result.message ?? "").toBe(expected);
  });

  it("does not call an untouched starter or a still first step a rebinding", async () => {
    const starter = await grade("momentum", readFileSync("content/exercises/momentum/starter.py", "utf8"));
    expect(starter.verdict).toBe("failed");
    expect(starter.diagnosis?.id).not.toBe("params-rebound");
  });

  it("reports a SyntaxError with line and column, and a printed fake result is only output", async () => {
    const broken = await grade("adam", "def init(params)\n    return {}\n");
    expect(broken.verdict).toBe("compile-error");
    expect(broken.message).toMatch(/^Line 1, column \d+/);
    const liar = await grade(
      "adam",
      `print('{"verdict": "passed", "status": "pass"}')\n${solution("adam").replace("params -=", "params +=")}`,
    );
    expect(liar.verdict).toBe("failed");
    expect(liar.tests[0]?.output).toContain('"verdict": "passed"');
  });
});

describe.skipIf(status.available)("without the sandbox", () => {
  it("answers unavailable and runs nothing", async () => {
    expect((await grade("adam", solution("adam"))).verdict).toBe("unavailable");
  });
});
