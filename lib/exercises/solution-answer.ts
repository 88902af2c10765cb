// The answer of /api/exercises/[slug]/solution, parsed in the browser (zod/mini, imported with the
// request, as lib/exercises/answers.ts is).
import * as z from "zod/mini";

/** GET and POST /api/exercises/[slug]/solution: the learner's access to the reference solution. */
export const SolutionAccessAnswerSchema = z.object({
  access: z.object({
    state: z.enum(["passed", "revealed", "available", "locked"]),
    failedAttempts: z.number().check(z.int(), z.nonnegative()),
    needed: z.number().check(z.int(), z.positive()),
  }),
});

/** The access a page shows (lib/exercises/solution-access.ts SolutionAccess). */
export type SolutionAccessAnswer = z.infer<typeof SolutionAccessAnswerSchema>["access"];

/** An error answer's message, when it has one. */
export const ErrorAnswerSchema = z.object({ error: z.string() });
