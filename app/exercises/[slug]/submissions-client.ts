// Every request an exercise page makes, coded or of judgment: its past submissions and a new
// submission's answer; for the code workbench also the pending submission's place in the grader
// queue and one stored submission to restore. The answer schemas (lib/exercises/answers.ts,
// zod/mini) are imported with the request, never up front, so the first load carries no zod.
import type { SubmissionSummaryAnswer } from "@/lib/exercises/answers";
import type { GradeResult } from "@/lib/grader/result";

/** The answer schemas; a dynamic import, loaded once and then cached by the browser. */
export const loadAnswers = () => import("@/lib/exercises/answers");

/**
 * The learner's past submissions of an exercise, newest first; null when they cannot be had (the
 * history is a convenience: the page works without it).
 */
export async function fetchPastSubmissions(slug: string): Promise<SubmissionSummaryAnswer[] | null> {
  try {
    const [response, answers] = await Promise.all([
      fetch(`/api/exercises/${slug}/submissions`, { cache: "no-store" }),
      loadAnswers(),
    ]);
    if (!response.ok) return null;
    const body = answers.parseAnswer(
      answers.SubmissionListAnswerSchema,
      await response.json(),
      "the list of your submissions",
    );
    return body.submissions;
  } catch {
    return null;
  }
}

/**
 * Posts a submission (`{ code, language }` or `{ answer }`) and reads the answer: the graded result,
 * or the message to show (the route's error, else the status). Throws only when the server cannot be
 * reached; the schemas load while the submission is graded.
 */
export function postSubmission(
  slug: string,
  body: { code: string; language?: "typescript" | "python" } | { answer: Record<string, number | string> },
  headers: Record<string, string> = {},
): Promise<{ result: GradeResult } | { error: string }> {
  // A page opened from the drill as a recall attempt (`?recall=1`) submits as one: it rates the item.
  const recall = new URLSearchParams(window.location.search).get("recall") === "1" ? "?recall=1" : "";
  return postForResult(`/api/exercises/${slug}/submissions${recall}`, body, headers);
}

/**
 * Runs Python code on the visible tests on the server (`POST …/runs`, the grader's sandbox and queue;
 * nothing is stored): the result, or the message to show (503: Python cannot run on this server).
 */
export function postRun(
  slug: string,
  body: { code: string; language: "python" },
  headers: Record<string, string> = {},
): Promise<{ result: GradeResult } | { error: string }> {
  return postForResult(`/api/exercises/${slug}/runs`, body, headers);
}

async function postForResult(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ result: GradeResult } | { error: string }> {
  const answersLoaded = loadAnswers();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const { SubmitAnswerSchema } = await answersLoaded;
  // Not JSON (a proxy's error page) or another shape: reported with the status.
  const parsed = SubmitAnswerSchema.safeParse(await response.json().catch(() => null));
  const answer = parsed.success ? parsed.data : {};
  if (response.ok && answer.result) return { result: answer.result };
  return { error: answer.error ?? `The server answered ${response.status}.` };
}

/**
 * Where a pending submission stands in the grader's queue: `ahead` submissions before it while it
 * waits, null once it is being graded (or is unknown to the queue); null when the server gives no
 * readable answer (the submit request itself reports connection problems).
 */
export async function fetchQueuePosition(ticket: string): Promise<{ ahead: number | null } | null> {
  try {
    const [response, answers] = await Promise.all([
      fetch(`/api/grader/queue?ticket=${ticket}`, { cache: "no-store" }),
      loadAnswers(),
    ]);
    if (!response.ok) return null;
    const body = answers.QueuePositionAnswerSchema.safeParse(await response.json());
    if (!body.success) return null;
    return { ahead: body.data.state === "waiting" ? body.data.ahead : null };
  } catch {
    return null;
  }
}

const NOT_LOADED = "Could not load that submission.";

/** One stored submission of the learner (its code and result), or the message to show. */
export async function fetchSubmission(
  id: string,
): Promise<
  { code: string; language?: "typescript" | "python" | null; result: GradeResult | null } | { error: string }
> {
  try {
    const [response, answers] = await Promise.all([fetch(`/api/submissions/${id}`), loadAnswers()]);
    if (!response.ok) return { error: NOT_LOADED };
    const { submission } = answers.parseAnswer(
      answers.SubmissionAnswerSchema,
      await response.json(),
      "loading that submission",
    );
    return submission;
  } catch (error) {
    // A page and server of different releases; anything else is the connection.
    const unreadable = error instanceof Error && error.name === "UnexpectedAnswerError";
    return { error: unreadable ? error.message : NOT_LOADED };
  }
}
