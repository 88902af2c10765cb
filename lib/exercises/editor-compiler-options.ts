/**
 * What the exercise editor's TypeScript checker reports on learner code: real mistakes only.
 * `strict` stays (a misspelt field, a wrong type, a possibly-null value are real errors), but not
 * `noUncheckedIndexedAccess`: it types `state.m[i]` as `number | undefined`, so a correct loop
 * such as `state.m[i] = b1 * state.m[i] + (1 - b1) * g[i]` would be covered in red while the
 * grader passes it. The site's own code keeps that option (tsconfig.json); learners' code does not.
 */
export const EDITOR_COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  /**
   * The standard library the checker sees: ECMAScript only, no DOM (the learner's code runs in a
   * worker and in the grader's isolate, where neither `document` nor `window` exists). Monaco takes
   * lib *file names*: the tsconfig spelling "es2020" resolves to nothing.
   */
  lib: ["lib.es2020.d.ts"],
} as const;

/** The same options as `tsc` command-line flags (for tests that check code the way the editor does). */
export const EDITOR_TSC_FLAGS = [
  "--strict",
  "--noEmit",
  "--target",
  "es2020",
  "--module",
  "esnext",
  "--lib",
  "es2020",
];
