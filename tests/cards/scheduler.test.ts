import { describe, expect, it } from "vitest";
import {
  formatInterval,
  GRADES,
  newSchedule,
  previewIntervals,
  Rating,
  State,
  scheduleReview,
} from "@/lib/cards/scheduler";

const now = new Date("2026-03-01T12:00:00Z");

function dueAfter(grade: (typeof GRADES)[number], row = newSchedule(now), at = now) {
  return scheduleReview(row, at, grade).next.due.getTime() - at.getTime();
}

describe("scheduling through ts-fsrs", () => {
  it("orders a new card's intervals Again <= Hard <= Good < Easy", () => {
    const [again, hard, good, easy] = GRADES.map((g) => dueAfter(g));
    expect(again).toBeLessThanOrEqual(hard as number);
    expect(hard).toBeLessThanOrEqual(good as number);
    expect(good).toBeLessThan(easy as number);
  });

  it("orders a review card's intervals strictly Again < Hard < Good < Easy", () => {
    let row = newSchedule(now);
    let at = now;
    for (let i = 0; i < 3; i++) {
      row = scheduleReview(row, at, Rating.Good).next;
      at = row.due;
    }
    expect(row.state).toBe(State.Review);
    const intervals = GRADES.map((g) => dueAfter(g, row, at));
    for (let i = 1; i < intervals.length; i++)
      expect(intervals[i]).toBeGreaterThan(intervals[i - 1] as number);
    expect(intervals[3]).toBeGreaterThan(86_400_000);
  });

  it("sends a lapsed review card to relearning and counts the lapse", () => {
    let row = newSchedule(now);
    let at = now;
    for (let i = 0; i < 3; i++) {
      row = scheduleReview(row, at, Rating.Good).next;
      at = row.due;
    }
    const { next, log } = scheduleReview(row, at, Rating.Again);
    expect(next.state).toBe(State.Relearning);
    expect(next.lapses).toBe(1);
    expect(log.state).toBe(State.Review);
  });

  it("previews exactly what rating stores", () => {
    const row = newSchedule(now);
    const preview = previewIntervals(row, now);
    expect(preview[Rating.Again]).toBe(formatInterval(dueAfter(Rating.Again)));
    expect(preview[Rating.Easy]).toBe(formatInterval(dueAfter(Rating.Easy)));
  });

  it("formats intervals briefly", () => {
    expect(formatInterval(30_000)).toBe("<1m");
    expect(formatInterval(10 * 60_000)).toBe("10m");
    expect(formatInterval(3 * 86_400_000)).toBe("3d");
    expect(formatInterval(400 * 86_400_000)).toBe("1.1y");
  });
});
