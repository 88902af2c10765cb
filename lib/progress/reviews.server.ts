import "server-only";
import { z } from "zod";
import { getCardIdsForMistake } from "@/lib/cards/deck";
import type { ExerciseItemView } from "@/lib/cards/domain-schemas";
import { RatingSchema } from "@/lib/cards/domain-schemas";
import { dueClock } from "@/lib/cards/due";
import { dueExerciseSlugs, EXERCISE_ITEM_PREFIX } from "@/lib/cards/exercise-items";
import { buildQueue, type QueueEntry } from "@/lib/cards/queue";
import { newSchedule, State, scheduleReview } from "@/lib/cards/scheduler";
import type { Card } from "@/lib/cards/schema";
import { type CardView, type DrillState, toCardView } from "@/lib/cards/view";
import type { DiagnosisId } from "@/lib/content/diagnosis-ids";
import { type ExerciseSlug, isExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import { isUniqueViolation } from "@/lib/db/errors";
import { prisma } from "@/lib/db/prisma.server";
import { DomainError } from "@/lib/domain-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isLanguage } from "@/lib/harness/languages";
import { startOfDay } from "@/lib/time/days";
import {
  type DrillContext,
  loadDrillContext,
  SCHEDULE_FACTS_SELECT,
  withCardText,
} from "./learner-deck.server";

type Db = PrismaClient;

/** A rating request as the client sends it. */
export const RateRequestSchema = z.object({
  cardId: z.string().min(1).max(100),
  rating: RatingSchema,
  requestId: z.string().uuid(),
  version: z.number().int().min(0),
});
export type RateRequest = z.infer<typeof RateRequestSchema>;

/** The client saw an older version of the card (another tab rated it): carries the fresh view. */
export class StaleCardError extends DomainError {
  constructor(
    readonly card: CardView | null,
    message = "This card was already rated in another tab or window. Here is its current state; nothing was counted twice.",
  ) {
    super("conflict", message, { card });
  }
}

/** The request cannot succeed as sent: an unknown card or rating, someone else's requestId, a stale undo. */
export class ReviewRequestError extends DomainError {}

const SCHEDULE_SELECT = {
  id: true,
  cardId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  origin: true,
  version: true,
  suspended: true,
} as const;

/** The card state before a rating, as stored in ReviewLog.previous (parsing a row keeps just these fields). */
const PreviousSchema = z.object({
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.number().int(),
  lastReview: z.coerce.date().nullable(),
  origin: z.string(),
});

function findCard(cardId: string, deck: readonly Card[]): Card {
  const card = deck.find((c) => c.id === cardId);
  if (!card) throw new ReviewRequestError("not-found", `There is no card "${cardId}" in the deck.`);
  return card;
}

/** The learner's context, with the deck replaced when a caller (a test, the bench) names one. */
async function resolveContext(
  learnerId: string,
  options: { context?: DrillContext; deck?: Card[]; newLimit?: number },
  db: Db,
): Promise<DrillContext> {
  // Own cards without their text: the queue needs ids and topics, the current card is read apart.
  const context = options.context ?? (await loadDrillContext(learnerId, db, options.deck, { text: false }));
  if (options.newLimit === undefined) return context;
  return { ...context, settings: { ...context.settings, newCardsPerDay: options.newLimit } };
}

/** The drill state for a learner: next card to show and counts left. `timeZone` defines "today". */
export async function getDrillState(
  learnerId: string,
  options: {
    timeZone: string;
    topic?: string | null;
    now?: Date;
    deck?: Card[];
    context?: DrillContext;
    preferCardId?: string;
  },
  db: Db = prisma,
): Promise<DrillState> {
  const now = options.now ?? new Date();
  const context = await resolveContext(learnerId, options, db);
  const queue = await getQueue(learnerId, { ...options, now, context }, db);
  // After an undo the undone card comes back first.
  const head = queue.find((entry) => entry.cardId === options.preferCardId) ?? queue[0];
  const last = await db.reviewLog.findFirst({
    where: { learnerId, undone: false },
    orderBy: [{ review: "desc" }, { createdAt: "desc" }],
    select: { requestId: true },
  });
  let current: CardView | null = null;
  if (head) {
    const stored = await db.cardState.findUnique({
      where: { learnerId_cardId: { learnerId, cardId: head.cardId } },
      select: SCHEDULE_SELECT,
    });
    const card = await withCardText(findCard(head.cardId, context.deck), learnerId, context, db);
    current = toCardView(
      card,
      stored,
      head.reason,
      now,
      context.settings.desiredRetention,
      context.parameters,
    );
  }
  const remaining = { due: 0, mistake: 0, new: 0 };
  for (const entry of queue) remaining[entry.reason]++;
  const exercises = await getDueExerciseItems(learnerId, now, db);
  return {
    current,
    ...(exercises.length > 0 ? { exercises } : {}),
    remaining,
    undoRequestId: last?.requestId ?? null,
  };
}

/**
 * The exercises due for a recall (lib/cards/exercise-items.ts), with their titles and the learner's
 * language; exercises no longer in the course are left out.
 */
export async function getDueExerciseItems(
  learnerId: string,
  now: Date,
  db: Db = prisma,
): Promise<ExerciseItemView[]> {
  const states = await db.cardState.findMany({
    where: { learnerId, cardId: { startsWith: EXERCISE_ITEM_PREFIX } },
    select: SCHEDULE_FACTS_SELECT,
  });
  // Due is "due now": the end of the learner's day does not matter here.
  const slugs = dueExerciseSlugs(states, { now, endOfToday: now }, (slug) => isExerciseSlug(slug));
  if (slugs.length === 0) return [];
  const language = (await db.learner.findUnique({ where: { id: learnerId }, select: { language: true } }))
    ?.language;
  return Promise.all(
    slugs.map(async (slug) => {
      const definition = await loadExerciseDefinition(slug as ExerciseSlug);
      const code = definition.kind === "code";
      return {
        slug,
        title: definition.title,
        kind: definition.kind,
        language: code && isLanguage(language) ? language : null,
      };
    }),
  );
}

/**
 * The ordered queue for a learner (due and mistake cards, then new cards within today's limit, see
 * lib/cards/queue.ts). Today is the learner's calendar day in `timeZone`: the new-card limit resets
 * at local midnight. The limit counts the deck cards first rated today; a mistake's cards are
 * queued apart ("from mistakes"), so they do not use it up.
 */
export async function getQueue(
  learnerId: string,
  options: {
    timeZone: string;
    topic?: string | null;
    now?: Date;
    deck?: Card[];
    context?: DrillContext;
    newLimit?: number;
  },
  db: Db = prisma,
): Promise<QueueEntry[]> {
  const now = options.now ?? new Date();
  const [context, states, introduced] = await Promise.all([
    resolveContext(learnerId, options, db),
    db.cardState.findMany({ where: { learnerId }, select: SCHEDULE_FACTS_SELECT }),
    db.reviewLog.findMany({
      where: {
        learnerId,
        undone: false,
        state: State.New,
        review: { gte: startOfDay(now, options.timeZone) },
      },
      select: { cardId: true, previous: true },
    }),
  ]);
  const introducedFromDeck = new Set(
    introduced.filter((log) => !wasQueuedByMistake(log.previous)).map((log) => log.cardId),
  );
  return buildQueue({
    deck: context.deck,
    states,
    newIntroducedToday: introducedFromDeck.size,
    clock: dueClock({ now, timeZone: options.timeZone }),
    topic: options.topic,
    newLimit: context.settings.newCardsPerDay,
    readLessons: context.readLessons,
  });
}

/** Whether a rating's previous state (ReviewLog.previous) was a card a mistake had queued. */
function wasQueuedByMistake(previous: string | null): boolean {
  const parsed = PreviousSchema.safeParse(previous === null ? null : JSON.parse(previous));
  return parsed.success && parsed.data.origin === "mistake";
}

/**
 * Queues the cards that teach a diagnosed mistake, due now, with origin "mistake". Idempotent:
 * cards already due are left alone. Returns the ids of the cards it queued or brought forward.
 */
export async function queueCardsForMistake(
  learnerId: string,
  diagnosisId: DiagnosisId,
  db: Db = prisma,
): Promise<string[]> {
  return queueCardsNow(learnerId, getCardIdsForMistake(diagnosisId), db);
}

/**
 * Makes these cards due now with origin "mistake" (the front of the drill): a missed interview
 * item's cards, a diagnosed mistake's. Idempotent; returns the ids it queued or brought forward.
 */
export async function queueCardsNow(
  learnerId: string,
  cardIds: readonly string[],
  db: Db = prisma,
): Promise<string[]> {
  if (cardIds.length === 0) return [];
  const now = new Date();
  return db.$transaction(async (tx) => {
    const existing = await tx.cardState.findMany({
      where: { learnerId, cardId: { in: [...cardIds] } },
      select: { cardId: true, due: true },
    });
    const known = new Map(existing.map((row) => [row.cardId, row.due]));
    const missing = cardIds.filter((id) => !known.has(id));
    if (missing.length > 0) {
      await tx.cardState.createMany({
        data: missing.map((cardId) => ({ learnerId, cardId, origin: "mistake", ...newSchedule(now) })),
      });
    }
    const later = existing.filter((row) => row.due > now).map((row) => row.cardId);
    if (later.length > 0) {
      await tx.cardState.updateMany({
        where: { learnerId, cardId: { in: later } },
        data: { due: now, origin: "mistake", version: { increment: 1 } },
      });
    }
    return [...missing, ...later];
  });
}

/** Result of a rating: whether it was a replay of an earlier request, and the card's new due date. */
export type RateResult = { duplicate: boolean; cardId: string; due: Date; version: number };

/**
 * Records one rating: the ReviewLog and the CardState update in one transaction. A repeated
 * requestId returns the original result; a stale version throws StaleCardError.
 */
export async function rateCard(
  learnerId: string,
  request: RateRequest,
  db: Db = prisma,
  now = new Date(),
  context?: DrillContext,
): Promise<RateResult> {
  const { deck, settings, parameters } = context ?? (await loadDrillContext(learnerId, db));
  const card = findCard(request.cardId, deck);
  const retention = settings.desiredRetention;
  try {
    return await db.$transaction(async (tx) => {
      const replay = await findReplay(tx, learnerId, request.requestId);
      if (replay) return replay;
      let row = await tx.cardState.findUnique({
        where: { learnerId_cardId: { learnerId, cardId: card.id } },
        select: SCHEDULE_SELECT,
      });
      if (!row && request.version === 0) {
        row = await tx.cardState.create({
          data: { learnerId, cardId: card.id, ...newSchedule(now) },
          select: SCHEDULE_SELECT,
        });
      }
      if (!row || row.version !== request.version)
        throw new StaleCardError(row ? toCardView(card, row, "due", now, retention, parameters) : null);
      if (row.suspended)
        throw new StaleCardError(
          null,
          "This card is suspended; unsuspend it in the card browser to rate it.",
        );
      const { next, log } = scheduleReview(row, now, request.rating, retention, parameters);
      const updated = await tx.cardState.updateMany({
        where: { id: row.id, version: request.version },
        data: { ...next, version: request.version + 1 },
      });
      if (updated.count !== 1)
        throw new StaleCardError(toCardView(card, row, "due", now, retention, parameters));
      await tx.reviewLog.create({
        data: {
          learnerId,
          cardId: card.id,
          requestId: request.requestId,
          rating: log.rating,
          state: log.state,
          due: log.due,
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsed_days,
          lastElapsedDays: log.last_elapsed_days,
          scheduledDays: log.scheduled_days,
          learningSteps: log.learning_steps,
          review: log.review,
          previous: JSON.stringify(PreviousSchema.parse(row)),
        },
      });
      return { duplicate: false, cardId: card.id, due: next.due, version: request.version + 1 };
    });
  } catch (error) {
    // A concurrent twin of this very request won the race: answer with its result.
    if (error instanceof StaleCardError || isUniqueViolation(error)) {
      const replay = await findReplay(db, learnerId, request.requestId);
      if (replay) return replay;
    }
    // Two tabs created the card's first state at once: the loser sees the winner's.
    if (isUniqueViolation(error)) {
      const row = await db.cardState.findUnique({
        where: { learnerId_cardId: { learnerId, cardId: card.id } },
        select: SCHEDULE_SELECT,
      });
      throw new StaleCardError(row ? toCardView(card, row, "due", now, retention, parameters) : null);
    }
    throw error;
  }
}

async function findReplay(
  db: Pick<Db, "reviewLog" | "cardState">,
  learnerId: string,
  requestId: string,
): Promise<RateResult | null> {
  const log = await db.reviewLog.findUnique({
    where: { requestId },
    select: { learnerId: true, cardId: true },
  });
  if (!log) return null;
  if (log.learnerId !== learnerId)
    throw new ReviewRequestError("conflict", "This requestId was already used; send a fresh one.");
  const state = await db.cardState.findUnique({
    where: { learnerId_cardId: { learnerId, cardId: log.cardId } },
    select: { due: true, version: true },
  });
  return { duplicate: true, cardId: log.cardId, due: state?.due ?? new Date(), version: state?.version ?? 0 };
}

/**
 * Undoes the learner's latest rating (named by its requestId): restores the card state it
 * replaced, marks the log undone, and bumps the version so other tabs see the change. Undoing an
 * already undone rating is a no-op.
 */
export async function undoRating(
  learnerId: string,
  requestId: string,
  db: Db = prisma,
): Promise<{ cardId: string }> {
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { requestId } });
    if (!log || log.learnerId !== learnerId)
      throw new ReviewRequestError("not-found", "There is no such rating to undo.");
    if (log.undone) return { cardId: log.cardId };
    const latest = await tx.reviewLog.findFirst({
      where: { learnerId, undone: false },
      orderBy: [{ review: "desc" }, { createdAt: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id)
      throw new ReviewRequestError("conflict", "Only the most recent rating can be undone.");
    const previous = PreviousSchema.parse(JSON.parse(log.previous ?? "null"));
    const row = await tx.cardState.findUnique({
      where: { learnerId_cardId: { learnerId, cardId: log.cardId } },
      select: { id: true, version: true },
    });
    if (!row) throw new ReviewRequestError("conflict", "This card's state is gone; nothing to undo.");
    // The first rating of a card from the deck created its row: undoing it makes the card new
    // again (no row: queued and counted as new, not as due). A mistake's card keeps its row, which
    // existed before the rating and queues it as the mistake's.
    const wasNew = previous.reps === 0 && previous.lastReview === null && previous.origin !== "mistake";
    const updated = wasNew
      ? await tx.cardState.deleteMany({ where: { id: row.id, version: row.version } })
      : await tx.cardState.updateMany({
          where: { id: row.id, version: row.version },
          data: { ...previous, version: row.version + 1 },
        });
    if (updated.count !== 1)
      throw new ReviewRequestError("conflict", "The card changed while undoing; reload and try again.");
    await tx.reviewLog.update({ where: { id: log.id }, data: { undone: true } });
    return { cardId: log.cardId };
  });
}

/** Everything the stats page needs, learner-scoped: review logs since `since` and the deck's card states. */
export async function getReviewHistory(
  learnerId: string,
  since: Date,
  db: Db = prisma,
  deckIds?: readonly string[],
) {
  const ids = deckIds ?? (await loadDrillContext(learnerId, db)).deck.map((card) => card.id);
  const [logs, states, total] = await Promise.all([
    db.reviewLog.findMany({
      where: { learnerId, undone: false, review: { gte: since } },
      select: { review: true, rating: true, state: true, cardId: true },
    }),
    // States of cards the deck no longer has (merged or retired) are history, not cards to count.
    db.cardState.findMany({
      where: { learnerId, cardId: { in: [...ids] } },
      select: {
        ...SCHEDULE_FACTS_SELECT,
        stability: true,
        difficulty: true,
        elapsedDays: true,
        scheduledDays: true,
        learningSteps: true,
        lapses: true,
        lastReview: true,
      },
    }),
    db.reviewLog.count({ where: { learnerId, undone: false } }),
  ]);
  // The column is an integer: a value that is no rating is a broken row, not a statistic.
  return {
    logs: logs.map((log) => ({ ...log, rating: RatingSchema.parse(log.rating) })),
    states,
    totalReviews: total,
  };
}
