import "server-only";
import { readQueueSettings } from "../env-shared";
import { poolTransport } from "../grader/pool";
import type { GradeResult } from "../grader/result";
import type { GradeRequest, GraderHealth, GradingTransport, QueuePosition } from "../grader/transport";
import { queueTransport } from "../queue/grading-client.server";

// What the routes call to grade. With REDIS_URL set, grading runs on the shared queue that
// grader workers take jobs from (lib/queue: any number of web servers and workers); without it,
// in this server's own pool of grader processes (lib/grader/pool.ts). Both implement
// GradingTransport (lib/grader/transport.ts) with one policy (lib/grader/policy.ts), so they
// answer with the same results, errors and refusals. This module sits above both: lib/grader
// never imports lib/queue.

export {
  type GradeRequest,
  type GraderHealth,
  GradingAbortedError,
  LearnerBusyError,
  type QueuePosition,
} from "../grader/transport";

/** Whether grading goes through the Redis queue (REDIS_URL set). */
export function usesGradingQueue(): boolean {
  return readQueueSettings().redisUrl !== null;
}

function transport(): GradingTransport {
  return usesGradingQueue() ? queueTransport : poolTransport;
}

/** Grades a submission (GradingTransport.grade: the contract both ways keep). */
export function gradeSubmission(input: GradeRequest): Promise<GradeResult> {
  return transport().grade(input);
}

/** Whether the learner has a submission waiting or being graded (on any server, with the queue). */
export function isLearnerGrading(learner: string): Promise<boolean> {
  return transport().isLearnerGrading(learner);
}

/** Where the learner's submission stands. */
export function queuePosition(learner: string): Promise<QueuePosition> {
  return transport().learnerPosition(learner);
}

/** Where the submission sent with this ticket stands. */
export function ticketPosition(ticket: string): Promise<QueuePosition> {
  return transport().ticketPosition(ticket);
}

/**
 * The grader's state for /api/health: the queue's depth and live workers, or the local pool.
 * `ok` says the queue can be reached; no live worker is reported, not a failure of this server.
 */
export function graderHealth(): Promise<GraderHealth> {
  return transport().health();
}
