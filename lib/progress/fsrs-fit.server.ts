import "server-only";
import { DEFAULT_PARAMETERS, type FsrsFitResult, MIN_REVIEWS_FOR_FIT } from "@/lib/cards/fsrs-fit";
import { estimateScheduleEffect, type ScheduleEffect } from "@/lib/cards/fsrs-fit-effect";
import { createFitQueue, type FitQueueDeps, needsFit } from "@/lib/cards/fsrs-fit-job";
import {
  effectNearest,
  parseStoredEffect,
  parseStoredParameters,
  type StoredEffect,
} from "@/lib/cards/fsrs-parameters";
import { prisma } from "@/lib/db/prisma.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDrillContext } from "./learner-deck.server";

// The fitting job's storage and trigger: after a rating, a cheap check (two indexed reads) asks the
// queue of lib/cards/fsrs-fit-job.ts for a fit when one is due; the fit, and the simulated effect of
// its parameters, run later, one at a time, and land in the learner's FsrsFit row.

type Db = PrismaClient;

/** Desired retentions the job estimates the effect at, besides the learner's own (the settings' range). */
export const EFFECT_RETENTIONS: readonly number[] = [0.8, 0.85, 0.9, 0.95];

/**
 * The effect at each retention. An estimate holds the event loop for about 50 ms: the job yields
 * between them so the requests around it wait for one at most, not for all ten.
 */
async function effectsAt(
  parameters: readonly number[],
  retentions: readonly number[],
  deck: { cards: number; newCardsPerDay: number },
): Promise<ScheduleEffect[]> {
  const effects: ScheduleEffect[] = [];
  for (const desiredRetention of retentions) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    effects.push(estimateScheduleEffect(parameters, { ...deck, desiredRetention }));
  }
  return effects;
}

/**
 * Stores a fit: the fitted parameters, or the defaults when the fit predicted no better (the row
 * still records the attempt, so the next one waits for the reviews to grow). With the parameters,
 * the simulated effect of them and of the defaults for the learner's deck and pace.
 */
export async function saveFitResult(
  learnerId: string,
  result: FsrsFitResult,
  db: Db = prisma,
): Promise<void> {
  if (result.status === "too-few-reviews") return;
  const parameters = result.status === "fitted" ? result.parameters : [...DEFAULT_PARAMETERS];
  const context = await loadDrillContext(learnerId, db, undefined, { text: false });
  const deck = { cards: context.deck.length, newCardsPerDay: context.settings.newCardsPerDay };
  const retentions = [...new Set([...EFFECT_RETENTIONS, context.settings.desiredRetention])].sort(
    (a, b) => a - b,
  );
  const effect: StoredEffect = {
    ...deck,
    yours: await effectsAt(parameters, retentions, deck),
    defaults: await effectsAt(DEFAULT_PARAMETERS, retentions, deck),
  };
  const data = {
    parameters: JSON.stringify(parameters),
    reviews: result.reviews,
    logLoss: result.logLoss,
    defaultLogLoss: result.defaultLogLoss,
    effect: JSON.stringify(effect),
    fittedAt: new Date(),
  };
  await db.fsrsFit.upsert({ where: { learnerId }, create: { learnerId, ...data }, update: data });
}

/** A fitting queue storing into `db`; the time zone of each learner's days comes with the request. */
export function createLearnerFitQueue(db: Db, overrides: Partial<FitQueueDeps> = {}) {
  const timeZones = new Map<string, string>();
  const queue = createFitQueue({
    loadReviews: async (learnerId) => {
      const reviews = await db.reviewLog.findMany({
        where: { learnerId, undone: false },
        select: { cardId: true, rating: true, review: true },
      });
      return { reviews, timeZone: timeZones.get(learnerId) ?? "UTC" };
    },
    saveFit: (learnerId, result) => saveFitResult(learnerId, result, db),
    onError: (learnerId, error) => console.error(`FSRS fit for learner ${learnerId} failed:`, error),
    ...overrides,
  });
  return {
    request(learnerId: string, timeZone: string): void {
      timeZones.set(learnerId, timeZone);
      queue.request(learnerId);
    },
    idle: queue.idle,
  };
}
export type LearnerFitQueue = ReturnType<typeof createLearnerFitQueue>;

let processQueue: LearnerFitQueue | undefined;
/** This process's queue: fits run one at a time per process. */
function getProcessQueue(): LearnerFitQueue {
  processQueue ??= createLearnerFitQueue(prisma);
  return processQueue;
}

/**
 * After a stored rating: asks for a fit when the learner's reviews call for one (lib/cards/fsrs-fit-job.ts
 * needsFit). Returns whether it asked. The route does not await it: errors are logged, never thrown.
 */
export async function requestFitIfDue(
  learnerId: string,
  {
    timeZone,
    db = prisma,
    queue = getProcessQueue(),
    minReviews = MIN_REVIEWS_FOR_FIT,
  }: { timeZone: string; db?: Db; queue?: LearnerFitQueue; minReviews?: number },
): Promise<boolean> {
  try {
    const [reviews, lastFit] = await Promise.all([
      db.reviewLog.count({ where: { learnerId, undone: false } }),
      db.fsrsFit.findUnique({ where: { learnerId }, select: { reviews: true } }),
    ]);
    if (!needsFit(reviews, lastFit, minReviews)) return false;
    queue.request(learnerId, timeZone);
    return true;
  } catch (error) {
    console.error(`Checking whether learner ${learnerId} needs an FSRS fit failed:`, error);
    return false;
  }
}

/** The effect of the default parameters, computed once per deck, pace and retention, off the request. */
const defaultEffects = new Map<string, ScheduleEffect>();
const defaultEffectsPending = new Set<string>();

/**
 * The defaults' effect for a learner without a fit, from the cache; on a miss, null, and the estimate
 * is made on a later tick (about 50 ms) for the next visit.
 */
export function cachedDefaultEffect(deck: {
  cards: number;
  newCardsPerDay: number;
  desiredRetention: number;
}): ScheduleEffect | null {
  const key = `${deck.cards}|${deck.newCardsPerDay}|${deck.desiredRetention}`;
  const cached = defaultEffects.get(key);
  if (cached) return cached;
  if (!defaultEffectsPending.has(key)) {
    defaultEffectsPending.add(key);
    setImmediate(() => {
      try {
        defaultEffects.set(key, estimateScheduleEffect(DEFAULT_PARAMETERS, deck));
      } catch (error) {
        console.error("Estimating the default FSRS schedule's effect failed:", error);
      } finally {
        defaultEffectsPending.delete(key);
      }
    });
  }
  return null;
}

/** The deck and pace an effect was simulated for. */
type SimulatedDeck = { cards: number; newCardsPerDay: number };

export type ScheduleSummary =
  | { status: "not-yet"; reviews: number; needed: number; effect: ScheduleEffect | null; deck: SimulatedDeck }
  | {
      status: "fitted" | "kept-defaults";
      reviews: number;
      logLoss: number;
      defaultLogLoss: number;
      fittedAt: Date;
      effect: { yours: ScheduleEffect; defaults: ScheduleEffect } | null;
      deck: SimulatedDeck;
    };

/**
 * What the stats page says about the learner's schedule: fitted or not, and its effect at their
 * retention. `learnerId` null: a visitor with nothing stored yet.
 */
export async function getScheduleSummary(
  learnerId: string | null,
  deck: { cards: number; newCardsPerDay: number; desiredRetention: number },
  db: Db = prisma,
): Promise<ScheduleSummary> {
  const [fit, reviews] = learnerId
    ? await Promise.all([
        db.fsrsFit.findUnique({ where: { learnerId } }),
        db.reviewLog.count({ where: { learnerId, undone: false } }),
      ])
    : [null, 0];
  if (!fit)
    return {
      status: "not-yet",
      reviews,
      needed: MIN_REVIEWS_FOR_FIT,
      effect: cachedDefaultEffect(deck),
      deck: { cards: deck.cards, newCardsPerDay: deck.newCardsPerDay },
    };
  const fitted = parseStoredParameters(fit.parameters) !== null && fit.logLoss < fit.defaultLogLoss;
  const stored = parseStoredEffect(fit.effect);
  const yours = stored && effectNearest(stored.yours, deck.desiredRetention);
  const defaults = stored && effectNearest(stored.defaults, deck.desiredRetention);
  return {
    status: fitted ? "fitted" : "kept-defaults",
    reviews: fit.reviews,
    logLoss: fit.logLoss,
    defaultLogLoss: fit.defaultLogLoss,
    fittedAt: fit.fittedAt,
    effect: yours && defaults ? { yours, defaults } : null,
    deck: stored ?? { cards: deck.cards, newCardsPerDay: deck.newCardsPerDay },
  };
}
