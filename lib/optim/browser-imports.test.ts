import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The core runs in every lesson figure; classic zod there costs ~45 KB gzip per lesson page
// (docs/decisions/030). Only golden.ts, which never reaches the browser, may use it.
const SERVER_ONLY = new Set(["golden.ts"]);

function sources(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && !SERVER_ONLY.has(name))
    .map((name) => path.join(dir, name));
}

describe("browser-facing core imports", () => {
  const files = [...sources("lib/optim"), ...sources("lib/objectives"), "lib/config-error.ts"];

  it("finds the core's sources", () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files)('%s imports zod only as `* as z from "zod/mini"`', (file) => {
    const text = readFileSync(file, "utf8");
    const zodImports = [...text.matchAll(/^import[^;]*from "(zod[^"]*)";/gm)].map((m) => m[0]);
    for (const line of zodImports) expect(line).toMatch(/^import (type )?\* as z from "zod\/mini";$/);
  });
});
