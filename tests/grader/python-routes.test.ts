import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPythonSandboxStatus } from "@/lib/sandbox/python";
import { createTestDatabase, makeGuestToken } from "../accounts/test-db";

// Python through the real routes, pool and database: Submit stores the language; Run answers the
// visible tests through the same sandbox and queue and stores nothing.
type Learner = { id: string; userId: string | null; isGuest: boolean; stored: boolean };
const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient, learner: null as unknown as Learner }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/learner.server", () => ({
  getCurrentLearner: async () => state.learner,
  getOrCreateLearner: async () => state.learner,
  requireLearner: async () => state.learner,
}));

const submissionsRoute = await import("@/app/api/exercises/[slug]/submissions/route");
const runsRoute = await import("@/app/api/exercises/[slug]/runs/route");
const { stopGraderProcesses } = await import("@/lib/grader/pool");
const { getAppOrigins } = await import("@/lib/http/route.server");

const solution = readFileSync("content/exercises/momentum/solution.py", "utf8");
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
  const row = await state.db.learner.create({ data: { guestToken: makeGuestToken("python") } });
  state.learner = { id: row.id, userId: null, isGuest: true, stored: true };
});
afterAll(async () => {
  stopGraderProcesses();
  await cleanup();
});

function post(path: "submissions" | "runs", body: unknown, slug = "momentum"): Promise<Response> {
  const origin = getAppOrigins()[0] ?? "";
  const request = new Request(`${origin}/api/exercises/${slug}/${path}`, {
    method: "POST",
    headers: { host: new URL(origin).host, origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const route = path === "runs" ? runsRoute : submissionsRoute;
  return route.POST(request, { params: Promise.resolve({ slug }) });
}

describe.skipIf(!getPythonSandboxStatus().available)("Python through the routes", () => {
  it("Submit grades Python on every test and stores its language", async () => {
    const response = await post("submissions", { code: solution, language: "python" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.result.verdict).toBe("passed");
    expect(body.submission.language).toBe("python");
    const row = await state.db.submission.findUniqueOrThrow({ where: { id: body.submission.id } });
    expect(row.language).toBe("python");
  });

  it("Run grades the visible tests only and stores nothing", async () => {
    const before = await state.db.submission.count();
    const response = await post("runs", { code: solution.replace("params -=", "params +="), language: "python" });
    expect(response.status).toBe(200);
    const { result } = await response.json();
    expect(result.verdict).toBe("failed");
    expect(result.tests.map((t: { name: string }) => t.name)).toEqual(["Rosenbrock, 3 steps", "Quadratic, 50 steps"].slice(0, result.tests.length));
    expect(result.tests.some((t: { name: string }) => t.name.startsWith("hidden"))).toBe(false);
    expect(await state.db.submission.count()).toBe(before);
  });

  it("Run refuses an exercise of judgment and an unknown language", async () => {
    expect((await post("runs", { code: "x = 1", language: "python" }, "tune-adam-rosenbrock")).status).toBe(404);
    expect((await post("runs", { code: "x = 1", language: "cobol" })).status).toBe(400);
  });
});
