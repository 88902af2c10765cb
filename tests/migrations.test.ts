// The committed migrations of the engine this run uses (prisma/migrations for SQLite,
// prisma/postgresql/migrations for PostgreSQL) applied by the Prisma CLI, as `npm start` and
// deployments apply them, to a database with nothing in it.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createEmptyDatabase, testDatabaseProvider } from "./test-db";

const provider = testDatabaseProvider();
const folder = provider === "postgresql" ? path.join("prisma", "postgresql") : "prisma";
const migrationNames = readdirSync(path.join(folder, "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Runs the Prisma CLI against `url`; resolves with its exit code and output. */
async function prisma(args: string[], url: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.resolve("node_modules/.bin/prisma"), args, {
      env: { ...process.env, DATABASE_URL: url },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

let empty: { url: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  empty = await createEmptyDatabase();
});
afterAll(async () => empty.cleanup());

describe(`${provider} migrations`, () => {
  it("apply in full to an empty database, which then holds every model; a second deploy has nothing to do", async () => {
    const first = await prisma(["migrate", "deploy"], empty.url);
    expect(first.output).toContain("All migrations have been successfully applied");
    expect(first.code).toBe(0);

    const db = createPrismaClient(empty.url);
    try {
      const applied = await db.$queryRaw<Array<{ migration_name: string }>>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
      expect(applied.map((row) => row.migration_name)).toEqual(migrationNames);
      // Every model's table answers through the generated client: the migrations built what it expects.
      const learner = await db.learner.create({ data: { guestToken: "migrated" } });
      await db.lessonRead.create({ data: { learnerId: learner.id, lessonSlug: "sgd" } });
      const counts = await Promise.all([
        db.learner.count(),
        db.lessonRead.count(),
        db.submission.count(),
        db.cardState.count(),
        db.reviewLog.count(),
        db.user.count(),
        db.session.count(),
        db.account.count(),
        db.verification.count(),
        db.rateLimit.count(),
      ]);
      expect(counts).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    } finally {
      await db.$disconnect();
    }

    const second = await prisma(["migrate", "deploy"], empty.url);
    expect(second.output).toContain("No pending migrations to apply");
    expect(second.code).toBe(0);
  }, 180_000);

  // The drift check replays the migrations in a shadow database, which the SQLite adapter cannot
  // run multi-statement migrations in (P3006); PostgreSQL's can. SQLite's migrations are checked
  // by every other database test, which runs on them.
  it.runIf(provider === "postgresql")(
    "build exactly prisma/postgresql/schema.prisma (no drift between the models and the migrations)",
    async () => {
      const args = (schema: string) => [
        "migrate",
        "diff",
        "--from-migrations",
        path.join(folder, "migrations"),
        "--to-schema-datamodel",
        schema,
        "--exit-code",
      ];
      const schema = path.join(folder, "schema.prisma");
      const diff = await prisma(args(schema), empty.url);
      expect(diff.output).toContain("No difference detected");
      expect(diff.code).toBe(0);

      // The check sees a model change that has no migration yet: exit code 2 and the change named.
      const dir = mkdtempSync(path.join(tmpdir(), "descent-drift-"));
      try {
        const drifted = path.join(dir, "schema.prisma");
        const text = readFileSync(schema, "utf8").replace(
          "  durationMs   Int\n",
          "  durationMs   Int\n  note String?\n",
        );
        expect(text).toContain("note String?");
        writeFileSync(drifted, text);
        const changed = await prisma(args(drifted), empty.url);
        expect(changed.output).toContain("Added column `note`");
        expect(changed.code).toBe(2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );

  // prisma.config.ts unrefs the schema engine's 10 s advisory-lock timer so that the CLI exits when
  // its work is done (decision 066). The timer must still fire while the lock is taken elsewhere.
  it.runIf(provider === "postgresql")(
    "deploy waits for another session's migration lock and gives up with P1002 after its timeout",
    async () => {
      const { default: pg } = await import("pg");
      const holder = new pg.Client({ connectionString: empty.url });
      await holder.connect();
      try {
        await holder.query("SELECT pg_advisory_lock(72707369)");
        const started = Date.now();
        const blocked = await prisma(["migrate", "deploy"], empty.url);
        expect(blocked.output).toContain("Timed out trying to acquire a postgres advisory lock");
        expect(blocked.output).toContain("P1002");
        expect(blocked.code).toBe(1);
        expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
      } finally {
        await holder.end();
      }
    },
    120_000,
  );
});
