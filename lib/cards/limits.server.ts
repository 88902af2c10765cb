import "server-only";
import { getLimiters, takePoint } from "@/lib/http/rate-limit.server";

/**
 * Writes to a learner's deck (own cards, suspend and bury, settings), as points per duration in
 * seconds, per network client and per learner: roomy for a learner tidying the deck by hand, tight
 * enough that a script cannot fill the database (an own card is up to 5,000 characters).
 */
export const DECK_LIMITS = {
  deckWritesPerClient: { points: 120, duration: 60 },
  deckWritesPerLearner: { points: 60, duration: 60 },
} as const;

/** Takes a deck-write point from the client, then the learner; throws TooManyRequestsError (429). */
export async function takeDeckWritePoints(client: string, learnerId: string): Promise<void> {
  const limiters = getLimiters(DECK_LIMITS);
  await takePoint("deckWritesPerClient", client, "Too many changes to decks from your network.", limiters);
  await takePoint(
    "deckWritesPerLearner",
    learnerId,
    `Too many changes to your deck (${DECK_LIMITS.deckWritesPerLearner.points} a minute).`,
    limiters,
  );
}
