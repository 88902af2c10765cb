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

/** What became of an exercise's schedule after a submission. */
export type ExerciseScheduleChange = "scheduled" | "rated" | null;

/**
 * After a stored submission: the first passing one puts the exercise on the learner's schedule (a
 * Good review of a new item, so it first comes due after FSRS's Good interval in days; its row is never new,
 * so it never uses the day's new-card limit). A recall submission of a due item rates it
 * (recallRating): Good or Again; Easy needs an opening time recorded by the server, which is not
 * recorded yet. A recall submission of an item not due changes nothing.
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
      create: { learnerId, cardId, ...next, origin: EXERCISE_ITEM_ORIGIN },
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
  const rating = recallRating({ passed, firstTry: sinceDue <= 1, openedAt: null, submittedAt: now });
  const { next } = scheduleReview(row, now, rating, retention, parameters, DAYS_ONLY);
  // The version guards against a second tab's submission rating the same due item twice.
  const updated = await db.cardState.updateMany({
    where: { learnerId, cardId, version: row.version },
    data: { ...next, version: { increment: 1 } },
  });
  return updated.count === 1 ? "rated" : null;
}
