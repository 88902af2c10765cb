import { type FitReview, type FsrsFitResult, fitFsrsParameters, MIN_REVIEWS_FOR_FIT } from "./fsrs-fit";

// Fitting runs as a job beside the requests, never inside one: a route asks for a fit and answers at
// once; the queue runs one fit at a time on a later tick (the optimizer itself runs off the event
// loop: about 0.5 s for 4,800 items held it up at most 23 ms). Storage is the caller's: the queue
// reads a learner's reviews and saves the result through the functions it is given.

/** A refit waits for this many times the reviews of the last fit: a few more change the parameters little. */
export const REFIT_GROWTH = 1.2;

/**
 * Whether a learner with `reviews` reviews needs a (new) fit, given the last one's review count.
 * `minReviews` is for tests of the wiring, which cannot rate a thousand cards.
 */
export function needsFit(
  reviews: number,
  lastFit: { reviews: number } | null,
  minReviews = MIN_REVIEWS_FOR_FIT,
): boolean {
  if (reviews < minReviews) return false;
  return lastFit === null || reviews >= lastFit.reviews * REFIT_GROWTH;
}

export type FitQueueDeps = {
  /** The learner's reviews (undone ones left out) and time zone. */
  loadReviews: (learnerId: string) => Promise<{ reviews: readonly FitReview[]; timeZone: string }>;
  /** Stores a fit ("fitted") or notes that the defaults stay ("no-better"). */
  saveFit: (learnerId: string, result: FsrsFitResult) => Promise<void>;
  onError: (learnerId: string, error: unknown) => void;
  fitParameters?: typeof fitFsrsParameters;
};

/** A queue of fits, one at a time, at most one waiting per learner. */
export function createFitQueue({
  loadReviews,
  saveFit,
  onError,
  fitParameters = fitFsrsParameters,
}: FitQueueDeps) {
  const waiting = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  return {
    /** Asks for a fit of this learner's parameters; returns at once, the fit runs later. */
    request(learnerId: string): void {
      if (waiting.has(learnerId)) return;
      waiting.add(learnerId);
      chain = chain
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(async () => {
          waiting.delete(learnerId);
          const { reviews, timeZone } = await loadReviews(learnerId);
          await saveFit(learnerId, await fitParameters(reviews, { timeZone }));
        })
        .catch((error: unknown) => onError(learnerId, error));
    },
    /** Resolves when every fit asked for so far has finished. */
    idle(): Promise<void> {
      return chain;
    },
  };
}
