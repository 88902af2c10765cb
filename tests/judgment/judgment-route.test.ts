import { describe, expect, it, vi } from "vitest";
import type { GradeResult } from "@/lib/grader/result";
import { actAsGuest, createGuest, createTestApp } from "../test-app";

// The exercises of judgment through the real submissions route, the real limits and a real
// temporary database: only "who is asking" is stubbed. Answers are graded without the sandbox.
const app = createTestApp({ stubLearner: true });
const state = vi.hoisted(() => ({ grading: false }));
// The one-job rule: the learner may have code in the grader (another tab) while answering here.
vi.mock("@/lib/grading/index.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/grading/index.server")>()),
  isLearnerGrading: async () => state.grading,
}));

const route = await import("@/app/api/exercises/[slug]/submissions/route");
const { getAppOrigins } = await import("@/lib/http/route.server");
const { getCatalog, getDashboard } = await import("@/lib/progress/dashboard.server");
const { SUBMISSION_LIMITS } = await import("@/lib/grader/submission-limits.server");

let clientCounter = 0;
async function useNewLearner(name: string): Promise<string> {
  const id = await createGuest(app, name);
  actAsGuest(app, id);
  return id;
}

function post(slug: string, body: string, init: { contentType?: string; client?: string } = {}) {
  const origin = getAppOrigins()[0] ?? "";
  const request = new Request(`${origin}/api/exercises/${slug}/submissions`, {
    method: "POST",
    headers: {
      host: new URL(origin).host,
      origin,
      "content-type": init.contentType ?? "application/json",
      "x-forwarded-for": init.client ?? `198.51.100.${++clientCounter}`,
    },
    body,
  });
  return route.POST(request, { params: Promise.resolve({ slug }) });
}

async function answer(slug: string, value: unknown, client?: string) {
  const response = await post(slug, JSON.stringify({ answer: value }), { client });
  return {
    status: response.status,
    body: (await response.json()) as { result?: GradeResult; error?: string },
  };
}

describe("POST /api/exercises/[slug]/submissions for exercises of judgment", () => {
  it("grades a wrong then a right answer of each kind, stores both, and the dashboard counts the passes", async () => {
    const learnerId = await useNewLearner("judgment-all");
    const cases: Array<[string, unknown, unknown]> = [
      ["tune-adam-rosenbrock", { lr: 0.001, beta1: 0.9, beta2: 0.999 }, { lr: 0.05, beta1: 0.9, beta2: 0.9 }],
      [
        "read-the-loss-curve",
        {
          "run-a": "lr-too-high",
          "run-b": "lr-too-low",
          "run-c": "overfitting",
          "run-d": "lr-too-high",
          "run-e": "healthy",
          "run-f": "lr-too-high",
        },
        {
          "run-a": "no-warmup",
          "run-b": "lr-too-low",
          "run-c": "overfitting",
          "run-d": "lr-too-high",
          "run-e": "healthy",
          "run-f": "lr-too-high",
        },
      ],
      [
        "first-step-by-hand",
        { "first-coordinate": 0.9, "second-coordinate": 0, "loss-after-step": 0.81, overshoot: -1.5 },
        { "first-coordinate": 0.9, "second-coordinate": 0, "loss-after-step": 0.405, overshoot: -1.5 },
      ],
    ];
    const catalog = await getCatalog();
    const passedCount = async () =>
      (await getDashboard(app.db, learnerId, catalog, { timeZone: "UTC" })).exercisesPassed;
    expect(await passedCount()).toBe(0);
    for (const [i, [slug, wrong, right]] of cases.entries()) {
      const failed = await answer(slug, wrong);
      expect(failed.status, slug).toBe(200);
      expect(failed.body.result?.verdict).toBe("failed");
      expect(failed.body.result?.message).toBeTruthy();
      expect(await passedCount()).toBe(i);
      const passed = await answer(slug, right);
      expect(passed.body.result?.verdict, slug).toBe("passed");
      expect(await passedCount()).toBe(i + 1);
    }
    const rows = await app.db.submission.findMany({ where: { learnerId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.verdict)).toEqual([
      "failed",
      "passed",
      "failed",
      "passed",
      "failed",
      "passed",
    ]);
    // The answer has its own column; `code` is for code.
    expect(JSON.parse(rows[1]?.answer ?? "")).toEqual(cases[0]?.[2]);
    expect(rows.map((row) => row.code)).toEqual(rows.map(() => null));
    // GET lists them like coded submissions.
    const list = await route.GET(new Request("http://x/api/exercises/first-step-by-hand/submissions"), {
      params: Promise.resolve({ slug: "first-step-by-hand" }),
    });
    expect(((await list.json()) as { submissions: unknown[] }).submissions).toHaveLength(2);
  });

  it("refuses malformed bodies with a clear 400 and stores nothing", async () => {
    const learnerId = await useNewLearner("judgment-bad");
    const bad = async (slug: string, body: string) => {
      const response = await post(slug, body);
      return { status: response.status, error: ((await response.json()) as { error: string }).error };
    };
    expect(await bad("tune-adam-rosenbrock", JSON.stringify({ code: "export const x = 1" }))).toMatchObject({
      status: 400,
      error: expect.stringMatching(/Invalid request/),
    });
    expect(await bad("tune-adam-rosenbrock", "{not json")).toMatchObject({ status: 400 });
    expect(
      await bad("tune-adam-rosenbrock", JSON.stringify({ answer: { lr: 5, beta1: 0.9, beta2: 0.9 } })),
    ).toEqual({ status: 400, error: "Invalid answer: learning rate η must be at most 1." });
    expect(await bad("tune-adam-rosenbrock", JSON.stringify({ answer: { lr: 0.01 } }))).toMatchObject({
      status: 400,
      error: expect.stringMatching(/no "beta1".*no "beta2"/),
    });
    expect(
      await bad("read-the-loss-curve", JSON.stringify({ answer: { "run-a": "no-warmup" } })),
    ).toMatchObject({
      status: 400,
      error: expect.stringMatching(/Choose one of the causes for "Run B/),
    });
    expect(await bad("first-step-by-hand", JSON.stringify({ answer: [1, 2] }))).toMatchObject({
      status: 400,
    });
    const huge = JSON.stringify({ answer: { x: "a".repeat(90) }, pad: "b".repeat(5000) });
    expect((await bad("first-step-by-hand", huge)).status).toBe(413);
    expect((await post("first-step-by-hand", "{}", { contentType: "text/plain" })).status).toBe(415);
    expect(await app.db.submission.count({ where: { learnerId } })).toBe(0);
  });

  it("keeps the one-job rule (409) and the per-learner rate limit (429)", async () => {
    const learnerId = await useNewLearner("judgment-limits");
    const right = {
      "first-coordinate": 0.9,
      "second-coordinate": 0,
      "loss-after-step": 0.405,
      overshoot: -1.5,
    };
    state.grading = true;
    const busy = await answer("first-step-by-hand", right);
    state.grading = false;
    expect(busy.status).toBe(409);
    const statuses: number[] = [];
    for (let i = 0; i <= SUBMISSION_LIMITS.submissionsPerLearner.points; i++)
      statuses.push((await answer("first-step-by-hand", right)).status);
    expect(statuses).toEqual([...Array(SUBMISSION_LIMITS.submissionsPerLearner.points).fill(200), 429]);
    expect(await app.db.submission.count({ where: { learnerId } })).toBe(
      SUBMISSION_LIMITS.submissionsPerLearner.points,
    );
  });
});
