import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
// The classic mistake: an exponential moving average instead of PyTorch's raw accumulation.
const emaMomentum = solution.replace(
  "v[i] = hp.momentum * (v[i] as number) + (grad[i] as number);",
  "v[i] = hp.momentum * (v[i] as number) + (1 - hp.momentum) * (grad[i] as number);",
);

/** Replaces the editor's content through Monaco's own model (the hook exists under automation only). */
async function setEditorCode(page: Page, code: string) {
  await page.waitForFunction(() => "descentEditor" in window);
  await page.evaluate((value) => {
    (window as unknown as { descentEditor: { setValue(v: string): void } }).descentEditor.setValue(value);
  }, code);
}

test("momentum: run the visible tests, submit, see the verdict and the trajectory; the draft survives reload", async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "http://127.0.0.1") && !request.url().startsWith("data:")) {
      foreign.push(request.url());
    }
  });
  await page.goto("/exercises/momentum");
  await expect(page.getByRole("heading", { level: 1, name: "SGD with momentum" })).toBeVisible();
  await setEditorCode(page, solution);

  // Ctrl+Enter inside the editor runs the visible tests in the browser.
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("run-summary")).toContainText("2 of 2 passed");

  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Grading… running hidden tests")).toBeVisible();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  await expect(page.getByTestId("trajectory-plot").locator("path").first()).toBeAttached();
  await expect(page.getByRole("button", { name: "Restore into editor" })).toHaveCount(1);

  await page.reload();
  await page.waitForFunction(() => "descentEditor" in window);
  const restored = await page.evaluate(
    () => (window as unknown as { descentEditor: { getValue(): string } }).descentEditor.getValue(),
  );
  expect(restored).toBe(solution);
  expect(foreign, "requests leaving the site").toEqual([]);
});

test("momentum: an EMA-style velocity fails with a diagnosis and a first divergence", async ({ page }) => {
  await page.goto("/exercises/momentum");
  await setEditorCode(page, emaMomentum);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByTestId("run-summary")).toContainText("0 of 2 passed");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "failed", { timeout: 30_000 });
  await expect(page.getByRole("complementary", { name: "Diagnosis" })).toBeVisible();
  await expect(page.getByText(/First divergence at step \d+/).first()).toBeVisible();

  // The diagnosed mistake puts the cards that teach it at the head of this learner's drill queue.
  const drill = (await (await page.request.get("/api/cards/queue")).json()) as {
    current: { reason: string } | null;
    remaining: { mistake: number };
  };
  expect(drill.remaining.mistake).toBeGreaterThan(0);
  expect(drill.current?.reason).toBe("mistake");
});

test("a lesson page does not load Monaco; the exercise list shows the best verdict", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await page.goto("/learn");
  const lessonLink = page.locator('a[href^="/learn/"]').first();
  await lessonLink.click();
  await page.waitForLoadState("networkidle");
  const bodies = await Promise.all(
    scripts.map(async (url) => (await (await page.request.get(url)).text()).includes("monaco-editor")),
  );
  expect(bodies.some(Boolean), "a lesson page loaded Monaco").toBe(false);

  await page.goto("/exercises");
  await expect(page.getByRole("link", { name: /SGD with momentum/ })).toBeVisible();
  await expect(page.getByText("Not attempted").first()).toBeVisible();
});

test("the exercise page fits a phone: the editor stacks above the results @phone", async ({ page }) => {
  await page.goto("/exercises/momentum");
  await page.waitForFunction(() => "descentEditor" in window);
  const editor = await page.locator(".monaco-editor").boundingBox();
  const run = await page.getByRole("button", { name: "Run visible tests" }).boundingBox();
  expect(editor && run && editor.y < run.y).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("submissions: another learner's id answers 404, and a 7th submission in a minute answers 429", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto("/exercises/momentum");
  const post = () =>
    page.request.post("/api/exercises/momentum/submissions", {
      headers: { origin: baseURL ?? "", "content-type": "application/json" },
      data: { code: "export function init( {" },
    });
  const first = await post();
  expect(first.status()).toBe(200);
  const { submission, result } = (await first.json()) as { submission: { id: string }; result: { verdict: string } };
  expect(result.verdict).toBe("compile-error");
  expect((await page.request.get(`/api/submissions/${submission.id}`)).status()).toBe(200);

  const other = await browser.newContext({ baseURL });
  const stranger = await other.newPage();
  await stranger.goto("/");
  expect((await stranger.request.get(`/api/submissions/${submission.id}`)).status()).toBe(404);
  await other.close();

  for (let i = 0; i < 5; i++) expect((await post()).status()).toBe(200);
  const limited = await post();
  expect(limited.status()).toBe(429);
  expect(((await limited.json()) as { error: string }).error).toMatch(/Too many submissions/);
});
