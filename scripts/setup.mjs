#!/usr/bin/env node
// Prepares a checkout to run: generates the Prisma clients (one per database engine, both always,
// so that one build runs on either: docs/decisions/066-postgresql-through-prisma.md) and applies
// the committed migrations to DATABASE_URL's database (a SQLite file, created on first run, or
// PostgreSQL).
// Safe to run any number of times.
//   node scripts/setup.mjs            generate, then migrate
//   node scripts/setup.mjs generate   only generate
//   node scripts/setup.mjs migrate    only migrate
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync } from "node:fs";
import path from "node:path";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/descent.db";
const isSqlite = databaseUrl.startsWith("file:");
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
if (!isSqlite && !isPostgres) {
  console.error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${databaseUrl}"`);
  process.exit(1);
}

const prisma = path.resolve("node_modules/.bin/prisma");
// prisma.config.ts picks the schema, migrations and driver adapter from DATABASE_URL.
const run = (args, url = databaseUrl) =>
  execFileSync(prisma, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });

const only = process.argv[2];
if (only !== "migrate") {
  // Generating connects to nothing: any URL of the right kind selects the schema. Both at once.
  const generate = (url) =>
    promisify(execFile)(prisma, ["generate"], { env: { ...process.env, DATABASE_URL: url } }).catch(
      (error) => {
        process.stderr.write(error.stderr ?? String(error));
        process.exit(1);
      },
    );
  await Promise.all([generate("file:./data/descent.db"), generate("postgresql://localhost/unused")]);
}
if (only !== "generate") {
  if (isSqlite) mkdirSync(path.dirname(path.resolve(databaseUrl.slice("file:".length))), { recursive: true });
  run(["migrate", "deploy"]);
}
