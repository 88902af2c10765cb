import { describe, expect, it } from "vitest";
import { makeGuestToken, seedUser } from "../accounts/test-db";
import { createTestApp } from "../test-app";

// A learner's own cards, suspensions and drill settings belong to the learner: exported with the
// account, moved by a guest merge, deleted with the learner.
const app = createTestApp();
const { exportLearnerData, deleteLearnerData } = await import("@/lib/progress/export.server");
const { mergeGuestIntoUser } = await import("@/lib/progress/merge.server");
const { createOwnCard, setCardAction, saveDrillSettings, loadDrillContext } = await import(
  "@/lib/progress/learner-deck.server"
);

const DECK = { timeZone: "UTC" };

async function seedGuest(name: string) {
  const token = makeGuestToken(name);
  const learner = await app.db.learner.create({ data: { guestToken: token } });
  return { token, id: learner.id };
}

describe("own cards, suspensions and settings in the learner's data", () => {
  it("are in the export", async () => {
    const { id } = await seedGuest("export-deck");
    const card = await createOwnCard(
      id,
      { front: "What is $\\beta_1$?", back: "Adam's **momentum**", topic: "adam" },
      app.db,
    );
    await setCardAction(id, "adam-update", "suspend", DECK, app.db);
    await saveDrillSettings(id, { newCardsPerDay: 7, desiredRetention: 0.85 }, app.db);
    const data = await exportLearnerData(app.db, id);
    expect(data?.learner).toMatchObject({ newCardsPerDay: 7, desiredRetention: 0.85 });
    expect(data?.ownCards).toEqual([
      expect.objectContaining({
        id: card.id,
        topic: "adam",
        front: "What is $\\beta_1$?",
        back: "Adam's **momentum**",
      }),
    ]);
    expect(data?.ownCards[0]?.frontHtml).toContain('class="katex"');
    expect(data?.cardStates).toEqual([
      expect.objectContaining({ cardId: "adam-update", suspended: true, reps: 0 }),
    ]);
  });

  it("move into the account at sign-in: own cards join, a suspension on either side stays, unset settings come over", async () => {
    const user = await seedUser(app.db, "deck@example.com");
    const account = await app.db.learner.create({ data: { userId: user.id, desiredRetention: 0.8 } });
    await createOwnCard(account.id, { front: "Account card", back: "kept", topic: "own" }, app.db);
    const guest = await seedGuest("merge-deck");
    await createOwnCard(guest.id, { front: "Guest card", back: "moved", topic: "own" }, app.db);
    await setCardAction(guest.id, "adam-update", "suspend", DECK, app.db);
    await setCardAction(account.id, "adam-update", "bury", DECK, app.db);
    await saveDrillSettings(guest.id, { newCardsPerDay: 5, desiredRetention: 0.95 }, app.db);

    await mergeGuestIntoUser(app.db, guest.token, user.id);

    const context = await loadDrillContext(account.id, app.db);
    expect(context.deck.slice(0, 2).map((card) => card.front)).toEqual(["Account card", "Guest card"]);
    expect(context.settings).toEqual({ newCardsPerDay: 5, desiredRetention: 0.8 });
    const state = await app.db.cardState.findUniqueOrThrow({
      where: { learnerId_cardId: { learnerId: account.id, cardId: "adam-update" } },
    });
    expect(state.suspended).toBe(true);
    expect(await app.db.ownCard.count({ where: { learnerId: guest.id } })).toBe(0);
  });

  it("go with the learner, and deletion counts them", async () => {
    const { id } = await seedGuest("delete-deck");
    await createOwnCard(id, { front: "Doomed card", back: "gone", topic: "own" }, app.db);
    await setCardAction(id, "adam-update", "suspend", DECK, app.db);
    const deleted = await deleteLearnerData(app.db, { id, userId: null });
    expect(deleted).toMatchObject({ ownCards: 1, cards: 1 });
    expect(await app.db.ownCard.count({ where: { learnerId: id } })).toBe(0);
  });
});
