import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "../test-db";

// Two holes the auth route had: deeply nested JSON within the size limit (3,000
// levels in 6 KB) answered 500 at sign-in, and a chunked body was read whole before its size was
// checked. better-auth only ever gets the value the route re-serialized, so it never parses them.
process.env.DESCENT_PEER_HEADER = "1";
const { createAuth } = await import("@/lib/auth/create-auth.server");
const { handleAuthRequest } = await import("@/lib/auth/auth-route.server");

const ORIGIN = "http://127.0.0.1:3999";
const AUTH_BODY_LIMIT = 16 * 1024;
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

let ip = 0;
function post(path: string, body: BodyInit) {
  return handleAuthRequest(
    auth,
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-descent-peer": `10.70.0.${++ip}` },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

/** A JSON object with a field nested `levels` arrays deep. */
const nested = (fields: Record<string, string>, levels: number) =>
  `${JSON.stringify(fields).slice(0, -1)},"extra":${"[".repeat(levels)}${"]".repeat(levels)}}`;

describe("the auth route's input", () => {
  it("answers 400, not 500, to deeply nested JSON at sign-in and sign-up (3,000 levels in 6 KB, and 8,000)", async () => {
    for (const levels of [3_000, 8_000]) {
      const signIn = nested({ email: "deep@example.com", password: "deep-password-1" }, levels);
      const signUp = nested({ name: "D", email: "deep@example.com", password: "deep-password-1" }, levels);
      expect(signIn.length).toBeLessThan(AUTH_BODY_LIMIT);
      for (const [path, body] of [
        ["/sign-in/email", signIn],
        ["/sign-up/email", signUp],
      ] as const) {
        const response = await post(path, body);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { message: string }).message).toMatch(/nested/);
      }
    }
    expect(await db.user.count({ where: { email: "deep@example.com" } })).toBe(0);
  });

  it("reads a chunked body only up to its 16 KiB limit, then answers 413", async () => {
    let pulled = 0;
    const chunk = 4 * 1024;
    const stream = new ReadableStream<Uint8Array>(
      {
        // 10 MiB in all, made only as it is pulled.
        pull(controller) {
          if (pulled >= 10 * 1024 * 1024) return controller.close();
          pulled += chunk;
          controller.enqueue(new Uint8Array(chunk).fill(0x20));
        },
      },
      { highWaterMark: 0 },
    );
    const response = await post("/sign-in/email", stream);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(AUTH_BODY_LIMIT + chunk);
  });
});
