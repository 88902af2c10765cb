// The requests about an exercise's reference solution: may this learner read it, and asking for it
// before a pass (recorded). The schemas load with the request, never up front (the same module as
// the past submissions', so asking costs no further download).
import type { SolutionAccessAnswer } from "@/lib/exercises/answers";

const loadSchemas = () => import("@/lib/exercises/answers");

/** Whether the learner may read the reference solution; null when it cannot be had (the page works without). */
export async function fetchSolutionAccess(slug: string): Promise<SolutionAccessAnswer | null> {
  try {
    const [response, schemas] = await Promise.all([
      fetch(`/api/exercises/${slug}/solution`, { cache: "no-store" }),
      loadSchemas(),
    ]);
    if (!response.ok) return null;
    const parsed = schemas.SolutionAccessAnswerSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.access : null;
  } catch {
    return null;
  }
}

/** Asks for the reference solution before passing: the new access, or the message to show. */
export async function requestSolution(
  slug: string,
): Promise<{ access: SolutionAccessAnswer } | { error: string }> {
  try {
    const [response, schemas] = await Promise.all([
      fetch(`/api/exercises/${slug}/solution`, { method: "POST" }),
      loadSchemas(),
    ]);
    const body: unknown = await response.json().catch(() => null);
    const parsed = schemas.SolutionAccessAnswerSchema.safeParse(body);
    if (response.ok && parsed.success) return { access: parsed.data.access };
    const error = schemas.ErrorAnswerSchema.safeParse(body);
    return { error: error.success ? error.data.error : `The server answered ${response.status}.` };
  } catch {
    return { error: "Could not reach the server; try again." };
  }
}
