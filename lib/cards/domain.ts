// The cards' domain values, each one `as const` list: the database layer (ReviewLog.rating), the API
// (rate, undo, queue), the drill and the tests use these; their schemas are in domain-schemas.ts.
// No zod here: the drill imports this eagerly, the schemas only when it parses an answer.

/** FSRS ratings (ts-fsrs `Rating` 1–4) in button order; the drill's keys 1–4 press them. */
export const RATINGS = [1, 2, 3, 4] as const;
/** A rating as the API and ReviewLog.rating carry it. */
export type RatingValue = (typeof RATINGS)[number];
/** The label of each rating's button. */
export const RATING_LABELS = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const satisfies Record<
  RatingValue,
  string
>;
/** "Again": the rating that counts as a lapse. */
export const AGAIN: RatingValue = 1;

/** True when `value` is one of RATINGS. */
export function isRating(value: unknown): value is RatingValue {
  return (RATINGS as readonly unknown[]).includes(value);
}

/** Kinds of card (`kind` in content/cards/*.json). */
export const CARD_KINDS = ["question", "formula", "spot-the-bug"] as const;

/** Why a card is in today's queue. */
export const QUEUE_REASONS = ["due", "mistake", "new"] as const;
