import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { isRating, RATING_LABELS, RATINGS } from "./domain";
import { RatingSchema } from "./domain-schemas";

describe("ratings", () => {
  it("are ts-fsrs's grades with its names, in button order", () => {
    expect(RATINGS.map((value) => Rating[value])).toEqual(["Again", "Hard", "Good", "Easy"]);
    for (const value of RATINGS) expect(RATING_LABELS[value]).toBe(Rating[value]);
  });

  it("refuse Manual (0) and anything outside 1–4", () => {
    expect(RatingSchema.safeParse(Rating.Manual).success).toBe(false);
    for (const bad of [5, 2.5, "3", null]) {
      expect(RatingSchema.safeParse(bad).success).toBe(false);
      expect(isRating(bad)).toBe(false);
    }
    for (const good of RATINGS) expect(isRating(good) && RatingSchema.safeParse(good).success).toBe(true);
  });
});
