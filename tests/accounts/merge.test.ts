import { describe, expect, it } from "vitest";
import { createTestApp } from "../test-app";
import { makeGuestToken, seedLearner, seedUser } from "./test-db";

const app = createTestApp();
const { mergeGuestIntoUser } = await import("@/lib/progress/merge.server");

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

describe("moving a guest's progress into an account", () => {
  it("at sign-up, the new account adopts the guest learner whole", async () => {
    const token = makeGuestToken("signup");
    const guest = await seedLearner(app.db, {
      guestToken: token,
      reads: [["adam", day(1)]],
      submissions: [["adam", "passed", day(1)]],
    });
    const user = await seedUser(app.db, "new@example.com");

    const result = await mergeGuestIntoUser(app.db, token, user.id);

    expect(result).toEqual({ learnerId: guest.id, movedFromGuest: true });
    const learner = await app.db.learner.findUniqueOrThrow({ where: { id: guest.id } });
    expect(learner.userId).toBe(user.id);
    expect(learner.guestToken).toBeNull();
    expect(await app.db.lessonRead.count({ where: { learnerId: guest.id } })).toBe(1);
    expect(await app.db.submission.count({ where: { learnerId: guest.id } })).toBe(1);
  });

  it("at sign-in, unions reads, moves submissions and reviews, keeps the further-along card, doubles nothing", async () => {
    const user = await seedUser(app.db, "both@example.com");
    const account = await seedLearner(app.db, {
      userId: user.id,
      reads: [
        ["adam", day(3)],
        ["momentum", day(2)],
      ],
      submissions: [
        ["adam", "failed", day(3)],
        ["sgd", "passed", day(2)],
      ],
      cards: [
        { cardId: "adam", reps: 2, lastReview: day(3) },
        { cardId: "bias-correction", reps: 5, lastReview: day(2) },
        { cardId: "tie", reps: 1, lastReview: day(1) },
      ],
      reviews: [["adam", day(3)]],
    });
    const token = makeGuestToken("signin");
    const guest = await seedLearner(app.db, {
      guestToken: token,
      reads: [
        ["adam", day(1)],
        ["rmsprop", day(4)],
      ],
      submissions: [
        ["adam", "passed", day(4)],
        ["adam", "runtime-error", day(5)],
      ],
      cards: [
        { cardId: "adam", reps: 4, lastReview: day(4) },
        { cardId: "bias-correction", reps: 1, lastReview: day(5) },
        { cardId: "tie", reps: 1, lastReview: day(6) },
        { cardId: "lion", reps: 1, lastReview: day(4) },
      ],
      reviews: [
        ["adam", day(4)],
        ["lion", day(4)],
      ],
    });

    const result = await mergeGuestIntoUser(app.db, token, user.id);

    expect(result).toEqual({ learnerId: account.id, movedFromGuest: true });
    expect(await app.db.learner.findUnique({ where: { id: guest.id } })).toBeNull();

    const reads = await app.db.lessonRead.findMany({
      where: { learnerId: account.id },
      orderBy: { lessonSlug: "asc" },
    });
    expect(reads.map((r) => [r.lessonSlug, r.readAt.toISOString()])).toEqual([
      ["adam", day(1).toISOString()], // the earlier read wins
      ["momentum", day(2).toISOString()],
      ["rmsprop", day(4).toISOString()],
    ]);

    const submissions = await app.db.submission.findMany({ where: { learnerId: account.id } });
    expect(submissions).toHaveLength(4);
    const adamVerdicts = submissions
      .filter((s) => s.exerciseSlug === "adam")
      .map((s) => s.verdict)
      .sort();
    expect(adamVerdicts).toEqual(["failed", "passed", "runtime-error"]);

    const cards = await app.db.cardState.findMany({
      where: { learnerId: account.id },
      orderBy: { cardId: "asc" },
    });
    expect(cards.map((c) => [c.cardId, c.reps, c.lastReview?.toISOString()])).toEqual([
      ["adam", 4, day(4).toISOString()], // guest had more reps
      ["bias-correction", 5, day(2).toISOString()], // account had more reps
      ["lion", 1, day(4).toISOString()],
      ["tie", 1, day(6).toISOString()], // same reps: later review wins
    ]);
    expect(cards.find((c) => c.cardId === "adam")?.version).toBe(1);

    expect(await app.db.reviewLog.count({ where: { learnerId: account.id } })).toBe(3);
    for (const model of [app.db.lessonRead, app.db.submission, app.db.cardState, app.db.reviewLog] as const) {
      expect(await (model as typeof app.db.lessonRead).count({ where: { learnerId: guest.id } })).toBe(0);
    }
  });

  it("carries the guest's requests for a reference solution over, one per exercise, the earlier kept", async () => {
    const user = await seedUser(app.db, "reveals@example.com");
    const account = await seedLearner(app.db, { userId: user.id });
    const token = makeGuestToken("reveals");
    const guest = await seedLearner(app.db, { guestToken: token });
    const reveal = (learnerId: string, exerciseSlug: string, failedAttempts: number, d: number) =>
      app.db.solutionReveal.create({ data: { learnerId, exerciseSlug, failedAttempts, revealedAt: day(d) } });
    await reveal(account.id, "adam", 5, 3); // later than the guest's: replaced
    await reveal(account.id, "lion", 3, 1); // earlier than the guest's: kept
    await reveal(guest.id, "adam", 3, 2);
    await reveal(guest.id, "lion", 4, 2);
    await reveal(guest.id, "momentum", 6, 4); // the account has none: moves

    await mergeGuestIntoUser(app.db, token, user.id);

    const reveals = await app.db.solutionReveal.findMany({
      where: { learnerId: account.id },
      orderBy: { exerciseSlug: "asc" },
    });
    expect(reveals.map((r) => [r.exerciseSlug, r.failedAttempts, r.revealedAt.toISOString()])).toEqual([
      ["adam", 3, day(2).toISOString()],
      ["lion", 3, day(1).toISOString()],
      ["momentum", 6, day(4).toISOString()],
    ]);
    expect(await app.db.solutionReveal.count({ where: { learnerId: guest.id } })).toBe(0);
  });

  it("at sign-up, the adopted guest learner keeps its requests for a reference solution", async () => {
    const token = makeGuestToken("reveals-signup");
    const guest = await seedLearner(app.db, { guestToken: token });
    await app.db.solutionReveal.create({
      data: { learnerId: guest.id, exerciseSlug: "adam", failedAttempts: 3 },
    });
    const user = await seedUser(app.db, "reveals-new@example.com");
    await mergeGuestIntoUser(app.db, token, user.id);
    expect(await app.db.solutionReveal.count({ where: { learnerId: guest.id, exerciseSlug: "adam" } })).toBe(
      1,
    );
  });

  it("without a guest learner, creates the account's learner once and is idempotent", async () => {
    const user = await seedUser(app.db, "fresh@example.com");
    const first = await mergeGuestIntoUser(app.db, null, user.id);
    const again = await mergeGuestIntoUser(app.db, makeGuestToken("nobody"), user.id);
    expect(again.learnerId).toBe(first.learnerId);
    expect(await app.db.learner.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never takes over a learner that already belongs to another account", async () => {
    const owner = await seedUser(app.db, "owner@example.com");
    const other = await seedUser(app.db, "other@example.com");
    const owned = await seedLearner(app.db, {
      userId: owner.id,
      guestToken: makeGuestToken("owned"),
      reads: [["adam", day(1)]],
    });
    await mergeGuestIntoUser(app.db, makeGuestToken("owned"), other.id);
    expect(await app.db.lessonRead.count({ where: { learnerId: owned.id } })).toBe(1);
    expect((await app.db.learner.findUniqueOrThrow({ where: { id: owned.id } })).userId).toBe(owner.id);
  });
});

describe("interviews when a guest signs in", () => {
  it("a lesson's open check-yourself questions do not end the guest's timed interview", async () => {
    const { startInterview } = await import("@/lib/interview/interviews.server");
    const { startCheckYourself } = await import("@/lib/interview/check-yourself.server");
    const user = await seedUser(app.db, "checked@example.com");
    const account = await seedLearner(app.db, { userId: user.id });
    await startCheckYourself(account.id, "momentum");
    const token = makeGuestToken("interviewing");
    const guest = await seedLearner(app.db, { guestToken: token });
    const running = await startInterview({
      learnerId: guest.id,
      format: "rapid",
      mode: "real",
      focus: "all",
    });

    await mergeGuestIntoUser(app.db, token, user.id);

    const moved = await app.db.interview.findUniqueOrThrow({ where: { id: running.id } });
    expect(moved.learnerId).toBe(account.id);
    expect(moved.finishedAt).toBeNull();
    // And the check-yourself row is still open too.
    expect(
      await app.db.interview.count({
        where: { learnerId: account.id, format: "check-yourself", finishedAt: null },
      }),
    ).toBe(1);
  });

  it("a timed interview already running in the account ends the guest's", async () => {
    const { startInterview } = await import("@/lib/interview/interviews.server");
    const user = await seedUser(app.db, "busy@example.com");
    const account = await seedLearner(app.db, { userId: user.id });
    await startInterview({ learnerId: account.id, format: "rapid", mode: "real", focus: "all" });
    const token = makeGuestToken("second");
    const guest = await seedLearner(app.db, { guestToken: token });
    const running = await startInterview({
      learnerId: guest.id,
      format: "rapid",
      mode: "real",
      focus: "all",
    });

    await mergeGuestIntoUser(app.db, token, user.id);

    expect(
      (await app.db.interview.findUniqueOrThrow({ where: { id: running.id } })).finishedAt,
    ).not.toBeNull();
  });
});
