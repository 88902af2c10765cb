import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEarlyResult, type GradedResult, TOLERANCE_TEXT } from "@/lib/grader/result";
import { createTestDatabase } from "@/tests/test-db";
import {
  parseAnswer,
  QueuePositionAnswerSchema,
  SubmissionAnswerSchema,
  SubmissionListAnswerSchema,
  SubmitAnswerSchema,
  UnexpectedAnswerError,
} from "./answers";

// The page's schemas against what the server's own code answers, sent through JSON as the routes do.
const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));
const { createSubmission, getSubmission, listSubmissions } = await import(
  "@/lib/progress/submissions.server"
);

const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const failed: GradedResult = {
  version: 2,
  status: "fail",
  verdict: "failed",
  message: "hidden: Booth: Diverged from the reference at step 1, coordinate 0: expected 1, got 2.",
  tolerance: TOLERANCE_TEXT,
  diagnosis: null,
  tests: [
    {
      name: "hidden: Booth",
      status: "fail",
      message: "Diverged at step 1.",
      output: "",
      test_code: "const state = init(x0, { lr: 0.01 });",
      firstDivergence: { step: 1, coordinate: 0, expected: 1, actual: 2 },
    },
  ],
  durationMs: 41,
};

let cleanup: () => Promise<void>;
let learnerId = "";
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
  learnerId = (await state.db.learner.create({ data: {} })).id;
});
afterAll(() => cleanup());

describe("the exercise page's answers", () => {
  it("read the submit answer, the list and a stored submission as the server's code writes them", async () => {
    const summary = await createSubmission({
      learnerId,
      exerciseSlug: "momentum",
      code: "// mine",
      language: "typescript",
      result: failed,
    });
    const submitted = parseAnswer(
      SubmitAnswerSchema,
      overTheWire({ submission: summary, result: failed }),
      "x",
    );
    expect(submitted.result).toEqual(failed);

    const list = parseAnswer(
      SubmissionListAnswerSchema,
      overTheWire({ submissions: await listSubmissions(learnerId, "momentum") }),
      "x",
    );
    expect(list.submissions).toEqual([
      {
        id: summary.id,
        language: "typescript",
        verdict: "failed",
        durationMs: 41,
        createdAt: summary.createdAt.toISOString(),
        // What the history shows: the first test that did not pass; a coded submission has no answer.
        failedTest: failed.tests.find((test) => test.status !== "pass")?.name ?? null,
        answer: null,
      },
    ]);

    const detail = parseAnswer(
      SubmissionAnswerSchema,
      overTheWire({ submission: await getSubmission(learnerId, summary.id) }),
      "x",
    );
    expect(detail.submission).toMatchObject({ code: "// mine", language: "typescript", result: failed });
  });

  it("read refusals and errors: a too-large result with its message, an error alone", () => {
    const tooLarge = createEarlyResult("too-large", "Submissions are limited to 20 KB.");
    expect(
      parseAnswer(SubmitAnswerSchema, overTheWire({ error: tooLarge.message, result: tooLarge }), "x"),
    ).toEqual({
      error: "Submissions are limited to 20 KB.",
      result: tooLarge,
    });
    expect(
      parseAnswer(SubmitAnswerSchema, { error: "Too many submissions (6 per minute)." }, "x").result,
    ).toBe(undefined);
  });

  it("read every place in the queue, and nothing else", () => {
    for (const position of [{ state: "waiting", ahead: 3 }, { state: "grading" }, { state: "none" }])
      expect(QueuePositionAnswerSchema.safeParse(position).success).toBe(true);
    for (const position of [{ state: "waiting" }, { state: "waiting", ahead: -1 }, { state: "done" }, null])
      expect(QueuePositionAnswerSchema.safeParse(position).success).toBe(false);
  });

  it("refuse a result of another shape with a message naming what was asked", () => {
    const wrong = [
      { result: { ...failed, verdict: "accepted" } },
      { result: { ...failed, version: 3 } },
      { result: { ...failed, tests: [{ name: "t" }] } },
      { submissions: [{ id: "a", verdict: "passed", createdAt: 5 }] },
    ];
    expect(() => parseAnswer(SubmitAnswerSchema, wrong[0], "your submission")).toThrow(UnexpectedAnswerError);
    expect(() => parseAnswer(SubmitAnswerSchema, wrong[1], "your submission")).toThrow(
      "The server's answer to your submission could not be read.",
    );
    expect(() => parseAnswer(SubmitAnswerSchema, wrong[2], "x")).toThrow(UnexpectedAnswerError);
    expect(() => parseAnswer(SubmissionListAnswerSchema, wrong[3], "x")).toThrow(UnexpectedAnswerError);
  });
});
