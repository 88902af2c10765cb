import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../test-app";

// One rule for "due" (lib/cards/due.ts): the drill's header, the dashboard and the stats count the
// same cards, each once.
const app = createTestApp();
const { getDrillState, rateCard, queueCardsNow } = await import("@/lib/progress/reviews.server");
const { getDashboard } = await import("@/lib/progress/dashboard.server");
const { getDueCounts, setCardAction } = await import("@/lib/progress/learner-deck.server");

describe("due now and later today", () => {
  it("are the same numbers in the drill, on the dashboard and in the stats", async () => {
    const learner = await app.db.learner.create({ data: {} });
    // queueCardsNow stamps the real time: run at it, in a zone where it is about noon, so that "later
    // today" (a 10-minute learning step) never crosses midnight.
    const start = new Date();
    const offset = 12 - start.getUTCHours();
    const timeZone = offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
    const rate = (cardId: string, rating: 1 | 3, at: Date) =>
      rateCard(learner.id, { cardId, rating, requestId: randomUUID(), version: 0 }, app.db, at);
    // Rated Again: due again in a minute. Rated Good: due later today (a learning step).
    await rate("adam-update", 1, start);
    await rate("why-warmup", 3, start);
    await rate("l2-vs-decoupled", 1, start);
    await setCardAction(learner.id, "l2-vs-decoupled", "suspend", { timeZone, now: start }, app.db);
    await queueCardsNow(learner.id, ["adam-step-bound"], app.db);
    const now = new Date(start.getTime() + 5 * 60_000);
    const clock = { now, timeZone };

    const counts = await getDueCounts(learner.id, clock, app.db);
    const drill = await getDrillState(learner.id, clock, app.db);
    const catalog = { lessons: [], exerciseTitles: new Map<string, string>() };
    const dashboard = await getDashboard(app.db, learner.id, catalog, clock);

    expect(counts).toEqual({ now: 2, mistake: 1, laterToday: 1 });
    expect(drill.remaining.due + drill.remaining.mistake).toBe(counts.now);
    expect(drill.remaining.mistake).toBe(counts.mistake);
    expect(dashboard.cardsDueNow).toBe(counts.now);
    expect(dashboard.cardsDueLaterToday).toBe(counts.laterToday);
    expect(dashboard.cardsDue).toBe(counts.now + counts.laterToday);
    // The suspended card counts nowhere; the three others once each.
    // The mistake's card did not take a new card's place in the day's 20.
    expect(drill.remaining.new).toBe(20 - 3);
  });
});
