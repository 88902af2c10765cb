import "server-only";
import { getOwnCardTopics } from "@/lib/cards/deck";
import { HttpError } from "@/lib/http/route.server";

/**
 * A topic filter from a query string or body: absent or empty means all topics, a topic of the deck
 * (the card files' `topic` values) or "own" (the learner's own cards) filters, anything else is a
 * 400 that lists the topics.
 */
export function parseTopicFilter(
  topic: string | null | undefined,
  topics: readonly string[] = getOwnCardTopics(),
): string | null {
  if (topic === null || topic === undefined || topic === "") return null;
  if (topics.includes(topic)) return topic;
  const shown = topic.length > 40 ? `${topic.slice(0, 40)}…` : topic;
  throw new HttpError(400, `Unknown topic ${JSON.stringify(shown)}: the topics are ${topics.join(", ")}.`);
}
