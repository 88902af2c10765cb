import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDeck } from "@/lib/cards/deck";
import { EXERCISE_ITEM_ORIGIN, exerciseItemId } from "@/lib/cards/exercise-items";
import { Rating, State, scheduleReview } from "@/lib/cards/scheduler";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEarlyResult, type GradedResult } from "@/lib/grader/result";
import { createTestDatabase } from "@/tests/test-db";

// The schedule of an exercise as the app writes it: submissions stored by createSubmission (the
// submissions route's own function), the drill state read by getDrillState.
const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));

const { createSubmission } = await import("./submissions.server");
const { recordRecallOpening } = await import("./exercise-schedule.server");
const { getDrillState, getQueue } = await import("./reviews.server");
const { getDueCounts } = await import("./learner-deck.server");

const passed = { ...createEarlyResult("passed", "All tests pass.", 40), diagnosis: null } as GradedResult;
const failed = { ...createEarlyResult("failed", "Diverged.", 40), diagnosis: null } as GradedResult;
const code = { code: "// mine", language: "typescript" as const };
const DAY = 86_400_000;
const timeZone = "UTC";

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
});
afterAll(() => cleanup());
afterEach(() => {
  vi.useRealTimers();
});

async function newLearner(): Promise<string> {
  return (await state.db.learner.create({ data: {} })).id;
}
const row = (learnerId: string, slug = "momentum") =>
  state.db.cardState.findUnique({ where: { learnerId_cardId: { learnerId, cardId: exerciseItemId(slug) } } });
/** Moves this process's clock (Date only: the database driver's timers keep running). */
function at(time: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(time);
}

describe("an exercise on the schedule", () => {
  it("is scheduled by the first passing submission only, after FSRS's Good interval", async () => {
    const learnerId = await newLearner();
    await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: failed });
    expect(await row(learnerId)).toBeNull();

    const first = await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: passed });
    expect(first.schedule).toBe("scheduled");
    const scheduled = await row(learnerId);
    expect(scheduled).toMatchObject({ origin: EXERCISE_ITEM_ORIGIN, reps: 1, suspended: false });
    expect(scheduled?.state).not.toBe(State.New);
    // FSRS's Good interval of a new card, in days (no learning step of minutes).
    expect(scheduled?.due.getTime()).toBeGreaterThanOrEqual(Date.now() + DAY - 1000);
    expect(scheduled?.state).toBe(State.Review);

    // A second pass, not a recall, leaves the schedule as it was.
    const second = await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: passed });
    expect(second.schedule).toBeNull();
    expect(await row(learnerId)).toEqual(scheduled);
  });

  it("is not a card: it uses no new card of the day and is not counted among due cards", async () => {
    const learnerId = await newLearner();
    const deck = getDeck();
    const before = await getQueue(learnerId, { timeZone, deck });
    await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: passed });
    expect(await getQueue(learnerId, { timeZone, deck })).toEqual(before);
    at(new Date(Date.now() + 30 * DAY));
    expect(await getDueCounts(learnerId, { timeZone, deck })).toEqual({ now: 0, mistake: 0, laterToday: 0 });
  });

  it("comes due in the drill, and a recall rates it: failed Again, then passed Good", async () => {
    const learnerId = await newLearner();
    const deck = getDeck();
    await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: passed });
    await state.db.learner.update({ where: { id: learnerId }, data: { language: "python" } });
    expect((await getDrillState(learnerId, { timeZone, deck })).exercises).toBeUndefined();

    at(new Date(Date.now() + 30 * DAY));
    const drill = await getDrillState(learnerId, { timeZone, deck });
    expect(drill.exercises).toEqual([
      { slug: "momentum", title: expect.any(String), kind: "code", language: "python" },
    ]);

    const miss = await createSubmission({
      learnerId,
      exerciseSlug: "momentum",
      ...code,
      result: failed,
      recall: true,
    });
    expect(miss.schedule).toBe("again");
    const lapsed = await row(learnerId);
    expect(lapsed).toMatchObject({ lapses: 1, reps: 2 });
    // Scheduled in days, no relearning step of minutes: back tomorrow at the earliest.
    expect(lapsed?.due.getTime()).toBeGreaterThanOrEqual(Date.now() + DAY - 1000);
    expect((await getDrillState(learnerId, { timeZone, deck })).exercises).toBeUndefined();
    // A recall of an item not due changes nothing.
    const early = await createSubmission({
      learnerId,
      exerciseSlug: "momentum",
      ...code,
      result: passed,
      recall: true,
    });
    expect(early.schedule).toBeNull();

    if (!lapsed) throw new Error("no schedule row");
    const hitAt = new Date(lapsed.due.getTime() + 60_000);
    at(hitAt);
    const hit = await createSubmission({
      learnerId,
      exerciseSlug: "momentum",
      ...code,
      result: passed,
      recall: true,
    });
    expect(hit.schedule).toBe("good");
    const rated = await row(learnerId);
    expect(rated).toMatchObject({ reps: 3, lapses: 1, state: State.Review });
    // Good, not Easy: no opening time was recorded.
    const good = scheduleReview(lapsed, hitAt, Rating.Good, undefined, undefined, { shortTerm: false });
    expect(rated?.due).toEqual(good.next.due);
    expect((await getDrillState(learnerId, { timeZone, deck })).exercises).toBeUndefined();
  });

  it("is rated by an exercise of judgment's recall the same way", async () => {
    const learnerId = await newLearner();
    await createSubmission({
      learnerId,
      exerciseSlug: "first-step-by-hand",
      answer: { x: 1 },
      result: passed,
    });
    at(new Date(Date.now() + 30 * DAY));
    const drill = await getDrillState(learnerId, { timeZone, deck: getDeck() });
    expect(drill.exercises).toEqual([
      { slug: "first-step-by-hand", title: expect.any(String), kind: "predict", language: null },
    ]);
    const again = await createSubmission({
      learnerId,
      exerciseSlug: "first-step-by-hand",
      answer: { x: 2 },
      result: failed,
      recall: true,
    });
    expect(again.schedule).toBe("again");
    expect(await row(learnerId, "first-step-by-hand")).toMatchObject({ lapses: 1 });
  });

  it("rates a first-try pass within five minutes of the recorded opening Easy, a later one Good", async () => {
    const quick = await newLearner();
    const slow = await newLearner();
    for (const learnerId of [quick, slow])
      await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: passed });
    // Not due yet: nothing to record.
    expect(await recordRecallOpening(quick, "momentum", new Date(), state.db)).toBe(false);

    const opened = new Date(Date.now() + 30 * DAY);
    at(opened);
    for (const learnerId of [quick, slow])
      expect(await recordRecallOpening(learnerId, "momentum", opened, state.db)).toBe(true);
    // Opening again does not restart the window.
    const reopened = new Date(opened.getTime() + 4 * 60_000);
    expect(await recordRecallOpening(slow, "momentum", reopened, state.db)).toBe(false);

    at(new Date(opened.getTime() + 4 * 60_000));
    const fast = await createSubmission({
      learnerId: quick,
      exerciseSlug: "momentum",
      ...code,
      result: passed,
      recall: true,
    });
    expect(fast.schedule).toBe("easy");

    at(new Date(opened.getTime() + 6 * 60_000));
    const late = await createSubmission({
      learnerId: slow,
      exerciseSlug: "momentum",
      ...code,
      result: passed,
      recall: true,
    });
    expect(late.schedule).toBe("good");
  });

  it("rates a pass after a failed try Good even within the window", async () => {
    const learnerId = await newLearner();
    await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: passed });
    const opened = new Date(Date.now() + 30 * DAY);
    at(opened);
    await recordRecallOpening(learnerId, "momentum", opened, state.db);
    // A failed plain submission (not a recall) since the item came due: the pass is not a first try.
    at(new Date(opened.getTime() + 60_000));
    await createSubmission({ learnerId, exerciseSlug: "momentum", ...code, result: failed });
    at(new Date(opened.getTime() + 2 * 60_000));
    const second = await createSubmission({
      learnerId,
      exerciseSlug: "momentum",
      ...code,
      result: passed,
      recall: true,
    });
    expect(second.schedule).toBe("good");
  });
});
