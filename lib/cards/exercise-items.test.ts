import { describe, expect, it } from "vitest";
import type { DueClock, ScheduleFacts } from "./due";
import {
  dueExerciseSlugs,
  EXERCISE_ITEM_ORIGIN,
  exerciseItemId,
  exerciseSlugOfItem,
  isExerciseItemId,
  QUICK_RECALL_MS,
  recallRating,
} from "./exercise-items";
import { Rating } from "./scheduler";

const now = new Date("2026-03-10T12:00:00Z");
const clock: DueClock = { now, endOfToday: new Date("2026-03-11T00:00:00Z") };
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

function item(slug: string, due: Date, extra: Partial<ScheduleFacts> = {}): ScheduleFacts {
  return { cardId: exerciseItemId(slug), due, state: 2, origin: EXERCISE_ITEM_ORIGIN, reps: 1, ...extra };
}

describe("exercise item ids", () => {
  it("round-trip a slug and are told apart from card ids", () => {
    expect(exerciseItemId("momentum")).toBe("exercise:momentum");
    expect(exerciseSlugOfItem(exerciseItemId("momentum"))).toBe("momentum");
    expect(isExerciseItemId("exercise:adam")).toBe(true);
    expect(isExerciseItemId("adam-bias-correction")).toBe(false);
    expect(isExerciseItemId("own-abc")).toBe(false);
  });
});

describe("recallRating", () => {
  const opened = minutes(-10);
  it("rates a failed attempt Again, however quick", () => {
    expect(recallRating({ passed: false, firstTry: true, openedAt: opened, submittedAt: minutes(-9) })).toBe(
      Rating.Again,
    );
  });

  it("rates a pass on the first try within five minutes of opening Easy", () => {
    const submittedAt = new Date(opened.getTime() + QUICK_RECALL_MS);
    expect(recallRating({ passed: true, firstTry: true, openedAt: opened, submittedAt })).toBe(Rating.Easy);
  });

  it("rates a pass Good when it came later, after a failed try, or with no opening recorded", () => {
    const late = new Date(opened.getTime() + QUICK_RECALL_MS + 1000);
    expect(recallRating({ passed: true, firstTry: true, openedAt: opened, submittedAt: late })).toBe(
      Rating.Good,
    );
    expect(recallRating({ passed: true, firstTry: false, openedAt: opened, submittedAt: minutes(-9) })).toBe(
      Rating.Good,
    );
    expect(recallRating({ passed: true, firstTry: true, openedAt: null, submittedAt: now })).toBe(
      Rating.Good,
    );
    // An opening "after" the submission (a clock skew) is not a quick recall.
    expect(recallRating({ passed: true, firstTry: true, openedAt: minutes(1), submittedAt: now })).toBe(
      Rating.Good,
    );
  });
});

describe("dueExerciseSlugs", () => {
  it("lists the exercise items due now, most overdue first, and nothing else", () => {
    const states: ScheduleFacts[] = [
      item("adam", minutes(-5)),
      item("momentum", minutes(-60)),
      item("lion", minutes(30)), // later today: not yet
      item("muon", minutes(-60), { suspended: true }),
      item("nesterov", minutes(-60), { buriedUntil: clock.endOfToday }),
      // A deck card due now is the card queue's, not an exercise item.
      { cardId: "adam-bias-correction", due: minutes(-90), state: 2, origin: "deck", reps: 3 },
    ];
    expect(dueExerciseSlugs(states, clock)).toEqual(["momentum", "adam"]);
  });

  it("leaves out the items of exercises no longer in the course", () => {
    const states = [item("adam", minutes(-5)), item("retired", minutes(-50))];
    expect(dueExerciseSlugs(states, clock, (slug) => slug !== "retired")).toEqual(["adam"]);
  });
});
