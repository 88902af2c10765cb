import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadFixture } from "../grader/load-fixture";
import { expect, setEditorCode, test } from "../playwright-utils";

// A new learner's first session, checked by what they see: every number asserted is on the page.
const solution = readFileSync("content/exercises/adam/solution.ts", "utf8");
// The classic mistake: m and v used as they are, without dividing by 1 − β^t.
const withoutBiasCorrection = loadFixture("adam-missing-bias-correction").code;

/** The deck's cards that teach this mistake (the grader's diagnosis id), read from content/cards. */
function cardsForMistake(diagnosisId: string): string[] {
  const dir = "content/cards";
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .flatMap(
      (file) =>
        JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Array<{ id: string; mistakes?: string[] }>,
    )
    .filter((card) => card.mistakes?.includes(diagnosisId))
    .map((card) => card.id);
}

test("a new learner reads a lesson, fails then passes Adam, sees it on the dashboard, and drills the mistake", async ({
  page,
}) => {
  test.setTimeout(120_000);

  // Read the Adam lesson and mark it read.
  await page.goto("/learn/adam");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Mark as read" }).click();
  await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();

  // Submit Adam without bias correction: it fails, and the mistake is named.
  await page.goto("/exercises/adam");
  await setEditorCode(page, withoutBiasCorrection);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "failed", { timeout: 30_000 });
  await expect(page.locator("[data-verdict]")).toContainText("Failed");
  const diagnosis = page.getByRole("complementary", { name: "Diagnosis" });
  await expect(diagnosis).toBeVisible();
  await expect(diagnosis).toContainText("Missing bias correction");

  // Submit the correct step: it passes.
  await setEditorCode(page, solution);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  await expect(page.locator("[data-verdict]")).toContainText("Passed");

  // The dashboard counts one lesson read and one exercise passed, and marks Adam passed on the map.
  await page.goto("/dashboard");
  await expect(page.getByTestId("lessons-read")).toHaveText(/^1 \/ \d+$/);
  await expect(page.getByTestId("exercises-passed")).toHaveText("1");
  const exercises = page.getByRole("region", { name: "Exercises", exact: true });
  await expect(exercises.getByRole("listitem")).toHaveCount(1);
  await expect(exercises.getByRole("listitem")).toContainText("best: Passed");
  await expect(exercises.getByRole("listitem")).toContainText("2 attempts");
  const recent = page.getByRole("region", { name: "Recent submissions" }).getByRole("listitem");
  await expect(recent).toHaveCount(2);
  await expect(recent.first()).toContainText("Passed");
  await expect(recent.last()).toContainText("Failed");

  // The drill starts with a card that teaches the mistake just made.
  const mistakeCards = cardsForMistake("missing-bias-correction");
  expect(mistakeCards.length).toBeGreaterThan(0);
  await page.goto("/cards");
  const card = page.getByTestId("flash-card");
  await expect(card).toBeVisible();
  expect(mistakeCards).toContain(await card.getAttribute("data-card-id"));
  await expect(card.getByText("from your mistake")).toBeVisible();
  await expect(page.getByTestId("remaining")).toContainText(`${mistakeCards.length} from mistakes`);

  // Rate it Good; the stats count that one review.
  await card.getByRole("button", { name: /Show answer/ }).click();
  await card.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByTestId("remaining")).toContainText(`${mistakeCards.length - 1} from mistakes`);
  await page.goto("/cards/stats");
  const heatmap = page.getByRole("img", { name: /Reviews per day over the last \d+ weeks: 1 in total/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator("rect title").last()).toHaveText(/: 1 review$/);
});
