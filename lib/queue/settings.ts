// The grading queue's constants. Its settings (REDIS_URL, GRADER_QUEUE_*, GRADER_WORKER_PORT) are
// part of the one configuration schema, lib/env-shared.ts (no "server-only": the worker reads them
// too). With REDIS_URL unset, grading stays in the web server's own pool of grader processes.
export { type QueueSettings, readQueueSettings } from "../env-shared";

import type { GradeJobInput } from "../grader/transport";

/** The BullMQ queue that carries grading jobs (web servers add, grader workers take). */
export const GRADING_QUEUE = "descent-grading";

/**
 * A worker holds a lock on its job and renews it every half of this; a worker that dies stops
 * renewing, and after this time another worker's stall check puts the job back in the queue.
 * Grading runs in child processes, so the worker's event loop is free to renew it.
 */
export const LOCK_MS = 6_000;
/** How often each worker looks for jobs whose worker died (BullMQ's stalled-job check). */
export const STALLED_CHECK_MS = 2_000;
/** Times a job may lose its worker and be taken again; one more and it is answered as failed. */
export const MAX_STALLED = 2;

/** Data of one grading job: the exercise and the code (the learner stays with the web server). */
export type GradingJobData = GradeJobInput;

/** The failure reason BullMQ gives a job that lost its worker more than MAX_STALLED times. */
export function isStalledFailure(reason: string): boolean {
  return /stalled/i.test(reason);
}
