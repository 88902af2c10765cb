import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  CONFIG_PARTS,
  CONFIG_VARIABLES,
  ConfigSchema,
  DatabaseUrlSchema,
  DEFAULT_DATABASE_URL,
  databaseProvider,
  databaseProviderOf,
  readContentDir,
  readGraderSettings,
  readPgPoolMax,
  readServerSettings,
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

describe("the configuration schema", () => {
  it("reads every variable in exactly the parts that need it, each at least once", () => {
    const inParts = new Set(Object.values(CONFIG_PARTS).flat());
    expect([...inParts].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("has a default for every variable: an empty environment is a valid configuration", () => {
    const config = ConfigSchema.parse({});
    expect(config.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(config.GRADER_PROCESSES).toBe(2);
    expect(config.CONTENT_DIR).toBe("content");
  });

  it("gives the web server APP_ORIGIN, or http://localhost:PORT, as an origin", () => {
    expect(readServerSettings({}).APP_ORIGIN).toBe("http://localhost:3000");
    expect(readServerSettings({ PORT: "3100" }).APP_ORIGIN).toBe("http://localhost:3100");
    expect(readServerSettings({ APP_ORIGIN: "https://descent.example/learn" }).APP_ORIGIN).toBe(
      "https://descent.example",
    );
    expect(readServerSettings({ SLOW_QUERY_MS: "50" }).SLOW_QUERY_MS).toBe(50);
  });

  it("names every bad variable of a part in one error", () => {
    const message = (() => {
      try {
        readServerSettings({ TRUST_PROXY: "not-an-address", AUTH_SECRET: "short" });
      } catch (error) {
        return String(error);
      }
    })();
    expect(message).toMatch(/^Error: Invalid configuration:/);
    expect(message).toContain("TRUST_PROXY");
    expect(message).toContain("AUTH_SECRET");
  });

  it("keeps a part's bad value from breaking the others (a worker needs no web-server secret)", () => {
    const source = { AUTH_SECRET: "short", GRADER_PROCESSES: "3" };
    expect(() => readServerSettings(source)).toThrow(/AUTH_SECRET/);
    expect(readGraderSettings(source).processes).toBe(3);
  });

  it("gives the same settings for the same values, and new ones when a value changes", () => {
    const first = readGraderSettings({ GRADER_PROCESSES: "4" });
    expect(readGraderSettings({ GRADER_PROCESSES: "4", UNRELATED: "x" })).toEqual(first);
    expect(readGraderSettings({ GRADER_PROCESSES: "5" }).processes).toBe(5);
  });

  it("reads process.env by default, so a changed variable is heard at the next call", () => {
    vi.stubEnv("GRADER_QUIET_PROCESSES", "0");
    expect(readGraderSettings().quietProcesses).toBe(0);
    vi.stubEnv("GRADER_QUIET_PROCESSES", "2");
    expect(readGraderSettings().quietProcesses).toBe(2);
    vi.stubEnv("CONTENT_DIR", "/tmp/course");
    expect(readContentDir()).toBe("/tmp/course");
    vi.unstubAllEnvs();
  });

  it("takes an empty CONTENT_DIR as unset", () => {
    expect(readContentDir({ CONTENT_DIR: "" })).toBe("content");
    expect(readContentDir({ CONTENT_DIR: "tests/course" })).toBe("tests/course");
  });
});
