import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { MAX_CODE_BYTES } from "@/lib/grader/result";
import { requestScope } from "../next-headers";
import { createTestApp } from "../test-app";
import { makeGuestToken } from "./test-db";

// The real learner module and routes over a temporary database; only Next's request scope
// (cookies(), headers()) and the signed-in account (there is none) are stood in for. Probes of
// earlier holes: cookie-less clients got a new learner on every GET and unlimited submissions by
// dropping the cookie.
vi.mock("@/lib/auth/account-learner.server", () => ({ getAccountLearner: async () => null }));
const ORIGIN = "http://127.0.0.1:3999";
process.env.APP_ORIGIN = ORIGIN;
process.env.DESCENT_PEER_HEADER = "1";
const app = createTestApp();

const { GUEST_LIMITS } = await import("@/lib/auth/learner.server");
const { SUBMISSION_LIMITS } = await import("@/lib/grader/submission-limits.server");
const meRoute = await import("@/app/api/me/route");
const readsRoute = await import("@/app/api/lessons/read/route");
const readRoute = await import("@/app/api/lessons/[slug]/read/route");
const queueRoute = await import("@/app/api/cards/queue/route");
const submissionsRoute = await import("@/app/api/exercises/[slug]/submissions/route");
const { stopGraderProcesses } = await import("@/lib/grader/pool");

afterAll(() => stopGraderProcesses());

/** A fresh client with no cookies at this peer address (optionally claiming to be others). */
function asClient(peer: string, cookie?: string, forwardedFor?: string) {
  requestScope.cookies.clear();
  if (cookie) requestScope.cookies.set("descent_guest", cookie);
  requestScope.headers = new Headers({
    "x-descent-peer": peer,
    ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
  });
}

function post(path: string, body: unknown, raw?: string) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      "content-type": "application/json",
      ...Object.fromEntries(requestScope.headers),
    },
    body: raw ?? JSON.stringify(body),
  });
}

const learners = () => app.db.learner.count();

describe("guests are created on a first write only", () => {
  it("answers reads without a cookie with empty progress and creates no learner", async () => {
    for (let i = 0; i < 5; i++) {
      // A cookie-less client, or one with a made-up token of the right shape.
      asClient("198.51.100.1", i % 2 ? makeGuestToken(`made-up-${i}`) : undefined);
      expect(await (await meRoute.GET()).json()).toEqual({ learnerId: null, isGuest: true });
      expect(await (await readsRoute.GET()).json()).toEqual({ lessons: [] });
      const queue = await queueRoute.GET(new Request(`${ORIGIN}/api/cards/queue`));
      expect(queue.status).toBe(200);
      const history = await submissionsRoute.GET(new Request(`${ORIGIN}/api/exercises/adam/submissions`), {
        params: Promise.resolve({ slug: "adam" }),
      });
      expect(await history.json()).toEqual({ submissions: [] });
    }
    expect(await learners()).toBe(0);
  });

  it("creates the guest on the first write, with a fresh token in the cookie (never the client's own)", async () => {
    const madeUp = makeGuestToken("made-up");
    asClient("198.51.100.2", madeUp);
    const response = await readRoute.POST(post("/api/lessons/adam/read", {}), {
      params: Promise.resolve({ slug: "adam" }),
    });
    expect(response.status).toBe(200);
    const token = requestScope.cookies.get("descent_guest");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe(madeUp);
    const learner = await app.db.learner.findUniqueOrThrow({
      where: { guestToken: token },
      include: { lessonReads: true },
    });
    expect(learner.lessonReads.map((read) => read.lessonSlug)).toEqual(["adam"]);
    // The cookie now names that learner, and a second write makes no second learner.
    const me = (await (await meRoute.GET()).json()) as { learnerId: string };
    expect(me.learnerId).toBe(learner.id);
    await readRoute.POST(post("/api/lessons/momentum/read", {}), {
      params: Promise.resolve({ slug: "momentum" }),
    });
    expect(await learners()).toBe(1);
  });

  it("limits new guests per network client: a cookie-less flood of writes gets 429 with Retry-After", async () => {
    const before = await learners();
    const { points } = GUEST_LIMITS.guestsPerClient;
    const statuses: number[] = [];
    for (let i = 0; i < points + 2; i++) {
      // Rotating X-Forwarded-For changes nothing: no proxy is trusted.
      asClient("203.0.113.9", undefined, `192.0.2.${i}`);
      const response = await readRoute.POST(post("/api/lessons/adam/read", {}), {
        params: Promise.resolve({ slug: "adam" }),
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(points).fill(200), 429, 429]);
    expect((await learners()) - before).toBe(points);
    // Another client is not affected.
    asClient("203.0.113.10");
    expect(
      (
        await readRoute.POST(post("/api/lessons/adam/read", {}), {
          params: Promise.resolve({ slug: "adam" }),
        })
      ).status,
    ).toBe(200);
  });
});

describe("submissions from a cookie-less client", () => {
  const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
  const submit = (body: unknown, raw?: string) =>
    submissionsRoute.POST(post("/api/exercises/momentum/submissions", body, raw), {
      params: Promise.resolve({ slug: "momentum" }),
    });

  it("refuses a lone surrogate with 400 before grading, storing or counting anything", async () => {
    asClient("192.0.2.50");
    const before = await learners();
    const raw = JSON.stringify({ code: "x" }).replace('"x"', '"// \\ud800\\n"');
    const response = await submit(null, raw);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/surrogate/);
    expect(await learners()).toBe(before);
    expect(await app.db.submission.count()).toBe(0);
  });

  it("refuses code over the one size limit with 413 before creating a guest or spending a limit point", async () => {
    asClient("192.0.2.50");
    const before = await learners();
    const response = await submit({ code: `// ${"é".repeat(MAX_CODE_BYTES / 2)}\n${solution}` });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { result: { verdict: string } }).result.verdict).toBe("too-large");
    expect(await learners()).toBe(before);
    // The next test submits from the same client: a point spent here would refuse its 6th.
  });

  it("stores at most the limit per minute, however the cookie is dropped: the 7th is refused", async () => {
    const { points } = SUBMISSION_LIMITS.submissionsPerLearner;
    const statuses: number[] = [];
    for (let i = 0; i < points + 1; i++) {
      asClient("192.0.2.50");
      statuses.push((await submit({ code: solution })).status);
    }
    expect(statuses).toEqual([...Array(points).fill(200), 429]);
    expect(await app.db.submission.count()).toBe(points);
  }, 60_000);
});
