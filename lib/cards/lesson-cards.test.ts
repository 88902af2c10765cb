import { describe, expect, it } from "vitest";
import { resolveLessonCards } from "./lesson-cards";
import type { Card } from "./schema";

const card = (id: string, topic: string) => ({ id, topic }) as Card;
const deck = [
  card("a1", "alpha"),
  card("a2", "alpha"),
  card("b1", "beta"),
  card("b2", "beta"),
  card("c1", "gamma"),
];

describe("a lesson's cards", () => {
  it("takes a topic as all its cards and a card id as that card, grouped by topic in the order named", () => {
    expect(resolveLessonCards(["beta", "a2"], deck)).toEqual({
      topics: [
        { topic: "beta", count: 2 },
        { topic: "alpha", count: 1 },
      ],
      cardIds: ["b1", "b2", "a2"],
    });
  });

  it("counts a card named twice (by topic and by id) once", () => {
    expect(resolveLessonCards(["alpha", "a1"], deck)).toEqual({
      topics: [{ topic: "alpha", count: 2 }],
      cardIds: ["a1", "a2"],
    });
  });
});
