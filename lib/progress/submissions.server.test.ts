import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEarlyResult, type GradedResult, TOLERANCE_TEXT } from "@/lib/grader/result";
import { createTestDatabase } from "@/tests/test-db";

// Submission rows written before results carried test_code hold version 1 JSON; they stay as they
// are in the database and are read as version 2 (docs/decisions/071-one-grading-rule.md).
const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));

const { createSubmission, getSubmission } = await import("./submissions.server");

let cleanup: () => Promise<void>;
let learnerId = "";
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
  learnerId = (await state.db.learner.create({ data: {} })).id;
});
afterAll(() => cleanup());

/** A row as the app stored it, with the results column exactly as given. */
async function storeRaw(results: string): Promise<string> {
  const row = await state.db.submission.create({
    data: { learnerId, exerciseSlug: "momentum", code: "// old", verdict: "failed", results, durationMs: 40 },
  });
  return row.id;
}

describe("stored results", () => {
  it("reads a version 1 row as version 2, its tests and diagnosis kept", async () => {
    const v1 = {
      version: 1,
      status: "fail",
      verdict: "failed",
      message: "hidden: Booth: Diverged from the reference at step 1, coordinate 0: expected 1, got 2.",
      tolerance: TOLERANCE_TEXT,
      diagnosis: { id: "sign-error", title: "Sign error", explanation: "θ + step." },
      tests: [{ name: "hidden: Booth", status: "fail", message: "Diverged.", output: "" }],
      durationMs: 40,
    };
    const id = await storeRaw(JSON.stringify(v1));
    const read = await getSubmission(learnerId, id);
    expect(read?.result).toEqual({ ...v1, version: 2 });
    // The row itself is not rewritten.
    expect(JSON.parse((await state.db.submission.findUniqueOrThrow({ where: { id } })).results).version).toBe(
      1,
    );
  });

  it("round-trips a version 2 result with its test_code", async () => {
    const result: GradedResult = {
      ...createEarlyResult("failed", "Diverged.", 40),
      verdict: "failed",
      tests: [
        { name: "Booth", status: "fail", message: "Diverged.", output: "", test_code: "const f = booth();" },
      ],
    };
    const { id } = await createSubmission({
      learnerId,
      exerciseSlug: "momentum",
      code: "// new",
      language: "typescript",
      result,
    });
    expect((await getSubmission(learnerId, id))?.result).toEqual(result);
  });

  it("reads a row matching no version as a submission without a result", async () => {
    const id = await storeRaw(JSON.stringify({ version: 3, status: "pass" }));
    const read = await getSubmission(learnerId, id);
    expect(read).toMatchObject({ id, verdict: "failed", code: "// old", result: null });
  });
});
