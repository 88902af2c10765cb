import "server-only";
import { TooManyRequestsError } from "./errors";
import { assertPointLeft, getLimiters, type Limiters, takePoint } from "./rate-limit.server";

/**
 * Oversized request bodies per network client. No page sends one (forms check sizes first), so a
 * client that sends ten in ten minutes is refused every JSON body, unread, until the window ends.
 */
export const BODY_LIMITS = {
  oversizedBodiesPerClient: { points: 10, duration: 10 * 60 },
} as const;
export const OVERSIZED_BODY_LIMIT = BODY_LIMITS.oversizedBodiesPerClient;

type BodyLimiters = Limiters<typeof BODY_LIMITS>;

const MESSAGE = "Too many oversized requests from your network.";

/** Throws 429 (Retry-After) when `client` has no oversized body left, without taking a point. */
export async function assertBodyAllowed(
  client: string,
  limiters: BodyLimiters = getLimiters(BODY_LIMITS),
): Promise<void> {
  try {
    await assertPointLeft("oversizedBodiesPerClient", client, MESSAGE, limiters);
  } catch (error) {
    // A store failure (even with the in-memory fallback) lets the body be read: it is bounded anyway.
    if (error instanceof TooManyRequestsError) throw error;
  }
}

/** Takes a point for an oversized body from `client`; throws 429 when that was one too many. */
export async function chargeOversizedBody(
  client: string,
  limiters: BodyLimiters = getLimiters(BODY_LIMITS),
): Promise<void> {
  try {
    await takePoint("oversizedBodiesPerClient", client, MESSAGE, limiters);
  } catch (error) {
    // A store failure: the body is still refused (413), uncounted.
    if (error instanceof TooManyRequestsError) throw error;
  }
}
