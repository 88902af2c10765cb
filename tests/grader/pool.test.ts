import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { graderProcesses, gradeSubmission, stopGraderProcesses } from "@/lib/grader/pool";
import type { GradeResult } from "@/lib/grader/result";

// The pool forks GRADER_PROCESSES children (default 2) and must survive any of them dying: the job a
// dead child was running gets a verdict, and a fresh child takes its place for the next submission.
const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
// Runs until the sandbox's 5 s budget: long enough to kill its process mid-grading.
const endless = solution.replace("const v = state.velocity;", "for (;;) {}\n  const v = state.velocity;");
const grade = (code: string): Promise<GradeResult> => gradeSubmission({ exercise: "momentum", code });

// Two processes whatever the environment says (the pool reads it on its first submission).
beforeAll(() => vi.stubEnv("GRADER_PROCESSES", "2"));
afterAll(() => {
  stopGraderProcesses();
  vi.unstubAllEnvs();
});

/** Resolves once the process with this pid has exited (signal 0 probes without killing). */
async function waitForExit(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`process ${pid} did not exit`);
}

/** Polls until a grader process is grading a submission; returns its pid. */
async function busyGrader(): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const busy = graderProcesses().find((p) => p.grading);
    if (busy) return busy.pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("no grader process picked up the submission");
}

describe("grader process pool", () => {
  it("starts grader processes on demand and grades with them", async () => {
    expect(graderProcesses()).toEqual([]);
    const results = await Promise.all([grade(solution), grade(solution)]);
    expect(results.map((r) => r.verdict)).toEqual(["passed", "passed"]);
    const live = graderProcesses();
    expect(live.length).toBe(2);
    expect(live.every((p) => p.pid !== process.pid && !p.grading)).toBe(true);
  });

  it("a grader killed while grading: that submission gets a memory-limit verdict, a new process grades the next", async () => {
    const inFlight = grade(endless);
    const victim = await busyGrader();
    process.kill(victim, "SIGKILL");
    const started = Date.now();
    const result = await inFlight;
    expect(result.verdict).toBe("memory-limit");
    expect(result.status).toBe("error");
    expect(result.message).toMatch(/grader stopped while running your code/);
    // Answered on the child's exit, long before the 5 s sandbox budget or the pool's 30 s kill.
    expect(Date.now() - started).toBeLessThan(3000);

    expect((await grade(solution)).verdict).toBe("passed");
    const pids = graderProcesses().map((p) => p.pid);
    expect(pids).not.toContain(victim);
    expect(pids.length).toBeGreaterThanOrEqual(1);
  });

  it("an idle grader killed just before a submission: the submission still passes on a new process", async () => {
    await Promise.all([grade(solution), grade(solution)]);
    const before = graderProcesses().map((p) => p.pid);
    expect(before.length).toBe(2);
    // Kill every idle child and submit at once, before the pool has seen any of them exit.
    for (const pid of before) process.kill(pid, "SIGKILL");
    const results = await Promise.all([grade(solution), grade(solution)]);
    expect(results.map((r) => r.verdict)).toEqual(["passed", "passed"]);
    for (const pid of before) await waitForExit(pid);
    const after = graderProcesses().map((p) => p.pid);
    expect(after.length).toBe(2);
    for (const pid of before) expect(after).not.toContain(pid);
  });

  it("an idle grader that died earlier is replaced on the next submission", async () => {
    expect((await grade(solution)).verdict).toBe("passed");
    const [victim] = graderProcesses().map((p) => p.pid);
    if (victim === undefined) throw new Error("no grader process");
    process.kill(victim, "SIGKILL");
    await waitForExit(victim);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(graderProcesses().map((p) => p.pid)).not.toContain(victim);
    expect((await grade(solution)).verdict).toBe("passed");
    expect(graderProcesses().map((p) => p.pid)).not.toContain(victim);
  });
});
