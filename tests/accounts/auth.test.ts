import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, makeGuestToken, seedLearner } from "./test-db";

vi.mock("server-only", () => ({}));
const { createAuth, SIGN_IN_LIMIT } = await import("@/lib/auth/create-auth.server");

const ORIGIN = "http://127.0.0.1:3999";
let db: PrismaClient;
let cleanup: () => Promise<void>;
let auth: ReturnType<typeof createAuth>;
beforeAll(() => {
  ({ db, cleanup } = createTestDatabase());
  auth = createAuth(db, {
    secret: "test-secret-test-secret-test-secret!",
    trustedOrigins: [ORIGIN],
    secure: false,
  });
});
afterAll(async () => cleanup());

let ip = 0;
/** A POST to an auth endpoint, as a browser on the app's origin would send it (one client address per call unless given). */
function post(path: string, body: unknown, options: { cookie?: string; ip?: string; origin?: string } = {}) {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: options.origin ?? ORIGIN,
        "x-forwarded-for": options.ip ?? `10.0.0.${++ip}`,
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

async function message(response: Response): Promise<string> {
  return ((await response.json()) as { message?: string }).message ?? "";
}

describe("email and password accounts through better-auth", () => {
  it("signs up with a strong password: httpOnly SameSite=Lax session cookie, scrypt hash, guest progress moved", async () => {
    const token = makeGuestToken("authguest");
    const guest = await seedLearner(db, { guestToken: token, reads: [["adam", new Date()]] });
    const response = await post(
      "/sign-up/email",
      { name: "Ada", email: "ada@example.com", password: "gradient-descent-1" },
      { cookie: `descent_guest=${token}` },
    );
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/better-auth\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const user = await db.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { accounts: true, learner: true },
    });
    // better-auth's default hash: scrypt, stored as "salt:key" in hex, never the password itself.
    expect(user.accounts[0]?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(user.learner?.id).toBe(guest.id);
    expect(await db.lessonRead.count({ where: { learnerId: guest.id } })).toBe(1);
  });

  it("refuses weak passwords with a clear message", async () => {
    const short = await post("/sign-up/email", { email: "weak@example.com", password: "abc12" });
    expect(short.status).toBe(400);
    expect(await message(short)).toMatch(/at least 10 characters/);
    const oneKind = await post("/sign-up/email", { email: "weak@example.com", password: "onlyletterslong" });
    expect(oneKind.status).toBe(400);
    expect(await message(oneKind)).toMatch(/two kinds of characters/);
    expect(await db.user.count({ where: { email: "weak@example.com" } })).toBe(0);
  });

  it("refuses a taken email", async () => {
    const response = await post("/sign-up/email", {
      name: "Ada",
      email: "ada@example.com",
      password: "another-pass-2",
    });
    expect(response.status).toBe(422);
    expect(await message(response)).toMatch(/already exists/i);
  });

  it("signs in with the right password and refuses a wrong one", async () => {
    const ok = await post("/sign-in/email", { email: "ada@example.com", password: "gradient-descent-1" });
    expect(ok.status).toBe(200);
    const wrong = await post("/sign-in/email", { email: "ada@example.com", password: "gradient-descent-2" });
    expect(wrong.status).toBe(401);
    expect(await message(wrong)).toMatch(/invalid email or password/i);
  });

  it("rate-limits sign-in attempts from one address: 429 after the limit", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < SIGN_IN_LIMIT.max + 1; attempt++) {
      const response = await post(
        "/sign-in/email",
        { email: "ada@example.com", password: "wrong-password-9" },
        { ip: "10.9.9.9" },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await message(response)).toMatch(/too many requests/i);
        expect(Number(response.headers.get("x-retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([...Array(SIGN_IN_LIMIT.max).fill(401), 429]);
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
    const noOrigin = await auth.handler(
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
    const guest = await seedLearner(db, { guestToken: token, reads: [["momentum", new Date()]] });
    const signIn = await post(
      "/sign-in/email",
      { email: "ada@example.com", password: "gradient-descent-1" },
      { cookie: `descent_guest=${token}` },
    );
    expect(signIn.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { learner: true },
    });
    const reads = await db.lessonRead.findMany({ where: { learnerId: user.learner?.id } });
    expect(reads.map((read) => read.lessonSlug).sort()).toEqual(["adam", "momentum"]);
    expect(await db.learner.findUnique({ where: { id: guest.id } })).toBeNull();

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
