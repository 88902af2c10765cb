#!/usr/bin/env node
// Builds the app into its own directory and serves it on E2E_PORT with a fresh SQLite database (or
// the PostgreSQL database E2E_DATABASE_URL names), for Playwright. Kept apart from `npm start`
// (.next, data/descent.db) so both can run at once.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
  NODE_ENV: "production",
  E2E: "1",
  PORT: process.env.E2E_PORT ?? "3100",
};
// Same-origin checks compare against APP_ORIGIN: the address Playwright uses.
env.APP_ORIGIN ??= `http://127.0.0.1:${env.PORT}`;
// Playwright is the "proxy": tests give each browser context its own X-Forwarded-For address
// (tests/playwright-utils.ts), so per-client limits count per test, not for the whole suite.
env.TRUST_PROXY ??= "127.0.0.1, ::1";
// Mail goes to the SMTP test server that tests/e2e/account-recovery.spec.ts starts at this port.
env.SMTP_URL ??= `smtp://127.0.0.1:${Number(env.PORT) + 2000}`;
// A fresh SQLite file each run; a PostgreSQL E2E_DATABASE_URL is used as given (scripts/pg.mjs makes fresh ones).
if (env.DATABASE_URL.startsWith("file:")) {
  const dbFile = env.DATABASE_URL.slice("file:".length);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
}

const run = (args) => execFileSync(process.execPath, args, { stdio: "inherit", env });
run(["scripts/setup.mjs"]);
if (!process.env.E2E_SKIP_BUILD) {
  // The grader processes' compiled entry (.grader/), then the app, as `npm run build` does.
  run(["scripts/build-grader.mjs"]);
  run(["node_modules/next/dist/bin/next", "build"]);
}
// Descent's own server (Next behind node:http), as in production, so limits see the peer address.
const child = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
