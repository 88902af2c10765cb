import { transform } from "sucrase";

// The one transpile step of the grading rule: the browser's Run (lib/exercises/visible-run.ts, in a
// Web Worker) and Submit (grade-core.ts, in a grader child) both call this function, so a syntax
// error reads the same in both. Browser-safe on purpose: sucrase and nothing else, no Node APIs.

/** TypeScript turned into a CommonJS body, or the learner-facing reason it could not be. */
export type TranspileResult = { js: string } | { error: string };

/**
 * Strips the types and turns the module's imports and exports into CommonJS (no type checking).
 *
 * `production: true`: in sucrase this flag only changes the JSX transform (jsx-runtime instead of
 * jsx-dev-runtime, no `__self`/`__source` props carrying file paths). Learner code is `.ts` and the
 * JSX transform is off, so the output is the same either way (transpile.test.ts checks it on every
 * solution); it is set so that if JSX were ever enabled, no development-only output would appear.
 */
export function transpileSubmission(code: string): TranspileResult {
  try {
    return { js: transform(code, { transforms: ["typescript", "imports"], production: true }).code };
  } catch (error) {
    return { error: describeSyntaxError(error) };
  }
}

/**
 * "Line L, column C: message" for a sucrase parse error. Sucrase's `loc` is already 1-based in both
 * line and column (column 1 is a line's first character), and its message ends with " (L:C)", which
 * is dropped so that the place is stated once.
 */
function describeSyntaxError(error: unknown): string {
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
  if (loc && typeof loc.line === "number" && typeof loc.column === "number")
    return `Line ${loc.line}, column ${loc.column}: ${message}`;
  return message;
}
