import type { Card } from "./schema";

/** How many never-seen cards the drill introduces per day. */
const DAILY_NEW_LIMIT = 20;

/** The per-learner state the queue needs from a CardState row. */
export type QueueState = { cardId: string; due: Date; state: number; origin: string; reps: number };

export type QueueEntry = { cardId: string; reason: "due" | "mistake" | "new" };

export type QueueInput = {
  deck: readonly Pick<Card, "id" | "topic">[];
  states: readonly QueueState[];
  /** Distinct cards first rated today, the learner's local day (from review logs). */
  newIntroducedToday: number;
  now: Date;
  newLimit?: number;
  topic?: string | null;
};

/**
 * The drill queue: cards due now (mistake cards first, then most overdue), then never-seen cards
 * in deck order up to what is left of the daily new-card limit.
 */
export function buildQueue(input: QueueInput): QueueEntry[] {
  const { deck, states, now, topic } = input;
  const limit = input.newLimit ?? DAILY_NEW_LIMIT;
  const inTopic = new Set(deck.filter((card) => !topic || card.topic === topic).map((card) => card.id));
  const known = new Set<string>();
  const due: QueueState[] = [];
  const nowMs = now.getTime();
  for (const state of states) {
    known.add(state.cardId);
    if (!inTopic.has(state.cardId)) continue;
    if (state.due.getTime() <= nowMs) due.push(state);
  }
  due.sort((a, b) => {
    const mistakeFirst =
      Number(b.origin === "mistake" && b.reps === 0) - Number(a.origin === "mistake" && a.reps === 0);
    return mistakeFirst || a.due.getTime() - b.due.getTime();
  });
  const queue: QueueEntry[] = due.map((s) => ({
    cardId: s.cardId,
    reason: s.origin === "mistake" && s.reps === 0 ? "mistake" : "due",
  }));
  let room = Math.max(0, limit - input.newIntroducedToday);
  for (const card of deck) {
    if (room <= 0) break;
    if (known.has(card.id) || !inTopic.has(card.id)) continue;
    queue.push({ cardId: card.id, reason: "new" });
    room--;
  }
  return queue;
}
