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
