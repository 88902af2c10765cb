import { describe, expect, it } from "vitest";
import { dueClock } from "@/lib/cards/due";
import { buildQueue } from "@/lib/cards/queue";
import {
  computeRetention,
  countByState,
  countReviewsPerDay,
  forecastDue,
  type StatsLog,
} from "@/lib/cards/stats";

const now = new Date("2026-03-01T12:00:00Z");
const deck = Array.from({ length: 30 }, (_, i) => ({
  id: `card-${i}`,
  topic: i < 15 ? "adam" : "momentum",
  lesson: i < 15 ? "adam" : "momentum",
}));
const clock = dueClock({ now, timeZone: "UTC" });
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
/** A card in review, due at `due`. */
const scheduled = (due: Date, i = 0) => ({ cardId: `card-${i}`, due, state: 2, origin: "deck", reps: 3 });

describe("buildQueue", () => {
  it("puts due cards first (most overdue first), then new cards up to the limit", () => {
    const states = [
      { cardId: "card-3", due: hoursAgo(1), state: 2, origin: "deck", reps: 3 },
      { cardId: "card-5", due: hoursAgo(5), state: 2, origin: "deck", reps: 3 },
      { cardId: "card-7", due: new Date(now.getTime() + 3_600_000), state: 2, origin: "deck", reps: 3 },
    ];
    const queue = buildQueue({ deck, states, newIntroducedToday: 0, clock, newLimit: 4 });
    expect(queue.map((e) => e.cardId)).toEqual(["card-5", "card-3", "card-0", "card-1", "card-2", "card-4"]);
    expect(queue.map((e) => e.reason)).toEqual(["due", "due", "new", "new", "new", "new"]);
  });

  it("subtracts the new cards already introduced today", () => {
    expect(buildQueue({ deck, states: [], newIntroducedToday: 18, clock, newLimit: 20 })).toHaveLength(2);
    expect(buildQueue({ deck, states: [], newIntroducedToday: 25, clock, newLimit: 20 })).toHaveLength(0);
  });

  it("always includes mistake cards, ahead of other due cards, even past the new limit", () => {
    const states = [
      { cardId: "card-9", due: hoursAgo(10), state: 2, origin: "deck", reps: 2 },
      { cardId: "card-20", due: now, state: 0, origin: "mistake", reps: 0 },
    ];
    const queue = buildQueue({ deck, states, newIntroducedToday: 20, clock, newLimit: 20 });
    expect(queue).toEqual([
      { cardId: "card-20", reason: "mistake" },
      { cardId: "card-9", reason: "due" },
    ]);
  });

  it("filters by topic", () => {
    const queue = buildQueue({ deck, states: [], newIntroducedToday: 0, clock, topic: "momentum" });
    expect(queue).toHaveLength(15);
    expect(queue.every((e) => Number(e.cardId.slice(5)) >= 15)).toBe(true);
  });
});

describe("stats", () => {
  const logs: StatsLog[] = [
    { review: hoursAgo(1), rating: 3, state: 2 },
    { review: hoursAgo(2), rating: 1, state: 2 },
    { review: hoursAgo(30), rating: 4, state: 2 },
    { review: hoursAgo(30), rating: 1, state: 1 },
  ];

  it("computes retention over reviews of cards in review state only", () => {
    expect(computeRetention(logs)).toEqual({ retention: 2 / 3, reviews: 3 });
    expect(computeRetention([]).retention).toBeNull();
  });

  it("counts reviews per day over 20 weeks ending today", () => {
    const days = countReviewsPerDay(logs, { now, timeZone: "UTC" }, 20);
    expect(days).toHaveLength(140);
    expect(days.at(-1)).toEqual({ day: "2026-03-01", count: 2 });
    expect(days.at(-2)).toEqual({ day: "2026-02-28", count: 2 });
  });

  it("counts cards by state and forecasts due cards, overdue into today", () => {
    const rated = { origin: "deck", reps: 2 };
    const states = [0, 1, 2, 3].map((state) => ({ state, ...rated }));
    // A queued mistake (state New, reps 0) is learning; a row made only to bury a card is unseen.
    states[0] = { state: 0, origin: "mistake", reps: 0 };
    expect(countByState([...states, { state: 0, origin: "deck", reps: 0 }], 10)).toEqual({
      unseen: 6,
      learning: 2,
      review: 1,
      relearning: 1,
      suspended: 0,
    });
    const forecast = forecastDue(
      [hoursAgo(48), now, new Date(now.getTime() + 86_400_000)].map(scheduled),
      { now, timeZone: "UTC" },
      14,
    );
    expect(forecast).toHaveLength(14);
    expect(forecast[0]?.count).toBe(2);
    expect(forecast[1]?.count).toBe(1);
  });
});

describe("stats in the learner's time zone", () => {
  const LA = "America/Los_Angeles";
  // 23:30 on March 9 in Los Angeles (PDT, UTC−7) is already March 10 in UTC.
  const lateEvening = new Date("2026-03-10T06:30:00Z");
  const nextMorning = new Date("2026-03-10T16:00:00Z"); // 09:00 on March 10 in Los Angeles

  it("puts a 23:30-local review on that local day in the heatmap", () => {
    const logs: StatsLog[] = [{ review: lateEvening, rating: 3, state: 2 }];
    const local = countReviewsPerDay(logs, { now: nextMorning, timeZone: LA }, 20);
    expect(local.at(-1)).toEqual({ day: "2026-03-10", count: 0 });
    expect(local.at(-2)).toEqual({ day: "2026-03-09", count: 1 });
    const utc = countReviewsPerDay(logs, { now: nextMorning, timeZone: "UTC" }, 20);
    expect(utc.at(-1)).toEqual({ day: "2026-03-10", count: 1 });
  });

  it("names consecutive local days across the DST change and ends the heatmap on the local today", () => {
    // 20:00 on March 8 in Los Angeles is 04:00 on March 9 in UTC.
    const days = countReviewsPerDay([], { now: new Date("2026-03-09T04:00:00Z"), timeZone: LA }, 1);
    expect(days.map((d) => d.day)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
    ]);
  });

  it("forecasts by local day: due at 23:30 local is today, due after local midnight is tomorrow", () => {
    const now = new Date("2026-03-10T02:00:00Z"); // 19:00 on March 9 in Los Angeles
    const states = [
      new Date("2026-03-08T12:00:00Z"), // overdue
      lateEvening, // 23:30 today, local
      new Date("2026-03-10T07:30:00Z"), // 00:30 tomorrow, local
      new Date("2026-03-23T06:59:00Z"), // 23:59 on March 22, local: day 13, the last bucket
      new Date("2026-03-23T07:00:00Z"), // March 23, local: beyond the 14 days
    ].map(scheduled);
    const forecast = forecastDue(states, { now, timeZone: LA }, 14);
    expect(forecast[0]).toEqual({ day: "2026-03-09", count: 2 });
    expect(forecast[1]).toEqual({ day: "2026-03-10", count: 1 });
    expect(forecast[13]).toEqual({ day: "2026-03-22", count: 1 });
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(4);
    // In UTC it is already March 10: the 23:30-local card and the 00:30 one are both "today".
    expect(forecastDue(states, { now, timeZone: "UTC" }, 14)[0]).toEqual({ day: "2026-03-10", count: 3 });
  });
});
