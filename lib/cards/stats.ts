import { State } from "ts-fsrs";

const DAY_MS = 86_400_000;

/** The review-log fields the stats need. */
export type StatsLog = { review: Date; rating: number; state: number };

/** A day as "YYYY-MM-DD" (UTC). */
export function toDayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reviews per UTC day over the last `weeks` weeks, oldest first, aligned so the last column ends today. */
export function countReviewsPerDay(
  logs: readonly StatsLog[],
  now: Date,
  weeks = 20,
): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const log of logs) counts.set(toDayKey(log.review), (counts.get(toDayKey(log.review)) ?? 0) + 1);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days: { day: string; count: number }[] = [];
  const total = weeks * 7;
  for (let i = total - 1; i >= 0; i--) {
    const key = toDayKey(new Date(today - i * DAY_MS));
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
    if (log.rating !== 1) passed++;
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

/** Cards due on each of the next `days` UTC days; day 0 includes everything overdue. */
export function forecastDue(
  states: readonly { due: Date }[],
  now: Date,
  days = 14,
): { day: string; count: number }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const buckets = Array.from({ length: days }, (_, i) => ({
    day: toDayKey(new Date(today + i * DAY_MS)),
    count: 0,
  }));
  for (const { due } of states) {
    const index = Math.max(0, Math.floor((due.getTime() - today) / DAY_MS));
    const bucket = buckets[index];
    if (bucket) bucket.count++;
  }
  return buckets;
}
