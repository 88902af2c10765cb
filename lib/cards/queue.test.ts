import { describe, expect, it } from "vitest";
import { dueClock } from "./due";
import { buildQueue } from "./queue";

const now = new Date("2026-03-01T12:00:00Z");
const clock = dueClock({ now, timeZone: "UTC" });
// In course order: lessons 1, 2, 3, two cards each.
const deck = ["intro", "sgd", "adam"].flatMap((lesson) =>
  [1, 2].map((n) => ({ id: `${lesson}-${n}`, topic: lesson, lesson })),
);

describe("new cards", () => {
  it("come in course order, the cards of lessons read first", () => {
    const queue = buildQueue({
      deck,
      states: [],
      newIntroducedToday: 0,
      clock,
      newLimit: 6,
      readLessons: new Set(["adam"]),
    });
    expect(queue.map((e) => e.cardId)).toEqual(["adam-1", "adam-2", "intro-1", "intro-2", "sgd-1", "sgd-2"]);
    const unread = buildQueue({ deck, states: [], newIntroducedToday: 0, clock, newLimit: 3 });
    expect(unread.map((e) => e.cardId)).toEqual(["intro-1", "intro-2", "sgd-1"]);
  });

  it("put the learner's own cards first", () => {
    const own = { id: "own-abc", topic: "own", lesson: "" };
    const queue = buildQueue({ deck: [own, ...deck], states: [], newIntroducedToday: 0, clock, newLimit: 2 });
    expect(queue.map((e) => e.cardId)).toEqual(["own-abc", "intro-1"]);
  });

  it("leave out suspended and buried cards, and count a row made only to bury a card as new once its day is over", () => {
    const row = { due: now, state: 0, origin: "deck", reps: 0 };
    const states = [
      { cardId: "intro-1", ...row, suspended: true },
      { cardId: "intro-2", ...row, buriedUntil: new Date("2026-03-02T00:00:00Z") },
      { cardId: "sgd-1", ...row, buriedUntil: new Date("2026-03-01T00:00:00Z") },
    ];
    const queue = buildQueue({ deck, states, newIntroducedToday: 0, clock, newLimit: 3 });
    expect(queue).toEqual([
      { cardId: "sgd-1", reason: "new" },
      { cardId: "sgd-2", reason: "new" },
      { cardId: "adam-1", reason: "new" },
    ]);
  });

  it("do not include a mistake's cards, so the header counts each card once", () => {
    const states = [{ cardId: "sgd-2", due: now, state: 0, origin: "mistake", reps: 0 }];
    const queue = buildQueue({ deck, states, newIntroducedToday: 0, clock, newLimit: 2 });
    expect(queue).toEqual([
      { cardId: "sgd-2", reason: "mistake" },
      { cardId: "intro-1", reason: "new" },
      { cardId: "intro-2", reason: "new" },
    ]);
  });
});
