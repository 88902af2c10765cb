// The drill's routes with a topic filter, run for real against a temporary database and the real
// deck; Next's request scope is tests/next-headers.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getTopics } from "@/lib/cards/deck";
import { DrillStateSchema } from "@/lib/cards/domain-schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requestScope } from "../next-headers";
import { createTestDatabase } from "../test-db";

const ORIGIN = "http://127.0.0.1:3999";
const state = vi.hoisted(() => {
  // Read once, when lib/env.server is first imported (by the deck, above): set before any import.
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
const rateRoute = await import("@/app/api/cards/rate/route");

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup());
beforeEach(() => {
  requestScope.reset();
  requestScope.headers.set("x-descent-peer", "10.0.0.1");
});

const queue = (query: string) => queueRoute.GET(new Request(`${ORIGIN}/api/cards/queue${query}`));
const rate = (body: unknown) =>
  rateRoute.POST(
    new Request(`${ORIGIN}/api/cards/rate`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", "x-descent-peer": "10.0.0.1" },
      body: JSON.stringify(body),
    }),
  );

describe("the drill's topic filter", () => {
  const topics = getTopics();

  it("serves only the chosen topic's cards, and every topic when the filter is absent or empty", async () => {
    expect(topics.length).toBeGreaterThan(2);
    for (const topic of [topics[0], topics.at(-1)] as string[]) {
      const response = await queue(`?topic=${topic}`);
      expect(response.status).toBe(200);
      const drill = DrillStateSchema.parse(await response.json());
      expect(drill.current?.topic).toBe(topic);
    }
    for (const query of ["", "?topic="]) {
      const response = await queue(query);
      expect(response.status).toBe(200);
      expect(DrillStateSchema.parse(await response.json()).current?.topic).toBe(topics[0]);
    }
  });

  it("answers a topic no card file names with 400 and the list of topics", async () => {
    for (const topic of ["not-a-topic", "ADAM", "adam%00", "x".repeat(500)]) {
      const response = await queue(`?topic=${topic}`);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: string };
      expect(error).toMatch(/^Unknown topic "/);
      expect(error).toContain(topics.join(", "));
      expect(error.length).toBeLessThan(120 + topics.join(", ").length);
    }
  });

  it("refuses a rating with an unknown topic before recording anything", async () => {
    const first = DrillStateSchema.parse(await (await queue("")).json()).current;
    expect(first).not.toBeNull();
    const rating = { cardId: first?.id, rating: 3, requestId: randomUUID(), version: first?.version };
    const refused = await rate({ ...rating, topic: "not-a-topic" });
    expect(refused.status).toBe(400);
    expect(await state.db.reviewLog.count()).toBe(0);

    const accepted = await rate({ ...rating, topic: topics[1] });
    expect(accepted.status).toBe(200);
    const { drill } = (await accepted.json()) as { drill: unknown };
    expect(DrillStateSchema.parse(drill).current?.topic).toBe(topics[1]);
    expect(await state.db.reviewLog.count()).toBe(1);
  });
});
