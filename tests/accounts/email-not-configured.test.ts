import { describe, expect, it, vi } from "vitest";
import { createTestApp, TEST_ORIGIN } from "../test-app";

// The app's auth route on a server without SMTP_URL: asking for a reset link answers 503 "email is
// not set up", the same for a known and an unknown email (never "check your inbox").
process.env.DESCENT_PEER_HEADER = "1";
vi.stubEnv("SMTP_URL", "");
vi.stubEnv("APP_ORIGIN", TEST_ORIGIN);
const app = createTestApp();
const { POST } = await import("@/app/api/auth/[...all]/route");

const post = (path: string, body: unknown, ip: string) =>
  POST(
    new Request(`${TEST_ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN, "x-descent-peer": ip },
      body: JSON.stringify(body),
    }),
  );

describe("without a mail server", () => {
  it("says email is not set up, alike for a known and an unknown email", async () => {
    const made = await post(
      "/sign-up/email",
      { name: "N", email: "known@example.com", password: "first-password-1" },
      "10.80.0.1",
    );
    expect(made.status).toBe(200);
    expect(await app.db.user.count({ where: { email: "known@example.com" } })).toBe(1);
    const known = await post("/request-password-reset", { email: "known@example.com" }, "10.80.0.2");
    const unknown = await post("/request-password-reset", { email: "nobody@example.com" }, "10.80.0.3");
    expect(known.status).toBe(503);
    expect(unknown.status).toBe(503);
    const answer = await known.json();
    expect(answer).toEqual({
      code: "EMAIL_NOT_CONFIGURED",
      message: "Email is not set up on this server (SMTP_URL), so no message was sent.",
    });
    expect(await unknown.json()).toEqual(answer);
  });
});
