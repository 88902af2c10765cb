import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "@/tests/test-db";

const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));

const { getSolutionAccess, revealSolution, SolutionLockedError } = await import("./solution-reveals.server");

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
});
afterAll(() => cleanup());

async function learnerWith(verdicts: string[], exerciseSlug = "adam"): Promise<string> {
  const { id } = await state.db.learner.create({ data: {} });
  for (const verdict of verdicts) {
    await state.db.submission.create({
      data: { learnerId: id, exerciseSlug, code: "//", verdict, results: "{}", durationMs: 1 },
    });
  }
  return id;
}

describe("reference solution reveals", () => {
  it("counts failed submissions of this exercise only, and opens on a pass", async () => {
    const id = await learnerWith(["failed", "compile-error"]);
    await state.db.submission.create({
      data: {
        learnerId: id,
        exerciseSlug: "momentum",
        code: "//",
        verdict: "failed",
        results: "{}",
        durationMs: 1,
      },
    });
    expect(await getSolutionAccess(id, "adam")).toMatchObject({ state: "locked", failedAttempts: 2 });
    const passer = await learnerWith(["failed", "passed"]);
    expect((await getSolutionAccess(passer, "adam")).state).toBe("passed");
    expect(await getSolutionAccess(null, "adam")).toMatchObject({ state: "locked", failedAttempts: 0 });
  });

  it("refuses a request before three failed submissions, and stores nothing", async () => {
    const id = await learnerWith(["failed", "failed"]);
    await expect(revealSolution(id, "adam")).rejects.toBeInstanceOf(SolutionLockedError);
    expect(await state.db.solutionReveal.count({ where: { learnerId: id } })).toBe(0);
  });

  it("records a request after three failed submissions, once, with the count", async () => {
    const id = await learnerWith(["failed", "runtime-error", "failed"]);
    expect((await getSolutionAccess(id, "adam")).state).toBe("available");
    const [first, second] = await Promise.all([revealSolution(id, "adam"), revealSolution(id, "adam")]);
    expect(first.state).toBe("revealed");
    expect(second.state).toBe("revealed");
    const rows = await state.db.solutionReveal.findMany({ where: { learnerId: id } });
    expect(rows).toEqual([expect.objectContaining({ exerciseSlug: "adam", failedAttempts: 3 })]);
    expect((await getSolutionAccess(id, "adam")).state).toBe("revealed");
  });

  it("records nothing for a learner who passed", async () => {
    const id = await learnerWith(["passed"]);
    expect((await revealSolution(id, "adam")).state).toBe("passed");
    expect(await state.db.solutionReveal.count({ where: { learnerId: id } })).toBe(0);
  });
});
