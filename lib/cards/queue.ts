import { classifyCard, type DueClock, type ScheduleFacts } from "./due";
import type { Card } from "./schema";

/** How many never-seen cards the drill introduces per day, unless the learner chose otherwise. */
export const DAILY_NEW_LIMIT = 20;

/** The per-learner state the queue needs from a CardState row. */
export type QueueState = ScheduleFacts;

export type QueueEntry = { cardId: string; reason: "due" | "mistake" | "new" };

export type QueueInput = {
  /** The learner's deck in course order (own cards, then lesson by lesson: lib/cards/deck.ts). */
  deck: readonly Pick<Card, "id" | "topic" | "lesson">[];
  states: readonly QueueState[];
  /** Distinct deck cards first rated today, the learner's local day (a mistake's cards not included). */
  newIntroducedToday: number;
  /** Now and the end of the learner's day (lib/cards/due.ts). */
  clock: DueClock;
  newLimit?: number;
  topic?: string | null;
  /** Slugs of the lessons the learner has read: their new cards come first. */
  readLessons?: ReadonlySet<string>;
};

/**
 * The drill queue: cards due now (mistake cards first, then most overdue), then never-seen cards up
 * to what is left of the daily new-card limit: the learner's own cards, then the cards of lessons
 * read, then the rest, each in course order. Suspended and buried cards are left out.
 */
export function buildQueue(input: QueueInput): QueueEntry[] {
  const { deck, states, clock, topic } = input;
  const limit = input.newLimit ?? DAILY_NEW_LIMIT;
  const inTopic = new Set(deck.filter((card) => !topic || card.topic === topic).map((card) => card.id));
  const known = new Set<string>();
  const unseenRows = new Set<string>();
  const due: Array<{ facts: QueueState; mistake: boolean }> = [];
  for (const facts of states) {
    known.add(facts.cardId);
    if (!inTopic.has(facts.cardId)) continue;
    const status = classifyCard(facts, clock);
    if (status === "new") unseenRows.add(facts.cardId);
    else if (status === "due" || status === "mistake") due.push({ facts, mistake: status === "mistake" });
  }
  due.sort((a, b) => Number(b.mistake) - Number(a.mistake) || a.facts.due.getTime() - b.facts.due.getTime());
  const queue: QueueEntry[] = due.map(({ facts, mistake }) => ({
    cardId: facts.cardId,
    reason: mistake ? "mistake" : "due",
  }));
  let room = Math.max(0, limit - input.newIntroducedToday);
  if (room === 0) return queue;
  const read = input.readLessons ?? new Set<string>();
  const rank = (card: Pick<Card, "id" | "lesson">) =>
    isOwnCardId(card.id) ? 0 : read.has(card.lesson) ? 1 : 2;
  const fresh = deck.filter(
    (card) => inTopic.has(card.id) && (!known.has(card.id) || unseenRows.has(card.id)),
  );
  // A stable sort: within a rank the deck's course order stays.
  fresh.sort((a, b) => rank(a) - rank(b));
  for (const card of fresh) {
    if (room-- <= 0) break;
    queue.push({ cardId: card.id, reason: "new" });
  }
  return queue;
}

/** The prefix of a learner's own card in the schedule (CardState.cardId = "own-<OwnCard.id>"). */
export const OWN_CARD_PREFIX = "own-";

/** True for the schedule id of a card the learner wrote. */
export function isOwnCardId(cardId: string): boolean {
  return cardId.startsWith(OWN_CARD_PREFIX);
}
