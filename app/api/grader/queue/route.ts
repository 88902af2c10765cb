import { queuePosition, ticketPosition } from "@/lib/grading/index.server";
import { TICKET_PATTERN } from "@/lib/grader/queue-ticket";
import { handle } from "@/lib/http/route.server";
import { getCurrentLearner } from "@/lib/auth/learner.server";

export const dynamic = "force-dynamic";

/**
 * Where the current learner's submission stands in the grader queue (this server's pool, or
 * the shared queue with REDIS_URL), polled by the
 * exercise page while a submission is pending: `{ state: "waiting", ahead }`, `{ state: "grading" }`
 * or `{ state: "none" }`, found by `?ticket=` (sent as a header with the submission) or else by the
 * current learner. Reads only: creates no learner.
 */
export const GET = handle(async (request: Request) => {
  // By the ticket the page sent with its submission (a first-time guest has no cookie yet).
  const ticket = new URL(request.url).searchParams.get("ticket");
  if (ticket !== null && TICKET_PATTERN.test(ticket))
    return Response.json(await ticketPosition(ticket), { headers: { "Cache-Control": "no-store" } });
  const learner = await getCurrentLearner();
  const position = learner.stored ? await queuePosition(learner.id) : { state: "none" as const };
  return Response.json(position, { headers: { "Cache-Control": "no-store" } });
});
