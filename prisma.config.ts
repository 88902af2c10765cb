// Prisma 6.19 runs offline only with the JavaScript schema engine and a driver adapter
// (docs/decisions/001-prisma-6-js-engine.md).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, resolveDatabaseFile } from "./lib/env-shared";

process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const factory = new PrismaBetterSQLite3({ url: resolveDatabaseFile(process.env.DATABASE_URL) });
    return factory;
  },
});
