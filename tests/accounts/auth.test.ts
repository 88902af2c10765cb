import { describe, expect, it, vi } from "vitest";
import { createTestApp, createTestAuth, TEST_ORIGIN } from "../test-app";
import { makeGuestToken, seedLearner } from "./test-db";

// As behind scripts/server.mjs: the peer address header is believed (tests set it per request).
process.env.DESCENT_PEER_HEADER = "1";
const app = createTestApp();
const testAuth = createTestAuth(app);
const { handleAuthRequest } = await import("@/lib/auth/auth-route.server");
const { createLimiters } = await import("@/lib/http/rate-limit.server");
const { AUTH_LIMITS } = await import("@/lib/auth/limits.server");

const ORIGIN = TEST_ORIGIN;
const limiters = createLimiters(AUTH_LIMITS);

let ip = 0;
/**
 * A POST to an auth endpoint through the app's auth route, as a browser on the app's origin would
 * send it (one peer address per call unless given).
 */
function post(
  path: string,
  body: unknown,
  options: {
    cookie?: string;
    ip?: string;
    origin?: string;
    headers?: Record<string, string>;
    raw?: string;
  } = {},
) {
  return handleAuthRequest(
    testAuth.auth,
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: options.origin ?? ORIGIN,
        "x-descent-peer": options.ip ?? `10.0.${Math.floor(++ip / 250)}.${ip % 250}`,
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: options.raw ?? JSON.stringify(body),
    }),
    limiters,
  );
}

async function message(response: Response): Promise<string> {
  return ((await response.json()) as { message?: string }).message ?? "";
}

describe("email and password accounts through better-auth", () => {
  it("signs up with a strong password, then signs in: httpOnly SameSite=Lax session cookie, scrypt hash, guest progress moved", async () => {
    const token = makeGuestToken("authguest");
    const guest = await seedLearner(app.db, { guestToken: token, reads: [["adam", new Date()]] });
    const signUp = await post("/sign-up/email", {
      name: "Ada",
      email: "ada@example.com",
      password: "gradient-descent-1",
    });
    expect(signUp.status).toBe(200);
    // Sign-up does not sign in (the same answer as for a taken email, below).
    expect(signUp.headers.get("set-cookie") ?? "").not.toMatch(/session_token=/);
    const response = await post(
      "/sign-in/email",
      { email: "ada@example.com", password: "gradient-descent-1" },
      { cookie: `descent_guest=${token}` },
    );
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/better-auth\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const user = await app.db.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { accounts: true, learner: true },
    });
    // better-auth's default hash: scrypt, stored as "salt:key" in hex, never the password itself.
    expect(user.accounts[0]?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(user.learner?.id).toBe(guest.id);
    expect(await app.db.lessonRead.count({ where: { learnerId: guest.id } })).toBe(1);
  });

  it("refuses weak passwords with a clear message", async () => {
    const short = await post("/sign-up/email", { email: "weak@example.com", password: "abc12" });
    expect(short.status).toBe(400);
    expect(await message(short)).toMatch(/at least 10 characters/);
    const oneKind = await post("/sign-up/email", { email: "weak@example.com", password: "onlyletterslong" });
    expect(oneKind.status).toBe(400);
    expect(await message(oneKind)).toMatch(/two kinds of characters/);
    // On the common-passwords list, though long enough and of two kinds.
    const common = await post("/sign-up/email", { email: "weak@example.com", password: "password12" });
    expect(common.status).toBe(400);
    expect(await message(common)).toMatch(/common passwords/);
    expect(await app.db.user.count({ where: { email: "weak@example.com" } })).toBe(0);
  });

  it("answers a taken email exactly as a new one (no enumeration), and changes nothing", async () => {
    const shape = async (response: Response) => {
      const body = (await response.json()) as { token: unknown; user: Record<string, unknown> };
      return {
        status: response.status,
        token: body.token,
        keys: Object.keys(body.user).sort(),
        cookie: response.headers.has("set-cookie"),
      };
    };
    const taken = await post("/sign-up/email", {
      name: "Ada",
      email: "ada@example.com",
      password: "another-pass-2",
    });
    const fresh = await post("/sign-up/email", {
      name: "Bo",
      email: "bo@example.com",
      password: "another-pass-2",
    });
    const freshShape = await shape(fresh);
    expect(await shape(taken)).toEqual(freshShape);
    expect(freshShape).toMatchObject({ status: 200, token: null, cookie: false });
    const wrong = await post("/sign-in/email", { email: "ada@example.com", password: "another-pass-2" });
    expect(wrong.status).toBe(401);
  });

  it("signs in with the right password and refuses a wrong one", async () => {
    const ok = await post("/sign-in/email", { email: "ada@example.com", password: "gradient-descent-1" });
    expect(ok.status).toBe(200);
    const wrong = await post("/sign-in/email", { email: "ada@example.com", password: "gradient-descent-2" });
    expect(wrong.status).toBe(401);
    expect(await message(wrong)).toMatch(/invalid email or password/i);
  });

  it("limits sign-in per network client whatever X-Forwarded-For says: 429 with Retry-After", async () => {
    const { points } = AUTH_LIMITS.signInsPerClient;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < points + 1; attempt++) {
      // A new made-up forwarded address per try, and a new email so the per-email limit stays out of it.
      const response = await post(
        "/sign-in/email",
        { email: `nobody${attempt}@example.com`, password: "wrong-password-9" },
        { ip: "10.9.9.9", headers: { "x-forwarded-for": `203.0.113.${attempt}, 198.51.100.${attempt}` } },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await message(response)).toMatch(/too many attempts/i);
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(response.headers.get("x-retry-after")).toBe(response.headers.get("retry-after"));
      }
    }
    expect(statuses).toEqual([...Array(points).fill(401), 429]);
    // Another client, sending the same forwarded values, is not locked out by the first.
    const other = await post(
      "/sign-in/email",
      { email: "ada@example.com", password: "gradient-descent-1" },
      { ip: "10.9.9.10", headers: { "x-forwarded-for": "203.0.113.1, 198.51.100.1" } },
    );
    expect(other.status).toBe(200);
  });

  it("limits failed sign-ins per email across clients, then refuses even the right password until the window passes", async () => {
    const { points } = AUTH_LIMITS.signInFailuresPerEmail;
    await post("/sign-up/email", { name: "T", email: "target@example.com", password: "target-pass-42" });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < points + 1; attempt++) {
      const response = await post("/sign-in/email", {
        email: "target@example.com",
        password: `guess-number-${attempt}`,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(points).fill(401), 429]);
    // The right password is refused too until the window passes: guessing gains nothing.
    expect(
      (await post("/sign-in/email", { email: "TARGET@example.com", password: "target-pass-42" })).status,
    ).toBe(429);
  });

  it("limits sign-ups per network client", async () => {
    const { points } = AUTH_LIMITS.signUpsPerClient;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < points + 1; attempt++) {
      const response = await post(
        "/sign-up/email",
        { name: "M", email: `many${attempt}@example.com`, password: "sign-up-flood-1" },
        { ip: "10.8.8.8", headers: { "x-forwarded-for": `192.0.2.${attempt}` } },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(points).fill(200), 429]);
  });

  it("refuses lone surrogates and non-JSON bodies with 400/415 before better-auth runs", async () => {
    const raw = '{"email":"s@example.com","password":"gradient-descent-1","name":"\\ud800"}';
    const surrogate = await post("/sign-up/email", null, { raw });
    expect(surrogate.status).toBe(400);
    expect(await message(surrogate)).toMatch(/surrogate/);
    const signIn = await post("/sign-in/email", null, {
      raw: '{"email":"ada@example.com","password":"\\udfff1234567890"}',
    });
    expect(signIn.status).toBe(400);
    const plain = await post(
      "/sign-in/email",
      { email: "ada@example.com", password: "x" },
      { headers: { "content-type": "text/plain; charset=application/json" } },
    );
    expect(plain.status).toBe(415);
    expect(await app.db.user.count({ where: { email: "s@example.com" } })).toBe(0);
  });

  it("checks every field of an account update as at sign-up", async () => {
    const signIn = await post("/sign-in/email", { email: "ada@example.com", password: "gradient-descent-1" });
    const session = /better-auth\.session_token=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1];
    const update = (body: unknown, raw?: string) =>
      post("/update-user", body, { cookie: `better-auth.session_token=${session}`, raw });
    expect((await update(null, JSON.stringify({ name: "x".repeat(5 * 1024 * 1024) }))).status).toBe(413);
    expect((await update({ name: "x".repeat(81) })).status).toBe(400);
    const script = await update({ image: "javascript:alert(document.cookie)" });
    expect(script.status).toBe(400);
    expect(await message(script)).toMatch(/http or https/);
    expect((await update({ image: "data:image/svg+xml,<svg/>" })).status).toBe(400);
    expect((await update(null, '{"name":"\\ud800"}')).status).toBe(400);
    expect((await update({ name: "Ada L.", image: "https://example.com/ada.png" })).status).toBe(200);
    const user = await app.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user).toMatchObject({ name: "Ada L.", image: "https://example.com/ada.png" });
  });

  it("refuses sign-in from another site (CSRF)", async () => {
    // better-auth logs the refused origin with console.error; expected here.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await post(
      "/sign-in/email",
      { email: "ada@example.com", password: "gradient-descent-1" },
      { origin: "https://evil.example", cookie: "descent_guest=x" },
    );
    expect(response.status).toBe(403);
    expect(String(logged.mock.calls[0])).toMatch(/Invalid origin/);
    const noOrigin = await testAuth.auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: "descent_guest=x", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(noOrigin.status).toBe(403);
  });

  it("merges a guest's own progress on sign-in and clears the guest cookie on sign-out", async () => {
    const token = makeGuestToken("otherbrowser");
    const guest = await seedLearner(app.db, { guestToken: token, reads: [["momentum", new Date()]] });
    const signIn = await post(
      "/sign-in/email",
      { email: "ada@example.com", password: "gradient-descent-1" },
      { cookie: `descent_guest=${token}` },
    );
    expect(signIn.status).toBe(200);
    const user = await app.db.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { learner: true },
    });
    const reads = await app.db.lessonRead.findMany({ where: { learnerId: user.learner?.id } });
    expect(reads.map((read) => read.lessonSlug).sort()).toEqual(["adam", "momentum"]);
    expect(await app.db.learner.findUnique({ where: { id: guest.id } })).toBeNull();

    const session = /better-auth\.session_token=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1];
    const signOut = await post(
      "/sign-out",
      {},
      { cookie: `better-auth.session_token=${session}; descent_guest=${token}` },
    );
    expect(signOut.status).toBe(200);
    expect(signOut.headers.get("set-cookie")).toMatch(/descent_guest=;.*Max-Age=0/i);
  });
});
