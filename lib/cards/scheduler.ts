import {
  createEmptyCard,
  type Card as FsrsCard,
  fsrs,
  type Grade,
  generatorParameters,
  Rating,
  State,
} from "ts-fsrs";
import { RATINGS } from "./domain";
import { DEFAULT_RETENTION } from "./settings";

const schedulers = new Map<string, ReturnType<typeof fsrs>>();
/** Schedulers kept for reuse: one per retention and parameter set in use (each learner with a fit has one). */
const SCHEDULER_CACHE_SIZE = 200;

/**
 * The FSRS scheduler every rating goes through, for a desired retention (the learner's setting,
 * lib/cards/settings.ts) and parameters (the learner's fitted FSRS-6 parameters, lib/cards/fsrs-fit.ts;
 * null or omitted: ts-fsrs's defaults). Fuzz is off so previews equal what rating stores.
 */
export function getScheduler(
  desiredRetention = DEFAULT_RETENTION,
  parameters?: readonly number[] | null,
  { shortTerm = true }: { shortTerm?: boolean } = {},
) {
  const key = `${desiredRetention}|${parameters?.join(",") ?? "default"}|${shortTerm}`;
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs(
      generatorParameters({
        enable_fuzz: false,
        enable_short_term: shortTerm,
        request_retention: desiredRetention,
        ...(parameters ? { w: [...parameters] } : {}),
      }),
    );
    if (schedulers.size >= SCHEDULER_CACHE_SIZE) schedulers.delete(schedulers.keys().next().value as string);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** The scheduler at the default retention. */
export const scheduler = getScheduler();

/** The four ratings, in button order (lib/cards/domain.ts RATINGS, as ts-fsrs grades). */
export const GRADES = RATINGS satisfies readonly Grade[];
export type { Grade };
export { Rating, State };

/** The FSRS fields of a CardState row (as stored by Prisma). */
export type StoredSchedule = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

/** Converts a stored row to a ts-fsrs card. */
function toFsrsCard(row: StoredSchedule): FsrsCard {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.lastReview ?? undefined,
  };
}

/** Converts a ts-fsrs card to the stored fields. */
function fromFsrsCard(card: FsrsCard): StoredSchedule {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The stored fields of a card never reviewed, due now. */
export function newSchedule(now: Date): StoredSchedule {
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * Applies one rating, with the learner's fitted parameters when they have them. `shortTerm: false`
 * schedules in whole days only, without (re)learning steps of minutes: an exercise item's.
 */
export function scheduleReview(
  row: StoredSchedule,
  now: Date,
  grade: Grade,
  desiredRetention?: number,
  parameters?: readonly number[] | null,
  options?: { shortTerm?: boolean },
) {
  const { card, log } = getScheduler(desiredRetention, parameters, options).next(toFsrsCard(row), now, grade);
  return { next: fromFsrsCard(card), log };
}

/** Short human interval: "<1m", "10m", "3h", "4d", "2mo", "1.2y". */
export function formatInterval(ms: number): string {
  const minutes = Math.max(0, ms) / 60_000;
  if (minutes < 1) return "<1m";
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  return `${(days / 365).toFixed(1)}y`;
}

/** The interval each rating would lead to, from the scheduler's own preview. */
export function previewIntervals(
  row: StoredSchedule,
  now: Date,
  desiredRetention?: number,
  parameters?: readonly number[] | null,
): Record<Grade, string> {
  const preview = getScheduler(desiredRetention, parameters).repeat(toFsrsCard(row), now);
  const result = {} as Record<Grade, string>;
  for (const grade of GRADES)
    result[grade] = formatInterval(preview[grade].card.due.getTime() - now.getTime());
  return result;
}

/** The probability of recalling a reviewed card at `now` (FSRS's forgetting curve); null for a card never reviewed. */
export function recallProbability(row: StoredSchedule, now: Date): number | null {
  if (row.state === State.New || row.lastReview === null) return null;
  return getScheduler().get_retrievability(toFsrsCard(row), now, false);
}
