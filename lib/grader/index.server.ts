import "server-only";
import {
  gradeViaQueue,
  isLearnerQueued,
  queuedLearnerPosition,
  queuedTicketPosition,
  queueHealth,
} from "../queue/grading-client.server";
import { readQueueSettings } from "../queue/settings";
import * as pool from "./pool";
import type { GradeRequest, QueuePosition } from "./pool";
import type { GradeResult } from "./result";

export { GradingAbortedError, LearnerBusyError, type QueuePosition } from "./pool";

// Where grading runs: with REDIS_URL set, on the shared queue that grader workers take jobs
// from (lib/queue, any number of web servers and workers); without it, in this server's own
// pool of grader processes (lib/grader/pool.ts). Both answer with the same results and errors.

/** Whether grading goes through the Redis queue (REDIS_URL set). */
export function usesGradingQueue(): boolean {
  return readQueueSettings().redisUrl !== null;
}

/** Grades a submission (see pool.gradeSubmission for the contract both paths keep). */
export function gradeSubmission(input: GradeRequest): Promise<GradeResult> {
  return usesGradingQueue() ? gradeViaQueue(input) : pool.gradeSubmission(input);
}

/** Whether the learner has a submission waiting or being graded (on any server, with the queue). */
export async function isLearnerGrading(learner: string): Promise<boolean> {
  return usesGradingQueue() ? isLearnerQueued(learner) : pool.isLearnerGrading(learner);
}

export async function queuePosition(learner: string): Promise<QueuePosition> {
  return usesGradingQueue() ? queuedLearnerPosition(learner) : pool.queuePosition(learner);
}

export async function ticketPosition(ticket: string): Promise<QueuePosition> {
  return usesGradingQueue() ? queuedTicketPosition(ticket) : pool.ticketPosition(ticket);
}

export type GraderHealth =
  | { mode: "in-process"; ok: true; processes: number }
  | {
      mode: "queue";
      ok: boolean;
      waiting?: number;
      active?: number;
      failed?: number;
      workers?: number;
      error?: string;
    };

/**
 * The grader's state for /api/health: the queue's depth and live workers, or the local pool.
 * `ok` says the queue can be reached; no live worker is reported, not a failure of this server.
 */
export async function graderHealth(): Promise<GraderHealth> {
  if (!usesGradingQueue()) return { mode: "in-process", ok: true, processes: pool.graderProcesses().length };
  try {
    const health = await Promise.race([
      queueHealth(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("the queue did not answer within 2 s")), 2_000).unref(),
      ),
    ]);
    return { mode: "queue", ok: true, ...health };
  } catch (error) {
    return { mode: "queue", ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
