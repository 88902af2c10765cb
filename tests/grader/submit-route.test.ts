import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, makeGuestToken } from "../accounts/test-db";

// Fair grading through the real submit route, the real pool and a real temporary database: only
// "who is asking" is stubbed, per request (AsyncLocalStorage), so that requests can overlap.
type Learner = { id: string; userId: string | null; isGuest: boolean; stored: boolean };
const state = vi.hoisted(() => ({
  db: null as unknown as PrismaClient,
  who: null as unknown as { getStore(): Learner | undefined },
}));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/learner.server", () => ({
  getCurrentLearner: async () => state.who.getStore(),
  getOrCreateLearner: async () => state.who.getStore(),
  requireLearner: async () => state.who.getStore(),
}));

const submissionsRoute = await import("@/app/api/exercises/[slug]/submissions/route");
const queueRoute = await import("@/app/api/grader/queue/route");
const { stopGraderProcesses } = await import("@/lib/grader/pool");
const { getAppOrigins } = await import("@/lib/http/route.server");
const { newTicket, TICKET_HEADER } = await import("@/lib/grader/queue-ticket");

const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const endless = solution.replace("const v = state.velocity;", "for (;;) {}\n  const v = state.velocity;");
const store = new AsyncLocalStorage<Learner>();
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
  state.who = store;
  // One process, no reserved one: the queue is easy to reason about.
  stopGraderProcesses();
  vi.stubEnv("GRADER_PROCESSES", "1");
  vi.stubEnv("GRADER_QUIET_PROCESSES", "0");
});
afterAll(async () => {
  stopGraderProcesses();
  vi.unstubAllEnvs();
  await cleanup();
});

async function createLearner(name: string): Promise<Learner> {
  const learner = await state.db.learner.create({ data: { guestToken: makeGuestToken(name) } });
  return { id: learner.id, userId: null, isGuest: true, stored: true };
}

function submit(learner: Learner, code: string, signal?: AbortSignal, ticket?: string): Promise<Response> {
  const origin = getAppOrigins()[0] ?? "";
  const request = new Request(`${origin}/api/exercises/momentum/submissions`, {
    method: "POST",
    headers: {
      host: new URL(origin).host,
      origin,
      "content-type": "application/json",
      ...(ticket ? { [TICKET_HEADER]: ticket } : {}),
    },
    body: JSON.stringify({ code }),
    signal,
  });
  return store.run(learner, () =>
    submissionsRoute.POST(request, { params: Promise.resolve({ slug: "momentum" }) }),
  );
}

async function place(learner: Learner, ticket?: string): Promise<unknown> {
  const origin = getAppOrigins()[0] ?? "";
  const url = `${origin}/api/grader/queue${ticket ? `?ticket=${ticket}` : ""}`;
  const response = await store.run(learner, () => queueRoute.GET(new Request(url)));
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response.json();
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("fair grading through the submit route", () => {
  it("409 for a second submission, the place in the queue, and a withdrawn request dropped unstored", async () => {
    const [ann, ben, cat] = await Promise.all([
      createLearner("ann"),
      createLearner("ben"),
      createLearner("cat"),
    ]);
    const annLoop = submit(ann, endless);
    await until(async () => JSON.stringify(await place(ann)) === '{"state":"grading"}', "ann's job to start");

    const again = await submit(ann, solution);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(
      /already have a submission being graded/,
    );

    // Ben's page sends a ticket: it can ask for its place before it has a learner cookie.
    const ticket = newTicket();
    const benPass = submit(ben, solution, undefined, ticket);
    await until(async () => JSON.stringify(await place(ben)) !== '{"state":"none"}', "ben's job to queue");
    expect(await place(ben)).toEqual({ state: "waiting", ahead: 0 });
    const nobody = { id: "", userId: null, isGuest: true, stored: false };
    expect(await place(nobody, ticket)).toEqual({ state: "waiting", ahead: 0 });
    expect(await place(nobody, newTicket())).toEqual({ state: "none" });
    expect(await place(nobody)).toEqual({ state: "none" });

    // Cat's client goes away after 0.3 s while her job waits: it is dropped, never graded or stored.
    const controller = new AbortController();
    const catLoop = submit(cat, endless, controller.signal);
    await until(async () => JSON.stringify(await place(cat)) !== '{"state":"none"}', "cat's job to queue");
    expect(await place(cat)).toEqual({ state: "waiting", ahead: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    expect((await catLoop).status).toBe(499);
    expect(await place(cat)).toEqual({ state: "none" });
    expect(await place(nobody, ticket)).toEqual({ state: "waiting", ahead: 0 });

    const annResponse = await annLoop;
    expect(annResponse.status).toBe(200);
    expect(((await annResponse.json()) as { result: { verdict: string } }).result.verdict).toBe("timeout");
    const benResponse = await benPass;
    expect(((await benResponse.json()) as { result: { verdict: string } }).result.verdict).toBe("passed");
    expect(await place(nobody, ticket)).toEqual({ state: "none" });

    const stored = await state.db.submission.groupBy({ by: ["learnerId"], _count: true });
    const count = (l: Learner) => stored.find((row) => row.learnerId === l.id)?._count ?? 0;
    expect([count(ann), count(ben), count(cat)]).toEqual([1, 1, 0]);
    // Ann may submit again once her result is in.
    expect((await submit(ann, solution)).status).toBe(200);
  }, 60_000);
});
