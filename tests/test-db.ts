// A real, throwaway database with the committed migrations applied, for integration tests: a
// SQLite file by default, or, when the run was started with TEST_DATABASE_PROVIDER=postgresql
// (tests/global-setup-db.ts), a PostgreSQL database copied from the migrated template database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type TestDatabase = { db: PrismaClient; cleanup: () => Promise<void> };

/** Which engine this test run uses (TEST_DATABASE_PROVIDER, read by tests/global-setup-db.ts). */
export function testDatabaseProvider(): "sqlite" | "postgresql" {
  return inject("testDatabase")?.provider ?? "sqlite";
}

/** Creates a migrated database of its own and a client for it; `cleanup` disconnects and deletes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const setting = inject("testDatabase");
  if (setting?.provider === "postgresql") return createPostgresDatabase(setting.templateUrl);
  return createSqliteDatabase();
}

/**
 * An empty database (no tables, no migrations applied) for tests of the migrations themselves:
 * its URL, and `cleanup` to delete it.
 */
export async function createEmptyDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const setting = inject("testDatabase");
  if (setting?.provider === "postgresql") {
    const name = `descent_empty_${randomBytes(6).toString("hex")}`;
    await onServer(setting.templateUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(setting.templateUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      cleanup: () => onServer(setting.templateUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "descent-empty-"));
  return {
    url: `file:${path.join(dir, "empty.db")}`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "descent-test-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma", "migrations");
  const folders = readdirSync(migrations, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const name of folders.map((entry) => entry.name).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const db = createPrismaClient(`file:${file}`);
  return {
    db,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on the server's maintenance database ("postgres"). */
async function onServer(templateUrl: string, sql: string): Promise<void> {
  const url = new URL(templateUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(templateUrl: string): Promise<TestDatabase> {
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  const name = `descent_test_${randomBytes(6).toString("hex")}`;
  // A copy of the migrated template: much faster than replaying the migrations each time.
  await onServer(templateUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const db = createPrismaClient(url.toString(), { poolSize: 4 });
  return {
    db,
    cleanup: async () => {
      await db.$disconnect();
      await onServer(templateUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
