import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isExerciseSlug, listExerciseSlugs } from "./registry";

const root = mkdtempSync(path.join(os.tmpdir(), "descent-registry-"));
const exercises = path.join(root, "exercises");
mkdirSync(path.join(exercises, "adam"), { recursive: true });
mkdirSync(path.join(exercises, "sgd"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the exercise listing (kept until the folder changes)", () => {
  it("sees folders added, renamed and removed after an earlier listing", () => {
    expect(listExerciseSlugs(root)).toEqual(["adam", "sgd"]);
    expect(isExerciseSlug("momentum", root)).toBe(false);

    mkdirSync(path.join(exercises, "momentum"));
    expect(listExerciseSlugs(root)).toEqual(["adam", "momentum", "sgd"]);
    expect(isExerciseSlug("momentum", root)).toBe(true);

    renameSync(path.join(exercises, "sgd"), path.join(exercises, "sgd-step-decay"));
    expect(listExerciseSlugs(root)).toEqual(["adam", "momentum", "sgd-step-decay"]);
    expect(isExerciseSlug("sgd", root)).toBe(false);

    rmSync(path.join(exercises, "adam"), { recursive: true });
    expect(listExerciseSlugs(root)).toEqual(["momentum", "sgd-step-decay"]);
  });

  it("hands out a copy: a caller sorting or emptying its list does not change the next one", () => {
    const first = listExerciseSlugs(root);
    first.reverse();
    first.length = 0;
    expect(listExerciseSlugs(root)).toEqual(["momentum", "sgd-step-decay"]);
  });

  it("answers false for malformed values", () => {
    for (const value of [null, 3, "", "../content", "Momentum", "momentum/", "a".repeat(200)])
      expect(isExerciseSlug(value, root)).toBe(false);
  });
});
