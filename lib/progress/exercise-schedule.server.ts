import "server-only";
import { classifyCard, dueClock } from "@/lib/cards/due";
import { EXERCISE_ITEM_ORIGIN, exerciseItemId, recallRating } from "@/lib/cards/exercise-items";
import { parseStoredParameters } from "@/lib/cards/fsrs-parameters";
import { newSchedule, Rating, scheduleReview } from "@/lib/cards/scheduler";
import { resolveDrillSettings } from "@/lib/cards/settings";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Verdict } from "@/lib/grader/result";

type Db = PrismaClient;

// The schedule of exercise items (lib/cards/exercise-items.ts), written when a submission is stored.

/**
 * An exercise item is scheduled in days, without FSRS's learning steps of minutes: redoing an
 * exercise ten minutes after passing it tests short-term memory, not recall.
 */
const DAYS_ONLY = { shortTerm: false } as const;

/** What became of an exercise's schedule after a submission: put on it, or rated (how), or nothing. */
export type ExerciseScheduleChange = "scheduled" | "again" | "good" | "easy" | null;

const RATING_NAMES = { [Rating.Again]: "again", [Rating.Good]: "good", [Rating.Easy]: "easy" } as const;

/**
 * When the learner first opened the due item: the row's updatedAt once recordRecallOpening has
 * touched it after it came due (a rating or the first pass leaves updatedAt before the due date).
 */
function openedSinceDue(row: { due: Date; updatedAt: Date }): Date | null {
  return row.updatedAt.getTime() >= row.due.getTime() ? row.updatedAt : null;
}

/**
 * Records, with the server's clock, that the learner opened a due exercise item for a recall: the
 * first opening since it came due only (opening it again does not restart the quick-recall window).
 * Touches the row (its version, so updatedAt); an item not due, or not scheduled, is left alone.
 * Returns whether an opening was recorded now.
 */
export async function recordRecallOpening(
  learnerId: string,
  exerciseSlug: string,
  now: Date,
  db: Db,
): Promise<boolean> {
  const cardId = exerciseItemId(exerciseSlug);
  const row = await db.cardState.findUnique({ where: { learnerId_cardId: { learnerId, cardId } } });
  if (!row || classifyCard(row, dueClock({ now, timeZone: "UTC" })) !== "due" || openedSinceDue(row))
    return false;
  const touched = await db.cardState.updateMany({
    where: { learnerId, cardId, version: row.version },
    data: { version: { increment: 1 }, updatedAt: now },
  });
  return touched.count === 1;
}

/**
 * After a stored submission: the first passing one puts the exercise on the learner's schedule (a
 * Good review of a new item, so it first comes due after FSRS's Good interval in days; its row is never new,
 * so it never uses the day's new-card limit). A recall submission of a due item rates it
 * (recallRating): Again, Good, or Easy on a first try within minutes of the opening the server
 * recorded (recordRecallOpening). A recall submission of an item not due changes nothing.
 */
export async function updateExerciseSchedule(
  input: {
    learnerId: string;
    exerciseSlug: string;
    verdict: Verdict;
    recall: boolean;
    now: Date;
  },
  db: Db,
): Promise<ExerciseScheduleChange> {
  const { learnerId, exerciseSlug, now } = input;
  const cardId = exerciseItemId(exerciseSlug);
  const passed = input.verdict === "passed";
  const [row, learner] = await Promise.all([
    db.cardState.findUnique({ where: { learnerId_cardId: { learnerId, cardId } } }),
    db.learner.findUnique({
      where: { id: learnerId },
      select: { newCardsPerDay: true, desiredRetention: true, fsrsFit: { select: { parameters: true } } },
    }),
  ]);
  const retention = resolveDrillSettings(learner).desiredRetention;
  const parameters = parseStoredParameters(learner?.fsrsFit?.parameters);
  if (!row) {
    if (!passed) return null;
    const { next } = scheduleReview(newSchedule(now), now, Rating.Good, retention, parameters, DAYS_ONLY);
    // Two passes stored at once: the second finds the row made by the first.
    await db.cardState.upsert({
      where: { learnerId_cardId: { learnerId, cardId } },
      create: { learnerId, cardId, ...next, origin: EXERCISE_ITEM_ORIGIN, updatedAt: now },
      update: {},
    });
    return "scheduled";
  }
  if (!input.recall) return null;
  // Due by the drill's own rule (suspended or buried items are not rated either).
  if (classifyCard(row, dueClock({ now, timeZone: "UTC" })) !== "due") return null;
  const sinceDue = await db.submission.count({
    where: { learnerId, exerciseSlug, createdAt: { gte: row.due } },
  });
  // The count includes the submission just stored.
  const rating = recallRating({
    passed,
    firstTry: sinceDue <= 1,
    openedAt: openedSinceDue(row),
    submittedAt: now,
  });
  const { next } = scheduleReview(row, now, rating, retention, parameters, DAYS_ONLY);
  // The version guards against a second tab's submission rating the same due item twice.
  const updated = await db.cardState.updateMany({
    where: { learnerId, cardId, version: row.version },
    data: { ...next, version: { increment: 1 }, updatedAt: now },
  });
  return updated.count === 1 ? RATING_NAMES[rating] : null;
}
