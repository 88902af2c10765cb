import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { effectNearest, parseStoredEffect, parseStoredParameters } from "./fsrs-parameters";

describe("a stored fit read back", () => {
  it("gives the 21 FSRS-6 parameters ts-fsrs expects, or null for anything else", () => {
    expect(default_w).toHaveLength(21);
    expect(parseStoredParameters(JSON.stringify(default_w))).toEqual([...default_w]);
    // ts-fsrs would quietly schedule with its defaults for these: the drill must not call that fitted.
    expect(parseStoredParameters(JSON.stringify(default_w.slice(0, 19)))).toBeNull();
    expect(parseStoredParameters(JSON.stringify([...default_w.slice(0, 20), "x"]))).toBeNull();
    expect(parseStoredParameters("not json")).toBeNull();
    expect(parseStoredParameters(null)).toBeNull();
  });

  it("picks the effect estimated at the retention nearest the learner's", () => {
    const at = (desiredRetention: number) => ({
      desiredRetention,
      reviewsPerDay: desiredRetention * 10,
      averageRecall: 0.9,
    });
    const effects = [at(0.8), at(0.85), at(0.9), at(0.95)];
    expect(effectNearest(effects, 0.9)).toEqual(at(0.9));
    expect(effectNearest(effects, 0.93)).toEqual(at(0.95));
    expect(effectNearest([], 0.9)).toBeNull();
    const stored = { cards: 170, newCardsPerDay: 20, yours: effects, defaults: effects };
    expect(parseStoredEffect(JSON.stringify(stored))).toEqual(stored);
    expect(parseStoredEffect(JSON.stringify({ yours: effects }))).toBeNull();
  });
});
