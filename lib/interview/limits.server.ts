import "server-only";
import { getLimiters, takePoint } from "@/lib/http/rate-limit.server";

/**
 * Interview answers, as points per duration in seconds, per learner and per network client (as
 * submissions, lib/grader/submission-limits.server.ts, but roomier: a rapid round answers an item
 * every minute or so, an explain item takes two requests). A code or judgment item's answer also
 * takes a submission point and waits in the same grading queue as any submission.
 */
export const INTERVIEW_LIMITS = {
  answersPerLearner: { points: 20, duration: 60 },
  answersPerClient: { points: 60, duration: 60 },
  startsPerLearner: { points: 10, duration: 3600 },
} as const;

/** Takes an answer point from the client, then the learner; throws TooManyRequestsError (429) when none is left. */
export async function takeAnswerPoints(client: string, learnerId: string): Promise<void> {
  const limiters = getLimiters(INTERVIEW_LIMITS);
  await takePoint("answersPerClient", client, "Too many answers from your network.", limiters);
  await takePoint(
    "answersPerLearner",
    learnerId,
    `Too many answers (${INTERVIEW_LIMITS.answersPerLearner.points} per minute).`,
    limiters,
  );
}

/** Takes a start point from the learner (10 interviews an hour). */
export async function takeStartPoint(learnerId: string): Promise<void> {
  await takePoint(
    "startsPerLearner",
    learnerId,
    "Too many interviews started this hour.",
    getLimiters(INTERVIEW_LIMITS),
  );
}
