import { describe, expect, it } from "vitest";
import { type FitReview, type FsrsFitResult, MIN_REVIEWS_FOR_FIT } from "./fsrs-fit";
import { createFitQueue, needsFit, REFIT_GROWTH } from "./fsrs-fit-job";

describe("when a learner's parameters are fitted", () => {
  it("waits for the threshold, then for the reviews to grow by REFIT_GROWTH since the last fit", () => {
    expect(needsFit(MIN_REVIEWS_FOR_FIT - 1, null)).toBe(false);
    expect(needsFit(MIN_REVIEWS_FOR_FIT, null)).toBe(true);
    const last = { reviews: 2000 };
    expect(needsFit(2000 * REFIT_GROWTH - 1, last)).toBe(false);
    expect(needsFit(2000 * REFIT_GROWTH, last)).toBe(true);
  });

  it("takes a lower threshold when given one (the database tests' learners rate a few cards)", () => {
    expect(needsFit(4, null, 5)).toBe(false);
    expect(needsFit(5, null, 5)).toBe(true);
    expect(needsFit(5, { reviews: 5 }, 5)).toBe(false);
  });
});

describe("the fitting queue", () => {
  const review: FitReview = { cardId: "a", rating: 3, review: new Date("2026-01-01T09:00:00Z") };

  function makeQueue(fail: ReadonlySet<string> = new Set()) {
    const events: string[] = [];
    const saved: Array<[string, FsrsFitResult]> = [];
    const errors: string[] = [];
    const queue = createFitQueue({
      loadReviews: async (learnerId) => {
        events.push(`load ${learnerId}`);
        if (fail.has(learnerId)) throw new Error("database gone");
        return { reviews: [review], timeZone: "UTC" };
      },
      saveFit: async (learnerId, result) => {
        saved.push([learnerId, result]);
      },
      onError: (learnerId) => errors.push(learnerId),
      fitParameters: async (reviews) => {
        events.push(`fit ${reviews.length}`);
        return { status: "too-few-reviews", reviews: reviews.length, needed: MIN_REVIEWS_FOR_FIT };
      },
    });
    return { queue, events, saved, errors };
  }

  it("returns before any work starts, then fits each learner once, in order", async () => {
    const { queue, events, saved } = makeQueue();
    queue.request("l1");
    queue.request("l2");
    queue.request("l1");
    expect(events).toEqual([]);
    await queue.idle();
    expect(events).toEqual(["load l1", "fit 1", "load l2", "fit 1"]);
    expect(saved.map(([learnerId]) => learnerId)).toEqual(["l1", "l2"]);
  });

  it("reports a failed fit and goes on with the next", async () => {
    const { queue, saved, errors } = makeQueue(new Set(["bad"]));
    queue.request("bad");
    queue.request("good");
    await queue.idle();
    expect(errors).toEqual(["bad"]);
    expect(saved.map(([learnerId]) => learnerId)).toEqual(["good"]);
    // A learner can be asked for again once its fit has started.
    queue.request("good");
    await queue.idle();
    expect(saved).toHaveLength(2);
  });
});
