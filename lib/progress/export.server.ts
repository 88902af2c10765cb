import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseVerdictColumn } from "@/lib/grader/result";

/**
 * Version of the export format, bumped when its shape changes. 2: a submission to an exercise of
 * judgment has its answer as JSON in `answer` and `code: null` (in 1, the answer was text in `code`).
 * Fields added without changing the old ones keep the version (`interviews`, `solutionReveals`,
 * `ownCards`, `fsrsFit`, the learner's drill settings and the card states' `suspended`/`buriedUntil`
 * came that way).
 */
const EXPORT_VERSION = 2;

/**
 * Everything Descent stores about one learner, as plain JSON: the account (never its password
 * hash or session tokens), lesson reads, submissions with their results, reference solutions asked
 * for before a pass, card states (suspensions and burials included) and reviews, the cards the learner
 * wrote, mock interviews with their answers, the FSRS parameters fitted to the learner's reviews.
 */
export async function exportLearnerData(db: PrismaClient, learnerId: string) {
  const learner = await db.learner.findUnique({
    where: { id: learnerId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      newCardsPerDay: true,
      desiredRetention: true,
      user: { select: { id: true, name: true, email: true, emailVerified: true, createdAt: true } },
      lessonReads: { orderBy: { readAt: "asc" }, omit: { learnerId: true } },
      submissions: { orderBy: { createdAt: "asc" }, omit: { learnerId: true } },
      solutionReveals: { orderBy: { revealedAt: "asc" }, omit: { learnerId: true } },
      cardStates: { orderBy: { cardId: "asc" }, omit: { learnerId: true } },
      reviewLogs: { orderBy: { review: "asc" }, omit: { learnerId: true } },
      ownCards: { orderBy: { createdAt: "asc" }, omit: { learnerId: true } },
      interviews: {
        orderBy: { startedAt: "asc" },
        omit: { learnerId: true },
        include: { answers: { orderBy: { answeredAt: "asc" }, omit: { interviewId: true } } },
      },
      fsrsFit: { omit: { learnerId: true } },
    },
  });
  if (!learner) return null;
  const {
    user,
    lessonReads,
    submissions,
    solutionReveals,
    cardStates,
    reviewLogs,
    ownCards,
    interviews,
    fsrsFit,
    ...rest
  } = learner;
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
    solutionReveals,
    cardStates,
    ownCards,
    reviewLogs: reviewLogs.map((log) => ({
      ...log,
      previous: log.previous === null ? null : parseJson(log.previous),
    })),
    interviews: interviews.map((interview) => ({
      ...interview,
      items: parseJson(interview.items),
      queuedCards: interview.queuedCards === null ? null : parseJson(interview.queuedCards),
      answers: interview.answers.map((answer) => ({
        ...answer,
        answer: parseJson(answer.answer),
        detail: parseJson(answer.detail),
      })),
    })),
    // Null until the drill has fitted parameters (lib/progress/fsrs-fit.server.ts); JSON columns as JSON.
    fsrsFit: fsrsFit && {
      ...fsrsFit,
      parameters: parseJson(fsrsFit.parameters),
      effect: fsrsFit.effect === null ? null : parseJson(fsrsFit.effect),
    },
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

/** What deleting a learner removed: the account (if any) and the rows of progress, by kind. */
export type DeletedCounts = {
  account: boolean;
  lessonsRead: number;
  submissions: number;
  cards: number;
  reviews: number;
  ownCards: number;
  interviews: number;
  solutionReveals: number;
};

/**
 * Deletes a learner and everything in it, and says what went. With an account, the user row goes,
 * and the database cascades to its sessions, credentials, learner and all progress; a guest's
 * learner row cascades to its progress. One transaction.
 */
export async function deleteLearnerData(
  db: PrismaClient,
  learner: { id: string; userId: string | null },
): Promise<DeletedCounts> {
  return db.$transaction(async (tx) => {
    const counted = await tx.learner.findUnique({
      where: { id: learner.id },
      select: {
        _count: {
          select: {
            lessonReads: true,
            submissions: true,
            cardStates: true,
            reviewLogs: true,
            ownCards: true,
            interviews: true,
            solutionReveals: true,
          },
        },
      },
    });
    const users = learner.userId ? await tx.user.deleteMany({ where: { id: learner.userId } }) : { count: 0 };
    await tx.learner.deleteMany({ where: { id: learner.id } });
    const count = counted?._count;
    return {
      account: users.count > 0,
      lessonsRead: count?.lessonReads ?? 0,
      submissions: count?.submissions ?? 0,
      cards: count?.cardStates ?? 0,
      reviews: count?.reviewLogs ?? 0,
      ownCards: count?.ownCards ?? 0,
      interviews: count?.interviews ?? 0,
      solutionReveals: count?.solutionReveals ?? 0,
    };
  });
}
