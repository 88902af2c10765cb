import "server-only";
import { CHECK_YOURSELF_FORMAT } from "@/lib/content/check-yourself-format";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** What a merge did, for logs and tests. */
export type MergeSummary = { learnerId: string; movedFromGuest: boolean };

/**
 * Gives a signed-in user the progress of the guest learner behind `guestToken`, in one
 * transaction. A user without a learner adopts the guest's learner whole; a user who already has
 * one receives the guest's records (see mergeLearnerRecords) and the guest learner is deleted.
 * Without a guest learner, just makes sure the user has a learner.
 */
export async function mergeGuestIntoUser(
  db: PrismaClient,
  guestToken: string | null,
  userId: string,
): Promise<MergeSummary> {
  return db.$transaction(async (tx) => {
    const account = await tx.learner.findUnique({ where: { userId }, select: { id: true } });
    const guest = guestToken
      ? await tx.learner.findUnique({ where: { guestToken }, select: { id: true, userId: true } })
      : null;
    const usableGuest = guest && guest.userId === null ? guest : null;

    if (!account && usableGuest) {
      await tx.learner.update({
        where: { id: usableGuest.id },
        data: { userId, guestToken: null, lastSeenAt: new Date() },
      });
      return { learnerId: usableGuest.id, movedFromGuest: true };
    }
    const target = account ?? (await tx.learner.create({ data: { userId }, select: { id: true } }));
    if (!usableGuest) return { learnerId: target.id, movedFromGuest: false };
    await mergeLearnerRecords(tx, usableGuest.id, target.id);
    await tx.learner.delete({ where: { id: usableGuest.id } });
    return { learnerId: target.id, movedFromGuest: true };
  });
}

/**
 * Moves every record of learner `fromId` to learner `intoId` without losing or doubling any:
 * lesson reads are unioned by slug (the earlier read is kept), submissions and review logs move
 * as they are (so the best verdict is the best of both), interviews too (see mergeInterviews),
 * requests for a reference solution are unioned by exercise (the earlier is kept, with the failed
 * attempts it was made after), own cards move as they are, for a card both have studied the state
 * with more reviews wins (ties: the later last review; a suspension on either side stays), drill
 * settings the account never chose come from the guest, and the account's fitted FSRS parameters
 * stay while the guest's are dropped (see below).
 */
async function mergeLearnerRecords(tx: Transaction, fromId: string, intoId: string): Promise<void> {
  const [fromReads, intoReads] = await Promise.all([
    tx.lessonRead.findMany({ where: { learnerId: fromId } }),
    tx.lessonRead.findMany({ where: { learnerId: intoId } }),
  ]);
  const intoReadBySlug = new Map(intoReads.map((read) => [read.lessonSlug, read]));
  for (const read of fromReads) {
    const existing = intoReadBySlug.get(read.lessonSlug);
    if (!existing) {
      await tx.lessonRead.update({ where: { id: read.id }, data: { learnerId: intoId } });
      continue;
    }
    if (read.readAt < existing.readAt)
      await tx.lessonRead.update({ where: { id: existing.id }, data: { readAt: read.readAt } });
    await tx.lessonRead.delete({ where: { id: read.id } });
  }

  await tx.submission.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });
  await tx.reviewLog.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });
  await mergeInterviews(tx, fromId, intoId);
  await tx.ownCard.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });
  const [fromSettings, intoSettings] = await Promise.all(
    [fromId, intoId].map((id) =>
      tx.learner.findUnique({ where: { id }, select: { newCardsPerDay: true, desiredRetention: true } }),
    ),
  );
  await tx.learner.update({
    where: { id: intoId },
    data: {
      newCardsPerDay: intoSettings?.newCardsPerDay ?? fromSettings?.newCardsPerDay ?? null,
      desiredRetention: intoSettings?.desiredRetention ?? fromSettings?.desiredRetention ?? null,
    },
  });
  await mergeSolutionReveals(tx, fromId, intoId);
  // A fit describes the history it was made on. The account's stays (the job refits it once the
  // merged history has grown by a fifth); the guest's describes part of the history only, so it is
  // dropped, and an account without a fit gets one fitted on the merged history.
  await tx.fsrsFit.deleteMany({ where: { learnerId: fromId } });

  const [fromCards, intoCards] = await Promise.all([
    tx.cardState.findMany({ where: { learnerId: fromId } }),
    tx.cardState.findMany({ where: { learnerId: intoId } }),
  ]);
  const intoCardById = new Map(intoCards.map((card) => [card.cardId, card]));
  for (const card of fromCards) {
    const existing = intoCardById.get(card.cardId);
    if (!existing) {
      await tx.cardState.update({ where: { id: card.id }, data: { learnerId: intoId } });
      continue;
    }
    if (isFurtherAlong(card, existing)) {
      const {
        id: _id,
        learnerId: _learner,
        createdAt: _created,
        updatedAt: _updated,
        version,
        ...state
      } = card;
      // A new version, so a rating form opened on either side before the merge is refused, not applied twice.
      await tx.cardState.update({
        where: { id: existing.id },
        data: {
          ...state,
          suspended: state.suspended || existing.suspended,
          version: Math.max(version, existing.version) + 1,
        },
      });
    } else if (card.suspended && !existing.suspended) {
      await tx.cardState.update({
        where: { id: existing.id },
        data: { suspended: true, version: { increment: 1 } },
      });
    }
    await tx.cardState.delete({ where: { id: card.id } });
  }
}

/**
 * A request for an exercise's reference solution moves unless the account made one too; then the
 * earlier stays, so the record says when the solution was first seen (one row per exercise).
 */
async function mergeSolutionReveals(tx: Transaction, fromId: string, intoId: string): Promise<void> {
  const [fromReveals, intoReveals] = await Promise.all([
    tx.solutionReveal.findMany({ where: { learnerId: fromId } }),
    tx.solutionReveal.findMany({ where: { learnerId: intoId } }),
  ]);
  const intoRevealBySlug = new Map(intoReveals.map((reveal) => [reveal.exerciseSlug, reveal]));
  for (const reveal of fromReveals) {
    const existing = intoRevealBySlug.get(reveal.exerciseSlug);
    if (!existing) {
      await tx.solutionReveal.update({ where: { id: reveal.id }, data: { learnerId: intoId } });
      continue;
    }
    if (reveal.revealedAt < existing.revealedAt)
      await tx.solutionReveal.update({
        where: { id: existing.id },
        data: { revealedAt: reveal.revealedAt, failedAttempts: reveal.failedAttempts },
      });
    await tx.solutionReveal.delete({ where: { id: reveal.id } });
  }
}

/**
 * Interviews move as they are. A learner has one active interview at most, so when both have one,
 * the guest's ends now (its report scores what it answered, like an interview finished early).
 */
async function mergeInterviews(tx: Transaction, fromId: string, intoId: string): Promise<void> {
  // One timed interview runs at a time; a lesson's check-yourself rows have no clock and stay open.
  const timed = { finishedAt: null, format: { not: CHECK_YOURSELF_FORMAT } };
  const intoActive = await tx.interview.count({ where: { learnerId: intoId, ...timed } });
  if (intoActive > 0)
    await tx.interview.updateMany({
      where: { learnerId: fromId, ...timed },
      data: { finishedAt: new Date() },
    });
  await tx.interview.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });
}

type CardProgress = { reps: number; lastReview: Date | null };

function isFurtherAlong(candidate: CardProgress, current: CardProgress): boolean {
  if (candidate.reps !== current.reps) return candidate.reps > current.reps;
  return (candidate.lastReview?.getTime() ?? 0) > (current.lastReview?.getTime() ?? 0);
}
