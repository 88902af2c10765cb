import { readFileSync } from "node:fs";
import {
  editorReady,
  expect,
  patchSource,
  setEditorCode,
  test,
  uniqueClientAddress,
} from "../playwright-utils";

// Fair-queue probes against the running app (its real node:http server, so request.signal
// follows the client's socket): three learners' endless loops hold every grader process; the same
// learner cannot queue a second job (409); ten endless loops abandoned after 0.3 s are dropped
// instead of graded; a learner in the browser sees its place in the queue and then its verdict.
const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const endless = patchSource(
  solution,
  "const v = state.velocity;",
  "for (;;) {}\n  const v = state.velocity;",
);

test("fair grading over HTTP: 409 for a second job, abandoned jobs dropped, place in the queue shown", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = baseURL ?? "";
  // Node's fetch, not Playwright's request context, so that a request can be aborted at 0.3 s.
  const post = (code: string, options: { cookie?: string; signal?: AbortSignal } = {}) =>
    fetch(`${origin}/api/exercises/momentum/submissions`, {
      method: "POST",
      headers: {
        origin,
        "content-type": "application/json",
        "x-forwarded-for": uniqueClientAddress(),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: JSON.stringify({ code }),
      signal: options.signal,
    });
  const queueState = async (cookie: string) =>
    ((await (await fetch(`${origin}/api/grader/queue`, { headers: { cookie } })).json()) as { state: string })
      .state;

  // The browser learner's page is ready first (Monaco can take seconds on a busy machine).
  await page.goto("/exercises/momentum");
  await editorReady(page);
  await setEditorCode(page, solution);

  // Three learners (a first quick submission gives each its guest cookie), each with an endless loop.
  const cookies: string[] = [];
  for (let i = 0; i < 3; i++) {
    const first = await post("export const x = 1;");
    expect(first.status).toBe(200);
    cookies.push((first.headers.get("set-cookie") ?? "").split(";")[0] ?? "");
  }
  const loops = cookies.map((cookie) => post(endless, { cookie }));
  for (const cookie of cookies)
    await expect.poll(() => queueState(cookie), { timeout: 20_000 }).toBe("grading");

  const second = await post(solution, { cookie: cookies[0] });
  expect(second.status).toBe(409);
  expect(((await second.json()) as { error: string }).error).toMatch(
    /already have a submission being graded/,
  );

  const abandoned = await Promise.all(
    Array.from({ length: 10 }, () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      return post(endless, { signal: controller.signal }).then(
        (r) => String(r.status),
        (e: Error) => e.name,
      );
    }),
  );
  expect(abandoned).toEqual(Array.from({ length: 10 }, () => "AbortError"));

  // The browser learner waits for a loop to end (5 s budget), not for ten more loops (≥ 15 s).
  const started = Date.now();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(
    page.getByText(/Waiting for a grader: (you are next|\d+ submissions? ahead of you)/),
  ).toBeVisible();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  expect(Date.now() - started).toBeLessThan(14_000);

  for (const response of await Promise.all(loops)) {
    expect(((await response.json()) as { result: { verdict: string } }).result.verdict).toBe("timeout");
  }
});
