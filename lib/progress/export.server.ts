import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseVerdictColumn } from "@/lib/grader/result";

/**
 * Version of the export format, bumped when its shape changes. 2: a submission to an exercise of
 * judgment has its answer as JSON in `answer` and `code: null` (in 1, the answer was text in `code`).
 */
const EXPORT_VERSION = 2;

/**
 * Everything Descent stores about one learner, as plain JSON: the account (never its password
 * hash or session tokens), lesson reads, submissions with their results, card states and reviews.
 */
export async function exportLearnerData(db: PrismaClient, learnerId: string) {
  const learner = await db.learner.findUnique({
    where: { id: learnerId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      user: { select: { id: true, name: true, email: true, emailVerified: true, createdAt: true } },
      lessonReads: { orderBy: { readAt: "asc" }, omit: { learnerId: true } },
      submissions: { orderBy: { createdAt: "asc" }, omit: { learnerId: true } },
      cardStates: { orderBy: { cardId: "asc" }, omit: { learnerId: true } },
      reviewLogs: { orderBy: { review: "asc" }, omit: { learnerId: true } },
    },
  });
  if (!learner) return null;
  const { user, lessonReads, submissions, cardStates, reviewLogs, ...rest } = learner;
  return {
    format: "descent-export",
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    learner: rest,
    account: user,
    lessonReads,
    // The grader's results and a judgment answer are stored as JSON text; exported as JSON.
    submissions: submissions.map((submission) => ({
      ...parseVerdictColumn(submission),
      answer: submission.answer === null ? null : parseJson(submission.answer),
      results: parseJson(submission.results),
    })),
    cardStates,
    reviewLogs: reviewLogs.map((log) => ({
      ...log,
      previous: log.previous === null ? null : parseJson(log.previous),
    })),
  };
}

/** The shape of an export. */
export type LearnerExport = NonNullable<Awaited<ReturnType<typeof exportLearnerData>>>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Deletes a learner and everything in it. With an account, the user row goes, and the database
 * cascades to its sessions, credentials, learner and all progress; a guest's learner row cascades
 * to its progress. One transaction.
 */
export async function deleteLearnerData(
  db: PrismaClient,
  learner: { id: string; userId: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (learner.userId) await tx.user.deleteMany({ where: { id: learner.userId } });
    await tx.learner.deleteMany({ where: { id: learner.id } });
  });
}
