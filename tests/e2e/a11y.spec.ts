import { readdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// axe on every page a learner can reach, in both themes, on desktop and (tagged @phone) on a phone:
// no serious or critical finding. Colour contrast is the usual culprit, and differs per theme.

const exercises = readdirSync("content/exercises", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/exercises/${entry.name}`)
  .sort();

const pages = [
  "/",
  "/learn",
  "/learn/optimization-problem",
  "/learn/momentum",
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
  if (/^\/exercises\/./.test(new URL(page.url()).pathname)) {
    await expect(page.locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 30_000 });
    await expect(page.locator(".monaco-editor .view-lines")).toBeVisible();
  }
  await page.waitForLoadState("networkidle");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

test.use({ reducedMotion: "reduce" });

for (const path of pages) {
  test(`${path} has no serious or critical axe finding, light and dark @phone`, async ({ page }) => {
    const findings: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.goto(path);
      await settle(page);
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") continue;
        const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(" "));
        findings.push(`${colorScheme}: ${violation.id} (${violation.nodes.length}) ${targets.join(" | ")}`);
      }
    }
    expect(findings).toEqual([]);
  });
}
