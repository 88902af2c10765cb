import { readFileSync } from "node:fs";
import { type FixturePatch, PATCHES, type Replacement, WHOLE_FILES } from "./fixtures/catalog";
import { PYTHON_PATCHES, type PythonFixtureNaming, type PythonFixturePatch } from "./fixtures/python-catalog";

// The one way tests read a grader fixture (unit tests and the e2e journey alike). Paths are relative
// to the repository root, where Vitest and Playwright run.

export type PatchFixtureName = keyof typeof PATCHES;
export type FixtureName = PatchFixtureName | keyof typeof WHOLE_FILES;

export interface Fixture {
  exercise: string;
  code: string;
}

export const PATCH_FIXTURE_NAMES = Object.keys(PATCHES).sort() as PatchFixtureName[];
export const WHOLE_FILE_FIXTURE_NAMES = Object.keys(WHOLE_FILES).sort() as Array<keyof typeof WHOLE_FILES>;

export const solutionPath = (exercise: string) => `content/exercises/${exercise}/solution.ts`;
export const pythonSolutionPath = (exercise: string) => `content/exercises/${exercise}/solution.py`;
export const wholeFilePath = (name: string) => `tests/grader/fixtures/${name}.ts`;

/** Thrown when a patch fixture does not fit the solution it is applied to. */
export class FixtureDriftError extends Error {
  override name = "FixtureDriftError";
}

/** Every line index at which `lines` stand, consecutively, in `source`. */
function occurrences(source: readonly string[], lines: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + lines.length <= source.length; i++) {
    if (lines.every((line, j) => source[i + j] === line)) found.push(i);
  }
  return found;
}

const quote = (lines: readonly string[]) => lines.map((line) => `    | ${line}`).join("\n");

/**
 * Applies a patch fixture's replacements to `solution` (the text of its exercise's reference
 * solution). Throws FixtureDriftError, naming the fixture and the replacement, when a `from` is not
 * found exactly once, when two replacements overlap, or when the result equals the solution.
 */
export function applyFixturePatch(
  name: string,
  patch: FixturePatch,
  solution: string,
  origin = "the solution",
  catalog = "tests/grader/fixtures/catalog.ts",
): string {
  const lines = solution.split("\n");
  const fail = (message: string): never => {
    throw new FixtureDriftError(
      `Grader fixture "${name}" no longer applies to ${origin}: ${message}\n` +
        `Its mistake must be written into the current solution again (${catalog}).`,
    );
  };
  if (patch.replace.length === 0) fail("it has no replacement");
  const located = patch.replace.map((replacement: Replacement, k) => {
    const label = `replacement ${k + 1} of ${patch.replace.length}`;
    if (replacement.from.length === 0)
      fail(`${label} has no "from" lines (repeat a neighbouring line to insert)`);
    const at = occurrences(lines, replacement.from);
    if (at.length !== 1) {
      fail(
        `${label} expects these lines exactly once, and they stand ${at.length === 0 ? "nowhere" : `${at.length} times (lines ${at.map((i) => i + 1).join(", ")})`}:\n${quote(replacement.from)}`,
      );
    }
    return { start: at[0] as number, end: (at[0] as number) + replacement.from.length, replacement, label };
  });
  located.sort((a, b) => a.start - b.start);
  for (let k = 1; k < located.length; k++) {
    const [before, after] = [located[k - 1], located[k]];
    if (before && after && after.start < before.end) fail(`${before.label} and ${after.label} overlap`);
  }
  const out: string[] = [];
  let next = 0;
  for (const { start, end, replacement } of located) {
    out.push(...lines.slice(next, start), ...replacement.to);
    next = end;
  }
  out.push(...lines.slice(next));
  const code = out.join("\n");
  if (code === solution) fail("it changes nothing");
  return code;
}

/** The code of a grader fixture and the exercise it is graded on. */
export function loadFixture(name: FixtureName): Fixture {
  if (Object.hasOwn(PATCHES, name)) {
    const patch: FixturePatch = PATCHES[name as PatchFixtureName];
    const path = solutionPath(patch.exercise);
    return {
      exercise: patch.exercise,
      code: applyFixturePatch(name, patch, readFileSync(path, "utf8"), path),
    };
  }
  if (Object.hasOwn(WHOLE_FILES, name)) {
    return {
      exercise: WHOLE_FILES[name as keyof typeof WHOLE_FILES],
      code: readFileSync(wholeFilePath(name), "utf8"),
    };
  }
  throw new Error(`No grader fixture named "${name}" in tests/grader/fixtures/catalog.ts`);
}

export type PythonFixtureName = keyof typeof PYTHON_PATCHES;
export const PYTHON_FIXTURE_NAMES = Object.keys(PYTHON_PATCHES).sort() as PythonFixtureName[];

/** A Python fixture: its code, its exercise, and the diagnosis or Python mistake it should be named. */
export type PythonFixture = Fixture & PythonFixtureNaming;

/** The code of a Python grader fixture (a patch on solution.py, tests/grader/fixtures/python-catalog.ts). */
export function loadPythonFixture(name: PythonFixtureName): PythonFixture {
  if (!Object.hasOwn(PYTHON_PATCHES, name))
    throw new Error(`No Python grader fixture named "${name}" in tests/grader/fixtures/python-catalog.ts`);
  const patch: PythonFixturePatch = PYTHON_PATCHES[name];
  const { exercise, replace } = patch;
  const named: PythonFixtureNaming =
    "diagnosis" in patch ? { diagnosis: patch.diagnosis } : { pythonMistake: patch.pythonMistake };
  const path = pythonSolutionPath(exercise);
  const code = applyFixturePatch(
    name,
    { exercise, replace },
    readFileSync(path, "utf8"),
    path,
    "tests/grader/fixtures/python-catalog.ts",
  );
  return { exercise, code, ...named };
}
