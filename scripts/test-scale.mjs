#!/usr/bin/env node
// `npm run test:scale`: the tests that need real shared engines. Starts a throwaway
// PostgreSQL (scripts/pg.mjs: installs Debian's package when missing, loopback only, deleted
// after), then runs, in order:
//   1. database: every Vitest suite that uses a real database (those importing tests/test-db.ts,
//      found by name, so new ones join by themselves) on PostgreSQL. tests/migrations.test.ts
//      among them applies the committed migrations to an empty database and checks them for drift.
//   2. queue: the grading queue on a throwaway Redis (scripts/redis.mjs, installed from Debian's
//      redis-server when missing) with two web servers on a production build (.next-scale) and
//      grader workers, against a database of its own on this PostgreSQL (tests/scale/queue-scale.mjs);
//      the workers grade TypeScript and Python (scripts/ensure-python.mjs provisions the sandbox).
// `node scripts/test-scale.mjs database` runs only the named steps. Exits non-zero on the first
// failing step; PostgreSQL is stopped and its data deleted in every case.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startPostgres } from "./pg.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

/** Test files (under tests/, lib/, app/) that use the shared test-database helper. */
function databaseSuites() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "e2e" && entry.name !== "fixtures") walk(file);
      } else if (
        entry.name.endsWith(".test.ts") &&
        /from "(\.\.?\/|@\/tests\/)[^"]*test-db"/.test(readFileSync(file, "utf8"))
      ) {
        found.push(file);
      }
    }
  };
  for (const dir of ["tests", "lib", "app"]) walk(dir);
  return found.sort();
}

const vitest = path.join("node_modules", ".bin", "vitest");

/** @type {Array<{ name: string, run: (pg: import("./pg.mjs").PostgresHandle) => Promise<void> }>} */
const STEPS = [
  {
    name: "database",
    async run(pg) {
      const suites = databaseSuites();
      console.log(`[test:scale] ${suites.length} database suites on PostgreSQL: ${suites.join(", ")}`);
      await run(vitest, ["run", ...suites], {
        TEST_DATABASE_PROVIDER: "postgresql",
        // The template each suite's database is copied from; tests/global-setup-db.ts migrates it.
        TEST_DATABASE_URL: pg.url,
      });
    },
  },
  {
    name: "queue",
    async run(pg) {
      // The workers grade Python too: bubblewrap and NumPy, installed when missing.
      await run(process.execPath, ["scripts/ensure-python.mjs"]);
      const { buildForScale, runQueueScale } = await import("../tests/scale/queue-scale.mjs");
      buildForScale();
      await runQueueScale({ databaseUrl: await pg.createDatabase("descent_scale_queue") });
    },
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !STEPS.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown step(s): ${unknown.join(", ")}; steps: ${STEPS.map((step) => step.name).join(", ")}`,
  );
  process.exit(2);
}

const started = Date.now();
await run(process.execPath, ["scripts/setup.mjs", "generate"]);
// A server clock that is not UTC: the app's sessions must read and write UTC regardless.
const pg = await startPostgres({ database: "descent_scale", settings: { timezone: "Pacific/Auckland" } });
console.log(`[test:scale] PostgreSQL on ${pg.host}:${pg.port}`);
let failed = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await pg.stop();
    process.exit(130);
  });
}
try {
  for (const step of STEPS) {
    if (wanted.length > 0 && !wanted.includes(step.name)) continue;
    const stepStarted = Date.now();
    console.log(`[test:scale] step ${step.name}`);
    await step.run(pg);
    console.log(
      `[test:scale] step ${step.name} passed in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`,
    );
  }
} catch (error) {
  failed = true;
  console.error(`[test:scale] ${error instanceof Error ? error.message : error}`);
} finally {
  await pg.stop();
}
console.log(
  `[test:scale] ${failed ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed ? 1 : 0);
