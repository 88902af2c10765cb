// The fitted-schedule wiring against a real database: ratings stored by the app's own rating code
// trigger the background fit at the threshold (lowered here, the learners rate a few cards), the fit
// lands in FsrsFit, and the learner's later ratings, previews and stats use it; the row follows the
// learner through export, guest merge and deletion. The fit itself is stubbed with known parameters:
// its quality is lib/cards/fsrs-fit.test.ts's subject.
import { randomUUID } from "node:crypto";
import { default_w } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDeck } from "@/lib/cards/deck";
import type { FitReview, fitFsrsParameters } from "@/lib/cards/fsrs-fit";
import { parseStoredEffect } from "@/lib/cards/fsrs-parameters";
import { Rating } from "@/lib/cards/scheduler";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deleteLearnerData, exportLearnerData } from "@/lib/progress/export.server";
import {
  createLearnerFitQueue,
  EFFECT_RETENTIONS,
  getScheduleSummary,
  requestFitIfDue,
} from "@/lib/progress/fsrs-fit.server";
import { loadDrillContext } from "@/lib/progress/learner-deck.server";
import { mergeGuestIntoUser } from "@/lib/progress/merge.server";
import { getDrillState, rateCard, undoRating } from "@/lib/progress/reviews.server";
import { createTestDatabase } from "../test-db";

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup());

const THRESHOLD = 5;
const timeZone = "Europe/Berlin";
/** A fit that makes a first answer last longer: Good 5 days (the defaults: 2.3), Easy 20 (the defaults: 8). */
const FITTED = default_w.map((w, i) => (i === 2 ? 5 : i === 3 ? 20 : w));
const cardIds = getDeck()
  .slice(0, THRESHOLD + 2)
  .map((card) => card.id);

function stubQueue(status: "fitted" | "no-better" = "fitted") {
  const calls: Array<{ reviews: readonly FitReview[]; timeZone: string }> = [];
  const fitParameters: typeof fitFsrsParameters = async (reviews, options) => {
    calls.push({ reviews, timeZone: options.timeZone });
    return status === "fitted"
      ? { status, reviews: reviews.length, parameters: [...FITTED], logLoss: 0.3, defaultLogLoss: 0.4 }
      : { status, reviews: reviews.length, logLoss: 0.45, defaultLogLoss: 0.4 };
  };
  return { queue: createLearnerFitQueue(db, { fitParameters }), calls };
}

/** Rates `count` new cards Good through the app's rating code; returns each rating's requestId. */
async function rateNewCards(learnerId: string, ids: readonly string[]): Promise<string[]> {
  const requestIds: string[] = [];
  for (const cardId of ids) {
    const requestId = randomUUID();
    await rateCard(learnerId, { cardId, rating: Rating.Good, requestId, version: 0 }, db);
    requestIds.push(requestId);
  }
  return requestIds;
}

async function fittedLearner(status: "fitted" | "no-better" = "fitted", data = {}) {
  const learnerId = (await db.learner.create({ data })).id;
  await rateNewCards(learnerId, cardIds.slice(0, THRESHOLD));
  const { queue } = stubQueue(status);
  expect(await requestFitIfDue(learnerId, { timeZone, db, queue, minReviews: THRESHOLD })).toBe(true);
  await queue.idle();
  return learnerId;
}

describe("fitting a learner's schedule in the background", () => {
  it("asks for a fit at the threshold, not below, and not again until the reviews grow", async () => {
    const learnerId = (await db.learner.create({ data: {} })).id;
    const { queue, calls } = stubQueue();
    const requestIds = await rateNewCards(learnerId, cardIds.slice(0, THRESHOLD));
    // The latest rating undone: THRESHOLD - 1 reviews count.
    await undoRating(learnerId, requestIds.at(-1) as string, db);
    expect(await requestFitIfDue(learnerId, { timeZone, db, queue, minReviews: THRESHOLD })).toBe(false);
    await queue.idle();
    expect(calls).toHaveLength(0);
    expect(await db.fsrsFit.count({ where: { learnerId } })).toBe(0);

    await rateNewCards(learnerId, [cardIds[THRESHOLD] as string]);
    expect(await requestFitIfDue(learnerId, { timeZone, db, queue, minReviews: THRESHOLD })).toBe(true);
    // Requested, not run: the caller has its answer before any fitting starts.
    expect(calls).toHaveLength(0);
    await queue.idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.timeZone).toBe(timeZone);
    expect(calls[0]?.reviews).toHaveLength(THRESHOLD);

    const fit = await db.fsrsFit.findUniqueOrThrow({ where: { learnerId } });
    expect(JSON.parse(fit.parameters)).toEqual(FITTED);
    expect(fit).toMatchObject({ reviews: THRESHOLD, logLoss: 0.3, defaultLogLoss: 0.4 });
    const effect = parseStoredEffect(fit.effect);
    expect(effect?.yours.map((e) => e.desiredRetention)).toEqual([...EFFECT_RETENTIONS]);
    expect(effect?.defaults).toHaveLength(EFFECT_RETENTIONS.length);
    expect(effect?.cards).toBe(getDeck().length);

    // The next fit waits for the reviews to grow by a fifth: 6 of 5.
    expect(await requestFitIfDue(learnerId, { timeZone, db, queue, minReviews: THRESHOLD })).toBe(false);
    await rateNewCards(learnerId, [cardIds[THRESHOLD + 1] as string]);
    expect(await requestFitIfDue(learnerId, { timeZone, db, queue, minReviews: THRESHOLD })).toBe(true);
    await queue.idle();
    expect((await db.fsrsFit.findUniqueOrThrow({ where: { learnerId } })).reviews).toBe(THRESHOLD + 1);
  });

  it("schedules the learner's later ratings and previews with the fitted parameters", async () => {
    const fitted = await fittedLearner();
    const plain = (await db.learner.create({ data: {} })).id;
    expect((await loadDrillContext(fitted, db)).parameters).toEqual(FITTED);
    expect((await loadDrillContext(plain, db)).parameters).toBeNull();

    const now = new Date();
    const cardId = cardIds[THRESHOLD] as string;
    const view = (learnerId: string) => getDrillState(learnerId, { timeZone, now, preferCardId: cardId }, db);
    const fittedView = await view(fitted);
    const plainView = await view(plain);
    expect([fittedView.current?.id, plainView.current?.id]).toEqual([cardId, cardId]);
    expect(fittedView.current?.intervals[Rating.Easy]).toBe("20d");
    expect(plainView.current?.intervals[Rating.Easy]).toBe("8d");

    const rate = (learnerId: string) =>
      rateCard(learnerId, { cardId, rating: Rating.Easy, requestId: randomUUID(), version: 0 }, db, now);
    const days = async (learnerId: string) =>
      ((await rate(learnerId)).due.getTime() - now.getTime()) / 86_400_000;
    expect(await days(fitted)).toBe(20);
    expect(await days(plain)).toBe(8);
  });

  it("keeps the defaults when the fit predicts no better, and says so", async () => {
    const learnerId = await fittedLearner("no-better", { desiredRetention: 0.87 });
    expect(JSON.parse((await db.fsrsFit.findUniqueOrThrow({ where: { learnerId } })).parameters)).toEqual([
      ...default_w,
    ]);
    const summary = await getScheduleSummary(
      learnerId,
      { cards: 170, newCardsPerDay: 20, desiredRetention: 0.87 },
      db,
    );
    expect(summary.status).toBe("kept-defaults");
    // The learner's own retention is among those estimated.
    expect(summary.status !== "not-yet" && summary.effect?.yours.desiredRetention).toBe(0.87);
  });

  it("summarizes a fitted schedule and a learner still short of the threshold", async () => {
    const learnerId = await fittedLearner();
    const deck = { cards: getDeck().length, newCardsPerDay: 20, desiredRetention: 0.9 };
    const summary = await getScheduleSummary(learnerId, deck, db);
    expect(summary).toMatchObject({
      status: "fitted",
      reviews: THRESHOLD,
      logLoss: 0.3,
      defaultLogLoss: 0.4,
    });
    if (summary.status === "not-yet" || !summary.effect) throw new Error("expected a fitted summary");
    expect(summary.effect.yours.desiredRetention).toBe(0.9);
    // Longer-lasting first answers: fewer reviews a day than the defaults predict.
    expect(summary.effect.yours.reviewsPerDay).toBeLessThan(summary.effect.defaults.reviewsPerDay);

    const newcomer = (await db.learner.create({ data: {} })).id;
    await rateNewCards(newcomer, cardIds.slice(0, 2));
    const early = await getScheduleSummary(newcomer, deck, db);
    expect(early).toMatchObject({ status: "not-yet", reviews: 2, needed: 1000 });
  });
});

describe("a learner's fit as data", () => {
  it("is in the export, as JSON", async () => {
    const learnerId = await fittedLearner();
    const data = await exportLearnerData(db, learnerId);
    expect(data?.fsrsFit).toMatchObject({ parameters: FITTED, reviews: THRESHOLD, logLoss: 0.3 });
    expect(data?.fsrsFit).not.toHaveProperty("learnerId");
    const none = await exportLearnerData(db, (await db.learner.create({ data: {} })).id);
    expect(none?.fsrsFit).toBeNull();
  });

  it("goes with the learner", async () => {
    const learnerId = await fittedLearner();
    await deleteLearnerData(db, { id: learnerId, userId: null });
    expect(await db.fsrsFit.count({ where: { learnerId } })).toBe(0);
  });

  it("on a guest's merge, the account's fit stays and the guest's is not carried", async () => {
    const merge = async (accountHasFit: boolean) => {
      const user = await db.user.create({
        data: { id: randomUUID(), name: "fit", email: `${randomUUID()}@example.com` },
      });
      const account = accountHasFit
        ? await fittedLearner("fitted", { userId: user.id })
        : (await db.learner.create({ data: { userId: user.id } })).id;
      const guestToken = randomUUID().replaceAll("-", "").padEnd(43, "g");
      const guest = await fittedLearner("no-better", { guestToken });
      const accountFit = await db.fsrsFit.findUnique({ where: { learnerId: account } });
      await mergeGuestIntoUser(db, guestToken, user.id);
      expect(await db.fsrsFit.count({ where: { learnerId: guest } })).toBe(0);
      return { account, accountFit, after: await db.fsrsFit.findUnique({ where: { learnerId: account } }) };
    };
    const withFit = await merge(true);
    expect(withFit.after).toEqual(withFit.accountFit);
    expect((await merge(false)).after).toBeNull();
  });
});
