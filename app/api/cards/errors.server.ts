import "server-only";
import { getTopics } from "@/lib/cards/deck";
import { HttpError } from "@/lib/http/route.server";
import { ReviewRequestError, StaleCardError } from "@/lib/progress/reviews.server";

/** Runs a card operation, turning its domain errors into HTTP answers (409 carries the fresh card). */
export async function withCardErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StaleCardError)
      return Response.json({ error: error.message, card: error.card }, { status: 409 });
    if (error instanceof ReviewRequestError) throw new HttpError(error.status, error.message);
    throw error;
  }
}

/**
 * A topic filter from a query string or body: absent or empty means all topics, a topic of the deck
 * (the card files' `topic` values) filters, anything else is a 400 that lists the topics.
 */
export function parseTopicFilter(
  topic: string | null | undefined,
  topics: readonly string[] = getTopics(),
): string | null {
  if (topic === null || topic === undefined || topic === "") return null;
  if (topics.includes(topic)) return topic;
  const shown = topic.length > 40 ? `${topic.slice(0, 40)}…` : topic;
  throw new HttpError(400, `Unknown topic ${JSON.stringify(shown)}: the topics are ${topics.join(", ")}.`);
}
