import type { Card } from "./schema";

/** A lesson's cards grouped by deck topic, for its practice links and the dashboard. */
export type LessonCards = { topics: Array<{ topic: string; count: number }>; cardIds: string[] };

/**
 * Resolves a lesson's `cards` frontmatter (each a deck topic or a card id; checked at build by
 * lib/content/references) to the cards it names, grouped by topic in the order they are named.
 */
export function resolveLessonCards(values: readonly string[], deck: readonly Card[]): LessonCards {
  const ids = new Set<string>();
  for (const value of values) {
    for (const card of deck) if (card.topic === value || card.id === value) ids.add(card.id);
  }
  const counts = new Map<string, number>();
  for (const card of deck) if (ids.has(card.id)) counts.set(card.topic, (counts.get(card.topic) ?? 0) + 1);
  const order = values.map((value) => deck.find((card) => card.topic === value || card.id === value)?.topic);
  const topics = [...new Set(order)]
    .filter((topic): topic is string => topic !== undefined)
    .map((topic) => ({ topic, count: counts.get(topic) ?? 0 }));
  return { topics, cardIds: [...ids] };
}
