import type { Page } from "@playwright/test";
import { findLink, type SmtpTestServer, startSmtpTestServer } from "../accounts/smtp-test-server";
import { expect, test } from "../playwright-utils";

// An account you can get back into: the e2e server mails through SMTP_URL to the SMTP test server
// this file starts on loopback (scripts/e2e-server.mjs: E2E_PORT + 2000), and the test follows the
// link in the mail it received, as a learner would. One server per file, so the tests run in turn.
test.describe.configure({ mode: "serial" });

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 2000;
let smtp: SmtpTestServer;
test.beforeAll(async () => {
  smtp = await startSmtpTestServer(SMTP_PORT);
});
test.afterAll(async () => smtp?.close());

const newEmail = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function signUp(page: Page, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a learner who forgot the password gets back in with the mailed link, once", async ({
  page,
  baseURL,
}) => {
  const email = newEmail("reset");
  await signUp(page, email, "first-e2e-pass-1");

  // Signing out says where the progress is, and offers sign-in.
  await page.goto("/account");
  await expect(page.getByText("Signing out keeps all your progress in your account")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByTestId("signed-out")).toContainText("Your progress is kept in your account");

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const since = smtp.mail.length;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText(`If an account uses ${email}, a link`);
  const mail = await smtp.waitForMail(email, since);
  expect(mail.subject).toBe("Reset your Descent password");
  const link = findLink(mail, "/api/auth/reset-password/");

  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password", { exact: true }).fill("second-e2e-pass-2");
  await page.getByLabel("New password again").fill("second-e2e-pass-2");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in with the new password" }).click();

  // The old password is refused (asked outside the page: a 401 in the page fails the fixture).
  const old = await page.request.post("/api/auth/sign-in/email", {
    data: { email, password: "first-e2e-pass-1" },
    headers: { origin: baseURL ?? "" },
  });
  expect(old.status()).toBe(401);
  await signIn(page, email, "second-e2e-pass-2");
  await expect(page).toHaveURL(/\/dashboard$/);

  // The link worked once.
  await page.goto(link);
  await expect(
    page.getByRole("alert").filter({ hasText: "This link has expired or was already used" }),
  ).toBeVisible();
});

test("asking for an email without an account reads the same, and sends nothing", async ({ page }) => {
  const email = newEmail("nobody");
  const since = smtp.mail.length;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText(`If an account uses ${email}, a link`);
  await page.waitForTimeout(1000);
  expect(smtp.mail.slice(since).flatMap((message) => message.to)).not.toContain(email);
});

test("a learner verifies the email from /account, then deletes the account and is told what went", async ({
  page,
  baseURL,
}) => {
  const email = newEmail("verify");
  await signUp(page, email, "first-e2e-pass-1");
  await page.goto("/account");
  await expect(page.getByTestId("email-unverified")).toContainText("not verified yet");
  const since = smtp.mail.length;
  await page.getByRole("button", { name: "Email me a verification link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "on its way" })).toContainText(email);
  const mail = await smtp.waitForMail(email, since);
  await page.goto(findLink(mail, "/api/auth/verify-email"));
  await expect(page).toHaveURL(/\/account\?verified=1$/);
  await expect(page.getByTestId("email-verified")).toContainText("Thank you: your email is verified.");

  // One lesson read, so the count is not only zeros.
  const read = await page.request.post("/api/lessons/adam/read", { headers: { origin: baseURL ?? "" } });
  expect(read.ok()).toBe(true);
  await page.getByLabel(/To delete your account/).fill("delete my data");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByTestId("deleted")).toContainText("Deleted: your account, 1 lesson read.");
  await expect(page.getByRole("heading", { name: "You are learning as a guest" })).toBeVisible();
});
