import "server-only";
import { pickBestSubmissions } from "@/lib/exercises/verdicts";
import {
  type GradedResult,
  type GradeResult,
  parseStoredResult,
  parseVerdictColumn,
  type Verdict,
} from "@/lib/grader/result";
import { prisma } from "./db.server";

/** A stored submission without its code and results (for lists). */
export type SubmissionSummary = {
  id: string;
  exerciseSlug: string;
  verdict: Verdict;
  durationMs: number;
  createdAt: Date;
};

/** A stored submission with its code and parsed grader result. */
export type SubmissionDetail = SubmissionSummary & { code: string; result: GradeResult | null };

const summarySelect = {
  id: true,
  exerciseSlug: true,
  verdict: true,
  durationMs: true,
  createdAt: true,
} as const;

/** Stores a graded submission (a refusal such as "busy" is not a submission and has no type here). */
export async function createSubmission(input: {
  /** The row's id (the grading job's id); a new cuid when omitted. */
  id?: string;
  learnerId: string;
  exerciseSlug: string;
  code: string;
  result: GradedResult;
}): Promise<SubmissionSummary> {
  const row = await prisma.submission.create({
    data: {
      id: input.id,
      learnerId: input.learnerId,
      exerciseSlug: input.exerciseSlug,
      code: input.code,
      verdict: input.result.verdict,
      results: JSON.stringify(input.result),
      durationMs: Math.round(input.result.durationMs),
    },
    select: summarySelect,
  });
  return parseVerdictColumn(row);
}

/** This learner's submissions for one exercise, newest first (at most `limit`). */
export async function listSubmissions(
  learnerId: string,
  exerciseSlug: string,
  limit = 20,
): Promise<SubmissionSummary[]> {
  const rows = await prisma.submission.findMany({
    where: { learnerId, exerciseSlug },
    select: summarySelect,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map(parseVerdictColumn);
}

/** One submission of this learner, or null (also when it belongs to someone else). */
export async function getSubmission(learnerId: string, id: string): Promise<SubmissionDetail | null> {
  const row = await prisma.submission.findFirst({
    where: { id, learnerId },
    select: { ...summarySelect, code: true, results: true },
  });
  if (!row) return null;
  const { results, ...rest } = parseVerdictColumn(row);
  // Version 1 rows (before test_code) are read as version 2; a row matching no version reads as null.
  return { ...rest, result: parseStoredResult(results) };
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
