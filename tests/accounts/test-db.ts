import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEarlyResult, type Verdict } from "@/lib/grader/result";

export { createTestDatabase } from "../test-db";

let counter = 0;

/** Seeds a learner with a guest token (or a user) and the given progress. */
export async function seedLearner(
  db: PrismaClient,
  options: {
    guestToken?: string;
    userId?: string;
    reads?: Array<[string, Date]>;
    /** Typed: only verdicts the app stores (dashboard.test.ts stores real gradings through the route). */
    submissions?: Array<[string, Verdict, Date]>;
    cards?: Array<{ cardId: string; reps: number; lastReview: Date | null }>;
    reviews?: Array<[string, Date]>;
  },
) {
  const learner = await db.learner.create({
    data: { guestToken: options.guestToken ?? null, userId: options.userId ?? null },
  });
  for (const [lessonSlug, readAt] of options.reads ?? [])
    await db.lessonRead.create({ data: { learnerId: learner.id, lessonSlug, readAt } });
  for (const [exerciseSlug, verdict, createdAt] of options.submissions ?? []) {
    await db.submission.create({
      data: {
        learnerId: learner.id,
        exerciseSlug,
        verdict,
        code: `// ${verdict}`,
        results: JSON.stringify(createEarlyResult(verdict, `Seeded: ${verdict}.`, 12)),
        durationMs: 12,
        createdAt,
      },
    });
  }
  for (const card of options.cards ?? []) {
    await db.cardState.create({
      data: {
        learnerId: learner.id,
        cardId: card.cardId,
        due: new Date("2026-11-20T00:00:00Z"),
        stability: card.reps,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 1,
        reps: card.reps,
        lapses: 0,
        state: 2,
        lastReview: card.lastReview,
      },
    });
  }
  for (const [cardId, review] of options.reviews ?? []) {
    await db.reviewLog.create({
      data: {
        learnerId: learner.id,
        cardId,
        requestId: `request-${++counter}`,
        rating: 3,
        state: 2,
        due: review,
        stability: 1,
        difficulty: 5,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 1,
        review,
      },
    });
  }
  return learner;
}

/** A user row as better-auth would create it. */
export async function seedUser(db: PrismaClient, email: string) {
  return db.user.create({ data: { id: `user-${++counter}`, name: email.split("@")[0] ?? email, email } });
}

/** A valid-looking guest token. */
export function makeGuestToken(seed: string): string {
  return seed.padEnd(43, "x").slice(0, 43);
}
