import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// The card browser (/cards/browse): search and filters, suspend, an own card with math that is
// rendered in the list and drilled first; axe in both themes; a phone's width.

const list = (page: Page) => page.getByTestId("browse-list").locator("> li");

async function addOwnCard(page: Page, front: string, back: string, topic?: string) {
  await page.getByLabel("Question").fill(front);
  await page.getByLabel("Answer", { exact: true }).fill(back);
  if (topic) await page.getByLabel("Topic").last().selectOption({ label: topic });
  await page.getByRole("button", { name: "Add the card" }).click();
  await expect(page.getByRole("status")).toHaveText(/Added/);
}

test("search, filter by topic and state, suspend a card, and drill an own card with math @phone", async ({
  page,
}) => {
  await page.goto("/cards/browse");
  const total = Number((await page.getByTestId("browse-count").textContent())?.split(" ")[0]);
  expect(total).toBeGreaterThan(100);

  // Search: every listed card mentions the words.
  await page.getByRole("searchbox", { name: "Search" }).fill("bias correction");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=bias\+correction/);
  const found = await list(page).count();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(total);
  await expect(page.getByTestId("browse-count")).toHaveText(new RegExp(`^${found} cards? of `));

  // Topic names are the course's, in course order.
  const options = await page.getByLabel("Topic").first().locator("option").allTextContents();
  expect(options.slice(0, 4)).toEqual([
    "All topics",
    "The optimization problem",
    "Stochastic and mini-batch gradient descent",
    "Momentum",
  ]);
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await page.getByLabel("Topic").first().selectOption({ label: "Adam" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/topic=adam/);
  const badges = list(page).locator("p span.badge:first-child");
  expect(new Set(await badges.allTextContents())).toEqual(new Set(["Adam"]));

  // Suspend the first Adam card: it says so, and the state filter finds it.
  const first = list(page).first();
  const cardId = await first.getAttribute("data-card-id");
  await first.getByRole("button", { name: "Suspend" }).click();
  await expect(first.getByTestId("card-state")).toHaveText("Suspended");
  await expect(first.getByRole("button", { name: "Unsuspend" })).toBeVisible();
  await page.goto("/cards/browse?state=suspended");
  await expect(list(page)).toHaveCount(1);
  await expect(list(page).first()).toHaveAttribute("data-card-id", cardId ?? "");

  // An own card with math: rendered by KaTeX in the list, then the drill's first new card.
  await page.goto("/cards/browse");
  await addOwnCard(
    page,
    "What does Adam's $\\hat m_t$ correct?",
    "The **bias** toward zero of early steps: $\\hat m_t = m_t/(1-\\beta_1^t)$",
  );
  const own = page.getByTestId("browse-list").locator('li[data-card-id^="own-"]');
  await expect(own).toHaveCount(1);
  await expect(own.locator(".katex").first()).toBeVisible();
  await expect(own.getByTestId("card-state")).toHaveText("New");

  await page.goto("/cards");
  const card = page.getByTestId("flash-card");
  await expect(card).toHaveAttribute("data-card-id", /^own-/);
  await expect(card.locator(".katex").first()).toBeVisible();
  await expect(card).toContainText("Your own cards");
  await expect(async () => {
    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId("card-back").locator("strong")).toHaveText("bias");
  await page.keyboard.press("3");
  await expect(card).not.toHaveAttribute("data-card-id", /^own-/);
  // The suspended card is not drilled: never the current card while the new ones come.
  expect(await card.getAttribute("data-card-id")).not.toBe(cardId);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.goto("/cards/browse");
  const browseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(browseOverflow).toBeLessThanOrEqual(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the card browser has no serious or critical axe finding, ${colorScheme} @phone`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    // The Adam cards and an own card among them: the list, the forms and KaTeX in view.
    await page.goto("/cards/browse?topic=adam");
    await addOwnCard(page, "Own card for axe: $\\beta_2$?", "*Second* moment decay", "Adam");
    await expect(page.getByTestId("browse-list").locator('li[data-card-id^="own-"]')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    const findings = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) => `${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")}`,
      );
    expect(findings).toEqual([]);
  });
}
