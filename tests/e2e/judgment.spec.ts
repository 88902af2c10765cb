import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// The exercises of judgment as a learner meets them: answer each kind wrong, read why, answer it
// right, and see the dashboard's "exercises passed" go up by one each time.

async function passedCount(page: Page): Promise<number> {
  await page.goto("/dashboard");
  return Number(await page.getByTestId("exercises-passed").textContent());
}

async function expectVerdict(page: Page, verdict: "passed" | "failed") {
  await expect(page.getByTestId("judgment-verdict")).toHaveAttribute("data-verdict", verdict, {
    timeout: 20_000,
  });
}

/** Sets a parameter by typing into its number input, as a keyboard user would. */
async function typeParam(page: Page, label: string, value: string) {
  const input = page.getByRole("spinbutton", { name: label });
  await input.fill(value);
}

test("a learner answers a tune, a diagnose and a predict exercise wrong, then right; the dashboard counts each pass", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The first write makes the guest; the dashboard starts at zero.
  await page.goto("/exercises/tune-adam-rosenbrock");
  // No live readout of the graded score: trial runs from a budget, each showing its curve only.
  const budget = page.getByTestId("tune-budget");
  await expect(budget).toHaveText("Trial runs left: 8 of 8");
  await expect(page.getByTestId("tune-preview")).toHaveCount(0);
  await expect(page.getByTestId("tune-no-run")).toBeVisible();
  await page.getByRole("button", { name: "Try these settings" }).click();
  await expect(budget).toHaveText("Trial runs left: 7 of 8");
  await expect(page.getByTestId("tune-trials").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("img", { name: /^Run 1: loss against step/ })).toBeVisible();

  // Tune: the defaults miss the target, and the verdict says why.
  await page.getByRole("button", { name: "Submit settings" }).click();
  await expectVerdict(page, "failed");
  await expect(page.getByTestId("judgment-verdict")).toContainText("the target is below 0.01");
  // After grading: the best settings of a grid search by the same core, and why.
  const best = page.getByTestId("tune-best");
  await expect(best.getByTestId("tune-best-values")).toHaveText(
    "learning rate η 0.05, β1 (momentum) 0.9, β2 (second moment) 0.9",
  );
  await expect(best).toContainText("A grid search ran 637 settings (13 × 7 × 7)");
  await expect(best).toContainText("learning rate η: passes from 0.02 to 0.1");
  expect(await passedCount(page)).toBe(0);

  // The budget is kept across a reload.
  await page.goto("/exercises/tune-adam-rosenbrock");
  await expect(budget).toHaveText("Trial runs left: 7 of 8");
  await typeParam(page, "learning rate η", "0.05");
  await typeParam(page, "β2 (second moment)", "0.9");
  await page.getByRole("button", { name: "Submit settings" }).click();
  await expectVerdict(page, "passed");
  await expect(page.getByTestId("judgment-verdict")).toContainText("below the target 0.01");
  await expect(page.getByRole("heading", { name: "Past answers" })).toBeVisible();
  expect(await passedCount(page)).toBe(1);

  // Diagnose: everything "too high" is wrong for most curves; each wrong one is marked.
  await page.goto("/exercises/read-the-loss-curve");
  for (const run of ["a", "b", "c", "d", "e", "f"])
    await page.getByTestId(`curve-run-${run}`).getByLabel("Learning rate too high").check();
  await page.getByRole("button", { name: "Submit diagnoses" }).click();
  await expectVerdict(page, "failed");
  await expect(page.getByTestId("curve-run-a")).toContainText("Not quite.");
  await expect(page.getByTestId("curve-run-d")).toContainText("Right:");
  await expect(page.getByTestId("curve-run-f")).toContainText("Right:");
  const right = {
    a: "Large learning rate without warm-up",
    b: "Learning rate too low",
    c: "Overfitting",
    e: "Nothing wrong",
  };
  for (const [run, label] of Object.entries(right))
    await page.getByTestId(`curve-run-${run}`).getByLabel(label).check();
  await page.getByRole("button", { name: "Submit diagnoses" }).click();
  await expectVerdict(page, "passed");
  await expect(page.getByTestId("curve-run-a")).toContainText("warm-up");
  expect(await passedCount(page)).toBe(2);

  // Predict: a forgotten ½ in the loss is caught with a hint; the worked solution follows the fix.
  await page.goto("/exercises/first-step-by-hand");
  const answers = page.getByRole("textbox");
  await answers.nth(0).fill("0.9");
  await answers.nth(1).fill("0");
  await answers.nth(2).fill("0.81");
  await answers.nth(3).fill("-1.5");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expectVerdict(page, "failed");
  await expect(page.getByTestId("question-loss-after-step")).toContainText("do not forget the ½");
  await answers.nth(2).fill("0.405");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expectVerdict(page, "passed");
  await expect(page.getByTestId("question-overshoot")).toContainText("2/λ₂");
  expect(await passedCount(page)).toBe(3);
});

test("a tuning value out of range is refused where it is typed, and the budget runs out at 8 @phone", async ({
  page,
}) => {
  await page.goto("/exercises/tune-adam-rosenbrock");
  const budget = page.getByTestId("tune-budget");
  await expect(budget).toHaveText("Trial runs left: 8 of 8");
  await typeParam(page, "β2 (second moment)", "1.5");
  const box = page.getByRole("spinbutton", { name: "β2 (second moment)" });
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "must be between 0.5 and 0.9999" })).toContainText(
    "The settings keep 0.999.",
  );
  // Refused: no run is spent on it, no grade asked for; the box gets the focus back.
  await page.getByRole("button", { name: "Try these settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Fix this first" })).toBeVisible();
  await expect(box).toBeFocused();
  await expect(budget).toHaveText("Trial runs left: 8 of 8");
  await page.getByRole("button", { name: "Submit settings" }).click();
  await expect(page.getByTestId("judgment-verdict")).toHaveCount(0);
  // The slider's value stayed the last valid one.
  await expect(page.getByRole("slider", { name: "β2 (second moment) (slider)" })).toHaveAttribute(
    "aria-valuetext",
    "0.999",
  );

  await typeParam(page, "β2 (second moment)", "0.95");
  await expect(box).not.toHaveAttribute("aria-invalid", "true");
  for (let run = 1; run <= 8; run++) await page.getByRole("button", { name: "Try these settings" }).click();
  await expect(budget).toHaveText("Trial runs left: 0 of 8");
  const tryButton = page.getByRole("button", { name: "Try these settings" });
  await expect(tryButton).toHaveAttribute("aria-disabled", "true");
  // Still focusable and pressable from the keyboard, where it says why nothing runs.
  await tryButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "No trial runs left" })).toBeVisible();
  await expect(page.getByTestId("tune-trials").getByRole("listitem")).toHaveCount(8);
});

test("an empty prediction is refused in the page, with no request; the form works from the keyboard @phone", async ({
  page,
}) => {
  await page.goto("/exercises/large-batch-numbers");
  await page.getByRole("textbox").first().focus();
  await page.keyboard.type("3.2");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "needs a number" })).toHaveText(
    /^Answer 2 needs a number/,
  );
  await expect(page.getByTestId("judgment-verdict")).toHaveCount(0);
});
