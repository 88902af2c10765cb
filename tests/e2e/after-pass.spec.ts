import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, setEditorCode, test } from "../playwright-utils";

// What comes after a pass (the reference solution with its write-up, the next exercise, the lesson
// section), what comes after repeated failures (the solution on request, recorded), the plot of the
// first failing test, and Run and Submit never reported together.

const solutionTs = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const solutionPy = readFileSync("content/exercises/momentum/solution.py", "utf8");
// A classic slip: the loop hard-codes two coordinates. The visible 2-D test passes; the first test
// that fails is a 4-D one, which the old report could not plot (it plotted the 3-step test, a dot).
const twoCoordinates = solutionTs.replace("i < params.length", "i < 2");

/** The exercise after momentum in course order (exercise.json `order`), of any kind. */
function nextExerciseTitle(): string {
  const all = readdirSync("content/exercises").map((slug) => {
    const json = JSON.parse(readFileSync(`content/exercises/${slug}/exercise.json`, "utf8"));
    return { slug, order: json.order as number, title: json.title as string };
  });
  all.sort((a, b) => a.order - b.order);
  const index = all.findIndex((exercise) => exercise.slug === "momentum");
  return all[index + 1]?.title ?? "";
}

async function submit(page: Page, verdict: "passed" | "failed") {
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", verdict, { timeout: 45_000 });
}

test("after a pass: the next exercise, the lesson section, and the reference solution with its write-up in the learner's language", async ({
  page,
}) => {
  await page.goto("/exercises/momentum");
  await setEditorCode(page, solutionTs);
  await submit(page, "passed");

  const panel = page.getByTestId("after-pass");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("next-exercise")).toHaveText(nextExerciseTitle());
  await expect(panel.getByTestId("practised-section")).toHaveAttribute(
    "href",
    "/learn/momentum#two-conventions-sum-or-average",
  );
  await expect(panel.getByTestId("solution-link")).toHaveAttribute("href", /language=typescript/);

  // The learner switches to Python: the solution opens in Python.
  await page.getByRole("radio", { name: "Python" }).check();
  await expect(panel.getByTestId("solution-link")).toHaveAttribute("href", /language=python/);
  await panel.getByTestId("solution-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reference solution: SGD with momentum");
  await expect(page.getByTestId("reference-solution").locator("pre")).toHaveText(solutionPy.trimEnd());
  const writeup = page.getByTestId("writeup");
  for (const heading of ["The classic mistakes", "How PyTorch does it", "The line interviewers ask about"]) {
    await expect(writeup.getByRole("heading", { name: heading })).toBeVisible();
  }
  await page.getByRole("link", { name: "Show it in TypeScript" }).click();
  await expect(page.getByTestId("reference-solution").locator("pre")).toHaveText(solutionTs.trimEnd());
});

test("a failure plots the first failing test; after three failures the solution is offered and the request recorded", async ({
  page,
  baseURL,
}) => {
  await page.goto("/exercises/momentum");
  await setEditorCode(page, twoCoordinates);
  await submit(page, "failed");

  // The first test in the list that did not pass is the one plotted and named, not the 3-step one.
  const firstFailingName = await page
    .locator("li")
    .filter({ has: page.getByText(/^(Failed|Error)$/) })
    .first()
    .locator("strong")
    .textContent();
  expect(firstFailingName).toBe("Quadratic, 50 steps");
  await expect(page.getByTestId("plotted-test")).toHaveAttribute("data-test-name", "Quadratic, 50 steps");
  await expect(page.getByTestId("first-failing")).toContainText("Quadratic, 50 steps");
  await expect(page.getByTestId("first-failing")).toContainText("coordinate 2");
  await expect(page.getByTestId("plotted-test").locator("svg path").last()).toBeAttached();

  await expect(page.getByTestId("solution-rule")).toContainText("after 3 failed submissions (1 so far)");
  // Asking too early is refused, and nothing opens.
  const early = await page.request.post("/api/exercises/momentum/solution", {
    headers: { origin: baseURL ?? "" },
  });
  expect(early.status()).toBe(409);
  expect((await early.json()).error).toContain("you have 1");

  await submit(page, "failed");
  await submit(page, "failed");
  const offer = page.getByTestId("solution-offer");
  await expect(offer).toContainText("3 failed submissions");
  await offer.getByRole("button", { name: "Show the reference solution" }).click();
  await expect(page).toHaveURL(/\/exercises\/momentum\/solution\?language=typescript$/);
  await expect(page.getByTestId("solution-access")).toContainText("before passing (recorded)");
  await expect(page.getByTestId("reference-solution").locator("pre")).toHaveText(solutionTs.trimEnd());
  const access = await (await page.request.get("/api/exercises/momentum/solution")).json();
  expect(access).toEqual({ access: { state: "revealed", failedAttempts: 3, needed: 3 } });
});

test("Run and Submit are never reported together, and a late answer to an earlier one is ignored", async ({
  page,
}) => {
  await page.goto("/exercises/momentum");
  await setEditorCode(page, twoCoordinates);
  const runButton = page.getByRole("button", { name: "Run visible tests" });

  await runButton.click();
  await expect(page.getByTestId("run-summary")).toContainText("1 of 2 passed");
  await submit(page, "failed");
  await expect(page.getByTestId("run-summary")).toHaveCount(0);

  await runButton.click();
  await expect(page.getByTestId("run-summary")).toContainText("1 of 2 passed");
  await expect(page.locator("[data-verdict]")).toHaveCount(0);

  // A Submit whose answer comes after a later Run: the Run stays, the late verdict is not shown.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let answered = false;
  await page.route("**/api/exercises/momentum/submissions", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
    answered = true;
  });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("button", { name: "Grading…" })).toBeVisible();
  await runButton.click();
  await expect(page.getByTestId("run-summary")).toContainText("1 of 2 passed");
  release();
  await expect.poll(() => answered).toBe(true);
  await expect(page.getByRole("button", { name: "Submit" })).toBeEnabled();
  await expect(page.getByTestId("run-summary")).toContainText("1 of 2 passed");
  await expect(page.locator("[data-verdict]")).toHaveCount(0);
});
