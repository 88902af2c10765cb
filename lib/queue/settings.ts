import { z } from "zod";

// The grading queue's settings (no "server-only": the worker script reads them too). With
// REDIS_URL unset, grading stays in the web server's own pool of grader processes.

/** REDIS_URL: a `redis://` or `rediss://` URL; empty or unset means no queue. */
const RedisUrlSchema = z
  .string()
  .trim()
  .refine((url) => url === "" || /^rediss?:\/\//.test(url), {
    message: 'REDIS_URL must be a "redis://" or "rediss://" URL',
  })
  .optional();

const positiveInt = (fallback: number, min: number) => z.coerce.number().int().min(min).catch(fallback);

export const QueueSettingsSchema = z
  .object({
    REDIS_URL: RedisUrlSchema,
    /** Jobs allowed to wait before a submission is answered "busy". */
    GRADER_QUEUE_MAX_WAITING: positiveInt(200, 1),
    /** How long a web server waits for a job's result before answering "busy" (ms). */
    GRADER_QUEUE_WAIT_MS: positiveInt(120_000, 1_000),
    /** A worker's health port on 127.0.0.1 (0: any free port; unset: none). */
    GRADER_WORKER_PORT: z.coerce.number().int().min(0).max(65_535).optional().catch(undefined),
  })
  .transform((raw) => ({
    redisUrl: raw.REDIS_URL ? raw.REDIS_URL : null,
    maxWaiting: raw.GRADER_QUEUE_MAX_WAITING,
    waitMs: raw.GRADER_QUEUE_WAIT_MS,
    workerPort: raw.GRADER_WORKER_PORT ?? null,
  }));

export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

/** The queue's settings; throws when REDIS_URL is set to something that is not a Redis URL. */
export function readQueueSettings(env: Record<string, string | undefined> = process.env): QueueSettings {
  return QueueSettingsSchema.parse(env);
}

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
export type GradingJobData = { exercise: string; code: string };

/** The failure reason BullMQ gives a job that lost its worker more than MAX_STALLED times. */
export function isStalledFailure(reason: string): boolean {
  return /stalled/i.test(reason);
}
