// The set-up of tests that run the app's own routes and modules over a throwaway database.
import { afterAll, beforeAll, vi } from "vitest";
import type { Auth } from "@/lib/auth/create-auth.server";
import type { CurrentLearner } from "@/lib/auth/learner.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { makeGuestToken } from "./accounts/test-db";
import { createTestDatabase } from "./test-db";

/** What a test file drives: the database the app uses, and who is asking (with `stubLearner`). */
export type TestApp = { db: PrismaClient; learner: CurrentLearner };

/**
 * Points the app's Prisma client (lib/db/prisma.server.ts) at a migrated database of this file's
 * own (tests/test-db.ts), made before its tests and deleted after them. With `stubLearner`, "who is
 * asking" (lib/auth/learner.server.ts) is `app.learner` instead of a session or a guest cookie.
 *
 * Call it at the top of the test file, then import the app's modules with `await import(…)`: the
 * stand-ins are registered with vi.doMock, which applies to modules imported after it.
 */
export function createTestApp(options: { stubLearner?: boolean } = {}): TestApp {
  const app: TestApp = {
    db: null as unknown as PrismaClient,
    learner: { id: "", userId: null, isGuest: true, stored: true },
  };
  vi.doMock("@/lib/db/prisma.server", () => ({
    get prisma() {
      return app.db;
    },
  }));
  if (options.stubLearner)
    vi.doMock("@/lib/auth/learner.server", () => ({
      getCurrentLearner: async () => app.learner,
      getOrCreateLearner: async () => app.learner,
      requireLearner: async () => app.learner,
    }));
  let cleanup = async () => {};
  beforeAll(async () => {
    ({ db: app.db, cleanup } = await createTestDatabase());
  });
  afterAll(async () => cleanup());
  return app;
}

/** Acts as a stored guest learner of that id from now on (with `stubLearner`). */
export function actAsGuest(app: TestApp, id: string): void {
  app.learner = { id, userId: null, isGuest: true, stored: true };
}

/** Stores a guest learner (its token made from `name`) and returns its id. */
export async function createGuest(app: TestApp, name: string): Promise<string> {
  const learner = await app.db.learner.create({ data: { guestToken: makeGuestToken(name) } });
  return learner.id;
}

/** The origin the tests' requests come from (and APP_ORIGIN where a test sets it). */
export const TEST_ORIGIN = "http://127.0.0.1:3999";

/**
 * better-auth over the test database, made as the app makes it (lib/auth/create-auth.server.ts)
 * with a test secret and TEST_ORIGIN trusted; `.auth` is set before the file's tests run.
 */
export function createTestAuth(app: TestApp): { auth: Auth } {
  const made = { auth: null as unknown as Auth };
  beforeAll(async () => {
    const { createAuth } = await import("@/lib/auth/create-auth.server");
    made.auth = createAuth(app.db, {
      secret: "test-secret-test-secret-test-secret!",
      trustedOrigins: [TEST_ORIGIN],
      secure: false,
    });
  });
  return made;
}
