import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEXTS } from "@/lib/grader/policy";

// `npm run -s grade` (scripts/grade.ts) when its grader process dies: it used to print nothing and
// exit 13 (nothing kept it waiting for the child's exit). With a data cap below what the isolate may
// use, the heap bomb takes the whole grader process down (as in memory.test.ts).
const adam = readFileSync("content/exercises/adam/solution.ts", "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "descent-grade-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function grade(code: string, env: Record<string, string> = {}) {
  const file = path.join(dir, `submission-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, code);
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/grade.ts", "adam", file], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, file };
}

describe("npm run -s grade", () => {
  it("a correct solution: the result on stdout, exit 0", () => {
    const run = grade(adam);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).verdict).toBe("passed");
  }, 60_000);

  it("the grader process dies: the result a learner would get, a clear error, exit 3", () => {
    const bomb = `const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));\n${adam}`;
    const run = grade(bomb, { GRADER_DATA_LIMIT_MB: "200" });
    expect(run.status).toBe(3);
    const result = JSON.parse(run.stdout);
    expect(result.verdict).toBe("memory-limit");
    expect(result.message).toBe(TEXTS.graderStopped);
    expect(run.stderr).toContain(`grade: the grader process died while grading ${run.file}`);
    expect(run.stderr).toContain("GRADER_DATA_LIMIT_MB");
  }, 60_000);
});
