import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { BrowserContext, Page } from "@playwright/test";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { expect, test } from "../playwright-utils";

test.describe.configure({ mode: "serial" });

const email = `learner-${Date.now()}@example.com`;
const password = "descent-e2e-pass-1";

/**
 * Marks the Adam lesson read as a guest: through the lessons API when the app has it, otherwise
 * straight into the test server's database (the record the API would make).
 */
async function markAdamRead(page: Page, context: BrowserContext, baseURL: string) {
  const response = await page.request.post("/api/lessons/adam/read", { headers: { origin: baseURL } });
  if (response.ok()) return;
  expect(response.status(), "the lessons API answers, or is absent").toBe(404);
  await page.request.get("/api/me"); // creates the guest learner
  const token = (await context.cookies()).find((cookie) => cookie.name === "descent_guest")?.value;
  const url = path.resolve((process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db").slice("file:".length));
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  try {
    const learner = await db.learner.findUniqueOrThrow({ where: { guestToken: token } });
    await db.lessonRead.create({ data: { learnerId: learner.id, lessonSlug: "adam" } });
  } finally {
    await db.$disconnect();
  }
}

async function signIn(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a guest's progress moves into a new account and follows it to another browser", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await page.goto("/");
  await markAdamRead(page, context, baseURL ?? "");
  await page.goto("/dashboard");
  await expect(page.getByTestId("lessons-read")).toHaveText(/^1 \/ \d+$/);

  // Sign up, keyboard only: the guest's read lesson is in the account.
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("lessons-read")).toHaveText(/^1 \/ \d+$/);
  await expect(
    page.getByRole("region", { name: "Lessons read" }).getByRole("link", { name: /Adam/ }),
  ).toBeVisible();

  const session = (await context.cookies()).find((cookie) =>
    cookie.name.endsWith("better-auth.session_token"),
  );
  expect(session, "session cookie set").toBeTruthy();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(session?.secure, "Secure in production, accepted by Chromium on a loopback address").toBe(true);

  // Another browser: sign in, same progress.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage);
  await expect(otherPage.getByTestId("lessons-read")).toHaveText(/^1 \/ \d+$/);
  await expect(
    otherPage.getByRole("region", { name: "Lessons read" }).getByRole("link", { name: /Adam/ }),
  ).toBeVisible();

  // Sign out: a fresh guest, with a new guest cookie and no progress.
  const guestBefore = (await other.cookies()).find((cookie) => cookie.name === "descent_guest")?.value;
  await otherPage.goto("/account");
  await otherPage.getByRole("button", { name: "Sign out" }).click();
  await expect(otherPage).toHaveURL(/\/$/);
  await otherPage.goto("/dashboard");
  await expect(otherPage.getByTestId("lessons-read")).toHaveText(/^0 \/ \d+$/);
  const guestAfter = (await other.cookies()).find((cookie) => cookie.name === "descent_guest")?.value;
  expect(guestAfter).toBeTruthy();
  expect(guestAfter).not.toBe(guestBefore);
  await other.close();
});

test("the account page exports the data as a download", async ({ page }) => {
  await signIn(page);
  await page.goto("/account");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^descent-export-\d{4}-\d{2}-\d{2}\.json$/);
});

test("sign-in and sign-up failures are announced clearly", async ({ browser }) => {
  // A context of its own: these requests answer 401/422 on purpose, which the page fixture would flag.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /do not match an account/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();

  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("aaaaaaaaaaaa");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByText(/Mix at least two kinds of characters/)).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /already exists/ })).toBeVisible();
  await context.close();
});
