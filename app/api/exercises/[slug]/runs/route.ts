import { loadExerciseDefinition } from "@/lib/content/registry";
import { assertSameOrigin, HttpError, handle } from "@/lib/http/route.server";
import { gradeCodeRequest, requireExercise } from "../code-grading.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/**
 * Run for languages the browser cannot execute (Python): the visible tests, through the same
 * sandbox, limits and fair queue as Submit, so the two cannot disagree. Nothing is stored.
 * TypeScript's Run stays in the browser (lib/exercises/run-in-worker.ts).
 */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const slug = requireExercise((await context.params).slug);
  const definition = await loadExerciseDefinition(slug);
  if (definition.kind !== "code") throw new HttpError(404, `"${slug}" has no code to run.`);
  const graded = await gradeCodeRequest(request, slug, "visible");
  if (graded instanceof Response) return graded;
  return Response.json({ result: graded.result });
});
