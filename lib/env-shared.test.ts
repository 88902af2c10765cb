import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DatabaseUrlSchema,
  databaseProvider,
  databaseProviderOf,
  readPgPoolMax,
  resolveDatabaseFile,
} from "./env-shared";

describe("DATABASE_URL", () => {
  it("names SQLite with file: and PostgreSQL with postgresql:// or postgres://", () => {
    expect(databaseProviderOf("file:./data/descent.db")).toBe("sqlite");
    expect(databaseProviderOf("postgresql://u:p@db.internal:5432/descent?sslmode=require")).toBe(
      "postgresql",
    );
    expect(databaseProviderOf("postgres://u@127.0.0.1/descent")).toBe("postgresql");
    expect(databaseProviderOf("mysql://u@127.0.0.1/descent")).toBeNull();
    expect(databaseProviderOf("./data/descent.db")).toBeNull();
  });

  it("defaults to the embedded SQLite file and refuses any other kind of URL", () => {
    expect(DatabaseUrlSchema.parse(undefined)).toBe("file:./data/descent.db");
    expect(databaseProvider(undefined)).toBe("sqlite");
    expect(databaseProvider("postgresql://localhost/descent")).toBe("postgresql");
    expect(DatabaseUrlSchema.safeParse("mysql://localhost/descent").success).toBe(false);
    expect(() => databaseProvider("redis://localhost")).toThrow(
      /must be a SQLite "file:" URL or a "postgresql:\/\/" URL/,
    );
  });

  it("resolves a SQLite file against the working directory, and has no file for PostgreSQL", () => {
    expect(resolveDatabaseFile("file:./data/x.db")).toBe(path.resolve("data/x.db"));
    expect(() => resolveDatabaseFile("postgresql://localhost/descent")).toThrow(/SQLite/);
  });
});

describe("PG_POOL_MAX", () => {
  it("is an integer from 1 to 1000; unset or anything else is the default, 10", () => {
    expect(readPgPoolMax({})).toBe(10);
    expect(readPgPoolMax({ PG_POOL_MAX: "25" })).toBe(25);
    expect(readPgPoolMax({ PG_POOL_MAX: "1" })).toBe(1);
    for (const bad of ["", "0", "-3", "2.5", "lots", "100000"])
      expect(readPgPoolMax({ PG_POOL_MAX: bad })).toBe(10);
  });
});
