import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { dayKey, daysBetween } from "@/lib/time/days";

// Fits FSRS parameters to one learner's reviews with the FSRS project's own optimizer (fsrs-rs,
// through @open-spaced-repetition/binding), for a background job: a fit takes about a second on a
// few thousand reviews, too long for a request.

/**
 * Reviews a learner needs before a fit is tried. Measured once with the synthetic learners of
 * fsrs-fit.test.ts (fits on 10 to 160 cards over half a year, scored on 300 other cards over a
 * year): below about 450 reviews the optimizer returned its defaults; from 450 to 1,000 a fit
 * sometimes predicted the other cards worse than the defaults (1 of 5 at about 700 and at about
 * 900 reviews); from 1,100 on, every fit beat them (8 of 8). With the deck's ~170 cards, 1,000
 * reviews is about six per card: a few months of daily drill. The tests re-check the two ends.
 */
export const MIN_REVIEWS_FOR_FIT = 1000;

/** The parameters the drill uses until a fit replaces them (ts-fsrs's FSRS-6 defaults). */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** One rating, as ReviewLog stores it (undone ratings left out by the caller). */
export type FitReview = { cardId: string; rating: number; review: Date };

/**
 * The optimizer's training items: for each card, one item per review after the first, holding the
 * card's reviews up to it with the whole days between them in the learner's time zone (0 for
 * reviews on the same day, as the optimizer's short-term model expects).
 */
export function toTrainingItems(reviews: readonly FitReview[], timeZone: string): FSRSBindingItem[] {
  const byCard = new Map<string, FitReview[]>();
  for (const review of reviews) {
    const list = byCard.get(review.cardId);
    if (list) list.push(review);
    else byCard.set(review.cardId, [review]);
  }
  const items: FSRSBindingItem[] = [];
  for (const cardReviews of byCard.values()) {
    cardReviews.sort((a, b) => a.review.getTime() - b.review.getTime());
    const days = cardReviews.map((review) => dayKey(review.review, timeZone));
    const history = cardReviews.map(
      (review, index) =>
        new FSRSBindingReview(
          review.rating,
          index === 0 ? 0 : daysBetween(days[index - 1] as string, days[index] as string),
        ),
    );
    for (let end = 2; end <= history.length; end++) items.push(new FSRSBindingItem(history.slice(0, end)));
  }
  return items;
}

/** How well parameters predict these reviews: the optimizer's log loss (lower is better). */
export function logLossOf(
  parameters: readonly number[],
  reviews: readonly FitReview[],
  timeZone: string,
): number {
  return new FSRSBinding([...parameters]).evaluate(toTrainingItems(reviews, timeZone)).logLoss;
}

export type FsrsFitResult =
  | { status: "too-few-reviews"; reviews: number; needed: number }
  /** The fit predicts the reviews no better than the defaults (a failed fit): keep the defaults. */
  | { status: "no-better"; reviews: number; logLoss: number; defaultLogLoss: number }
  | { status: "fitted"; reviews: number; parameters: number[]; logLoss: number; defaultLogLoss: number };

/**
 * Fits parameters to a learner's reviews, once there are MIN_REVIEWS_FOR_FIT of them. Like Anki's
 * optimizer, it keeps the defaults unless the fit predicts the learner's reviews better (lower log
 * loss). A held-out check on the latest reviews was tried and dropped: on the synthetic learners
 * it preferred the defaults even to the true parameters, late reviews being nearly all recalled.
 */
export async function fitFsrsParameters(
  reviews: readonly FitReview[],
  { timeZone, enableShortTerm = true }: { timeZone: string; enableShortTerm?: boolean },
): Promise<FsrsFitResult> {
  if (reviews.length < MIN_REVIEWS_FOR_FIT)
    return { status: "too-few-reviews", reviews: reviews.length, needed: MIN_REVIEWS_FOR_FIT };
  const items = toTrainingItems(reviews, timeZone);
  const parameters = await computeParameters(items, { enableShortTerm });
  const logLoss = new FSRSBinding(parameters).evaluate(items).logLoss;
  const defaultLogLoss = new FSRSBinding([...DEFAULT_PARAMETERS]).evaluate(items).logLoss;
  if (!(logLoss < defaultLogLoss))
    return { status: "no-better", reviews: reviews.length, logLoss, defaultLogLoss };
  return { status: "fitted", reviews: reviews.length, parameters, logLoss, defaultLogLoss };
}
