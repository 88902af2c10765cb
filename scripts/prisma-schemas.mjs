#!/usr/bin/env node
// One source for the database schema: prisma/schema.prisma (SQLite, the embedded default). The
// PostgreSQL schema, prisma/postgresql/schema.prisma, is derived from it here (same models; only the
// datasource provider and the generated client's output folder differ) and committed, because its
// migrations (prisma/postgresql/migrations) are diffed against it.
// docs/decisions/066-postgresql-through-prisma.md.
//
//   node scripts/prisma-schemas.mjs          rewrites prisma/postgresql/schema.prisma
//   node scripts/prisma-schemas.mjs --check  exits 1 when the committed file is out of date
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs: edit that file, then run\n" +
  "// `node scripts/prisma-schemas.mjs` and write a migration for both providers (README, Database).\n";

/** Replaces `from` by `to` in `text`, insisting that `from` occurs exactly once. */
function replaceOnce(text, from, to) {
  const first = text.indexOf(from);
  if (first === -1 || text.indexOf(from, first + 1) !== -1)
    throw new Error(`prisma/schema.prisma: expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** The PostgreSQL schema for a SQLite schema text. */
export function derivePostgresSchema(sqlite) {
  let schema = replaceOnce(sqlite, 'provider = "sqlite"', 'provider = "postgresql"');
  schema = replaceOnce(
    schema,
    'output     = "../lib/generated/prisma"',
    'output     = "../../lib/generated/prisma-postgresql"',
  );
  return HEADER + schema;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const expected = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let actual = "";
    try {
      actual = readFileSync(POSTGRES_SCHEMA, "utf8");
    } catch {}
    if (actual !== expected) {
      console.error("prisma/postgresql/schema.prisma is out of date: run `node scripts/prisma-schemas.mjs`");
      process.exit(1);
    }
  } else {
    writeFileSync(POSTGRES_SCHEMA, expected);
  }
}
