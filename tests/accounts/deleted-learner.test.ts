import { describe, expect, it, vi } from "vitest";
import { createEarlyResult, type GradeResult } from "@/lib/grader/result";
import { createTestApp } from "../test-app";

// Deleting an account while its submission was graded made storing the
// submission fail on the learner foreign key, answered 500 "Your work is not lost". It is now a
// clear 409 that stores nothing, on SQLite and PostgreSQL alike (npm run test:scale runs this on
// PostgreSQL). The real route and database; grading is stood in for so that the learner can be
// deleted while it runs.
const app = createTestApp({ stubLearner: true });
const state = vi.hoisted(() => ({
  /** Runs while the submission is "graded" (deletes the learner). */
  duringGrading: async () => {},
  /** Runs after the submission is stored, before its mistake's cards are queued. */
  beforeQueueingCards: async () => {},
  diagnosis: null as null | { id: "missing-bias-correction"; title: string; explanation: string },
}));
vi.mock("@/lib/grading/index.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/grading/index.server")>()),
  isLearnerGrading: async () => false,
  gradeSubmission: async (): Promise<GradeResult> => {
    await state.duringGrading();
    return {
      ...createEarlyResult("failed", "Graded while the account was deleted.", 20),
      diagnosis: state.diagnosis,
    };
  },
}));
vi.mock("@/lib/progress/reviews.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/progress/reviews.server")>();
  return {
    ...real,
    queueCardsForMistake: async (...args: Parameters<typeof real.queueCardsForMistake>) => {
      await state.beforeQueueingCards();
      return real.queueCardsForMistake(...args);
    },
  };
});

const ORIGIN = "http://127.0.0.1:3999";
process.env.APP_ORIGIN = ORIGIN;
const route = await import("@/app/api/exercises/[slug]/submissions/route");
const { createSubmission } = await import("@/lib/progress/submissions.server");

let counter = 0;
/** A signed-up learner (a user and its learner), acting as the one asking. */
async function useAccount(): Promise<{ userId: string; learnerId: string }> {
  const n = ++counter;
  const user = await app.db.user.create({
    data: { id: `gone-${n}`, name: "G", email: `gone${n}@example.com` },
  });
  const learner = await app.db.learner.create({ data: { userId: user.id } });
  app.learner = { id: learner.id, userId: user.id, isGuest: false, stored: true };
  return { userId: user.id, learnerId: learner.id };
}

function post(slug: string, body: unknown) {
  const request = new Request(`${ORIGIN}/api/exercises/${slug}/submissions`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      "content-type": "application/json",
      "x-forwarded-for": `198.51.100.${counter}`,
    },
    body: JSON.stringify(body),
  });
  return route.POST(request, { params: Promise.resolve({ slug }) });
}

describe("a submission whose learner is deleted meanwhile", () => {
  it("is answered 409 with a clear message, and nothing is stored, when the account is deleted during grading", async () => {
    const { userId } = await useAccount();
    // Account deletion (app/api/account/delete) deletes the user; the learner and its rows cascade.
    state.duringGrading = async () => {
      await app.db.user.delete({ where: { id: userId } });
    };
    const response = await post("momentum", { code: "export function init() {}" });
    state.duringGrading = async () => {};
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(/no longer exists/);
    expect(error).not.toMatch(/not lost/);
    expect(await app.db.submission.count()).toBe(0);
  });

  it("is answered 409 for an answer to an exercise of judgment too", async () => {
    const { learnerId } = await useAccount();
    // Deleted after the route identified the learner, before the answer is stored.
    await app.db.learner.delete({ where: { id: learnerId } });
    const response = await post("first-step-by-hand", {
      answer: { "first-coordinate": 0.9, "second-coordinate": 0, "loss-after-step": 0.405, overshoot: -1.5 },
    });
    expect(response.status).toBe(409);
    expect(await app.db.submission.count()).toBe(0);
  });

  it("is answered 409 when the account goes after the submission is stored, before its mistake's cards are queued", async () => {
    const { userId, learnerId } = await useAccount();
    state.diagnosis = { id: "missing-bias-correction", title: "No bias correction", explanation: "…" };
    state.beforeQueueingCards = async () => {
      await app.db.user.delete({ where: { id: userId } });
    };
    const response = await post("adam", { code: "export function init() {}" });
    state.diagnosis = null;
    state.beforeQueueingCards = async () => {};
    expect(response.status).toBe(409);
    expect(await app.db.submission.count({ where: { learnerId } })).toBe(0);
    expect(await app.db.cardState.count({ where: { learnerId } })).toBe(0);
  });

  it("createSubmission says which: the learner is gone (a domain error), not a database fault", async () => {
    const stored = createSubmission({
      learnerId: "no-such-learner",
      exerciseSlug: "momentum",
      code: "// x",
      language: "typescript",
      result: { ...createEarlyResult("failed", "x", 1), diagnosis: null } as never,
    });
    await expect(stored).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringMatching(/no longer exists/),
    });
  });
});
