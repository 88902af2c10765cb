import "server-only";
import { getLimiters, takePoint } from "@/lib/http/rate-limit.server";

/**
 * Submissions (code or answers), as points per duration in seconds, per stored learner and per
 * network client (its address key, lib/http/client.server.ts): a client resets neither by
 * dropping cookies, and a new guest is itself limited per client (lib/auth/learner.server.ts).
 */
export const SUBMISSION_LIMITS = {
  submissionsPerLearner: { points: 6, duration: 60 },
  // Room for a few learners behind one NAT (a classroom), not for a flood.
  submissionsPerClient: { points: 20, duration: 60 },
} as const;

/** Takes a submission point from the network client; throws TooManyRequestsError (429) when none is left. */
export async function takeClientSubmissionPoint(client: string): Promise<void> {
  await takePoint(
    "submissionsPerClient",
    client,
    "Too many submissions from your network.",
    getLimiters(SUBMISSION_LIMITS),
  );
}

/** Takes a submission point from the learner; throws TooManyRequestsError (429) when none is left. */
export async function takeLearnerSubmissionPoint(learnerId: string): Promise<void> {
  const { points } = SUBMISSION_LIMITS.submissionsPerLearner;
  await takePoint(
    "submissionsPerLearner",
    learnerId,
    `Too many submissions (${points} per minute).`,
    getLimiters(SUBMISSION_LIMITS),
  );
}
