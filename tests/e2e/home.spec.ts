import { expect, test } from "../playwright-utils";

test("the home page says what Descent offers and leads into it @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("optimizers");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Course" }),
  ).toBeVisible();
  for (const name of ["Start the course", "Open the exercises", "Start drilling"]) {
    await expect(page.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  }
  // Nothing overflows sideways, on a phone included.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a first visit stores nothing; the first write makes an httpOnly guest cookie and a learner", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("/");
  await page.goto("/dashboard");
  expect((await context.cookies()).find((cookie) => cookie.name === "descent_guest")).toBeUndefined();
  expect(await (await page.request.get("/api/me")).json()).toEqual({ learnerId: null, isGuest: true });

  const read = await page.request.post("/api/lessons/adam/read", { headers: { origin: baseURL ?? "" } });
  expect(read.ok()).toBe(true);
  const guest = (await context.cookies()).find((cookie) => cookie.name === "descent_guest");
  expect(guest, "guest cookie set").toBeTruthy();
  expect(guest?.httpOnly).toBe(true);
  expect(guest?.sameSite).toBe("Lax");
  expect(guest?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const me = (await (await page.request.get("/api/me")).json()) as { learnerId: string; isGuest: boolean };
  expect(me.isGuest).toBe(true);
  expect(me.learnerId).toBeTruthy();
  // The same cookie keeps naming the same learner.
  const again = (await (await page.request.get("/api/me")).json()) as { learnerId: string };
  expect(again.learnerId).toBe(me.learnerId);
});

test("the theme switch toggles dark mode and remembers it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await page.getByRole("button", { name: /Switch to dark theme/ }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(15, 17, 21)");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("the home page is readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Start with lesson 1/ })).toHaveAttribute("href", "/learn");
  await context.close();
});
