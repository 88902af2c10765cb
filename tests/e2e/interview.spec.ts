import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// A mock interview from the start page to the report, driven with the keyboard: a rapid round of
// the real question bank, items of several kinds answered, a reload half-way (the countdown goes on
// from the server's deadline, answers are kept), "Finish interview", the report, axe in both themes.

test.use({ reducedMotion: "reduce" });

const item = (page: Page) => page.locator("section[data-item-type]");

async function remainingMs(page: Page): Promise<number> {
  return Number(await page.getByRole("timer").getAttribute("data-remaining-ms"));
}

async function press(locator: Locator, key: string) {
  await locator.focus();
  await locator.press(key);
}

/** Answers the item shown with the keyboard only (not necessarily right); returns its type. */
async function answerShownItem(page: Page): Promise<string> {
  const section = item(page);
  const type = (await section.getAttribute("data-item-type")) ?? "";
  const submit = section.getByRole("button", { name: "Submit answer" });
  switch (type) {
    case "choice": {
      const option = section.locator('input[type="radio"], input[type="checkbox"]').first();
      await press(option, "Space");
      await expect(option).toBeChecked();
      await press(submit, "Enter");
      break;
    }
    case "order": {
      const first = section.getByRole("listitem").first();
      const text = (await first.locator("span").first().textContent()) ?? "";
      await press(section.getByRole("button", { name: /^Move down/ }).first(), "Enter");
      await expect(section.getByRole("listitem").nth(1)).toContainText(text.trim());
      await press(submit, "Enter");
      break;
    }
    case "numeric": {
      const input = section.getByRole("textbox", { name: /Your answer/ });
      await input.focus();
      await page.keyboard.type("0.5");
      await page.keyboard.press("Enter");
      break;
    }
    case "formula": {
      const input = section.getByRole("textbox", { name: "Your expression" });
      await input.focus();
      await page.keyboard.type("1 - x");
      await page.keyboard.press("Enter");
      break;
    }
    case "explain": {
      const text = section.getByRole("textbox", { name: /Your explanation/ });
      await text.focus();
      await page.keyboard.type("Bias correction divides by one minus beta to the t.");
      await press(submit, "Enter");
      const marks = section.getByRole("button", { name: "Submit marks" });
      await expect(marks).toBeVisible();
      await press(marks, "Enter");
      break;
    }
    default:
      throw new Error(`a rapid round asks no ${type} item`);
  }
  await expect(section.getByText(/Answer recorded|points/).first()).toBeVisible();
  return type;
}

async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a rapid round: start, answer with the keyboard, reload, finish, read the report", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/interview");
  await page.getByLabel(/Rapid round/).check();
  await page.getByLabel(/^Real/).check();
  await press(page.getByRole("button", { name: "Start interview" }), "Enter");
  await expect(page).toHaveURL(/\/interview\/[a-z0-9]+$/);
  const timer = page.getByRole("timer");
  await expect(timer).toHaveText(/^1[45]:\d\d$/);

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    expect(await axeFindings(page), `interview page, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });

  const types = new Set<string>();
  for (let n = 0; n < 2; n++) {
    types.add(await answerShownItem(page));
    await press(page.getByRole("button", { name: "Next item" }), "Enter");
  }
  await expect(page.getByText(/2 of \d+ answered/)).toBeVisible();

  // Reload half-way: the countdown continues from less time, the answers are kept.
  const before = await remainingMs(page);
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(timer).toHaveText(/^1[45]:\d\d$/);
  expect(await remainingMs(page)).toBeLessThan(before);
  await expect(page.getByText(/2 of \d+ answered/)).toBeVisible();
  await expect(page.getByRole("button", { name: /\(.*answered\)/ })).toHaveCount(2);

  // Answer until four kinds have been seen or the items run out.
  const total = Number(
    ((await page.getByText(/of \d+ answered/).textContent()) ?? "").match(/of (\d+)/)?.[1],
  );
  for (let n = 2; n < total && types.size < 4; n++) {
    const button = page.getByRole("button", { name: new RegExp(`^${n + 1} \\(`) });
    if (((await button.textContent()) ?? "").includes("answered")) continue;
    await press(button, "Enter");
    types.add(await answerShownItem(page));
  }
  expect(types.size).toBeGreaterThanOrEqual(3);

  await press(page.getByRole("button", { name: "Finish interview" }), "Enter");
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  await expect(page.getByTestId("interview-score")).toHaveText(/^\d+ \/ 100$/);
  await expect(page.getByTestId("interview-readiness")).toHaveText(/Ready|Almost|Not yet/);
  await expect(page.getByText(/mean of at least 3 of 4 and no dimension below 2/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /\d+ cards? added to your reviews/ })).toBeVisible();
  await expect(page.getByText("Your answer").first()).toBeVisible();
  await expect(page.getByText("Expected").first()).toBeVisible();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    expect(await axeFindings(page), `report, ${colorScheme}`).toEqual([]);
  }

  // The dashboard shows the last interview.
  await page.goto("/dashboard");
  await expect(page.getByTestId("last-interview")).toContainText("/ 100");
});
