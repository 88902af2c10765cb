// Prisma 6.19 runs offline only with the JavaScript schema engine and a driver adapter
// (docs/decisions/001-prisma-6-js-engine.md). DATABASE_URL picks the provider, and with it the
// schema, its migrations and the driver adapter (docs/decisions/066-postgresql-through-prisma.md):
// `file:` → prisma/schema.prisma (SQLite), `postgresql://` → prisma/postgresql/schema.prisma.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { createPostgresAdapter } from "./lib/db/postgres-adapter";
import { DEFAULT_DATABASE_URL, databaseProvider, resolveDatabaseFile } from "./lib/env-shared";

process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;
const folder = databaseProvider(url) === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

// Prisma 6.19's WebAssembly schema engine arms a 10 s timer for its PostgreSQL advisory lock
// (`SELECT pg_advisory_lock(72707369)`, "Timeout: 10000ms") and does not clear it once the lock is
// held, so `migrate deploy` sat idle ~10 s after its work. Unref'ing that one timer lets the CLI exit
// when it is done; while the engine still waits for the lock, its open connection keeps the process
// alive and the timer fires as before. Measured and explained in decision 066.
if (databaseProvider(url) === "postgresql") {
  const armTimer = globalThis.setTimeout;
  globalThis.setTimeout = ((callback: () => void, ms?: number, ...args: unknown[]) => {
    const timer = armTimer(callback, ms, ...args);
    // Node's timers have unref; the DOM typing of the global setTimeout says number.
    if (ms === 10_000) (timer as unknown as { unref(): void }).unref();
    return timer;
  }) as typeof setTimeout;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (databaseProvider(url) === "postgresql") return createPostgresAdapter(url, { max: 2 });
    return new PrismaBetterSQLite3({ url: resolveDatabaseFile(url) });
  },
});
