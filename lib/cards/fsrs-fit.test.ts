import { computeParameters, FSRSBinding } from "@open-spaced-repetition/binding";
import { createEmptyCard, fsrs, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARAMETERS,
  type FitReview,
  fitFsrsParameters,
  logLossOf,
  MIN_REVIEWS_FOR_FIT,
  toTrainingItems,
} from "./fsrs-fit";

// Synthetic learners whose memory follows known FSRS parameters: each card is reviewed at the
// interval those parameters give for 90% retention, stretched or shrunk at random (so the data shows
// recall at many retrievabilities), and recalled with the probability they predict.

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** The learner's true parameters: FSRS-6 defaults with stronger first memories and a flatter curve. */
const TRUE_PARAMETERS = DEFAULT_PARAMETERS.map(
  (w, i) => ({ 0: 0.8, 1: 3, 2: 8, 3: 25, 8: 1.2, 20: 0.35 })[i] ?? w,
);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A learner's reviews of `cards` cards, each first seen in the first 60 days, until `days`. */
function simulateLearner(
  cards: number,
  days: number,
  seed: number,
  parameters = TRUE_PARAMETERS,
): FitReview[] {
  const random = seededRandom(seed);
  const memory = fsrs({
    w: parameters,
    enable_short_term: false,
    enable_fuzz: false,
    request_retention: 0.9,
  });
  const pick = (thresholds: Array<[number, Grade]>): Grade => {
    const u = random();
    return (thresholds.find(([limit]) => u < limit) ?? thresholds[thresholds.length - 1])?.[1] as Grade;
  };
  const reviews: FitReview[] = [];
  for (let c = 0; c < cards; c++) {
    let day = Math.floor(random() * 60);
    let card = createEmptyCard(new Date(START + day * DAY));
    let rating = pick([
      [0.2, 1],
      [0.3, 2],
      [0.9, 3],
      [1, 4],
    ]);
    while (day < days) {
      const at = new Date(START + day * DAY + 9 * 3_600_000);
      reviews.push({ cardId: `card-${c}`, rating, review: at });
      card = memory.next(card, at, rating).card;
      day += Math.max(1, Math.round(card.scheduled_days * (0.5 + random() * 1.5)));
      const recall = memory.get_retrievability(card, new Date(START + day * DAY + 9 * 3_600_000), false);
      rating =
        random() < recall
          ? pick([
              [0.15, 2],
              [0.85, 3],
              [1, 4],
            ])
          : 1;
    }
  }
  return reviews;
}

describe("fitting FSRS parameters to a learner's reviews", () => {
  it("recovers known parameters better than the defaults: lower log loss on reviews it never saw", async () => {
    const history = simulateLearner(200, 365, 1);
    expect(history.length).toBeGreaterThan(MIN_REVIEWS_FOR_FIT);
    const fit = await fitFsrsParameters(history, { timeZone: "UTC" });
    if (fit.status !== "fitted") throw new Error(`expected a fit, got ${fit.status}`);
    expect(fit.parameters).toHaveLength(DEFAULT_PARAMETERS.length);
    expect(fit.logLoss).toBeLessThan(fit.defaultLogLoss);

    // Another year of the same learner on other cards: the fit predicts it better than the defaults.
    const fresh = simulateLearner(300, 365, 2);
    const fitted = logLossOf(fit.parameters, fresh, "UTC");
    const defaults = logLossOf(DEFAULT_PARAMETERS, fresh, "UTC");
    const truth = logLossOf(TRUE_PARAMETERS, fresh, "UTC");
    expect(fitted).toBeLessThan(defaults - 0.005);
    // ...and comes within a small margin of the true parameters themselves.
    expect(fitted - truth).toBeLessThan(0.005);
  });

  it("does not fit below the threshold, and the optimizer itself changes nothing well below it", async () => {
    const few = simulateLearner(40, 180, 3);
    expect(few.length).toBeLessThan(450);
    expect(await fitFsrsParameters(few, { timeZone: "UTC" })).toEqual({
      status: "too-few-reviews",
      reviews: few.length,
      needed: MIN_REVIEWS_FOR_FIT,
    });
    // The optimizer returns its defaults on so few reviews: they predict other reviews exactly as well.
    const untouched = await computeParameters(toTrainingItems(few, "UTC"), { enableShortTerm: true });
    const other = toTrainingItems(simulateLearner(100, 365, 4), "UTC");
    expect(new FSRSBinding(untouched).evaluate(other).logLoss).toBe(
      new FSRSBinding().evaluate(other).logLoss,
    );
  });

  it("counts the days between reviews in the learner's time zone", () => {
    // 23:30 and 00:30 UTC: the next day in UTC, the same evening in New York.
    const reviews: FitReview[] = [
      { cardId: "a", rating: 3, review: new Date("2026-03-10T23:30:00Z") },
      { cardId: "a", rating: 3, review: new Date("2026-03-11T00:30:00Z") },
    ];
    const gap = (timeZone: string) => toTrainingItems(reviews, timeZone)[0]?.reviews.map((r) => r.deltaT);
    expect(gap("UTC")).toEqual([0, 1]);
    expect(gap("America/New_York")).toEqual([0, 0]);
  });
});
