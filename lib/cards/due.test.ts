import { describe, expect, it } from "vitest";
import { classifyCard, countDue, dueClock, type ScheduleFacts } from "./due";

const now = new Date("2026-03-10T02:00:00Z"); // 19:00 on March 9 in Los Angeles
const LA = "America/Los_Angeles";
const at = (iso: string) => new Date(iso);
const review = (cardId: string, due: Date, extra: Partial<ScheduleFacts> = {}): ScheduleFacts => ({
  cardId,
  due,
  state: 2,
  origin: "deck",
  reps: 3,
  ...extra,
});

describe("the one definition of due", () => {
  const clock = dueClock({ now, timeZone: LA });

  it("splits due now from due later in the learner's day, and later days from both", () => {
    expect(classifyCard(review("a", at("2026-03-09T12:00:00Z")), clock)).toBe("due");
    expect(classifyCard(review("b", now), clock)).toBe("due");
    expect(classifyCard(review("c", at("2026-03-10T06:30:00Z")), clock)).toBe("later-today"); // 23:30 local
    expect(classifyCard(review("d", at("2026-03-10T07:00:00Z")), clock)).toBe("scheduled"); // local midnight
  });

  it("leaves out suspended and buried cards, and rows of cards never rated", () => {
    expect(classifyCard(review("a", now, { suspended: true }), clock)).toBe("suspended");
    expect(classifyCard(review("a", now, { buriedUntil: at("2026-03-10T07:00:00Z") }), clock)).toBe("buried");
    // A burial that has ended no longer hides the card.
    expect(classifyCard(review("a", now, { buriedUntil: at("2026-03-09T07:00:00Z") }), clock)).toBe("due");
    expect(classifyCard(review("a", now, { reps: 0, state: 0 }), clock)).toBe("new");
    expect(classifyCard(review("a", now, { reps: 0, state: 0, origin: "mistake" }), clock)).toBe("mistake");
  });

  it("counts each card once, mistakes inside due now, and skips cards the deck does not have", () => {
    const states = [
      review("due", at("2026-03-09T12:00:00Z")),
      review("mistake", now, { reps: 0, state: 0, origin: "mistake" }),
      review("later", at("2026-03-10T06:30:00Z")),
      review("tomorrow", at("2026-03-10T08:00:00Z")),
      review("gone", now),
      review("suspended", now, { suspended: true }),
    ];
    expect(countDue(states, clock, (id) => id !== "gone")).toEqual({ now: 2, mistake: 1, laterToday: 1 });
    // In UTC it is already March 10: the 23:30-local card and the 08:00-UTC one are both due today.
    expect(countDue(states, dueClock({ now, timeZone: "UTC" }), (id) => id !== "gone").laterToday).toBe(2);
  });
});
