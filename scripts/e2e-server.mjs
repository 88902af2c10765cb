#!/usr/bin/env node
// Builds the app into its own directory and serves it on E2E_PORT with a fresh SQLite database,
// for Playwright. Kept apart from `npm start` (.next, data/descent.db) so both can run at once.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
  NODE_ENV: "production",
  E2E: "1",
};
const dbFile = env.DATABASE_URL.slice("file:".length);
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });

const run = (args) => execFileSync(process.execPath, args, { stdio: "inherit", env });
run(["scripts/setup.mjs"]);
if (!process.env.E2E_SKIP_BUILD) run(["node_modules/next/dist/bin/next", "build"]);
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", process.env.E2E_PORT ?? "3100"], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
