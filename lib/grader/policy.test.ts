import { describe, expect, it } from "vitest";
import {
  addCost,
  admission,
  afterJob,
  allowanceOf,
  type Cost,
  CRASH_COST_MS,
  costOfResult,
  decayUsage,
  HEAVY_ALLOWANCE_MS,
  HEAVY_HALF_LIFE_MS,
  HELD_ALLOWANCES,
  isQuiet,
  jobCost,
  NO_COST,
  orderOf,
  parseCost,
  preemption,
  preemptsAfterMs,
  QUIET_HEAVY_MS,
  queuePriority,
  RESTART_COST_MS,
  runningCost,
  TEXTS,
  USAGE_HALF_LIFE_MS,
  type Usage,
  usageKeys,
  waitingLimit,
} from "./policy";

/** Usage of one key after jobs at the given times (ms) with the given outcomes. */
function history(jobs: Array<[number, Parameters<typeof jobCost>[0]]>): Usage | undefined {
  let usage: Usage | undefined;
  for (const [at, outcome] of jobs) usage = addCost(usage, jobCost(outcome), at);
  return usage;
}
const quietAlone = (cost: Cost) => isQuiet(cost, NO_COST, NO_COST);

describe("usage decays by its half-lives", () => {
  it("grading time halves each minute, its heavy part each five minutes", () => {
    const usage = addCost(undefined, { ms: 8_000, heavyMs: 8_000 }, 0);
    expect(decayUsage(usage, USAGE_HALF_LIFE_MS)).toEqual({ ms: 4_000, heavyMs: 8_000 * 2 ** -0.2 });
    expect(decayUsage(usage, HEAVY_HALF_LIFE_MS).heavyMs).toBeCloseTo(4_000);
    expect(decayUsage(undefined, 123)).toEqual(NO_COST);
  });
});

describe("what a job costs", () => {
  it("a correct solution (30-400 ms) is never heavy; time above the allowance is", () => {
    expect(jobCost({ heldMs: 400 })).toEqual({ ms: 400, heavyMs: 0 });
    expect(jobCost({ heldMs: 1_400 })).toEqual({ ms: 1_400, heavyMs: 1_400 - HEAVY_ALLOWANCE_MS });
    expect(runningCost(2_000)).toEqual(jobCost({ heldMs: 2_000 }));
  });

  it("heavy is CPU time where known: a correct solution slowed by a busy machine is not heavy", () => {
    expect(jobCost({ heldMs: 900, cpuMs: 80 }).heavyMs).toBe(0);
    expect(jobCost({ heldMs: 900, cpuMs: 80 }).ms).toBe(900);
    expect(jobCost({ heldMs: 1_500, cpuMs: 1_400 }).heavyMs).toBe(1_400 - HEAVY_ALLOWANCE_MS);
    // A 1.4 s burn that got little CPU, or a job waiting idle, still counts its time held beyond
    // two allowances.
    expect(jobCost({ heldMs: 1_400, cpuMs: 300 }).heavyMs).toBe(1_400 - HELD_ALLOWANCES * HEAVY_ALLOWANCE_MS);
    expect(jobCost({ heldMs: 5_000, cpuMs: 0 }).heavyMs).toBe(5_000 - HELD_ALLOWANCES * HEAVY_ALLOWANCE_MS);
  });

  it("short burns add up: a few 1.4 s jobs in a minute make a learner heavy", () => {
    const burns = history([0, 10_000, 20_000].map((at) => [at, { heldMs: 1_400 }]));
    expect(quietAlone(decayUsage(burns, 20_000))).toBe(false);
  });

  it("a correct solution every 2 s for an hour never makes a learner heavy", () => {
    const jobs = Array.from({ length: 1_800 }, (_, k): [number, { heldMs: number }] => [
      k * 2_000,
      { heldMs: 450 },
    ]);
    expect(quietAlone(decayUsage(history(jobs), 3_600_000))).toBe(true);
  });

  it("a crash costs a restart and more, all of it heavy; a retired process costs a restart", () => {
    expect(jobCost({ heldMs: 100, crashed: true })).toEqual({
      ms: 100 + CRASH_COST_MS,
      heavyMs: CRASH_COST_MS,
    });
    expect(jobCost({ heldMs: 100, replaced: true })).toEqual({
      ms: 100 + RESTART_COST_MS,
      heavyMs: RESTART_COST_MS,
    });
    const crash = history([[0, { heldMs: 50, crashed: true }]]);
    expect(quietAlone(decayUsage(crash, 0))).toBe(false);
    // Back on the quiet process once the crash has decayed below the threshold.
    const back = HEAVY_HALF_LIFE_MS * Math.log2(CRASH_COST_MS / QUIET_HEAVY_MS);
    expect(quietAlone(decayUsage(crash, back - 1_000))).toBe(false);
    expect(quietAlone(decayUsage(crash, back + 1_000))).toBe(true);
  });

  it("a Python job, which starts an interpreter and NumPy, has a larger allowance", () => {
    expect(allowanceOf(undefined)).toBe(HEAVY_ALLOWANCE_MS);
    expect(allowanceOf("python")).toBeGreaterThan(allowanceOf("typescript"));
    expect(jobCost({ heldMs: 1_200, allowanceMs: allowanceOf("python") }).heavyMs).toBe(0);
    expect(preemptsAfterMs("python")).toBe(allowanceOf("python"));
    expect(costOfResult({ message: "All 9 tests passed.", durationMs: 1_200 }, "python").heavyMs).toBe(0);
  });

  it("a result without a cost (an older worker's) is charged from its duration and words", () => {
    expect(costOfResult({ message: "All 9 tests passed.", durationMs: 120 })).toEqual({
      ms: 120,
      heavyMs: 0,
    });
    expect(costOfResult({ message: TEXTS.graderStopped, durationMs: 80 })).toEqual(
      jobCost({ heldMs: 80, crashed: true }),
    );
    expect(parseCost({ ms: 3, heavyMs: 1 })).toEqual({ ms: 3, heavyMs: 1 });
    for (const bad of [null, 3, { ms: -1, heavyMs: 0 }, { ms: 1 }, { ms: Number.NaN, heavyMs: 0 }])
      expect(parseCost(bad)).toBeNull();
  });
});

describe("order and the quiet process", () => {
  it("a job is ordered by its learner's time or its client's with the client's running jobs, whichever is more", () => {
    expect(orderOf({ ms: 500, heavyMs: 0 }, { ms: 100, heavyMs: 0 }, { ms: 300, heavyMs: 0 })).toBe(500);
    expect(orderOf({ ms: 500, heavyMs: 0 }, { ms: 300, heavyMs: 0 }, { ms: 300, heavyMs: 0 })).toBe(600);
  });

  it("a heavy client keeps its fresh learners off the quiet process, running jobs included", () => {
    const fresh = NO_COST;
    expect(isQuiet(fresh, { ms: 0, heavyMs: QUIET_HEAVY_MS }, NO_COST)).toBe(false);
    expect(isQuiet(fresh, { ms: 0, heavyMs: 1_000 }, runningCost(HEAVY_ALLOWANCE_MS + 1_000))).toBe(false);
    expect(isQuiet(fresh, { ms: 0, heavyMs: 1_000 }, runningCost(HEAVY_ALLOWANCE_MS))).toBe(true);
  });

  it("a job on a quiet process is moved off it after its CPU allowance (blamed), or after holding it three allowances", () => {
    expect(preemption({ cpuMs: 600, heldMs: 700, language: undefined })).toEqual({
      preempt: true,
      blame: true,
    });
    expect(preemption({ cpuMs: 200, heldMs: 1_600, language: undefined })).toEqual({
      preempt: true,
      blame: false,
    });
    expect(preemption({ cpuMs: 200, heldMs: 600, language: undefined })).toEqual({
      preempt: false,
      recheckMs: 300,
    });
    expect(preemption({ cpuMs: null, heldMs: 600, language: undefined })).toEqual({
      preempt: true,
      blame: true,
    });
    expect(preemption({ cpuMs: 600, heldMs: 700, language: "python" }).preempt).toBe(false);
  });

  it("usage keys keep learners and clients apart", () => {
    expect(usageKeys("x", "x")).toEqual({ learner: "l:x", client: "c:x" });
    expect(usageKeys("x", null).client).toBeNull();
  });
});

describe("limits", () => {
  it("the waiting room is 16 jobs per grader process (48 for the default 2 + 1), at least 24", () => {
    expect(waitingLimit(3)).toBe(48);
    expect(waitingLimit(1)).toBe(24);
    expect(waitingLimit(0)).toBe(24);
    expect(waitingLimit(10)).toBe(160);
  });

  it("a full room makes room only for a strictly lighter job, by answering the last one busy", () => {
    expect(admission({ waiting: 5, limit: 6, last: 900, incoming: 0 })).toBe("admit");
    expect(admission({ waiting: 6, limit: 6, last: 900, incoming: 0 })).toBe("evict-last");
    expect(admission({ waiting: 6, limit: 6, last: 900, incoming: 900 })).toBe("refuse");
    expect(admission({ waiting: 6, limit: 6, last: null, incoming: 0 })).toBe("refuse");
  });

  it("the queue's priorities keep the order: integers, lower first, capped", () => {
    expect(queuePriority(0)).toBe(1);
    expect(queuePriority(4_999)).toBe(501);
    expect(queuePriority(1e12)).toBe(2_097_151);
    expect(queuePriority(120)).toBeLessThan(queuePriority(130));
  });

  it("a process left above 60% of its data limit after a job is retired; the job is blamed if it grew it", () => {
    const limitMb = 320;
    expect(afterJob({ rssBeforeMb: 150, rssAfterMb: 160, limitMb })).toEqual({ retire: false, blame: false });
    expect(afterJob({ rssBeforeMb: 150, rssAfterMb: 230, limitMb })).toEqual({ retire: true, blame: true });
    expect(afterJob({ rssBeforeMb: 190, rssAfterMb: 195, limitMb })).toEqual({ retire: true, blame: false });
    expect(afterJob({ rssBeforeMb: null, rssAfterMb: null, limitMb })).toEqual({
      retire: false,
      blame: false,
    });
  });
});
