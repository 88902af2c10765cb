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

test("the stats page says the schedule is not fitted yet and what the defaults cost @phone", async ({
  page,
}) => {
  await page.goto("/cards/stats");
  const section = page.getByTestId("schedule-summary");
  await expect(section.getByRole("heading", { name: "Your schedule" })).toBeVisible();
  await expect(section).toContainText("Once you have 1,000 reviews (you have 0)");
  // The defaults' estimate is made off the request on the first visit; a later one shows it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("schedule-effect")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const table = page.getByTestId("schedule-effect");
  await expect(table.getByRole("columnheader", { name: "At 90% desired retention" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Default parameters \d+\.\d \d+%/ })).toBeVisible();
});

test.describe("in Los Angeles", () => {
  test.use({ timezoneId: "America/Los_Angeles" });

  test("the page reports the browser's time zone in the descent_tz cookie and replaces a stale one", async ({
    page,
    context,
    baseURL,
  }) => {
    const zoneCookie = async () =>
      (await context.cookies()).find((cookie) => cookie.name === "descent_tz")?.value;
    await page.goto("/cards");
    await expect.poll(zoneCookie).toBe("America/Los_Angeles");
    // A stale or forged value is replaced on the next page load.
    await context.addCookies([{ name: "descent_tz", value: "Mars/Olympus", url: baseURL ?? "" }]);
    await page.goto("/cards/stats");
    await expect.poll(zoneCookie).toBe("America/Los_Angeles");
  });
});

test("the server counts days in the browser's zone: the heatmap ends on the local date, not UTC's", async ({
  browser,
}) => {
  // A zone whose date differs from UTC's right now: +14 from 10:00 UTC on, −11 before.
  const timezoneId = new Date().getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  await page.goto("/cards/stats"); // the first load reports the zone; the next one is counted in it
  await page.reload();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: timezoneId }).format(new Date());
  expect(today).not.toBe(new Date().toISOString().slice(0, 10));
  await expect(
    page
      .getByRole("img", { name: /Reviews per day/ })
      .locator("rect title")
      .last(),
  ).toHaveText(new RegExp(`^${today}: `));
  await context.close();
});
