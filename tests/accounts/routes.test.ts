import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requestScope } from "../next-headers";
import { actAsGuest, createTestApp } from "../test-app";
import { makeGuestToken, seedLearner, seedUser } from "./test-db";

// The route handlers run for real against a temporary database; only "who is asking" is stubbed.
// Same-origin checks compare with APP_ORIGIN (read once, when lib/env.server is first imported).
process.env.APP_ORIGIN = "http://127.0.0.1:3999";
const app = createTestApp({ stubLearner: true });

const { dayKey } = await import("@/lib/time/days");
const exportRoute = await import("@/app/api/account/export/route");
const deleteRoute = await import("@/app/api/account/delete/route");

let alice: { learnerId: string; userId: string; submissionId: string };
let bob: { learnerId: string; userId: string; submissionId: string };

async function seedAccount(email: string) {
  const user = await seedUser(app.db, email);
  await app.db.session.create({
    data: {
      id: `s-${email}`,
      token: `t-${email}`,
      userId: user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await app.db.account.create({
    data: {
      id: `a-${email}`,
      accountId: user.id,
      providerId: "credential",
      userId: user.id,
      password: "salt:hash",
    },
  });
  const learner = await seedLearner(app.db, {
    userId: user.id,
    reads: [["adam", new Date()]],
    submissions: [["adam", "passed", new Date()]],
    cards: [{ cardId: "adam", reps: 1, lastReview: new Date() }],
    reviews: [["adam", new Date()]],
  });
  const submission = await app.db.submission.findFirstOrThrow({ where: { learnerId: learner.id } });
  return { learnerId: learner.id, userId: user.id, submissionId: submission.id };
}

function actAs(who: { learnerId: string; userId: string }) {
  app.learner = { id: who.learnerId, userId: who.userId, isGuest: false, stored: true };
}

const ORIGIN = "http://127.0.0.1:3999";
function deleteRequest(body: unknown, origin = ORIGIN) {
  return new Request(`${ORIGIN}/api/account/delete`, {
    method: "POST",
    headers: { host: "127.0.0.1:3999", origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  alice = await seedAccount("alice@example.com");
  bob = await seedAccount("bob@example.com");
});

describe("account routes", () => {
  it("exports exactly the current learner's data as a JSON attachment, without secrets", async () => {
    actAs(alice);
    await app.db.solutionReveal.create({
      data: { learnerId: alice.learnerId, exerciseSlug: "adam", failedAttempts: 3 },
    });
    await app.db.solutionReveal.create({
      data: { learnerId: bob.learnerId, exerciseSlug: "momentum", failedAttempts: 4 },
    });
    // The file name carries the learner's local date (UTC+14 is a day ahead of UTC most of the day).
    requestScope.cookies.set("descent_tz", "Pacific/Kiritimati");
    const response = await exportRoute.GET();
    requestScope.cookies.delete("descent_tz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="descent-export-${dayKey(new Date(), "Pacific/Kiritimati")}.json"`,
    );
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.learner.id).toBe(alice.learnerId);
    expect(data.account.email).toBe("alice@example.com");
    expect(data.lessonReads).toHaveLength(1);
    expect(data.submissions.map((s: { id: string }) => s.id)).toEqual([alice.submissionId]);
    expect(data.submissions[0]).toMatchObject({ verdict: "passed", results: { verdict: "passed" } });
    expect(data.cardStates).toHaveLength(1);
    expect(data.reviewLogs).toHaveLength(1);
    // The reference solutions asked for before a pass: when, and after how many failed attempts.
    expect(data.solutionReveals).toEqual([
      { id: expect.any(String), exerciseSlug: "adam", failedAttempts: 3, revealedAt: expect.any(String) },
    ]);
    expect(text).not.toContain(bob.learnerId);
    expect(text).not.toContain("salt:hash");
    expect(text).not.toContain("t-alice");
  });

  it("refuses deletion from another site or without the confirmation phrase", async () => {
    actAs(alice);
    expect(
      (await deleteRoute.POST(deleteRequest({ confirm: "delete my data" }, "https://evil.example"))).status,
    ).toBe(403);
    const unconfirmed = await deleteRoute.POST(deleteRequest({ confirm: "yes" }));
    expect(unconfirmed.status).toBe(400);
    expect(((await unconfirmed.json()) as { error: string }).error).toMatch(/delete my data/);
    expect(await app.db.user.count({ where: { id: alice.userId } })).toBe(1);
  });

  it("deletes the account and everything in it, and nothing of anyone else", async () => {
    actAs(alice);
    requestScope.cookies.set("descent_guest", makeGuestToken("alice"));
    const response = await deleteRoute.POST(deleteRequest({ confirm: "delete my data" }));
    expect(response.status).toBe(200);
    const where = { learnerId: alice.learnerId };
    expect(await app.db.user.count({ where: { id: alice.userId } })).toBe(0);
    expect(await app.db.session.count({ where: { userId: alice.userId } })).toBe(0);
    expect(await app.db.account.count({ where: { userId: alice.userId } })).toBe(0);
    expect(await app.db.learner.count({ where: { id: alice.learnerId } })).toBe(0);
    expect(await app.db.lessonRead.count({ where })).toBe(0);
    expect(await app.db.submission.count({ where })).toBe(0);
    expect(await app.db.cardState.count({ where })).toBe(0);
    expect(await app.db.reviewLog.count({ where })).toBe(0);
    expect(requestScope.cookies.get("descent_guest")).toBe("");
    expect(requestScope.cookieOptions.get("descent_guest")).toMatchObject({ maxAge: 0, path: "/" });
    expect(await app.db.submission.count({ where: { learnerId: bob.learnerId } })).toBe(1);
    expect(await app.db.user.count({ where: { id: bob.userId } })).toBe(1);
  });

  it("deletes a guest's learner and its progress", async () => {
    const guest = await seedLearner(app.db, {
      guestToken: makeGuestToken("guest-del"),
      reads: [["adam", new Date()]],
      submissions: [["adam", "failed", new Date()]],
    });
    actAsGuest(app, guest.id);
    expect((await deleteRoute.POST(deleteRequest({ confirm: "delete my data" }))).status).toBe(200);
    expect(await app.db.learner.count({ where: { id: guest.id } })).toBe(0);
    expect(await app.db.submission.count({ where: { learnerId: guest.id } })).toBe(0);
  });
});

const submissionRoute = path.resolve("app/api/submissions/[id]/route.ts");
describe.skipIf(!existsSync(submissionRoute))("GET /api/submissions/[id] (when present)", () => {
  it("answers 404 for another learner's submission id and 200 for one's own", async () => {
    const route = (await import(/* @vite-ignore */ submissionRoute)) as {
      GET: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
    };
    actAs(bob);
    const request = () => new Request(`${ORIGIN}/api/submissions/x`);
    const other = await seedLearner(app.db, {
      guestToken: makeGuestToken("someone"),
      submissions: [["adam", "passed", new Date()]],
    });
    const otherId = (await app.db.submission.findFirstOrThrow({ where: { learnerId: other.id } })).id;
    expect((await route.GET(request(), { params: Promise.resolve({ id: otherId }) })).status).toBe(404);
    expect((await route.GET(request(), { params: Promise.resolve({ id: bob.submissionId }) })).status).toBe(
      200,
    );
  });
});
