import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "../playwright-utils";

// An exercise list to work from: grouped by lesson, difficulty on each, numbered 1…N in the order
// shown (and the same number on the exercise's page), filtered by status and kind; past submissions
// say which test failed and, for an exercise of judgment, what was answered.

const slugs = readdirSync("content/exercises", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const kindOf = (slug: string): string =>
  JSON.parse(readFileSync(`content/exercises/${slug}/exercise.json`, "utf8")).kind ?? "code";
const WRONG_ANSWER = {
  "first-coordinate": 0.9,
  "second-coordinate": 0,
  "loss-after-step": 0.81,
  overshoot: -1.5,
};
const WRONG_QUESTION = "η = 0.1: the loss L(θ) after that step";

test("the exercise list is grouped by lesson, numbered 1…N, with difficulty, and filters by status and kind", async ({
  page,
  baseURL,
}) => {
  const headers = { origin: baseURL ?? "" };
  const failed = await page.request.post("/api/exercises/first-step-by-hand/submissions", {
    headers,
    data: { answer: WRONG_ANSWER },
  });
  expect(failed.ok()).toBe(true);

  await page.goto("/exercises");
  const items = page.locator("[data-exercise]");
  await expect(items).toHaveCount(slugs.length);
  await expect(
    page.getByRole("heading", { level: 2, name: "Lesson 1 · The optimization problem" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Lesson 3 · Momentum" })).toBeVisible();

  // Numbers run 1, 2, 3… down the page, without gaps.
  const numbers = (await page.getByTestId("exercise-number").allTextContents()).map(Number);
  expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  // Every exercise shows its difficulty.
  const difficulties = await page.getByTestId("difficulty").allTextContents();
  expect(difficulties).toHaveLength(slugs.length);
  for (const label of difficulties) expect(["Intro", "Core", "Advanced"]).toContain(label);

  // The number on the list is the number on the exercise's page.
  const first = items.first();
  const title = (await first.getByRole("link").textContent()) ?? "";
  await first.getByRole("link").click();
  await expect(page.getByText(`Exercise ${title.split(".")[0]}`, { exact: false }).first()).toBeVisible();
  await page.goBack();

  const status = page.getByLabel("Status");
  const kind = page.getByLabel("Kind");
  await status.selectOption("failed");
  await expect(items).toHaveCount(1);
  await expect(page.locator('[data-exercise="first-step-by-hand"]')).toBeVisible();
  await expect(page.getByTestId("exercise-count")).toHaveText(`1 of ${slugs.length} exercises`);

  await status.selectOption("not-started");
  await expect(items).toHaveCount(slugs.length - 1);
  await status.selectOption("passed");
  await expect(items).toHaveCount(0);
  await expect(page.getByText("No exercise matches these filters.")).toBeVisible();

  await status.selectOption("all");
  for (const [value, name] of [
    ["code", "code"],
    ["tune", "tune"],
    ["diagnose", "diagnose"],
    ["predict", "predict"],
  ] as const) {
    await kind.selectOption(value);
    await expect(items).toHaveCount(slugs.filter((slug) => kindOf(slug) === name).length);
  }
});

test("past answers to an exercise of judgment show the answer given and the first question wrong", async ({
  page,
}) => {
  await page.goto("/exercises/first-step-by-hand");
  const answers = page.getByRole("textbox");
  await answers.nth(0).fill("0.9");
  await answers.nth(1).fill("0");
  await answers.nth(2).fill("0.81");
  await answers.nth(3).fill("-1.5");
  await page.getByRole("button", { name: "Submit answers" }).click();
  const past = page.getByTestId("past-answer").first();
  await expect(past).toContainText("Failed");
  await expect(past).toContainText("Your answer: Q1 0.9, Q2 0, Q3 0.81, Q4 −1.5");
  await expect(past).toContainText(`First wrong: ${WRONG_QUESTION}`);
});

test("past code submissions show which test failed", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const starter = readFileSync("content/exercises/momentum/starter.ts", "utf8");
  await page.goto("/exercises");
  const submitted = await page.request.post("/api/exercises/momentum/submissions", {
    headers: { origin: baseURL ?? "" },
    data: { code: starter, language: "typescript" },
  });
  expect(submitted.ok()).toBe(true);
  const { result } = (await submitted.json()) as { result: { tests: { name: string; status: string }[] } };
  const firstFailed = result.tests.find((test) => test.status !== "pass")?.name;
  expect(firstFailed).toBeTruthy();

  await page.goto("/exercises/momentum");
  const row = page.getByRole("region", { name: "Past submissions" }).locator("li").first();
  await expect(row).toContainText("Failed");
  await expect(row).toContainText(`First failing test: ${firstFailed}`);
});
