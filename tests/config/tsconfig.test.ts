// A build leaves the tree as it was: `next build` and `next dev` check tsconfig.json before they
// build and rewrite it when it lacks what they want (for a custom distDir, "<distDir>/types/**/*.ts"
// in `include`). This runs Next's own check, from node_modules, on a copy of tsconfig.json for
// the build folders the scripts use and one nobody uses, and expects the copy unchanged.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);
const { writeConfigurationDefaults } = require("next/dist/lib/typescript/writeConfigurationDefaults") as {
  writeConfigurationDefaults(
    typescriptVersion: string,
    tsConfigPath: string,
    isFirstTimeSetup: boolean,
    hasAppDir: boolean,
    distDir: string,
    hasPagesDir: boolean,
    strictRouteTypes: boolean,
  ): Promise<void>;
};
const typescriptVersion = (require("typescript/package.json") as { version: string }).version;

/** The build folders of next.config.mjs (default) and of the scripts that set NEXT_DIST_DIR. */
function distDirs(): string[] {
  const sources = ["next.config.mjs", "scripts/e2e-server.mjs", "tests/scale/queue-scale.mjs"];
  const found = sources.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/DIST_DIR\b[^\n]*?["'](\.next[\w-]*)["']/g)].map(
      (m) => m[1] ?? "",
    ),
  );
  return [...new Set(found)];
}

const dir = mkdtempSync(path.join(os.tmpdir(), "descent-tsconfig-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tsconfig.json", () => {
  it("knows the build folders the scripts use", () => {
    expect(distDirs()).toEqual(expect.arrayContaining([".next", ".next-e2e", ".next-scale"]));
  });

  it.each([...distDirs(), ".next-someone-elses"])(
    "is left unchanged by Next's check for a build into %s, in build and in dev",
    async (distDir) => {
      const copy = path.join(dir, "tsconfig.json");
      copyFileSync("tsconfig.json", copy);
      const before = readFileSync(copy, "utf8");
      vi.spyOn(console, "log").mockImplementation(() => {});
      // `next build` passes the folder; `next dev` its dev/ subfolder with NODE_ENV=development.
      await writeConfigurationDefaults(typescriptVersion, copy, false, true, distDir, false, false);
      expect(readFileSync(copy, "utf8")).toBe(before);
      vi.stubEnv("NODE_ENV", "development");
      await writeConfigurationDefaults(typescriptVersion, copy, false, true, `${distDir}/dev`, false, false);
      vi.unstubAllEnvs();
      expect(readFileSync(copy, "utf8")).toBe(before);
    },
  );
});
