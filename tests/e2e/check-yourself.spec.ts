import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// "Check yourself" at the end of a lesson: the questions load as the reader reaches them, are
// answered with the keyboard through the interview's forms, show feedback and the model answer
// after each answer (and not before), stay answered after a reload, and start no timed interview.

test.use({ reducedMotion: "reduce" });

const LESSON = "momentum";

async function reachQuestions(page: Page) {
  await page.goto(`/learn/${LESSON}`);
  const section = page.getByRole("region", { name: "Check yourself" });
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator("li[data-item-type]").first()).toBeVisible();
  return section;
}

test("a lesson's check-yourself questions: answer one, feedback after it only, kept after a reload", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The questions' code and the learner's answers come when the reader nears the end, not with the page.
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/interview/check-yourself/")) asked.push(request.url());
  });
  await page.goto(`/learn/${LESSON}`);
  await page.waitForLoadState("networkidle");
  expect(asked).toEqual([]);

  const section = await reachQuestions(page);
  const questions = section.locator("li[data-item-type]");
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThanOrEqual(5);
  await expect(section.getByText(`0 of ${count} answered.`)).toBeVisible();
  // Nothing of the expected answers has been sent.
  const before = await page.request.get(`/api/interview/check-yourself/${LESSON}`);
  expect(await before.text()).not.toMatch(/"expected"|"correct"|"modelAnswer|"explanationHtml":"<p>/);

  // The first numeric question, answered with the keyboard.
  const numeric = questions.filter({ has: page.getByRole("textbox", { name: /Your answer/ }) }).first();
  const id = await numeric.getAttribute("data-item-id");
  await numeric.getByRole("textbox", { name: /Your answer/ }).focus();
  await page.keyboard.type("0.5");
  await page.keyboard.press("Enter");
  await expect(numeric.getByText(/\d \/ 4 points/)).toBeVisible();
  await expect(numeric.getByText("Expected", { exact: true })).toBeVisible();
  await expect(section.getByText(`1 of ${count} answered.`)).toBeVisible();
  // The other questions stay unanswered, without feedback.
  await expect(section.locator("[data-testid^='feedback-']")).toHaveCount(1);

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    const results = await new AxeBuilder({ page }).include("#check-yourself").analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, `check yourself, ${colorScheme}`).toEqual([]);
  }

  // Stored on the server: after a reload the answer and its feedback are still there.
  await page.reload();
  const again = await reachQuestions(page);
  await expect(again.getByText(`1 of ${count} answered.`)).toBeVisible();
  await expect(again.getByTestId(`feedback-${id}`)).toBeVisible();
  await expect(again.locator(`li[data-item-id="${id}"]`).getByRole("textbox")).toBeDisabled();

  // They are no timed interview: the interview page still offers to start one, with no history.
  await page.goto("/interview");
  await expect(page.getByRole("button", { name: "Start interview" })).toBeVisible();
  await expect(page.getByText("None yet.")).toBeVisible();
});
