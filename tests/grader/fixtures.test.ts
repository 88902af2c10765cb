import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PATCHES, WHOLE_FILES } from "./fixtures/catalog";
import {
  applyFixturePatch,
  FixtureDriftError,
  type FixtureName,
  loadFixture,
  PATCH_FIXTURE_NAMES,
  solutionPath,
  WHOLE_FILE_FIXTURE_NAMES,
} from "./load-fixture";

// The grader fixtures are patches on the reference solutions (tests/grader/fixtures/catalog.ts).
// What each fixture grades to is checked where it is used (grader.test.ts, new-exercises.test.ts);
// this file checks the mechanism: every patch still applies, and a patch that no longer fits its
// solution fails loudly instead of testing stale code.

const read = (path: string) => readFileSync(path, "utf8");

describe("patch fixtures on the current reference solutions", () => {
  it.each(PATCH_FIXTURE_NAMES)("%s applies and differs from its solution", (name) => {
    const { exercise, code } = loadFixture(name);
    const solution = read(solutionPath(exercise));
    expect(code).not.toBe(solution);
    // Every line a replacement writes is in the result, in its place in the file.
    const lines = code.split("\n");
    for (const { to } of PATCHES[name].replace) {
      if (to.length === 0) continue;
      const at = lines.findIndex((_, i) => to.every((line, j) => lines[i + j] === line));
      expect(at, `${name}: ${to[0]}`).toBeGreaterThanOrEqual(0);
    }
  });

  it("the catalog and the folder agree: whole-file fixtures exist, and no file is left unlisted", () => {
    const files = readdirSync("tests/grader/fixtures")
      .filter((file) => file.endsWith(".ts") && file !== "catalog.ts" && file !== "python-catalog.ts")
      .map((file) => file.slice(0, -3))
      .sort();
    expect(files).toEqual(WHOLE_FILE_FIXTURE_NAMES);
    for (const name of PATCH_FIXTURE_NAMES) expect(Object.hasOwn(WHOLE_FILES, name)).toBe(false);
    for (const name of [...PATCH_FIXTURE_NAMES, ...WHOLE_FILE_FIXTURE_NAMES]) {
      expect(existsSync(solutionPath(loadFixture(name).exercise)), name).toBe(true);
    }
  });

  it.each(WHOLE_FILE_FIXTURE_NAMES)("%s is not a copy of its solution (else it would be a patch)", (name) => {
    const { exercise, code } = loadFixture(name);
    const significant = (text: string) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length > 3 && !line.startsWith("//"));
    const solutionLines = new Set(significant(read(solutionPath(exercise))));
    const lines = significant(code);
    const shared = lines.filter((line) => solutionLines.has(line)).length;
    expect(shared / lines.length).toBeLessThan(0.5);
  });

  it("an unknown fixture name throws", () => {
    expect(() => loadFixture("adam-no-such-mistake" as FixtureName)).toThrow(/No grader fixture named/);
  });
});

describe("a patch that no longer fits its solution fails loudly", () => {
  const name = "adam-missing-bias-correction";
  const patch = PATCHES[name];
  const solution = read(solutionPath(patch.exercise));
  const expected = patch.replace[0]?.from[0] ?? "";

  it("the real patch applies to the real solution (the baseline of the cases below)", () => {
    expect(solution).toContain(expected);
    expect(() => applyFixturePatch(name, patch, solution)).not.toThrow();
  });

  it("throws naming the fixture, the replacement and the lines, when the solution was edited", () => {
    const edited = solution.replace(
      "const bc1 = 1 - hp.beta1 ** state.t;",
      "const bc1 = 1 - hp.beta1 ** state.step;",
    );
    expect(edited).not.toBe(solution);
    let error: unknown;
    try {
      applyFixturePatch(name, patch, edited, "content/exercises/adam/solution.ts (edited)");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FixtureDriftError);
    const message = (error as Error).message;
    expect(message).toContain(`"${name}"`);
    expect(message).toContain("content/exercises/adam/solution.ts (edited)");
    expect(message).toContain("replacement 1 of 1");
    expect(message).toContain("stand nowhere");
    expect(message).toContain(expected);
  });

  it("throws when the lines to replace stand twice (the place would be a guess)", () => {
    const doubled = `${solution}\n${patch.replace[0]?.from.join("\n")}\n`;
    expect(() => applyFixturePatch(name, patch, doubled)).toThrow(/replacement 1 of 1 .* stand 2 times/);
  });

  it("throws when the patch would leave the solution unchanged or when its replacements overlap", () => {
    const from = ["  state.t += 1;"];
    expect(() =>
      applyFixturePatch("no-op", { exercise: "adam", replace: [{ from, to: from }] }, solution),
    ).toThrow(/"no-op" .* changes nothing/);
    const overlapping = {
      exercise: "adam",
      replace: [
        { from: [...from, "  const bc1 = 1 - hp.beta1 ** state.t;"], to: ["  state.t = 1;"] },
        { from, to: [] },
      ],
    };
    expect(() => applyFixturePatch("overlap", overlapping, solution)).toThrow(
      /replacement 1 of 2 and replacement 2 of 2 overlap/,
    );
  });
});

describe("replacements are placed on the untouched solution", () => {
  const source = ["a", "b", "c", "d", "b2"].join("\n");

  it("replaces, deletes, inserts after a repeated line and moves lines, wherever they are listed", () => {
    const code = applyFixturePatch(
      "synthetic",
      {
        exercise: "none",
        replace: [
          { from: ["d"], to: [] },
          { from: ["a"], to: ["a", "inserted"] },
          { from: ["b", "c"], to: ["c", "b"] },
        ],
      },
      source,
    );
    expect(code).toBe(["a", "inserted", "c", "b", "b2"].join("\n"));
  });

  it("matches whole lines only: part of a line is not a match", () => {
    expect(() =>
      applyFixturePatch("partial", { exercise: "none", replace: [{ from: ["b"], to: ["x"] }] }, "ab\nc"),
    ).toThrow(/stand nowhere/);
  });
});
