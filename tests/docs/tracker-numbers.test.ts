// Comments say why, not which ticket: "issue 11" or "#12" means nothing to a reader without the
// tracker, and history belongs in git and docs/decisions. An upstream reference written in full
// (`prisma/prisma#27403`) names where to look, and is allowed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FOLDERS = ["lib", "app", "scripts", "tests", "content"];
const CODE = /\.(tsx?|mts|mjs|js|py)$/;
const TEXT = /\.(md|mdx)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(file).isDirectory()) return walk(file);
    return CODE.test(name) || TEXT.test(name) ? [file] : [];
  });
}

/** The comment part of a line of a source file (`//`, `#`, or a line of a block comment), or null. */
function commentOf(file: string, line: string): string | null {
  if (TEXT.test(file)) return line;
  const block = /^\s*(?:\/\*|\*)(.*)$/.exec(line)?.[1];
  if (block !== undefined) return block;
  const marker = file.endsWith(".py") ? /(?:^|\s)#(.*)$/ : /(?:^|[^:])\/\/(.*)$/;
  return marker.exec(line)?.[1] ?? null;
}

/** "issue 11", "Issues 12 and 13", "issue #4", "#27" (but not "owner/repo#27"). */
const TRACKER = /\bissues? #?\d+|(?<![\w/&])#\d+\b/i;

function trackerNumbers(file: string, text: string): string[] {
  return text
    .split("\n")
    .map((line, index) => ({ line, index, comment: commentOf(file, line) }))
    .filter(({ comment }) => comment !== null && TRACKER.test(comment))
    .map(({ line, index }) => `${file}:${index + 1}: ${line.trim()}`);
}

describe("comments", () => {
  it("cite no tracker numbers", () => {
    // This file's own examples are the exception.
    const files = FOLDERS.flatMap(walk).filter((file) => file !== "tests/docs/tracker-numbers.test.ts");
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => trackerNumbers(file, readFileSync(file, "utf8")))).toEqual([]);
  });

  it("sees a tracker number in every kind of comment, and leaves upstream references alone", () => {
    const source = [
      "// the grading queue (issue 12)",
      " * Issue 11's probes",
      "const x = 1; // see #27",
      "// prisma/prisma#27403, open",
      'const url = "https://example.com/#section";',
      "const issue = 12;",
    ].join("\n");
    expect(trackerNumbers("x.ts", source)).toEqual([
      "x.ts:1: // the grading queue (issue 12)",
      "x.ts:2: * Issue 11's probes",
      "x.ts:3: const x = 1; // see #27",
    ]);
  });
});
