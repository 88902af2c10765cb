import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The dependency rules of docs/architecture.md, checked on the import lines of the source.
const FORBIDDEN: Array<{ from: string; to: string; why: string }> = [
  {
    from: "lib/progress",
    to: "lib/auth",
    why: "lib/auth uses lib/progress (merge, guest cookie), not the reverse",
  },
  { from: "lib/content", to: "lib/grader", why: "the grader reads content; content knows no grader" },
  { from: "lib/content", to: "lib/cards", why: "cards read the content registry" },
  { from: "lib/http", to: "lib/progress", why: "HTTP plumbing knows no feature" },
  { from: "lib/optim", to: "lib/grader", why: "the core is pure" },
  { from: "lib/optim", to: "app", why: "the core is pure" },
  { from: "lib", to: "app", why: "app → lib, never lib → app" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|mts)$/.test(name) ? [file] : [];
  });
}

/** The repository folders a file imports (`@/x/y` and relative paths), e.g. "lib/auth". */
function importedPaths(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)[^"'`;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|vi\.mock\(\s*["']([^"']+)["']/g,
    ),
  ]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? "")
    .filter(Boolean);
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith("@/")) return [specifier.slice(2)];
    if (specifier.startsWith("."))
      return [path.relative(process.cwd(), path.resolve(path.dirname(file), specifier))];
    return [];
  });
}

describe("dependencies point one way", () => {
  it.each(FORBIDDEN)("$from does not import $to ($why)", ({ from, to }) => {
    const offenders = sourceFiles(from)
      .filter((file) => !/\.test\.tsx?$/.test(file))
      .flatMap((file) =>
        importedPaths(file)
          .filter((target) => target === to || target.startsWith(`${to}/`))
          .map((target) => `${file} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it("sees the imports it checks (a file known to import lib/progress)", () => {
    expect(importedPaths("lib/auth/learner.server.ts")).toContain("lib/progress/db.server");
  });
});
