import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, patchSource, test, uniqueClientAddress } from "../playwright-utils";

// Hostile code sent through the real submit route of the running app: each is contained with the
// right verdict, the server keeps answering while they grade, and the grader still passes good code.
const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const inStep = (code: string) =>
  patchSource(solution, "const v = state.velocity;", `${code}\n  const v = state.velocity;`);

const hostile: Array<{ name: string; code: string; verdict: string }> = [
  { name: "an endless loop in step", code: inStep("for (;;) {}"), verdict: "timeout" },
  {
    name: "a memory bomb",
    code: `const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));\n${solution}`,
    verdict: "memory-limit",
  },
  {
    name: "this.constructor.constructor to reach process",
    code: `this.constructor.constructor("return process")().exit();\n${solution}`,
    verdict: "runtime-error",
  },
  {
    name: "the Function constructor in step, then process.kill",
    code: inStep(`(state as any).constructor.constructor("return process")().kill(1, "SIGKILL");`),
    verdict: "runtime-error",
  },
  {
    name: "process.kill of the server",
    code: `process.kill(process.ppid, "SIGKILL");\n${solution}`,
    verdict: "runtime-error",
  },
];

type Submitted = { submission: { id: string }; result: { verdict: string; status: string; message: string } };

test("hostile submissions over HTTP get their verdicts, the app stays up, the next correct one passes", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = baseURL ?? "";
  // One fresh request context per submission: a fresh guest cookie, so a fresh learner, so the
  // route's 6-a-minute limit per learner is never what answers.
  const learners: APIRequestContext[] = [];
  const learner = async () => {
    // Its own client address too (see uniqueClientAddress): new guests are limited per client.
    const context = await playwright.request.newContext({
      baseURL: origin,
      extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() },
    });
    learners.push(context);
    return context;
  };
  const submit = async (code: string) => {
    const context = await learner();
    const response = await context.post("/api/exercises/momentum/submissions", {
      headers: { origin, "content-type": "application/json" },
      data: { code },
      timeout: 60_000,
    });
    expect(response.status(), await response.text()).toBe(200);
    return { ...((await response.json()) as Submitted), context };
  };
  const health = await learner();

  try {
    expect((await health.get("/api/health")).status()).toBe(200);

    let grading = true;
    const grades = Promise.all(hostile.map((h) => submit(h.code))).finally(() => {
      grading = false;
    });
    // While the hostile code grades (the endless loop alone takes the 5 s budget), the app answers.
    let checks = 0;
    while (grading) {
      const started = Date.now();
      const response = await health.get("/api/health", { timeout: 10_000 });
      expect(response.status()).toBe(200);
      expect(Date.now() - started, "a health check took too long while grading").toBeLessThan(3_000);
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const results = await grades;
    expect(checks, "health was checked while grading").toBeGreaterThanOrEqual(3);

    for (const [index, { name, verdict }] of hostile.entries()) {
      const { result } = results[index] as Submitted;
      expect.soft(result.verdict, `${name}: ${result.message}`).toBe(verdict);
      expect.soft(result.status, name).not.toBe("pass");
    }
    expect((await health.get("/api/health")).status()).toBe(200);

    // Each is stored for its learner with its verdict.
    for (const [index, { verdict }] of hostile.entries()) {
      const { context, submission } = results[index] as Submitted & { context: APIRequestContext };
      const stored = await context.get(`/api/submissions/${submission.id}`);
      expect(stored.status()).toBe(200);
      expect(
        ((await stored.json()) as { submission: { result: { verdict: string } } }).submission.result.verdict,
      ).toBe(verdict);
    }

    // A grader process taken down by the memory bomb has been replaced: good code still passes.
    const next = await submit(solution);
    expect(next.result.verdict).toBe("passed");
    expect((await health.get("/api/health")).status()).toBe(200);
  } finally {
    await Promise.all(learners.map((context) => context.dispose()));
  }
});
