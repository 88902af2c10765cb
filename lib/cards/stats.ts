import { State } from "ts-fsrs";
import { addDays, type Clock, dayKey, daysBetween } from "@/lib/time/days";
import { AGAIN, type RatingValue } from "./domain";
import type { ScheduleFacts } from "./due";

/** The review-log fields the stats need. */
export type StatsLog = { review: Date; rating: RatingValue; state: number; cardId?: string };

/**
 * Reviews per day of the learner's calendar (in `timeZone`) over the last `weeks` weeks, oldest
 * first, aligned so the last column is today.
 */
export function countReviewsPerDay(
  logs: readonly StatsLog[],
  { now, timeZone }: Clock,
  weeks = 20,
): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const log of logs) {
    const key = dayKey(log.review, timeZone);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const today = dayKey(now, timeZone);
  const days: { day: string; count: number }[] = [];
  for (let i = weeks * 7 - 1; i >= 0; i--) {
    const key = addDays(today, -i);
    days.push({ day: key, count: counts.get(key) ?? 0 });
  }
  return days;
}

/** Share of reviews of cards in review state that were not "Again"; null when there are none. */
export function computeRetention(logs: readonly StatsLog[]): { retention: number | null; reviews: number } {
  let reviews = 0;
  let passed = 0;
  for (const log of logs) {
    if (log.state !== State.Review) continue;
    reviews++;
    if (log.rating !== AGAIN) passed++;
  }
  return { retention: reviews === 0 ? null : passed / reviews, reviews };
}

/** Retention of one topic (see computeRetention). */
export type TopicRetention = { topic: string; name: string; retention: number | null; reviews: number };

/**
 * Retention per topic, in the order of `topics` (course order), for the topics with reviews of cards
 * in review state; logs of cards no topic claims are left out.
 */
export function retentionByTopic(
  logs: readonly StatsLog[],
  topicOf: (cardId: string) => string | undefined,
  topics: readonly { topic: string; name: string }[],
): TopicRetention[] {
  const byTopic = new Map<string, StatsLog[]>();
  for (const log of logs) {
    const topic = log.cardId === undefined ? undefined : topicOf(log.cardId);
    if (topic === undefined) continue;
    const list = byTopic.get(topic) ?? [];
    list.push(log);
    byTopic.set(topic, list);
  }
  return topics
    .map(({ topic, name }) => ({ topic, name, ...computeRetention(byTopic.get(topic) ?? []) }))
    .filter((entry) => entry.reviews > 0);
}

/**
 * Cards of the learner's deck by where they stand: never rated (`unseen`, rows made only to bury a
 * card included), each FSRS state, and suspended (whatever their state).
 */
export function countByState(
  states: readonly Pick<ScheduleFacts, "state" | "reps" | "origin" | "suspended">[],
  deckSize: number,
) {
  const counts = { unseen: deckSize, learning: 0, review: 0, relearning: 0, suspended: 0 };
  for (const facts of states) {
    if (facts.suspended) {
      counts.suspended++;
      counts.unseen--;
      continue;
    }
    if (facts.reps === 0 && facts.origin !== "mistake") continue;
    counts.unseen--;
    if (facts.state === State.Review) counts.review++;
    else if (facts.state === State.Relearning) counts.relearning++;
    else counts.learning++; // New rows (queued mistakes) and Learning
  }
  counts.unseen = Math.max(0, counts.unseen);
  return counts;
}

/**
 * Cards due on each of the learner's next `days` calendar days; day 0 (today) includes everything
 * overdue. Suspended and never-rated cards are not due; a buried card is due when its burial ends.
 */
export function forecastDue(
  states: readonly ScheduleFacts[],
  { now, timeZone }: Clock,
  days = 14,
): { day: string; count: number }[] {
  const today = dayKey(now, timeZone);
  const buckets = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  for (const facts of states) {
    if (facts.suspended || (facts.reps === 0 && facts.origin !== "mistake")) continue;
    const buried = facts.buriedUntil && facts.buriedUntil > facts.due ? facts.buriedUntil : null;
    const index = Math.max(0, daysBetween(today, dayKey(buried ?? facts.due, timeZone)));
    const bucket = buckets[index];
    if (bucket) bucket.count++;
  }
  return buckets;
}
