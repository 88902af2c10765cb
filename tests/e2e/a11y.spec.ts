import { readdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// axe on every page a learner can reach, in both themes, on desktop and (tagged @phone) on a phone:
// no serious or critical finding. Colour contrast is the usual culprit, and differs per theme.

const exercises = readdirSync("content/exercises", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/exercises/${entry.name}`)
  .sort();

// Exercises of judgment (a "kind" in exercise.json: tune, diagnose, predict) have no editor to wait for.
const judgmentExercises = new Set(
  exercises.filter((path) => JSON.parse(readFileSync(`content${path}/exercise.json`, "utf8")).kind),
);

const pages = [
  "/",
  "/learn",
  "/learn/optimization-problem",
  "/learn/stochastic-gradient-descent",
  "/learn/momentum",
  "/learn/choosing-an-optimizer",
  "/learn/training-stability",
  "/learn/what-theory-promises",
  "/learn/optimizers-of-today",
  "/exercises",
  ...exercises,
  "/cards",
  "/cards/stats",
  "/dashboard",
  "/account",
  "/signin",
  "/signup",
];

/** Waits for what the page draws after load: the editor on an exercise page, fonts everywhere. */
async function settle(page: Page) {
  const path = new URL(page.url()).pathname;
  if (/^\/exercises\/./.test(path) && !judgmentExercises.has(path)) {
    await expect(page.locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 30_000 });
    await expect(page.locator(".monaco-editor .view-lines")).toBeVisible();
  }
  await page.waitForLoadState("networkidle");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

test.use({ reducedMotion: "reduce" });

// A long lesson is thousands of KaTeX spans for axe's contrast check: on a loaded 2-core machine one
// analysis took most of a minute on a phone, so each theme is its own test with room to finish.
for (const path of pages) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${path} has no serious or critical axe finding, ${colorScheme} @phone`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.goto(path);
      await settle(page);
      const results = await new AxeBuilder({ page }).analyze();
      const findings: string[] = [];
      for (const violation of results.violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") continue;
        const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(" "));
        findings.push(`${violation.id} (${violation.nodes.length}) ${targets.join(" | ")}`);
      }
      expect(findings).toEqual([]);
    });
  }
}

// A graded report is drawn only after a submission: the starter of Momentum fails with plots, a first
// divergence and each test's code, the densest report a learner sees.
for (const colorScheme of ["light", "dark"] as const) {
  test(`a failed submission's report has no serious or critical axe finding, ${colorScheme}`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto("/exercises/momentum");
    await settle(page);
    await page.getByRole("button", { name: "Submit" }).click();
    const report = page.locator("[data-verdict]");
    await expect(report).toHaveAttribute("data-verdict", "failed", { timeout: 60_000 });
    await page.getByText("What this test ran").first().click();
    await expect(page.locator("details[open]").first()).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include("section[aria-labelledby='grade-verdict']")
      .analyze();
    const findings = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) => `${violation.id} ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`,
      );
    expect(findings).toEqual([]);
  });
}
