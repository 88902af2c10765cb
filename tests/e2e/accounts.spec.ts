import type { Page } from "@playwright/test";
import { expect, test, uniqueClientAddress } from "../playwright-utils";

test.describe.configure({ mode: "serial" });

const email = `learner-${Date.now()}@example.com`;
const password = "descent-e2e-pass-1";

/** Marks the Adam lesson read as a guest: the first write, which creates the guest learner. */
async function markAdamRead(page: Page, baseURL: string) {
  const response = await page.request.post("/api/lessons/adam/read", { headers: { origin: baseURL } });
  expect(response.ok()).toBe(true);
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
  await markAdamRead(page, baseURL ?? "");
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
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() } });
  const otherPage = await other.newPage();
  await signIn(otherPage);
  await expect(otherPage.getByTestId("lessons-read")).toHaveText(/^1 \/ \d+$/);
  await expect(
    otherPage.getByRole("region", { name: "Lessons read" }).getByRole("link", { name: /Adam/ }),
  ).toBeVisible();

  // Sign out: a fresh visitor with no progress, and no guest cookie until it stores something.
  await otherPage.goto("/account");
  await otherPage.getByRole("button", { name: "Sign out" }).click();
  // Signing out says what happened to the progress, and offers signing in again.
  await expect(otherPage).toHaveURL(/\/signin\?signedOut=1$/);
  await otherPage.goto("/dashboard");
  await expect(otherPage.getByTestId("lessons-read")).toHaveText(/^0 \/ \d+$/);
  expect((await other.cookies()).find((cookie) => cookie.name === "descent_guest")).toBeUndefined();
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
  // A context of its own: these requests answer 401 on purpose, which the page fixture would flag.
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() },
  });
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
  await page.getByLabel("Password").fill("password12");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /common passwords/ })).toBeVisible();
  // A taken email with another password: sign-up answers as for a new one (no enumeration); the
  // sign-in after it fails. (With the account's own password it simply signs in.)
  await page.getByLabel("Password").fill("another-e2e-pass-2");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /Could not create an account/ })).toBeVisible();
  await context.close();
});
