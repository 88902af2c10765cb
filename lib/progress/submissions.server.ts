import "server-only";
import type { DiagnosisId } from "@/lib/content/diagnosis-ids";
import { isForeignKeyViolation } from "@/lib/db/errors";
import { prisma } from "@/lib/db/prisma.server";
import { DomainError } from "@/lib/domain-error";
import { parseStoredAnswer } from "@/lib/exercises/answer-words";
import { pickBestSubmissions } from "@/lib/exercises/verdicts";
import {
  type GradedResult,
  type GradeResult,
  parseStoredResult,
  parseVerdictColumn,
  type Verdict,
} from "@/lib/grader/result";
import { isLanguage, type Language } from "@/lib/harness/languages";
import { type ExerciseScheduleChange, updateExerciseSchedule } from "./exercise-schedule.server";
import { queueCardsForMistake } from "./reviews.server";

/** A stored submission without its code and results (for lists). */
export type SubmissionSummary = {
  id: string;
  exerciseSlug: string;
  /** The code's language; null for an answer to an exercise of judgment. */
  language: Language | null;
  verdict: Verdict;
  durationMs: number;
  createdAt: Date;
};

/** The answer to an exercise of judgment: one number or choice id per parameter, curve or question. */
export type JudgmentAnswer = Readonly<Record<string, number | string>>;

/** What a learner submits: code (a coded exercise), or an answer (an exercise of judgment). */
export type Submitted =
  | { code: string; language: Language; answer?: undefined }
  | { answer: JudgmentAnswer; code?: undefined; language?: undefined };

/**
 * A stored submission with what was submitted (its code or its answer; the other is null) and its
 * parsed grader result.
 */
export type SubmissionDetail = SubmissionSummary & {
  code: string | null;
  answer: JudgmentAnswer | null;
  result: GradeResult | null;
};

const summarySelect = {
  id: true,
  exerciseSlug: true,
  language: true,
  verdict: true,
  durationMs: true,
  createdAt: true,
} as const;

/** A row's columns as a summary: verdict and language parsed (an unknown language reads as null). */
function toSummary<T extends { verdict: string; language: string | null }>(
  row: T,
): Omit<T, "verdict" | "language"> & { verdict: Verdict; language: Language | null } {
  const parsed = parseVerdictColumn(row);
  return { ...parsed, language: isLanguage(row.language) ? row.language : null } as Omit<
    T,
    "verdict" | "language"
  > & {
    verdict: Verdict;
    language: Language | null;
  };
}

/**
 * The learner a submission was for no longer exists: its account was deleted (or its guest merged
 * into an account) while the submission was graded. Nothing was stored; a conflict, not a fault.
 */
export class LearnerGoneError extends DomainError {
  constructor() {
    super(
      "conflict",
      "This learner no longer exists (the account was deleted, or signed in elsewhere, while the submission was graded), so nothing was stored.",
    );
  }
}

/**
 * Whether a write failed because its learner row is gone: a foreign-key violation (the only
 * foreign key these rows hold is the learner's), the same on SQLite and PostgreSQL. Rethrows it
 * as LearnerGoneError; anything else as it was.
 */
function rethrowIfLearnerGone(error: unknown): never {
  throw isForeignKeyViolation(error) ? new LearnerGoneError() : error;
}

/**
 * Stores a graded submission (a refusal such as "busy" is not a submission and has no type here).
 * Throws LearnerGoneError, storing nothing, when the learner was deleted meanwhile.
 */
export async function createSubmission(
  input: {
    /** The row's id (the grading job's id); a new cuid when omitted. */
    id?: string;
    learnerId: string;
    exerciseSlug: string;
    result: GradedResult;
    /** A "re-implement from memory" attempt from the drill: it rates the exercise's due item. */
    recall?: boolean;
  } & Submitted,
): Promise<SubmissionSummary & { schedule: ExerciseScheduleChange }> {
  // One clock for the row and the schedule: a recall's "first try since due" compares the two.
  const now = new Date();
  const row = await prisma.submission
    .create({
      data: {
        id: input.id,
        learnerId: input.learnerId,
        exerciseSlug: input.exerciseSlug,
        code: input.code ?? null,
        language: input.language ?? null,
        answer: input.answer === undefined ? null : JSON.stringify(input.answer),
        verdict: input.result.verdict,
        results: JSON.stringify(input.result),
        durationMs: Math.round(input.result.durationMs),
        createdAt: now,
      },
      select: summarySelect,
    })
    .catch(rethrowIfLearnerGone);
  // The first pass puts the exercise on the schedule; a recall attempt rates it.
  const schedule = await updateExerciseSchedule(
    {
      learnerId: input.learnerId,
      exerciseSlug: input.exerciseSlug,
      verdict: input.result.verdict,
      recall: input.recall ?? false,
      now,
    },
    prisma,
  ).catch(rethrowIfLearnerGone);
  return { ...toSummary(row), schedule };
}

/**
 * Queues the cards teaching a stored submission's named mistake (queueCardsForMistake). Throws
 * LearnerGoneError when the learner was deleted since the submission was stored (which took the
 * submission with it).
 */
export async function queueCardsForSubmissionMistake(
  learnerId: string,
  diagnosisId: DiagnosisId,
): Promise<void> {
  await queueCardsForMistake(learnerId, diagnosisId).catch(rethrowIfLearnerGone);
}

/** A past submission in an exercise's history: which test failed first, and the answer given. */
export type SubmissionHistoryEntry = SubmissionSummary & {
  /** The name of the first test that did not pass; null when all passed or the result is unreadable. */
  failedTest: string | null;
  /** The answer to an exercise of judgment; null for code. */
  answer: JudgmentAnswer | null;
};

/** This learner's submissions for one exercise, newest first (at most `limit`). */
export async function listSubmissions(
  learnerId: string,
  exerciseSlug: string,
  limit = 20,
): Promise<SubmissionHistoryEntry[]> {
  const rows = await prisma.submission.findMany({
    where: { learnerId, exerciseSlug },
    select: { ...summarySelect, results: true, answer: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map(({ results, answer, ...row }) => ({
    ...toSummary(row),
    failedTest: parseStoredResult(results)?.tests.find((test) => test.status !== "pass")?.name ?? null,
    answer: answer === null ? null : parseStoredAnswer(answer),
  }));
}

/** One submission of this learner, or null (also when it belongs to someone else). */
export async function getSubmission(learnerId: string, id: string): Promise<SubmissionDetail | null> {
  const row = await prisma.submission.findFirst({
    where: { id, learnerId },
    select: { ...summarySelect, code: true, answer: true, results: true },
  });
  if (!row) return null;
  const { results, answer, ...rest } = toSummary(row);
  // Version 1 rows (before test_code) are read as version 2; a row matching no version reads as null.
  return {
    ...rest,
    answer: answer === null ? null : parseStoredAnswer(answer),
    result: parseStoredResult(results),
  };
}

/** The best verdict per exercise slug for this learner, by rank (see pickBestSubmissions). */
export async function getBestVerdicts(learnerId: string): Promise<Record<string, Verdict>> {
  const rows = await prisma.submission.findMany({
    where: { learnerId },
    select: { exerciseSlug: true, verdict: true, createdAt: true },
  });
  const best = pickBestSubmissions(rows.map(parseVerdictColumn));
  return Object.fromEntries([...best].map(([slug, submission]) => [slug, submission.verdict]));
}
