import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { OUTPUT_LIMIT_CHARS } from "@/lib/harness/limits";
import { gradeSubmission, stopGraderProcesses } from "@/lib/grader/pool";
import type { GradeResult } from "@/lib/grader/result";
import { POISON } from "./bombs";

// Learner code can replace every built-in of its realm before the driver records anything. Each
// case here produced a result of megabytes or held a grader process for its 30 s kill before
// the driver captured its built-ins at install and the host cut every text it receives.
const adam = readFileSync("content/exercises/adam/solution.ts", "utf8");
const grade = (code: string): Promise<GradeResult> => gradeSubmission({ exercise: "adam", code });
const size = (result: GradeResult) => Buffer.byteLength(JSON.stringify(result));
/** Larger than any honest result (seven tests, a 200-point plot each, 500 characters of output). */
const RESULT_BOUND_BYTES = 128 * 1024;

afterAll(() => stopGraderProcesses());

const TAMPER = `
const big = "x".repeat(1 << 20);
String.prototype.substring = function () { return big + big; } as any;
String.prototype.slice = function () { return big + big; } as any;
`;

describe("caps learner code cannot switch off", () => {
  it("output: a flood with substring and slice replaced stays within the per-test limit", async () => {
    const result = await grade(
      `${TAMPER}\n${adam.replace("state.t += 1;", "state.t += 1;\n  console.log(big);")}`,
    );
    expect(result.verdict).toBe("passed");
    for (const test of result.tests) expect(test.output.length).toBeLessThanOrEqual(OUTPUT_LIMIT_CHARS + 32);
    expect(result.tests[0]?.output).toContain("[output truncated]");
    expect(size(result)).toBeLessThan(RESULT_BOUND_BYTES);
  });

  it("messages: a huge error text with the string methods replaced is cut", async () => {
    const result = await grade(
      `${TAMPER}\n${adam.replace("state.t += 1;", "state.t += 1;\n  throw new Error(big + big);")}`,
    );
    expect(result.verdict).toBe("runtime-error");
    expect(result.message?.length ?? 0).toBeLessThan(700);
    expect(size(result)).toBeLessThan(RESULT_BOUND_BYTES);
  });

  it("getters on Object.prototype are never read by the driver", async () => {
    const result = await grade(`
for (const name of ["layers", "minibatch", "dim", "steps", "record", "x0", "hp", "args", "objective", "then"])
  Object.defineProperty(Object.prototype, name, {
    get() { throw { get message() { for (;;) {} }, get name() { for (;;) {} } }; },
    configurable: true,
  });
${adam}`);
    expect(result.verdict).toBe("passed");
  });

  it("an error whose message getter never returns ends within the time limit", async () => {
    const started = Date.now();
    const result = await grade(
      adam.replace("state.t += 1;", "state.t += 1;\n  throw { get message() { for (;;) {} }, name: 'E' };"),
    );
    // The submission budget is 5 s; before, this held the grader process for the pool's 30 s kill.
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(result.verdict).toBe("timeout");
  });

  it("replaced Array and typed-array methods and iterators do not change what is recorded", async () => {
    const result = await grade(`
Array.prototype.push = function () { throw new Error("push"); } as any;
(Array.prototype as any)[Symbol.iterator] = function* () { for (;;) yield 0; };
${adam}`);
    expect(result.verdict).toBe("passed");
  });
});

describe("memory left behind by one submission does not fail the next", () => {
  for (const [name, code] of POISON) {
    it(`${name}: unavailable, and a correct submission on the same process passes`, async () => {
      const poisoned = await grade(code);
      expect(poisoned.verdict).not.toBe("passed");
      for (let i = 0; i < 3; i++) expect((await grade(adam)).verdict).toBe("passed");
    });
  }
});
