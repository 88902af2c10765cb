import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getCardIdsForMistake } from "@/lib/cards/deck";
import { DrillStateSchema } from "@/lib/cards/domain-schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDueCounts } from "@/lib/progress/learner-deck.server";
import {
  getDrillState,
  getQueue,
  getReviewHistory,
  queueCardsForMistake,
  type RateRequest,
  rateCard,
  StaleCardError,
  undoRating,
} from "@/lib/progress/reviews.server";
import { createTestDatabase } from "../test-db";

let db: PrismaClient;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
});
afterAll(async () => {
  await cleanup();
});

async function newLearner(): Promise<string> {
  return (await db.learner.create({ data: {} })).id;
}

describe("rating a card", () => {
  it("stores one ReviewLog and bumps the version in the same transaction", async () => {
    const learnerId = await newLearner();
    const result = await rateCard(
      learnerId,
      { cardId: "adam-update", rating: 3, requestId: randomUUID(), version: 0 },
      db,
    );
    expect(result).toMatchObject({ duplicate: false, cardId: "adam-update", version: 1 });
    const state = await db.cardState.findUniqueOrThrow({
      where: { learnerId_cardId: { learnerId, cardId: "adam-update" } },
    });
    expect(state.version).toBe(1);
    expect(state.reps).toBe(1);
    expect(await db.reviewLog.count({ where: { learnerId } })).toBe(1);
  });

  it("counts a double submit (same requestId) once and returns the original result", async () => {
    const learnerId = await newLearner();
    const request: RateRequest = { cardId: "why-warmup", rating: 3, requestId: randomUUID(), version: 0 };
    const [a, b] = await Promise.all([rateCard(learnerId, request, db), rateCard(learnerId, request, db)]);
    const again = await rateCard(learnerId, request, db);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(again).toMatchObject({ duplicate: true, version: 1 });
    expect(await db.reviewLog.count({ where: { learnerId } })).toBe(1);
    const state = await db.cardState.findFirstOrThrow({ where: { learnerId } });
    expect(state.reps).toBe(1);
  });

  it("answers a second tab's stale version with StaleCardError carrying the fresh card, counting nothing", async () => {
    const learnerId = await newLearner();
    await rateCard(learnerId, { cardId: "zero-stages", rating: 3, requestId: randomUUID(), version: 0 }, db);
    const stale = rateCard(
      learnerId,
      { cardId: "zero-stages", rating: 1, requestId: randomUUID(), version: 0 },
      db,
    );
    await expect(stale).rejects.toBeInstanceOf(StaleCardError);
    const error = (await stale.catch((e: unknown) => e)) as StaleCardError;
    expect(error.card?.version).toBe(1);
    expect(await db.reviewLog.count({ where: { learnerId } })).toBe(1);
  });

  it("lets exactly one of two tabs win a concurrent first rating", async () => {
    const learnerId = await newLearner();
    const results = await Promise.allSettled([
      rateCard(learnerId, { cardId: "lion-why", rating: 3, requestId: randomUUID(), version: 0 }, db),
      rateCard(learnerId, { cardId: "lion-why", rating: 4, requestId: randomUUID(), version: 0 }, db),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser?.status === "rejected" && loser.reason).toBeInstanceOf(StaleCardError);
    expect(await db.reviewLog.count({ where: { learnerId } })).toBe(1);
    expect((await db.cardState.findFirstOrThrow({ where: { learnerId } })).version).toBe(1);
  });

  it("rejects an unknown card and another learner's requestId", async () => {
    const learnerId = await newLearner();
    const other = await newLearner();
    await expect(
      rateCard(learnerId, { cardId: "no-such-card", rating: 3, requestId: randomUUID(), version: 0 }, db),
    ).rejects.toMatchObject({ kind: "not-found" });
    const requestId = randomUUID();
    await rateCard(other, { cardId: "adam-update", rating: 3, requestId, version: 0 }, db);
    await expect(
      rateCard(learnerId, { cardId: "adam-update", rating: 3, requestId, version: 0 }, db),
    ).rejects.toMatchObject({ kind: "conflict" });
  });
});

describe("undo", () => {
  it("restores the previous state, marks the log undone, and is idempotent", async () => {
    const learnerId = await newLearner();
    const first = randomUUID();
    const second = randomUUID();
    await rateCard(learnerId, { cardId: "adam-update", rating: 3, requestId: first, version: 0 }, db);
    const before = await db.cardState.findFirstOrThrow({ where: { learnerId } });
    await rateCard(
      learnerId,
      { cardId: "adam-update", rating: 1, requestId: second, version: 1 },
      db,
      new Date(Date.now() + 600_000),
    );
    await expect(undoRating(learnerId, first, db)).rejects.toMatchObject({ kind: "conflict" });
    await undoRating(learnerId, second, db);
    await undoRating(learnerId, second, db);
    const after = await db.cardState.findFirstOrThrow({ where: { learnerId } });
    expect(after.due.getTime()).toBe(before.due.getTime());
    expect(after.stability).toBe(before.stability);
    expect(after.reps).toBe(before.reps);
    expect(after.version).toBe(3);
    expect((await db.reviewLog.findUniqueOrThrow({ where: { requestId: second } })).undone).toBe(true);
    // The undone card comes back first in the drill.
    const drill = await getDrillState(
      learnerId,
      { preferCardId: "adam-update", now: new Date(Date.now() + 86_400_000 * 30), timeZone: "UTC" },
      db,
    );
    expect(drill.undoRequestId).toBe(first);
    // What GET /api/cards/queue sends is what the drill parses (lib/cards/domain.ts).
    const parsed = DrillStateSchema.parse(JSON.parse(JSON.stringify(drill)));
    expect(parsed.current?.id).toBe("adam-update");
    expect(Object.keys(parsed.current?.intervals ?? {})).toEqual(["1", "2", "3", "4"]);
  });

  it("makes a card new again when its first rating is undone: queued and counted as new, not due", async () => {
    const learnerId = await newLearner();
    const now = new Date();
    const before = await getDrillState(learnerId, { now, timeZone: "UTC" }, db);
    const card = before.current;
    expect(card?.reason).toBe("new");
    const requestId = randomUUID();
    await rateCard(learnerId, { cardId: card?.id ?? "", rating: 3, requestId, version: 0 }, db, now);
    await undoRating(learnerId, requestId, db);

    expect(await db.cardState.count({ where: { learnerId } })).toBe(0);
    const after = await getDrillState(learnerId, { now, preferCardId: card?.id, timeZone: "UTC" }, db);
    expect(after.current).toMatchObject({ id: card?.id, reason: "new", version: 0 });
    expect(after.remaining).toEqual(before.remaining);
    expect(await getDueCounts(learnerId, { timeZone: "UTC", now }, db)).toEqual({
      now: 0,
      mistake: 0,
      laterToday: 0,
    });

    // Rated again from the new card's view (version 0): one state, one live rating.
    await rateCard(
      learnerId,
      { cardId: card?.id ?? "", rating: 3, requestId: randomUUID(), version: 0 },
      db,
      now,
    );
    expect(await db.cardState.count({ where: { learnerId } })).toBe(1);
    expect(await db.reviewLog.count({ where: { learnerId, undone: false } })).toBe(1);
  });

  it("refuses to undo another learner's rating", async () => {
    const learnerId = await newLearner();
    const other = await newLearner();
    const requestId = randomUUID();
    await rateCard(other, { cardId: "adam-update", rating: 3, requestId, version: 0 }, db);
    await expect(undoRating(learnerId, requestId, db)).rejects.toMatchObject({ kind: "not-found" });
  });
});

describe("the queue against the database", () => {
  it("introduces at most the daily limit of new cards, counting today's first ratings", async () => {
    const learnerId = await newLearner();
    const first = await getQueue(learnerId, { newLimit: 3, timeZone: "UTC" }, db);
    expect(first.map((e) => e.reason)).toEqual(["new", "new", "new"]);
    const head = first[0]?.cardId as string;
    await rateCard(learnerId, { cardId: head, rating: 4, requestId: randomUUID(), version: 0 }, db);
    const next = await getQueue(learnerId, { newLimit: 3, timeZone: "UTC" }, db);
    expect(next).toHaveLength(2);
    expect(next.map((e) => e.cardId)).not.toContain(head);
  });

  it("resets the new-card limit at the learner's local midnight, not UTC midnight", async () => {
    const LA = "America/Los_Angeles"; // PDT in March 2026, UTC−7
    const learnerId = await newLearner();
    const rate = (cardId: string, now: Date) =>
      rateCard(learnerId, { cardId, rating: 3, requestId: randomUUID(), version: 0 }, db, now);
    const queueAt = (now: string, timeZone: string) =>
      getQueue(learnerId, { newLimit: 2, now: new Date(now), timeZone }, db);
    const newCards = async (now: string, timeZone: string) =>
      (await queueAt(now, timeZone)).filter((e) => e.reason === "new").length;

    const [a, b] = (await queueAt("2026-03-10T16:00:00Z", LA)).map((e) => e.cardId);
    await rate(a as string, new Date("2026-03-10T16:00:00Z")); // 09:00 on March 10, local
    // 18:00 local, 01:00 UTC on March 11: still March 10 for the learner, one new card left.
    expect(await newCards("2026-03-11T01:00:00Z", LA)).toBe(1);
    // The old UTC day reset the limit at 17:00 local (here: 18:00).
    expect(await newCards("2026-03-11T01:00:00Z", "UTC")).toBe(2);
    await rate(b as string, new Date("2026-03-11T06:30:00Z")); // 23:30 on March 10, local
    expect(await newCards("2026-03-11T06:59:59Z", LA)).toBe(0);
    // Local midnight: a fresh day's limit.
    expect(await newCards("2026-03-11T07:00:00Z", LA)).toBe(2);
    // In UTC the 23:30-local card counts against March 11.
    expect(await newCards("2026-03-11T07:00:00Z", "UTC")).toBe(1);
  });

  it("counts cards due later in the learner's local day apart from those due now", async () => {
    const LA = "America/Los_Angeles";
    const learnerId = await newLearner();
    const dues = {
      late: new Date("2026-03-10T06:30:00Z"), // 23:30 on March 9, local
      tomorrow: new Date("2026-03-10T07:30:00Z"), // 00:30 on March 10, local
    };
    await db.cardState.createMany({
      data: Object.entries(dues).map(([cardId, due]) => ({
        learnerId,
        cardId,
        due,
        state: 2,
        stability: 5,
        difficulty: 5,
        elapsedDays: 3,
        scheduledDays: 5,
        reps: 2,
        lapses: 0,
      })),
    });
    const now = new Date("2026-03-10T02:00:00Z"); // 19:00 on March 9, local
    const deck = [{ id: "late" }, { id: "tomorrow" }];
    expect(await getDueCounts(learnerId, { now, timeZone: LA, deck }, db)).toEqual({
      now: 0,
      mistake: 0,
      laterToday: 1,
    });
    expect(await getDueCounts(learnerId, { now, timeZone: "UTC", deck }, db)).toEqual({
      now: 0,
      mistake: 0,
      laterToday: 2,
    });
    // A card the learner's deck does not have is never due.
    expect(await getDueCounts(learnerId, { now, timeZone: "UTC", deck: [{ id: "late" }] }, db)).toEqual({
      now: 0,
      mistake: 0,
      laterToday: 1,
    });
  });

  it("queues cards for a mistake, due now, idempotently, ahead of new cards", async () => {
    const learnerId = await newLearner();
    const ids = await queueCardsForMistake(learnerId, "missing-bias-correction", db);
    expect(ids.sort()).toEqual(getCardIdsForMistake("missing-bias-correction").sort());
    expect(await queueCardsForMistake(learnerId, "missing-bias-correction", db)).toEqual([]);
    expect(await db.cardState.count({ where: { learnerId, origin: "mistake" } })).toBe(ids.length);
    const queue = await getQueue(learnerId, { newLimit: 0, timeZone: "UTC" }, db);
    expect(queue.map((e) => e.reason)).toEqual(ids.map(() => "mistake"));
    expect(await getDueCounts(learnerId, { timeZone: "UTC" }, db)).toEqual({
      now: ids.length,
      mistake: ids.length,
      laterToday: 0,
    });
  });
});

describe("cards the deck no longer has", () => {
  it("leave the stats' card states (a merged or retired card is history, not a card to count)", async () => {
    const learnerId = await newLearner();
    for (const cardId of ["adam-update", "why-warmup"]) {
      await rateCard(learnerId, { cardId, rating: 3, requestId: randomUUID(), version: 0 }, db);
    }
    const since = new Date(Date.now() - 86_400_000);
    expect((await getReviewHistory(learnerId, since, db)).states).toHaveLength(2);
    const { logs, states } = await getReviewHistory(learnerId, since, db, ["adam-update"]);
    expect(states).toHaveLength(1);
    expect(logs).toHaveLength(2);
  });
});
