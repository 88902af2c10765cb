import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getExercise } from "@/lib/content/exercises.server";
import { getExerciseDir, listCodeExerciseSlugs } from "@/lib/content/registry";
import { IDIOMATIC_SOLUTIONS } from "@/tests/fixtures/idiomatic-solutions";
import { EDITOR_TSC_FLAGS } from "./editor-compiler-options";

// The editor's checker, run as `tsc` with the same options on the same two files Monaco sees: the
// learner's solution.ts and the exercise's declarations. What tsc reports here is what the learner
// would see underlined.

const work = mkdtempSync(path.join(tmpdir(), "descent-editor-check-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CONSOLE_DTS = "declare const console: { log(...args: unknown[]): void };\n";

async function check(slug: string, code: string, extraFlags: string[] = []): Promise<string[]> {
  const exercise = await getExercise(slug);
  if (!exercise) throw new Error(`no coded exercise ${slug}`);
  const dir = mkdtempSync(path.join(work, `${slug}-`));
  writeFileSync(path.join(dir, "solution.ts"), code);
  writeFileSync(path.join(dir, "exercise-types.d.ts"), CONSOLE_DTS + exercise.typesDts);
  const tsc = spawnSync(
    path.resolve("node_modules/.bin/tsc"),
    ["--ignoreConfig", ...EDITOR_TSC_FLAGS, ...extraFlags, "solution.ts", "exercise-types.d.ts"],
    { cwd: dir, encoding: "utf8" },
  );
  return tsc.stdout
    .split("\n")
    .filter((line) => line.includes("error TS"))
    .map((line) => line.trim());
}

describe("the exercise editor's TypeScript options", () => {
  for (const { slug, name, code } of IDIOMATIC_SOLUTIONS) {
    it(`mark nothing in a correct ${name}`, async () => {
      expect(await check(slug, code)).toEqual([]);
    });
  }

  it("used to cover plain indexing in red (noUncheckedIndexedAccess, now left out)", async () => {
    const adam = IDIOMATIC_SOLUTIONS[0].code;
    const errors = await check("adam", adam, ["--noUncheckedIndexedAccess"]);
    expect(errors.length).toBeGreaterThanOrEqual(8);
    expect(errors.every((line) => /possibly 'undefined'/.test(line))).toBe(true);
  });

  it("still report a real mistake (a misspelt field)", async () => {
    const typo = IDIOMATIC_SOLUTIONS[0].code.replace("state.t += 1;", "state.step += 1;");
    expect(await check("adam", typo)).toEqual([expect.stringMatching(/Property 'step' does not exist/)]);
  });

  it("mark nothing in any reference solution", async () => {
    for (const slug of listCodeExerciseSlugs()) {
      const reference = readFileSync(path.join(getExerciseDir(slug), "solution.ts"), "utf8");
      expect(await check(slug, reference), slug).toEqual([]);
    }
  });
});
