// The card browser's routes (own cards, suspend and bury, settings), run for real against a
// temporary database and the real deck; Next's request scope is tests/next-headers.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DrillStateSchema } from "@/lib/cards/domain-schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requestScope } from "../next-headers";
import { createTestDatabase } from "../test-db";

const ORIGIN = "http://127.0.0.1:3999";
const state = vi.hoisted(() => {
  process.env.APP_ORIGIN = "http://127.0.0.1:3999";
  process.env.DESCENT_PEER_HEADER = "1";
  return { db: null as unknown as PrismaClient };
});
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/account-learner.server", () => ({ getAccountLearner: async () => null }));

const queueRoute = await import("@/app/api/cards/queue/route");
const ownRoute = await import("@/app/api/cards/own/route");
const ownCardRoute = await import("@/app/api/cards/own/[id]/route");
const manageRoute = await import("@/app/api/cards/manage/route");
const settingsRoute = await import("@/app/api/cards/settings/route");
const { DECK_LIMITS } = await import("@/lib/cards/limits.server");

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup());

let peer = 0;
beforeEach(() => {
  // A fresh client and guest per test: limits and learners do not leak between tests.
  requestScope.reset();
  requestScope.headers.set("x-descent-peer", `10.0.1.${++peer}`);
});

/** Sends a request with the browser's guest cookie, keeping the cookie the route sets. */
async function send(
  handler: (request: Request, context: never) => Promise<Response>,
  path: string,
  init: { method?: string; body?: unknown; params?: object } = {},
) {
  const request = new Request(`${ORIGIN}${path}`, {
    method: init.method ?? "POST",
    headers: { origin: ORIGIN, "content-type": "application/json", "x-descent-peer": `10.0.1.${peer}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) } as never);
}
const drill = async () =>
  DrillStateSchema.parse(await (await queueRoute.GET(new Request(`${ORIGIN}/api/cards/queue`))).json());

describe("own cards", () => {
  it("are stored rendered, drilled first, and deleted with their schedule", async () => {
    const created = await send(ownRoute.POST, "/api/cards/own", {
      body: {
        front: "Why does Adam need $\\hat m_t$?",
        back: "- **bias** correction\n- early steps",
        topic: "adam",
      },
    });
    expect(created.status).toBe(201);
    const { card } = (await created.json()) as { card: { id: string; frontHtml: string; backHtml: string } };
    expect(card.id).toMatch(/^own-/);
    expect(card.frontHtml).toContain('class="katex"');
    expect(card.backHtml).toContain("<ul><li><strong>bias</strong> correction</li>");

    const first = await drill();
    expect(first.current).toMatchObject({ id: card.id, topic: "adam", reason: "new" });
    expect(first.current?.frontHtml).toBe(card.frontHtml);

    const deleted = await send(ownCardRoute.DELETE, `/api/cards/own/${card.id}`, {
      method: "DELETE",
      params: { id: card.id },
    });
    expect(deleted.status).toBe(200);
    expect((await drill()).current?.id).not.toBe(card.id);
    const again = await send(ownCardRoute.DELETE, `/api/cards/own/${card.id}`, {
      method: "DELETE",
      params: { id: card.id },
    });
    expect(again.status).toBe(404);
  });

  it("answer 400 naming the side for TeX KaTeX cannot render, a topic of no card file, or text too long", async () => {
    const stored = await state.db.ownCard.count();
    const badTex = await send(ownRoute.POST, "/api/cards/own", {
      body: { front: "What is $\\frac{1}{$?", back: "ok" },
    });
    expect(badTex.status).toBe(400);
    expect(((await badTex.json()) as { error: string }).error).toMatch(
      /^The front of your card cannot be rendered: KaTeX/,
    );
    const topic = await send(ownRoute.POST, "/api/cards/own", {
      body: { front: "Question", back: "ok", topic: "nope" },
    });
    expect(topic.status).toBe(400);
    expect(((await topic.json()) as { error: string }).error).toMatch(/^Unknown topic "nope"/);
    const long = await send(ownRoute.POST, "/api/cards/own", {
      body: { front: "Question", back: "x".repeat(4001) },
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: string }).error).toMatch(/^Invalid request: back:/);
    expect(await state.db.ownCard.count()).toBe(stored);
  });

  it("are limited per learner (429 with Retry-After)", async () => {
    const body = { front: "Question", back: "Answer" };
    let last: Response | null = null;
    for (let i = 0; i <= DECK_LIMITS.deckWritesPerLearner.points; i++)
      last = await send(ownRoute.POST, "/api/cards/own", { body });
    expect(last?.status).toBe(429);
    expect(last?.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("suspend and bury", () => {
  it("take a card out of the drill until undone, and 404 a card the deck does not have", async () => {
    const head = (await drill()).current;
    expect(head?.reason).toBe("new");
    const suspended = await send(manageRoute.POST, "/api/cards/manage", {
      body: { cardId: head?.id, action: "suspend" },
    });
    expect(suspended.status).toBe(200);
    const after = await drill();
    expect(after.current?.id).not.toBe(head?.id);
    // The next new card takes its place: the day's count of new cards is unchanged.
    expect(after.remaining.new).toBe(20);

    await send(manageRoute.POST, "/api/cards/manage", { body: { cardId: head?.id, action: "unsuspend" } });
    expect((await drill()).current?.id).toBe(head?.id);
    await send(manageRoute.POST, "/api/cards/manage", { body: { cardId: head?.id, action: "bury" } });
    expect((await drill()).current?.id).not.toBe(head?.id);

    const unknown = await send(manageRoute.POST, "/api/cards/manage", {
      body: { cardId: "no-such-card", action: "bury" },
    });
    expect(unknown.status).toBe(404);
    const badAction = await send(manageRoute.POST, "/api/cards/manage", {
      body: { cardId: head?.id, action: "delete" },
    });
    expect(badAction.status).toBe(400);
  });
});

describe("settings", () => {
  it("set the day's new cards, and refuse values out of range", async () => {
    const saved = await send(settingsRoute.POST, "/api/cards/settings", {
      body: { newCardsPerDay: 3, desiredRetention: 0.95 },
    });
    expect(saved.status).toBe(200);
    expect((await drill()).remaining.new).toBe(3);
    for (const body of [
      { newCardsPerDay: 201, desiredRetention: 0.9 },
      { newCardsPerDay: 2.5, desiredRetention: 0.9 },
      { newCardsPerDay: 10, desiredRetention: 0.99 },
    ]) {
      expect((await send(settingsRoute.POST, "/api/cards/settings", { body })).status).toBe(400);
    }
  });
});
