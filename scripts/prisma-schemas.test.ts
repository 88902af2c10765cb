import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./prisma-schemas.mjs";

describe("the PostgreSQL schema", () => {
  it("is the committed derivation of prisma/schema.prisma (run `node scripts/prisma-schemas.mjs` after a change)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(
      derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")),
    );
  });

  it("differs only in the datasource provider and the client's output folder", () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
    const lines = derivePostgresSchema(sqlite)
      .split("\n")
      .filter(
        (line) =>
          !line.startsWith("// GENERATED") && !line.startsWith("// `node scripts/prisma-schemas.mjs`"),
      );
    const original = sqlite.split("\n");
    expect(lines).toHaveLength(original.length);
    const changed = lines.filter((line, i) => line !== original[i]);
    expect(changed).toEqual([
      '  output     = "../../lib/generated/prisma-postgresql"',
      '  provider = "postgresql"',
    ]);
  });

  it("refuses a source whose provider line it cannot find exactly once", () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
    expect(() => derivePostgresSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /exactly one/,
    );
  });
});
