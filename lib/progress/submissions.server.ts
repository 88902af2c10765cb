import "server-only";
import { type GradeResult, GradeResultSchema } from "@/lib/grader/result";
import { pickBestVerdicts } from "@/lib/exercises/verdicts";
import { prisma } from "./db.server";

/** A stored submission without its code and results (for lists). */
export type SubmissionSummary = {
  id: string;
  exerciseSlug: string;
  verdict: string;
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

/** Stores a graded submission. */
export async function createSubmission(input: {
  learnerId: string;
  exerciseSlug: string;
  code: string;
  result: GradeResult;
}): Promise<SubmissionSummary> {
  return prisma.submission.create({
    data: {
      learnerId: input.learnerId,
      exerciseSlug: input.exerciseSlug,
      code: input.code,
      verdict: input.result.verdict,
      results: JSON.stringify(input.result),
      durationMs: Math.round(input.result.durationMs),
    },
    select: summarySelect,
  });
}

/** This learner's submissions for one exercise, newest first (at most `limit`). */
export async function listSubmissions(
  learnerId: string,
  exerciseSlug: string,
  limit = 20,
): Promise<SubmissionSummary[]> {
  return prisma.submission.findMany({
    where: { learnerId, exerciseSlug },
    select: summarySelect,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}

/** One submission of this learner, or null (also when it belongs to someone else). */
export async function getSubmission(learnerId: string, id: string): Promise<SubmissionDetail | null> {
  const row = await prisma.submission.findFirst({
    where: { id, learnerId },
    select: { ...summarySelect, code: true, results: true },
  });
  if (!row) return null;
  const { results, ...rest } = row;
  return { ...rest, result: parseStoredResult(results) };
}

/** Parses a stored results column; null when it no longer matches the schema. */
export function parseStoredResult(json: string): GradeResult | null {
  try {
    const parsed = GradeResultSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The best verdict per exercise slug for this learner: "passed" beats anything, else the latest. */
export async function getBestVerdicts(learnerId: string): Promise<Record<string, string>> {
  const rows = await prisma.submission.findMany({
    where: { learnerId },
    select: { exerciseSlug: true, verdict: true },
    orderBy: { createdAt: "asc" },
  });
  return pickBestVerdicts(rows);
}
