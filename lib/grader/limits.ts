// The one code-size limit of Run (browser) and Submit (route, pool and grader). No imports: the
// browser's Run worker bundles this file (result.ts, with zod, stays out of it).

/** Largest accepted submission, in bytes of UTF-8. */
export const MAX_CODE_BYTES = 20_000;

/** What the learner is told when their code is over MAX_CODE_BYTES. */
export const TOO_LARGE_MESSAGE = `Submissions are limited to ${MAX_CODE_BYTES / 1000} KB.`;

/** True when `code` is over MAX_CODE_BYTES of UTF-8. */
export function isCodeTooLarge(code: string): boolean {
  return new TextEncoder().encode(code).length > MAX_CODE_BYTES;
}
