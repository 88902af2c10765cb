import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN } from "../test-app";
import { findLink, type SmtpTestServer, startSmtpTestServer } from "./smtp-test-server";

// Password reset and email verification through the real auth route and better-auth, with mail sent
// by nodemailer to a real SMTP server on loopback (not a mock of the mailer): the link in the
// message is followed, the token works once and expires, and the answers never tell whether an
// account uses an email. Limits per client and per email.
process.env.DESCENT_PEER_HEADER = "1";
const app = createTestApp();
const { createAuth } = await import("@/lib/auth/create-auth.server");
const { handleAuthRequest } = await import("@/lib/auth/auth-route.server");
const { createMailer } = await import("@/lib/auth/mailer.server");
const { createLimiters } = await import("@/lib/http/rate-limit.server");
const { AUTH_LIMITS } = await import("@/lib/auth/limits.server");

let smtp: SmtpTestServer;
let auth: ReturnType<typeof createAuth>;
let unmailed: ReturnType<typeof createAuth>;
const logged: string[] = [];
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  const settings = {
    secret: "test-secret-test-secret-test-secret!",
    trustedOrigins: [TEST_ORIGIN],
    secure: false,
  };
  auth = createAuth(app.db, {
    ...settings,
    baseURL: TEST_ORIGIN,
    mailer: createMailer({ smtpUrl: smtp.url, from: "Descent <no-reply@descent.test>", logMessages: false }),
  });
  // A server without SMTP_URL, in development: the message goes to the log, the answer says so.
  unmailed = createAuth(app.db, {
    ...settings,
    baseURL: TEST_ORIGIN,
    mailer: createMailer({ from: "Descent", logMessages: true, log: (line) => logged.push(line) }),
  });
});
afterAll(async () => smtp?.close());

type Limiters = ReturnType<typeof createLimiters<typeof AUTH_LIMITS>>;
const fresh = (): Limiters => createLimiters(AUTH_LIMITS);

function call(
  limiters: Limiters,
  path: string,
  body: unknown,
  { ip = "10.70.0.1", cookie = "", via = auth } = {},
) {
  const request = new Request(`${TEST_ORIGIN}/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_ORIGIN, "x-descent-peer": ip, cookie },
    body: JSON.stringify(body),
  });
  return handleAuthRequest(via, request, limiters);
}

/** Follows a link of a message through the route, as the browser would (GET, no body). */
function follow(link: string) {
  return handleAuthRequest(
    auth,
    new Request(link, { headers: { "x-descent-peer": "10.70.0.1" }, redirect: "manual" }),
    fresh(),
  );
}

async function signUp(email: string, password: string) {
  const response = await call(fresh(), "/sign-up/email", { name: "R", email, password }, { ip: "10.71.0.1" });
  expect(response.status).toBe(200);
}

const signIn = (email: string, password: string) =>
  call(fresh(), "/sign-in/email", { email, password }, { ip: "10.72.0.1" });

/** Asks for a reset link and returns the token the mailed link carries, after following it. */
async function requestResetToken(email: string, ip = "10.73.0.1"): Promise<string> {
  const since = smtp.mail.length;
  const response = await call(
    fresh(),
    "/request-password-reset",
    { email, redirectTo: "/reset-password" },
    { ip },
  );
  expect(response.status).toBe(200);
  const mail = await smtp.waitForMail(email, since);
  expect(mail.subject).toBe("Reset your Descent password");
  const redirect = await follow(findLink(mail, "/api/auth/reset-password/"));
  expect(redirect.status).toBe(302);
  const location = new URL(redirect.headers.get("location") ?? "", TEST_ORIGIN);
  expect(location.pathname).toBe("/reset-password");
  const token = location.searchParams.get("token");
  if (!token) throw new Error(`no token in ${location}`);
  return token;
}

describe("password reset by email", () => {
  it("mails a link that sets a new password: the new one signs in, the old one no longer does", async () => {
    await signUp("ada@example.com", "first-password-1");
    const token = await requestResetToken("ada@example.com");
    const reset = await call(fresh(), "/reset-password", { token, newPassword: "second-password-2" });
    expect(reset.status).toBe(200);
    expect((await signIn("ada@example.com", "second-password-2")).status).toBe(200);
    expect((await signIn("ada@example.com", "first-password-1")).status).toBe(401);
  });

  it("uses each token once; an expired token is refused; the policy applies to the new password", async () => {
    await signUp("once@example.com", "first-password-1");
    const token = await requestResetToken("once@example.com");
    const weak = await call(fresh(), "/reset-password", { token, newPassword: "password" });
    expect(weak.status).toBe(400);
    expect((await call(fresh(), "/reset-password", { token, newPassword: "second-password-2" })).status).toBe(
      200,
    );
    const again = await call(fresh(), "/reset-password", { token, newPassword: "third-password-3" });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
    // Following a used link lands on the page with the error, not the form.
    const used = await follow(
      `${TEST_ORIGIN}/api/auth/reset-password/${token}?callbackURL=%2Freset-password`,
    );
    expect(used.headers.get("location")).toContain("error=INVALID_TOKEN");

    const stale = await requestResetToken("once@example.com");
    await app.db.verification.updateMany({
      where: { identifier: `reset-password:${stale}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await call(fresh(), "/reset-password", {
      token: stale,
      newPassword: "fourth-password-4",
    });
    expect(expired.status).toBe(400);
    expect((await signIn("once@example.com", "second-password-2")).status).toBe(200);
  });

  it("answers alike whether or not an account uses the email, and mails only the account", async () => {
    await signUp("known@example.com", "first-password-1");
    const since = smtp.mail.length;
    const known = await call(
      fresh(),
      "/request-password-reset",
      { email: "known@example.com" },
      { ip: "10.74.0.1" },
    );
    const unknown = await call(
      fresh(),
      "/request-password-reset",
      { email: "nobody@example.com" },
      { ip: "10.74.0.2" },
    );
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    await smtp.waitForMail("known@example.com", since);
    expect(smtp.mail.slice(since).flatMap((mail) => mail.to)).not.toContain("nobody@example.com");
  });

  it("limits requests per client and per email (3 each), counting unknown emails too", async () => {
    const limiters = fresh();
    const statuses = [];
    for (const email of ["a@example.com", "b@example.com", "c@example.com", "d@example.com"])
      statuses.push((await call(limiters, "/request-password-reset", { email }, { ip: "10.75.0.1" })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const perEmail = [];
    for (let client = 1; client <= 4; client++)
      perEmail.push(
        (
          await call(
            limiters,
            "/request-password-reset",
            { email: "e@example.com" },
            { ip: `10.76.0.${client}` },
          )
        ).status,
      );
    expect(perEmail).toEqual([200, 200, 200, 429]);
    const refused = await call(
      limiters,
      "/request-password-reset",
      { email: "e@example.com" },
      { ip: "10.76.0.9" },
    );
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("without SMTP, the development server logs the message with its link", async () => {
    await signUp("nosmtp@example.com", "first-password-1");
    const asked = await call(
      fresh(),
      "/request-password-reset",
      { email: "nosmtp@example.com" },
      {
        via: unmailed,
        ip: "10.77.0.1",
      },
    );
    expect(asked.status).toBe(200);
    expect(logged.join("\n")).toMatch(
      /not sent:\nTo: nosmtp@example\.com[\s\S]*\/api\/auth\/reset-password\//,
    );
  });
});

describe("email verification", () => {
  it("mails a link that marks the email verified; optional for sign-in", async () => {
    await signUp("verify@example.com", "first-password-1");
    const signedIn = await signIn("verify@example.com", "first-password-1");
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.getSetCookie() ?? []).map((line) => line.split(";")[0]).join("; ");
    const user = () => app.db.user.findUniqueOrThrow({ where: { email: "verify@example.com" } });
    expect((await user()).emailVerified).toBe(false);

    const since = smtp.mail.length;
    const sent = await call(
      fresh(),
      "/send-verification-email",
      { email: "verify@example.com", callbackURL: "/account?verified=1" },
      { cookie },
    );
    expect(sent.status).toBe(200);
    const mail = await smtp.waitForMail("verify@example.com", since);
    expect(mail.subject).toBe("Verify your email for Descent");
    const landed = await follow(findLink(mail, "/api/auth/verify-email"));
    expect(landed.status).toBe(302);
    expect(new URL(landed.headers.get("location") ?? "", TEST_ORIGIN).pathname).toBe("/account");
    expect((await user()).emailVerified).toBe(true);
  });
});
