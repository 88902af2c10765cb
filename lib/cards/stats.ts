import { State } from "ts-fsrs";
import { addDays, type Clock, dayKey, daysBetween } from "@/lib/time/days";
import { AGAIN, type RatingValue } from "./domain";

/** The review-log fields the stats need. */
export type StatsLog = { review: Date; rating: RatingValue; state: number };

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

/** Number of cards in each FSRS state; `unseen` counts deck cards with no state yet. */
export function countByState(states: readonly { state: number }[], deckSize: number) {
  const counts = { unseen: Math.max(0, deckSize - states.length), learning: 0, review: 0, relearning: 0 };
  for (const { state } of states) {
    if (state === State.Review) counts.review++;
    else if (state === State.Relearning) counts.relearning++;
    else counts.learning++; // New rows (queued mistakes) and Learning
  }
  return counts;
}

/** Cards due on each of the learner's next `days` calendar days; day 0 (today) includes everything overdue. */
export function forecastDue(
  states: readonly { due: Date }[],
  { now, timeZone }: Clock,
  days = 14,
): { day: string; count: number }[] {
  const today = dayKey(now, timeZone);
  const buckets = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  for (const { due } of states) {
    const index = Math.max(0, daysBetween(today, dayKey(due, timeZone)));
    const bucket = buckets[index];
    if (bucket) bucket.count++;
  }
  return buckets;
}
