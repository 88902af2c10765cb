import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMETERS } from "./fsrs-fit";
import { estimateScheduleEffect } from "./fsrs-fit-effect";

const deck = { cards: 170, newCardsPerDay: 20 };

describe("the effect of FSRS parameters at a desired retention", () => {
  it("costs more reviews and keeps more in memory as the desired retention rises", () => {
    const [low, mid, high] = [0.8, 0.9, 0.95].map((desiredRetention) =>
      estimateScheduleEffect(DEFAULT_PARAMETERS, { ...deck, desiredRetention }),
    ) as [
      ReturnType<typeof estimateScheduleEffect>,
      ReturnType<typeof estimateScheduleEffect>,
      ReturnType<typeof estimateScheduleEffect>,
    ];
    expect(low.reviewsPerDay).toBeLessThan(mid.reviewsPerDay);
    expect(mid.reviewsPerDay).toBeLessThan(high.reviewsPerDay);
    expect(low.averageRecall).toBeLessThan(mid.averageRecall);
    expect(mid.averageRecall).toBeLessThan(high.averageRecall);
    // Cards are reviewed when recall falls to the desired retention, so on an average day it is above.
    for (const effect of [low, mid, high])
      expect(effect.averageRecall).toBeGreaterThan(effect.desiredRetention);
    // Every card is seen at least once: 170 first reviews in a year is the floor.
    expect(low.reviewsPerDay).toBeGreaterThan(170 / 365);
  });

  it("costs fewer reviews for a learner whose memories last longer", () => {
    const stronger = DEFAULT_PARAMETERS.map((w, i) => (i <= 3 ? w * 3 : w));
    const options = { ...deck, desiredRetention: 0.9 };
    expect(estimateScheduleEffect(stronger, options).reviewsPerDay).toBeLessThan(
      estimateScheduleEffect(DEFAULT_PARAMETERS, options).reviewsPerDay,
    );
  });

  it("is repeatable for a seed", () => {
    const options = { ...deck, desiredRetention: 0.9, days: 60 };
    expect(estimateScheduleEffect(DEFAULT_PARAMETERS, options)).toEqual(
      estimateScheduleEffect(DEFAULT_PARAMETERS, options),
    );
  });
});
