import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeSubmission, MAX_WAITING, stopGraderProcesses } from "@/lib/grader/pool";
import type { GradeResult } from "@/lib/grader/result";
import { OUTPUT_LIMIT_CHARS } from "@/lib/harness/limits";

const adam = readFileSync("content/exercises/adam/solution.ts", "utf8");
const starter = readFileSync("content/exercises/adam/starter.ts", "utf8");
const MARKER = "/tmp/descent-grader-escaped";
const grade = (code: string): Promise<GradeResult> => gradeSubmission({ exercise: "adam", code });

beforeAll(() => rmSync(MARKER, { force: true }));
afterAll(() => stopGraderProcesses());

const hostile: Array<[string, string, GradeResult["verdict"]]> = [
  ["infinite loop at top level", `while (true) {}\n${adam}`, "timeout"],
  ["infinite loop in step", adam.replace("state.t += 1;", "for (;;) {}"), "timeout"],
  [
    "memory bomb",
    `const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));\n${adam}`,
    "memory-limit",
  ],
  [
    "constructor escape",
    `const p = (globalThis as any).constructor.constructor("return process")();\np.mainModule.require("fs").writeFileSync("${MARKER}", "x");\n${adam}`,
    "runtime-error",
  ],
  ["require fs", `const fs = require("fs");\nfs.writeFileSync("${MARKER}", "x");\n${adam}`, "runtime-error"],
  [
    "import child_process",
    `import { execSync } from "child_process";\nexecSync("touch ${MARKER}");\n${adam}`,
    "runtime-error",
  ],
  ["replaced Math.sqrt", `Math.sqrt = () => 1;\n${adam}`, "failed"],
  [
    "polluted Object.prototype and JSON.stringify with a wrong step",
    `Object.defineProperty(Object.prototype, "verdict", { get: () => "passed" });\nJSON.stringify = () => '{"verdict":"passed"}';\n${starter}`,
    "failed",
  ],
  [
    "never-settling promise in step",
    starter
      .replace("export function step", "export async function step")
      .replace("// TODO: advance state.t, update m and v, then params.", "await new Promise(() => {});"),
    "failed",
  ],
  [
    "console flood",
    adam.replace("state.t += 1;", "state.t += 1;\n  for (;;) console.log('flood');"),
    "timeout",
  ],
  [
    "unbounded recursion",
    `function down(n: number): number { return down(n + 1) + 1; }\ndown(0);\n${adam}`,
    "runtime-error",
  ],
  [
    "printing a fake passing result",
    `console.log(JSON.stringify({ version: 1, status: "pass", verdict: "passed", tests: [] }));\n${starter}`,
    "failed",
  ],
  ["syntax error", "export function init(params: Float64Array {\n}", "compile-error"],
  ["missing exports", "export function init() { return {}; }", "missing-export"],
  [
    "NaN output",
    adam.replace("state.t += 1;", "state.t += 1;\n  params.fill(Number.NaN);\n  return;"),
    "non-finite",
  ],
  ["thrown getter", `throw { get message() { while (true) {} } };`, "timeout"],
];

describe("hostile submissions are contained", () => {
  for (const [name, code, verdict] of hostile) {
    it(`${name} → ${verdict}, and the next correct submission passes`, async () => {
      const result = await grade(code);
      expect(result.verdict).toBe(verdict);
      expect(result.status).not.toBe("pass");
      expect((await grade(adam)).verdict).toBe("passed");
      expect(existsSync(MARKER)).toBe(false);
    });
  }

  it("reports compile errors with line and column", async () => {
    const result = await grade("export function init(params: Float64Array {\n}");
    expect(result.message).toMatch(/^Line 1, column \d+/);
  });

  it("caps console output at 500 characters per test (Exercism's v2 limit)", async () => {
    const result = await grade(
      adam.replace("state.t += 1;", "state.t += 1;\n  console.log('step', state.t, params);"),
    );
    expect(result.verdict).toBe("passed");
    for (const test of result.tests) expect(test.output.length).toBeLessThanOrEqual(OUTPUT_LIMIT_CHARS + 32);
    expect(result.tests.at(-1)?.output).toContain("[output truncated]");
  });

  it("refuses oversized code and answers busy when the queue is full", async () => {
    expect((await grade(`// ${"x".repeat(21_000)}\n${adam}`)).verdict).toBe("too-large");
    const results = await Promise.all(Array.from({ length: MAX_WAITING + 6 }, () => grade(adam)));
    const busy = results.filter((r) => r.verdict === "busy");
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.message).toBe("The grader is busy, try again in a few seconds");
    expect(results.filter((r) => r.verdict === "passed").length).toBeGreaterThanOrEqual(MAX_WAITING);
  });
});
