// The files and functions the documentation names exist: every repository path in README.md,
// lib/**/README.md and docs/*.md (backticked or not), and every function or other identifier
// written in backticks, e.g. `gradeSubmission(…)` or `LearnerBusyError`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(file).isDirectory()) return walk(file, keep);
    return keep(file) ? [file] : [];
  });
}

const DOCS = [
  "README.md",
  ...walk("lib", (file) => path.basename(file) === "README.md"),
  ...readdirSync("docs")
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join("docs", name)),
];

/** Folders a documented path may start with. */
const ROOTS = "lib|app|scripts|tests|docs|content|prisma";
const EXTENSIONS = "tsx?|mts|mjs|js|md|mdx|json|prisma|sql|py|css|png|svg";

/** Paths a text names: rooted ones anywhere, bare file names (`pool.ts`) in backticks. */
function namedPaths(text: string): string[] {
  const rooted = [
    ...text.matchAll(new RegExp(String.raw`(?<![\w./@-])((?:\.\./)*(?:${ROOTS})/[\w./\[\]-]*[\w\]/])`, "g")),
  ].map((match) => match[1] ?? "");
  const bare = [
    ...text.matchAll(new RegExp(String.raw`\`((?:\.\./)*[\w.-]+\.(?:${EXTENSIONS}))\``, "g")),
  ].map((match) => match[1] ?? "");
  // Module specifiers in code samples: "@/lib/grading/index.server".
  const specifiers = [
    ...text.matchAll(new RegExp(String.raw`["']@/((?:${ROOTS})/[\w./\[\]-]+)["']`, "g")),
  ].map((match) => match[1] ?? "");
  return (
    [...rooted, ...bare, ...specifiers]
      .map((name) => name.replace(/[.]+$/, ""))
      // Globs, placeholders, and the example migration of README.md's "Changing a model".
      .filter((name) => !/[*<>…]|\bNN\b|\bX\b|_my_change\b/.test(name))
  );
}

/** Every file's name in the repository, for bare names (`journey.spec.ts`, `exercise.json`). */
const BASENAMES = new Set(walk(".", () => true).map((file) => path.basename(file)));

/**
 * Whether a path named in `doc` exists: from the repository root or the document's folder; a bare
 * file name anywhere in the repository; a decision by its number (`docs/decisions/030`).
 */
function pathExists(doc: string, name: string): boolean {
  const candidates = [name, path.join(path.dirname(doc), name)].flatMap((candidate) =>
    // A module named without its extension.
    ["", ".ts", ".tsx", "/index.ts"].map((suffix) => candidate + suffix),
  );
  if (candidates.some((candidate) => existsSync(candidate))) return true;
  if (!name.includes("/")) return BASENAMES.has(name);
  const [folder, last] = [path.dirname(name), path.basename(name)];
  return existsSync(folder) && readdirSync(folder).some((entry) => entry.startsWith(`${last}-`));
}

/** Every source file of the repository (TypeScript, JavaScript, Python, shell, Prisma), as one text. */
const SOURCE = walk(".", (file) => /\.(tsx?|mts|mjs|js|prisma|py|sh)$/.test(file))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

/**
 * Identifiers written in backticks: a call (`name(…)`), or a name in camelCase, PascalCase or
 * UPPER_CASE (`GradeResultSchema`, `MAX_CODE_BYTES`); plain words (`passed`) are left alone.
 */
/** Names the documents use that are not the project's: browser globals. */
const NOT_OURS = new Set(["importScripts"]);

function namedIdentifiers(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    const code = match[1] ?? "";
    for (const call of code.matchAll(/(?<![\w.$/-])([A-Za-z_$][\w$]*)\(/g)) names.add(call[1] ?? "");
    const whole = /^(?:class |type |interface )?([A-Za-z_$][\w$]*)$/.exec(code)?.[1];
    if (whole && (/[a-z][A-Z]/.test(whole) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(whole))) names.add(whole);
  }
  return [...names].filter((name) => !NOT_OURS.has(name));
}

describe("documentation", () => {
  it("reads the documents it checks", () => {
    expect(DOCS).toContain("lib/grader/README.md");
    expect(DOCS).toContain("docs/architecture.md");
  });

  it.each(DOCS)("%s names only files that exist", (doc) => {
    const missing = namedPaths(readFileSync(doc, "utf8")).filter((name) => !pathExists(doc, name));
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(DOCS)("%s names only functions and constants that exist", (doc) => {
    const missing = namedIdentifiers(readFileSync(doc, "utf8")).filter(
      (name) => !new RegExp(String.raw`(?<![\w$])${name.replace(/\$/g, "\\$")}(?![\w$])`).test(SOURCE),
    );
    expect(missing).toEqual([]);
  });

  it("sees the paths and names it checks", () => {
    expect(
      namedPaths(
        'see lib/grader/pool.ts and `result.ts`, or tests/**/x.test.ts; import "@/lib/grading/index.server"',
      ),
    ).toEqual(["lib/grader/pool.ts", "result.ts", "lib/grading/index.server"]);
    expect(pathExists("README.md", "lib/grading/index.server")).toBe(true);
    expect(pathExists("README.md", "lib/grader/index.server")).toBe(false);
    expect(
      namedIdentifiers("`gradeSubmission({ exercise })`, `LearnerBusyError`, `passed`, `MAX_CODE_BYTES`"),
    ).toEqual(["gradeSubmission", "LearnerBusyError", "MAX_CODE_BYTES"]);
  });
});
