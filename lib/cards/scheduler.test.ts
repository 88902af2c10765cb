import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { newSchedule, previewIntervals, Rating, type StoredSchedule, scheduleReview } from "./scheduler";

const now = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;

/** A learner whose fit says an Easy first answer lasts 20 days (w[3]) and reviews grow stability faster (w[8]). */
const fitted = default_w.map((w, i) => (i === 3 ? 20 : i === 8 ? 2.4 : w));

/** A card in review: stability 12 days, last reviewed 12 days ago. */
const reviewCard: StoredSchedule = {
  due: now,
  stability: 12,
  difficulty: 5,
  elapsedDays: 12,
  scheduledDays: 12,
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  state: 2,
  lastReview: new Date(now.getTime() - 12 * DAY),
};

function daysUntilDue(row: StoredSchedule, grade: Rating.Good | Rating.Easy, parameters?: readonly number[]) {
  return (scheduleReview(row, now, grade, 0.9, parameters).next.due.getTime() - now.getTime()) / DAY;
}

describe("a learner's fitted FSRS parameters", () => {
  it("change the intervals a rating stores", () => {
    expect(daysUntilDue(newSchedule(now), Rating.Easy)).toBe(8);
    expect(daysUntilDue(newSchedule(now), Rating.Easy, fitted)).toBe(20);
    expect(daysUntilDue(reviewCard, Rating.Good, fitted)).toBeGreaterThan(
      daysUntilDue(reviewCard, Rating.Good),
    );
  });

  it("are what the rating buttons preview", () => {
    expect(previewIntervals(newSchedule(now), now, 0.9)[Rating.Easy]).toBe("8d");
    expect(previewIntervals(newSchedule(now), now, 0.9, fitted)[Rating.Easy]).toBe("20d");
  });

  it("equal the defaults' schedule when absent or null", () => {
    const byDefault = daysUntilDue(reviewCard, Rating.Good);
    expect(daysUntilDue(reviewCard, Rating.Good, [...default_w])).toBe(byDefault);
    expect(scheduleReview(reviewCard, now, Rating.Good, 0.9, null).next).toEqual(
      scheduleReview(reviewCard, now, Rating.Good).next,
    );
  });
});
