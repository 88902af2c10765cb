import { startOfNextDay } from "@/lib/time/days";

// The one definition of "due": the drill's queue, the drill's header, the dashboard and the stats
// all classify a learner's card states here, so their counts cannot disagree.

/** The per-learner fields of a CardState row that decide where a card stands today. */
export type ScheduleFacts = {
  cardId: string;
  due: Date;
  state: number;
  origin: string;
  reps: number;
  suspended?: boolean;
  buriedUntil?: Date | null;
};

/**
 * Where a card with a stored state stands: left out by the learner (suspended, buried), never rated
 * (new: a row made only to suspend or bury it), due now (queued by a mistake, or scheduled), due
 * later in the learner's today, or scheduled for a later day.
 */
export type DueStatus = "suspended" | "buried" | "new" | "mistake" | "due" | "later-today" | "scheduled";

/** "Now" and the end of the learner's calendar day (lib/time/days, decision 040). */
export type DueClock = { now: Date; endOfToday: Date };

/** The clock for `now` in the learner's time zone. */
export function dueClock({ now, timeZone }: { now: Date; timeZone: string }): DueClock {
  return { now, endOfToday: startOfNextDay(now, timeZone) };
}

/** Classifies one stored card state (see DueStatus). */
export function classifyCard(facts: ScheduleFacts, { now, endOfToday }: DueClock): DueStatus {
  if (facts.suspended) return "suspended";
  if (facts.buriedUntil && facts.buriedUntil.getTime() > now.getTime()) return "buried";
  const mistake = facts.origin === "mistake" && facts.reps === 0;
  if (facts.reps === 0 && !mistake) return "new";
  if (facts.due.getTime() <= now.getTime()) return mistake ? "mistake" : "due";
  if (facts.due.getTime() < endOfToday.getTime()) return "later-today";
  return "scheduled";
}

/** Cards due now (mistakes included, also counted apart) and later today; each card counted once. */
export type DueCounts = { now: number; mistake: number; laterToday: number };

/**
 * Counts the due cards among `states`, skipping cards the learner's deck no longer has (merged or
 * retired cards, deleted own cards): they are never shown, so never due.
 */
export function countDue(
  states: readonly ScheduleFacts[],
  clock: DueClock,
  inDeck: (cardId: string) => boolean = () => true,
): DueCounts {
  const counts: DueCounts = { now: 0, mistake: 0, laterToday: 0 };
  for (const facts of states) {
    if (!inDeck(facts.cardId)) continue;
    const status = classifyCard(facts, clock);
    if (status === "due" || status === "mistake") counts.now++;
    if (status === "mistake") counts.mistake++;
    if (status === "later-today") counts.laterToday++;
  }
  return counts;
}
