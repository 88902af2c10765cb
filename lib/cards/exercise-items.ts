import { classifyCard, type DueClock, type ScheduleFacts } from "./due";
import { Rating } from "./scheduler";

// A coded or judgment exercise the learner has passed comes back as a "re-implement from memory"
// item. Its schedule is a CardState row like a card's, under an id no deck card can have, so the
// due rules of lib/cards/due.ts apply to it unchanged.

/** The prefix of an exercise item's schedule id (CardState.cardId = "exercise:<slug>"). */
export const EXERCISE_ITEM_PREFIX = "exercise:";
/** CardState.origin of an exercise item's row. */
export const EXERCISE_ITEM_ORIGIN = "exercise";
/** A passing recall that came this soon after the learner opened it rates Easy (on the first try). */
export const QUICK_RECALL_MS = 5 * 60 * 1000;

/** The schedule id of an exercise's item. */
export function exerciseItemId(slug: string): string {
  return `${EXERCISE_ITEM_PREFIX}${slug}`;
}

/** True for the schedule id of an exercise item. */
export function isExerciseItemId(cardId: string): boolean {
  return cardId.startsWith(EXERCISE_ITEM_PREFIX);
}

/** The exercise slug of an exercise item's schedule id. */
export function exerciseSlugOfItem(cardId: string): string {
  return cardId.slice(EXERCISE_ITEM_PREFIX.length);
}

/**
 * The rating of a recall attempt: failed → Again; passed → Good, or Easy when it was the first
 * recall submission since the item came due and it came within QUICK_RECALL_MS of the opening the
 * server recorded (no opening recorded: never Easy).
 */
export function recallRating(attempt: {
  passed: boolean;
  firstTry: boolean;
  openedAt: Date | null;
  submittedAt: Date;
}): Rating.Again | Rating.Good | Rating.Easy {
  if (!attempt.passed) return Rating.Again;
  const quick =
    attempt.openedAt !== null &&
    attempt.submittedAt.getTime() - attempt.openedAt.getTime() <= QUICK_RECALL_MS &&
    attempt.submittedAt.getTime() >= attempt.openedAt.getTime();
  return attempt.firstTry && quick ? Rating.Easy : Rating.Good;
}

/**
 * The exercise items due now among a learner's states, most overdue first (suspended and buried
 * ones left out, by the same rule as cards). `exists` drops items of exercises no longer in the course.
 */
export function dueExerciseSlugs(
  states: readonly ScheduleFacts[],
  clock: DueClock,
  exists: (slug: string) => boolean = () => true,
): string[] {
  return states
    .filter((facts) => isExerciseItemId(facts.cardId) && exists(exerciseSlugOfItem(facts.cardId)))
    .filter((facts) => classifyCard(facts, clock) === "due")
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .map((facts) => exerciseSlugOfItem(facts.cardId));
}
