import { describe, expect, it } from "vitest";
import { buildQueue } from "@/lib/cards/queue";
import { computeRetention, countByState, countReviewsPerDay, forecastDue } from "@/lib/cards/stats";

const now = new Date("2026-03-01T12:00:00Z");
const deck = Array.from({ length: 30 }, (_, i) => ({ id: `card-${i}`, topic: i < 15 ? "adam" : "momentum" }));
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("buildQueue", () => {
  it("puts due cards first (most overdue first), then new cards up to the limit", () => {
    const states = [
      { cardId: "card-3", due: hoursAgo(1), state: 2, origin: "deck", reps: 3 },
      { cardId: "card-5", due: hoursAgo(5), state: 2, origin: "deck", reps: 3 },
      { cardId: "card-7", due: new Date(now.getTime() + 3_600_000), state: 2, origin: "deck", reps: 3 },
    ];
    const queue = buildQueue({ deck, states, newIntroducedToday: 0, now, newLimit: 4 });
    expect(queue.map((e) => e.cardId)).toEqual(["card-5", "card-3", "card-0", "card-1", "card-2", "card-4"]);
    expect(queue.map((e) => e.reason)).toEqual(["due", "due", "new", "new", "new", "new"]);
  });

  it("subtracts the new cards already introduced today", () => {
    expect(buildQueue({ deck, states: [], newIntroducedToday: 18, now, newLimit: 20 })).toHaveLength(2);
    expect(buildQueue({ deck, states: [], newIntroducedToday: 25, now, newLimit: 20 })).toHaveLength(0);
  });

  it("always includes mistake cards, ahead of other due cards, even past the new limit", () => {
    const states = [
      { cardId: "card-9", due: hoursAgo(10), state: 2, origin: "deck", reps: 2 },
      { cardId: "card-20", due: now, state: 0, origin: "mistake", reps: 0 },
    ];
    const queue = buildQueue({ deck, states, newIntroducedToday: 20, now, newLimit: 20 });
    expect(queue).toEqual([
      { cardId: "card-20", reason: "mistake" },
      { cardId: "card-9", reason: "due" },
    ]);
  });

  it("filters by topic", () => {
    const queue = buildQueue({ deck, states: [], newIntroducedToday: 0, now, topic: "momentum" });
    expect(queue).toHaveLength(15);
    expect(queue.every((e) => Number(e.cardId.slice(5)) >= 15)).toBe(true);
  });
});

describe("stats", () => {
  const logs = [
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
    const days = countReviewsPerDay(logs, now, 20);
    expect(days).toHaveLength(140);
    expect(days.at(-1)).toEqual({ day: "2026-03-01", count: 2 });
    expect(days.at(-2)).toEqual({ day: "2026-02-28", count: 2 });
  });

  it("counts cards by state and forecasts due cards, overdue into today", () => {
    expect(countByState([{ state: 0 }, { state: 1 }, { state: 2 }, { state: 3 }], 10)).toEqual({
      unseen: 6,
      learning: 2,
      review: 1,
      relearning: 1,
    });
    const forecast = forecastDue(
      [{ due: hoursAgo(48) }, { due: now }, { due: new Date(now.getTime() + 86_400_000) }],
      now,
      14,
    );
    expect(forecast).toHaveLength(14);
    expect(forecast[0]?.count).toBe(2);
    expect(forecast[1]?.count).toBe(1);
  });
});
