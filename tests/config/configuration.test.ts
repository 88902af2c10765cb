// The configuration is one schema (lib/env-shared.ts), documented in one table (README.md,
// "Configuration"): the two name the same variables with the same defaults, and no code reads an
// environment variable behind the schema's back.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigSchema, type VariableName } from "@/lib/env-shared";

/** The schema module: the one place that reads the app's configuration from the environment. */
const SCHEMA_MODULE = "lib/env-shared.ts";

/**
 * Variables read outside the schema that are not the app's configuration, and why. A new one
 * belongs either in the schema (and the README's table) or here, with its reason.
 */
const NOT_CONFIGURATION: Record<string, string> = {
  CI: "set by CI services: Playwright's retries and reuse of a running server",
  VITEST: "set by Vitest: figures skip their server-side render in unit tests",
  DESCENT_PEER_HEADER:
    "set by scripts/server.mjs for the Next server it starts (the peer-address header is its own); never by an operator",
  NEXT_DIST_DIR: "build folder, so the test suites' builds sit beside the developer's (next.config.mjs)",
  E2E_PORT: "browser tests' server (scripts/e2e-server.mjs)",
  E2E_DATABASE_URL: "browser tests' server (scripts/e2e-server.mjs)",
  E2E_SKIP_BUILD: "browser tests' server (scripts/e2e-server.mjs)",
  CHROMIUM_PATH: "the browser the browser tests run (scripts/ensure-chromium.mjs)",
  PG_BIN: "the throwaway PostgreSQL of scripts/pg.mjs",
  REDIS_SERVER: "the throwaway Redis of scripts/redis.mjs",
  BASE_URL: "benchmark setting (bench:pages)",
  RUNS: "benchmark setting (bench:pages)",
};

/** Environment reads written with a computed key, and the variable each key holds. */
const COMPUTED_KEYS: Record<string, string> = { PEER_HEADER_FLAG: "DESCENT_PEER_HEADER" };

/**
 * NODE_ENV is in the schema, and may also be read directly: Next replaces `process.env.NODE_ENV`
 * in browser code at build time, where the schema module cannot go.
 */
const READ_ANYWHERE = new Set(["NODE_ENV"]);

/** The rows of README.md's "Configuration" table: variable → default cell. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Configuration\n"));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = new Map<string, string>();
  for (const line of section.split("\n")) {
    const match = /^\| `([A-Z][A-Z0-9_]*)` \| ([^|]*) \|/.exec(line);
    if (match?.[1]) rows.set(match[1], (match[2] ?? "").trim());
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.mts")
      ? [file]
      : [];
  });
}

type EnvRead = { file: string; name: string };

/** The variables a file reads from process.env (assignments to it are not reads). */
function environmentReads(file: string, text: string): EnvRead[] {
  const reads: EnvRead[] = [];
  const notAssigned = String.raw`(?!\s*=(?!=))`;
  for (const match of text.matchAll(
    new RegExp(String.raw`process\.env\.([A-Za-z_][A-Za-z0-9_]*)\b${notAssigned}`, "g"),
  ))
    reads.push({ file, name: match[1] ?? "" });
  for (const match of text.matchAll(
    new RegExp(String.raw`process\.env\[\s*["'\`]([^"'\`]+)["'\`]\s*\]${notAssigned}`, "g"),
  ))
    reads.push({ file, name: match[1] ?? "" });
  for (const match of text.matchAll(
    new RegExp(String.raw`process\.env\[\s*([A-Za-z_$][\w$.]*)\s*\]${notAssigned}`, "g"),
  )) {
    const key = match[1] ?? "";
    reads.push({ file, name: COMPUTED_KEYS[key] ?? `[${key}]` });
  }
  for (const match of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g))
    for (const part of (match[1] ?? "").split(",")) {
      const name = part.split(":")[0]?.split("=")[0]?.trim();
      if (name && !name.startsWith("...")) reads.push({ file, name });
    }
  return reads;
}

const variables = new Set<string>(CONFIG_VARIABLES);

describe("configuration", () => {
  it("README.md's table names exactly the variables of the schema", () => {
    const documented = [...readmeTable().keys()];
    expect(
      documented.filter((name) => !variables.has(name)),
      "in the table, not in the schema",
    ).toEqual([]);
    expect(
      CONFIG_VARIABLES.filter((name) => !documented.includes(name)),
      `in ${SCHEMA_MODULE}, not in README.md's table`,
    ).toEqual([]);
  });

  it("README.md's defaults are the schema's", () => {
    const defaults = ConfigSchema.parse({});
    for (const [name, cell] of readmeTable()) {
      if (!variables.has(name)) continue;
      const value = defaults[name as VariableName];
      const literal = /^`([^`$]*)`$/.exec(cell)?.[1];
      if (literal !== undefined) expect(String(value), name).toBe(literal);
      else if (cell === "none") {
        // TRUST_PROXY parses to a set of proxies: none is the empty set.
        const entries = (value as { entries?: readonly string[] } | undefined)?.entries;
        expect(entries ?? value, name).toEqual(entries ? [] : undefined);
      }
    }
  });

  it("no code reads an environment variable behind the schema, or one that is not documented", () => {
    const files = [
      ...["lib", "app", "scripts"].flatMap(sourceFiles),
      "next.config.mjs",
      "prisma.config.ts",
      "playwright.config.ts",
    ].filter((file) => file !== SCHEMA_MODULE);
    const reads = files.flatMap((file) => environmentReads(file, readFileSync(file, "utf8")));
    expect(reads.length, "the scan sees reads").toBeGreaterThan(10);

    const problems: string[] = [];
    for (const { file, name } of reads) {
      if (READ_ANYWHERE.has(name) || name in NOT_CONFIGURATION) continue;
      // Benchmarks' own settings (scripts/bench-*.ts): BENCH_PORT, BENCH_REPS, ...
      if (name.startsWith("BENCH_") && file.startsWith("scripts/bench-")) continue;
      if (!variables.has(name)) {
        problems.push(
          `${file}: ${name} is neither in ${SCHEMA_MODULE} (and README.md) nor in NOT_CONFIGURATION`,
        );
        continue;
      }
      // Plain Node files (scripts/*.mjs, the tools' config files) cannot import the TypeScript
      // schema; they may read a documented variable themselves. TypeScript in lib/, app/ and
      // scripts/ asks lib/env-shared.ts (or lib/env.server.ts).
      const plainNode = file.endsWith(".mjs") || !/^(lib|app|scripts)\//.test(file);
      if (!plainNode)
        problems.push(`${file}: reads ${name} from process.env; use the accessor in ${SCHEMA_MODULE}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("sees every kind of read it checks", () => {
    const text = [
      "process.env.A; process.env['B']; process.env[PEER_HEADER_FLAG];",
      "const { C, D: d } = process.env; process.env.E = '1'; if (process.env.F === '1') {}",
    ].join("\n");
    expect(environmentReads("x.ts", text).map((read) => read.name)).toEqual([
      "A",
      "F",
      "B",
      "DESCENT_PEER_HEADER",
      "C",
      "D",
    ]);
  });

  it("has the web server's part read only through lib/env.server.ts, which is server-only", () => {
    const server = readFileSync("lib/env.server.ts", "utf8");
    expect(server.startsWith('import "server-only";')).toBe(true);
    const callers = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => file !== SCHEMA_MODULE && /\breadServerSettings\b/.test(readFileSync(file, "utf8")));
    expect(callers).toEqual(["lib/env.server.ts"]);
  });
});
