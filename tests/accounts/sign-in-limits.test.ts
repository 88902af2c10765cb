import { spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "../test-db";

// Before: the per-email failure limit was checked before the answer and recorded
// after it, so ten parallel wrong passwords all got 401 (cap: 5), and anyone could keep a known
// email locked out from one address. Failures now count per (email, client) pair, taken before the
// password is checked, under a higher per-email ceiling; better-auth runs for real behind the route.
process.env.DESCENT_PEER_HEADER = "1";
const { createAuth } = await import("@/lib/auth/create-auth.server");
const { handleAuthRequest } = await import("@/lib/auth/auth-route.server");
const { createLimiters } = await import("@/lib/http/rate-limit.server");

const ORIGIN = "http://127.0.0.1:3999";
/** The figures the issue asks for: 5 per pair, 50 per email, both per 15 minutes. */
const PER_PAIR = 5;
const PER_EMAIL = 50;

let db: PrismaClient;
let cleanup: () => Promise<void>;
let auth: ReturnType<typeof createAuth>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  auth = createAuth(db, {
    secret: "test-secret-test-secret-test-secret!",
    trustedOrigins: [ORIGIN],
    secure: false,
  });
});
afterAll(async () => cleanup());

/** Fresh limiters per test (on the old code, createLimiters took no limits and built its own). */
async function freshLimiters() {
  const auth = await import("@/lib/auth/limits.server").catch(() => null);
  // biome-ignore lint/suspicious/noExplicitAny: the old code's createLimiters had no parameter.
  return (createLimiters as any)(auth?.AUTH_LIMITS);
}
type Limiters = Awaited<ReturnType<typeof freshLimiters>>;

function post(limiters: Limiters, path: string, body: unknown, ip: string) {
  const request = new Request(`${ORIGIN}/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-descent-peer": ip },
    body: JSON.stringify(body),
  });
  return handleAuthRequest(auth, request, limiters);
}

async function signUp(limits: Limiters, email: string, password: string) {
  const response = await post(limits, "/sign-up/email", { name: "T", email, password }, "10.60.0.1");
  expect(response.status).toBe(200);
}

const signIn = (limits: Limiters, email: string, password: string, ip: string) =>
  post(limits, "/sign-in/email", { email, password }, ip);

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe("sign-in failure limits", () => {
  it("takes the point before the password check: of 10 parallel wrong passwords, at most 5 get 401, the rest 429", async () => {
    const limits = await freshLimiters();
    await signUp(limits, "race@example.com", "race-password-7");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, attempt) =>
        signIn(limits, "race@example.com", `wrong-guess-${attempt}`, "10.61.0.1"),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(count(statuses, 401)).toBeLessThanOrEqual(PER_PAIR);
    expect(count(statuses, 429)).toBe(10 - count(statuses, 401));
    const refused = responses.find((response) => response.status === 429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    // The pair stays locked, even for the right password from that address.
    expect((await signIn(limits, "race@example.com", "race-password-7", "10.61.0.1")).status).toBe(429);
  });

  it("locks out only the (email, client) pair: a stranger failing from one address cannot lock the owner out", async () => {
    const limits = await freshLimiters();
    await signUp(limits, "owner@example.com", "owner-password-3");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < PER_PAIR + 3; attempt++)
      statuses.push((await signIn(limits, "owner@example.com", `stranger-${attempt}`, "10.62.0.1")).status);
    expect(statuses).toEqual([...Array(PER_PAIR).fill(401), 429, 429, 429]);
    // The owner, at another address, is not locked out.
    expect((await signIn(limits, "owner@example.com", "owner-password-3", "10.62.0.2")).status).toBe(200);
  });

  it("has a per-email ceiling over all clients: after 50 failures from 50 addresses, every address waits, even with the right password", async () => {
    const limits = await freshLimiters();
    await signUp(limits, "target@example.com", "target-password-5");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < PER_EMAIL; attempt++)
      statuses.push(
        (await signIn(limits, "target@example.com", `spread-${attempt}`, `10.63.0.${attempt + 1}`)).status,
      );
    expect(statuses).toEqual(Array(PER_EMAIL).fill(401));
    const fresh = await signIn(limits, "TARGET@example.com", "target-password-5", "10.63.1.1");
    expect(fresh.status).toBe(429);
    // Another account is not affected.
    await signUp(limits, "other@example.com", "other-password-5");
    expect((await signIn(limits, "other@example.com", "other-password-5", "10.63.1.1")).status).toBe(200);
  });

  it("gives the point back on success and for answers that checked no password", async () => {
    const limits = await freshLimiters();
    await signUp(limits, "refund@example.com", "refund-password-8");
    const ip = "10.64.0.1";
    for (let attempt = 0; attempt < PER_PAIR - 1; attempt++)
      expect((await signIn(limits, "refund@example.com", `typo-${attempt}`, ip)).status).toBe(401);
    // A malformed sign-in (no password) is better-auth's 400: no failure.
    const malformed = await post(limits, "/sign-in/email", { email: "refund@example.com" }, ip);
    expect(malformed.status).toBe(400);
    // The right password still passes (one point was left), and forgives this address's typos.
    expect((await signIn(limits, "refund@example.com", "refund-password-8", ip)).status).toBe(200);
    // Four more wrong passwords are all checked (the per-client limit, 10 a minute, allows them).
    const statuses: number[] = [];
    for (let attempt = 0; attempt < PER_PAIR - 1; attempt++)
      statuses.push((await signIn(limits, "refund@example.com", `again-${attempt}`, ip)).status);
    expect(statuses).toEqual(Array(PER_PAIR - 1).fill(401));
  });
});

// With REDIS_URL, every web server counts in the same Redis keys: two servers (two connections,
// two limiter sets) racing on one pair still let at most 5 wrong passwords through. Runs where
// redis-server is installed (npm run test:scale installs it; scripts/redis.mjs).
const hasRedis =
  Boolean(process.env.REDIS_SERVER) || spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;
describe.runIf(hasRedis)("sign-in failure limits shared through Redis", () => {
  let server: Awaited<ReturnType<typeof import("../../scripts/redis.mjs").startRedis>>;
  const connections: Redis[] = [];
  beforeAll(async () => {
    const { startRedis } = await import("../../scripts/redis.mjs");
    server = await startRedis({ log: () => {} });
  });
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await server?.stop();
  });

  async function serverLimiters() {
    const connection = new Redis(server.url, { maxRetriesPerRequest: 1 });
    connections.push(connection);
    const auth = await import("@/lib/auth/limits.server").catch(() => null);
    // biome-ignore lint/suspicious/noExplicitAny: the old code's createLimiters took only a Redis client.
    return auth ? createLimiters(auth.AUTH_LIMITS, connection) : (createLimiters as any)(connection);
  }

  it("two servers: of 10 parallel wrong passwords, at most 5 get 401; the owner elsewhere still signs in", async () => {
    const servers = [await serverLimiters(), await serverLimiters()];
    await signUp(servers[0], "shared@example.com", "shared-password-4");
    const statuses = (
      await Promise.all(
        Array.from({ length: 10 }, (_, attempt) =>
          signIn(servers[attempt % 2], "shared@example.com", `wrong-${attempt}`, "10.65.0.1"),
        ),
      )
    ).map((response) => response.status);
    expect(count(statuses, 401)).toBeLessThanOrEqual(PER_PAIR);
    expect(count(statuses, 429)).toBe(10 - count(statuses, 401));
    expect((await signIn(servers[1], "shared@example.com", "shared-password-4", "10.65.0.2")).status).toBe(
      200,
    );
    const keys = await connections[0]?.keys("descent:limit:*");
    expect(keys?.length).toBeGreaterThan(0);
  });
});
