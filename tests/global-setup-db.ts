// Vitest global setup: picks the engine for the tests that use a real database (tests/test-db.ts).
//   (default)                          SQLite files, one per test file
//   TEST_DATABASE_PROVIDER=postgresql  PostgreSQL: TEST_DATABASE_URL names a database to use as the
//                                      migrated template (scripts/test-scale.mjs passes one); without
//                                      it a throwaway server is started here (scripts/pg.mjs) and
//                                      stopped after the run. Each test file gets a copy of the template.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type PostgresHandle, startPostgres } from "../scripts/pg.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { provider: "sqlite" } | { provider: "postgresql"; templateUrl: string };
  }
}

export default async function setup(project: TestProject) {
  const provider = process.env.TEST_DATABASE_PROVIDER ?? "sqlite";
  if (provider === "sqlite") {
    project.provide("testDatabase", { provider: "sqlite" });
    return;
  }
  if (provider !== "postgresql")
    throw new Error(`TEST_DATABASE_PROVIDER must be sqlite or postgresql, got "${provider}"`);

  let server: PostgresHandle | null = null;
  let templateUrl = process.env.TEST_DATABASE_URL;
  if (!templateUrl) {
    // A server whose clock is not UTC: the sessions the app opens must still read and write UTC.
    server = await startPostgres({
      database: "descent_template",
      settings: { timezone: "Pacific/Auckland" },
      log: () => {},
    });
    templateUrl = server.url;
  }
  // Idempotent: a template scripts/test-scale.mjs already migrated is left as it is.
  try {
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      stdio: "pipe",
      env: { ...process.env, DATABASE_URL: templateUrl },
    });
  } catch (error) {
    await server?.stop();
    const { stdout = "", stderr = "" } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`prisma migrate deploy failed on the test template database:\n${stdout}${stderr}`);
  }
  project.provide("testDatabase", { provider: "postgresql", templateUrl });
  return async () => {
    await server?.stop();
  };
}
