#!/usr/bin/env node
// Prepares a checkout to run: generates the Prisma client and applies committed migrations to the
// SQLite database (creating it on first run). Safe to run any number of times.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/descent.db";
if (!databaseUrl.startsWith("file:")) {
  console.error(`DATABASE_URL must be a SQLite "file:" URL, got "${databaseUrl}"`);
  process.exit(1);
}
mkdirSync(path.dirname(path.resolve(databaseUrl.slice("file:".length))), { recursive: true });

const prisma = path.resolve("node_modules/.bin/prisma");
const run = (args) =>
  execFileSync(prisma, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: databaseUrl } });

const only = process.argv[2];
if (only !== "migrate") run(["generate"]);
if (only !== "generate") run(["migrate", "deploy"]);
