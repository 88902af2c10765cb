import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

async function currentCardId(page: Page): Promise<string> {
  return (await page.getByTestId("flash-card").getAttribute("data-card-id")) ?? "";
}

async function reveal(page: Page) {
  // Retried: a key pressed before hydration has no listener yet.
  await expect(async () => {
    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

test("drill with the keyboard: Space reveals, 3 rates Good, the queue moves on after reload, U undoes @phone", async ({
  page,
}) => {
  await page.goto("/cards");
  const first = await currentCardId(page);
  expect(first).not.toBe("");
  await reveal(page);
  // Each rating button shows the interval it leads to.
  for (const label of ["Again", "Hard", "Good", "Easy"]) {
    await expect(page.getByRole("button", { name: new RegExp(`^${label}`) })).toContainText(
      /\d+(m|h|d|mo|y)|<1m/,
    );
  }
  await page.keyboard.press("3");
  await expect(page.getByTestId("flash-card")).not.toHaveAttribute("data-card-id", first);
  await expect(page.getByTestId("card-back")).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("flash-card")).not.toHaveAttribute("data-card-id", first);

  await expect(async () => {
    await page.keyboard.press("u");
    await expect(page.getByTestId("flash-card")).toHaveAttribute("data-card-id", first, { timeout: 1_000 });
  }).toPass();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a double submit counts once and a stale tab gets a clear 409", async ({ page, baseURL }) => {
  await page.goto("/cards");
  const cardId = await currentCardId(page);
  const headers = { origin: baseURL ?? "" };
  const body = { cardId, rating: 3, requestId: randomUUID(), version: 0 };
  const a = await page.request.post("/api/cards/rate", { data: body, headers });
  const b = await page.request.post("/api/cards/rate", { data: body, headers });
  expect(a.status()).toBe(200);
  expect(((await b.json()) as { result: { duplicate: boolean } }).result.duplicate).toBe(true);

  const stale = await page.request.post("/api/cards/rate", {
    data: { ...body, requestId: randomUUID() },
    headers,
  });
  expect(stale.status()).toBe(409);
  const answer = (await stale.json()) as { error: string; card: { id: string; version: number } };
  expect(answer.error).toMatch(/another tab/);
  expect(answer.card).toMatchObject({ id: cardId, version: 1 });

  const crossSite = await page.request.post("/api/cards/rate", {
    data: body,
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
});

test("the stats page shows the heatmap, retention and forecast", async ({ page }) => {
  await page.goto("/cards/stats");
  await expect(page.getByRole("heading", { name: "Drill stats" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Reviews per day/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Cards due over the next 14 days/ })).toBeVisible();
  await expect(page.getByTestId("retention")).toBeVisible();
});
