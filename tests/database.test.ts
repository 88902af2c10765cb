// The database behaviours the app relies on, checked on whichever engine the run uses (SQLite by
// default, PostgreSQL under TEST_DATABASE_PROVIDER=postgresql, as `npm run test:scale` runs it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerOf } from "@/lib/db/client";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, testDatabaseProvider } from "./test-db";

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup());

describe(`the ${testDatabaseProvider()} test database`, () => {
  it("is the engine the run selected", async () => {
    expect(providerOf(db)).toBe(testDatabaseProvider());
    if (testDatabaseProvider() === "postgresql") {
      const rows = await db.$queryRaw<Array<{ version: string }>>`SELECT version() AS version`;
      expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
    } else {
      const rows = await db.$queryRaw<Array<{ version: string }>>`SELECT sqlite_version() AS version`;
      expect(rows[0]?.version).toMatch(/^3\./);
    }
  });

  it("reports a unique-constraint violation as P2002 (reviews.server.ts relies on it)", async () => {
    await db.learner.create({ data: { guestToken: "unique-token" } });
    const second = db.learner.create({ data: { guestToken: "unique-token" } });
    await expect(second).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(second).rejects.toMatchObject({ code: "P2002" });
  });

  it("compares tokens and emails case-sensitively, as both engines do for equality", async () => {
    await db.learner.create({ data: { guestToken: "MiXeD-token" } });
    await db.learner.create({ data: { guestToken: "mixed-token" } });
    expect(await db.learner.findUnique({ where: { guestToken: "MIXED-TOKEN" } })).toBeNull();
    expect((await db.learner.findUnique({ where: { guestToken: "MiXeD-token" } }))?.guestToken).toBe(
      "MiXeD-token",
    );
  });

  it("keeps DateTime values to the millisecond, as instants", async () => {
    const learner = await db.learner.create({ data: {} });
    const readAt = new Date("2026-03-04T05:06:07.891Z");
    await db.lessonRead.create({ data: { learnerId: learner.id, lessonSlug: "adam", readAt } });
    const read = await db.lessonRead.findFirstOrThrow({ where: { learnerId: learner.id } });
    expect(read.readAt.toISOString()).toBe("2026-03-04T05:06:07.891Z");
    const later = await db.lessonRead.count({
      where: { readAt: { gt: new Date("2026-03-04T05:06:07.890Z") } },
    });
    expect(later).toBe(1);
  });

  it("fills column defaults with the current time in UTC, whatever the server's time zone", async () => {
    // A row written by SQL alone, so the database's own DEFAULT CURRENT_TIMESTAMP fills the dates.
    await db.$executeRaw`INSERT INTO "Learner" ("id") VALUES ('raw-learner')`;
    const learner = await db.learner.findUniqueOrThrow({ where: { id: "raw-learner" } });
    expect(Math.abs(learner.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("round-trips BigInt and JSON text (better-auth's rate limits, the grader's results)", async () => {
    const lastRequest = BigInt(Date.now()) * 1000n;
    await db.rateLimit.create({ data: { id: "r1", key: "sign-in:1.2.3.4", count: 2, lastRequest } });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:1.2.3.4" } })).lastRequest).toBe(
      lastRequest,
    );

    const learner = await db.learner.create({ data: {} });
    const results = JSON.stringify({ verdict: "passed", message: "ünïcödé ✓ \u0000-free", cases: [1, 2.5] });
    const submission = await db.submission.create({
      data: {
        learnerId: learner.id,
        exerciseSlug: "sgd",
        code: "x",
        verdict: "passed",
        results,
        durationMs: 3,
      },
    });
    expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).results).toBe(results);
  });
});
