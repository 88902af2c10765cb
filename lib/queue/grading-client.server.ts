import "server-only";
import { randomUUID } from "node:crypto";
import { remember } from "@epic-web/remember";
import { Job, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { GradeRequest, QueuePosition } from "../grader/pool";
import { GradingAbortedError, LearnerBusyError } from "../grader/pool";
import { createEarlyResult, type GradeResult, StoredGradeResultSchema } from "../grader/result";
import { createRedis } from "./redis";
import { GRADING_QUEUE, type GradingJobData, isStalledFailure, readQueueSettings } from "./settings";

// The web server's side of the grading queue (REDIS_URL set): a submission becomes a BullMQ job
// that any grader worker (scripts/grader-worker.ts) takes; the web server waits for its result.
// The per-learner one-job rule and the tickets live in Redis, so every web server sees them.

/** How long finished jobs (and their results) stay in Redis. */
const KEEP_FINISHED = { age: 3_600, count: 10_000 };
/** How often a waiting request also asks Redis directly, in case an event was missed (restart). */
const POLL_MS = 1_000;

type QueueClient = {
  queue: Queue<GradingJobData, unknown>;
  events: QueueEvents;
  redis: Redis;
  /** Requests of this server waiting for a job's result, by job id. */
  waiters: Map<string, (outcome: Outcome) => void>;
};

type Outcome = { result: unknown } | { failed: string };

const learnerKey = (learner: string) => `descent:grading:learner:${learner}`;
const ticketKey = (ticket: string) => `descent:grading:ticket:${ticket}`;
const usageKey = (who: string) => `descent:grading:usage:${who}`;

/** Half-life of a learner's (and client's) recorded grading time, as in the in-process pool. */
const USAGE_HALF_LIFE_MS = 60_000;
/** BullMQ's largest priority (lower is served first). */
const MAX_PRIORITY = 2_097_151;

/** Decayed grading milliseconds recorded for `who` (a learner or a client), as of now. */
async function usageOf(redis: Redis, who: string | null, now: number): Promise<number> {
  if (who === null) return 0;
  const [ms, at] = await redis.hmget(usageKey(who), "ms", "at");
  if (ms === null || at === null) return 0;
  return Number(ms) * 2 ** (-(now - Number(at)) / USAGE_HALF_LIFE_MS);
}

/**
 * Adds a job's grading time to `who`'s decayed total. Not atomic, which is enough: a learner has
 * one job at a time, and a client's total only orders its learners behind others.
 */
async function charge(redis: Redis, who: string | null, ms: number): Promise<void> {
  if (who === null) return;
  const now = Date.now();
  const total = (await usageOf(redis, who, now)) + ms;
  await redis
    .multi()
    .hset(usageKey(who), "ms", String(total), "at", String(now))
    .pexpire(usageKey(who), 10 * USAGE_HALF_LIFE_MS)
    .exec();
}

/**
 * The job's BullMQ priority: 1 + the learner's recent grading time in tens of ms (its client's,
 * if more), so as in the pool, learners with less recent grading time are served first and a
 * learner whose code keeps timing out waits behind the others; equal priorities are FIFO.
 */
async function priorityOf(redis: Redis, learner: string | null, client: string | null): Promise<number> {
  const now = Date.now();
  const [mine, theirs] = await Promise.all([
    usageOf(redis, learner === null ? null : `l:${learner}`, now),
    usageOf(redis, client === null ? null : `c:${client}`, now),
  ]);
  return Math.min(MAX_PRIORITY, 1 + Math.round(Math.max(mine, theirs) / 10));
}

function client(): QueueClient {
  return remember("descent.grader.queue", () => {
    const { redisUrl } = readQueueSettings();
    if (!redisUrl) throw new Error("REDIS_URL is not set");
    const redis = createRedis(redisUrl, "descent-web");
    const queue = new Queue<GradingJobData, unknown>(GRADING_QUEUE, {
      connection: createRedis(redisUrl, "descent-web-queue"),
    });
    const events = new QueueEvents(GRADING_QUEUE, {
      connection: createRedis(redisUrl, "descent-web-events"),
    });
    const waiters = new Map<string, (outcome: Outcome) => void>();
    events.on("completed", ({ jobId, returnvalue }) =>
      waiters.get(jobId)?.({ result: parseMaybe(returnvalue) }),
    );
    events.on("failed", ({ jobId, failedReason }) => waiters.get(jobId)?.({ failed: failedReason }));
    // Connection errors are retried by ioredis; without a listener they would be thrown.
    redis.on("error", () => {});
    queue.on("error", () => {});
    events.on("error", () => {});
    return { queue, events, redis, waiters };
  });
}

function parseMaybe(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The answer for a job that kept losing its worker (the same words as the in-process pool's). */
function lostWorkerResult(started: number): GradeResult {
  return createEarlyResult(
    "memory-limit",
    "The grader stopped while running your code (most likely it used too much memory).",
    Date.now() - started,
  );
}

function toResult(outcome: Outcome, started: number): GradeResult {
  if ("failed" in outcome) {
    if (isStalledFailure(outcome.failed)) return lostWorkerResult(started);
    throw new Error(`Grading failed: ${outcome.failed}`);
  }
  // A worker of the previous release answers version 1 during a rolling deploy: read it as stored
  // results are (version 1 → 2), not refused.
  const parsed = StoredGradeResultSchema.safeParse(outcome.result);
  if (!parsed.success) throw new Error(`Invalid grade result: ${parsed.error.message}`);
  return parsed.data;
}

/** The finished job's outcome, "waiting" while it is not finished, "missing" when Redis has no such job. */
async function readJob(queue: QueueClient["queue"], id: string): Promise<Outcome | "waiting" | "missing"> {
  const job = await Job.fromId(queue, id);
  if (!job) return "missing";
  if (job.finishedOn === undefined || job.finishedOn === null) return "waiting";
  if (job.failedReason) return { failed: job.failedReason };
  return { result: parseMaybe(job.returnvalue) };
}

/**
 * Grades through the queue. Same contract as the pool's gradeSubmission: LearnerBusyError when
 * the learner has a job in the queue (on any web server), GradingAbortedError when `signal`
 * fires while the job still waits (it is removed), "busy" when GRADER_QUEUE_MAX_WAITING jobs
 * wait or no worker answered within GRADER_QUEUE_WAIT_MS. `input.id` becomes the job id.
 */
export async function gradeViaQueue(input: GradeRequest): Promise<GradeResult> {
  const { maxWaiting, waitMs } = readQueueSettings();
  const c = client();
  const id = input.id ?? randomUUID();
  const started = Date.now();
  const learner = input.learner ?? null;
  const holdMs = waitMs + 60_000;
  if (input.signal?.aborted) throw new GradingAbortedError();
  if (learner !== null) {
    const claimed = await c.redis.set(learnerKey(learner), id, "PX", holdMs, "NX");
    if (claimed === null) throw new LearnerBusyError();
  }
  try {
    const [waiting, priority] = await Promise.all([
      c.queue.getJobCountByTypes("waiting", "prioritized"),
      priorityOf(c.redis, learner, input.client ?? null),
    ]);
    if (waiting >= maxWaiting)
      return createEarlyResult("busy", "The grader is busy, try again in a few seconds");
    if (input.ticket) await c.redis.set(ticketKey(input.ticket), id, "PX", holdMs);
    return await new Promise<GradeResult>((resolve, reject) => {
      let settled = false;
      let readding = 0;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        c.waiters.delete(id);
        clearInterval(poll);
        clearTimeout(deadline);
        input.signal?.removeEventListener("abort", onAbort);
        action();
      };
      const onOutcome = (outcome: Outcome) =>
        finish(() => {
          try {
            const result = toResult(outcome, started);
            // Recorded before answering, so the learner's next job is ordered by it.
            const used = Math.round(result.durationMs);
            Promise.all([
              charge(c.redis, learner === null ? null : `l:${learner}`, used),
              charge(c.redis, input.client ? `c:${input.client}` : null, used),
            ])
              .catch(() => {})
              .then(() => resolve(result));
          } catch (error) {
            reject(error);
          }
        });
      // Removes the job if no worker has taken it; a job being graded finishes as usual.
      const withdraw = async (then: () => void) => {
        const state = await c.queue.getJobState(id).catch(() => "unknown");
        if (state !== "waiting" && state !== "prioritized" && state !== "delayed") return false;
        const removed = await c.queue.remove(id).catch(() => 0);
        if (removed !== 1) return false;
        finish(then);
        return true;
      };
      function onAbort(): void {
        void withdraw(() => reject(new GradingAbortedError()));
      }
      c.waiters.set(id, onOutcome);
      const poll = setInterval(async () => {
        const state = await readJob(c.queue, id).catch(() => "waiting" as const);
        if (state === "waiting") return;
        // Redis lost the job (restarted without its data): this server still has the code.
        if (state === "missing") {
          if (readding++ < 3) await add().catch(() => {});
          return;
        }
        onOutcome(state);
      }, POLL_MS);
      const deadline = setTimeout(() => {
        void withdraw(() =>
          resolve(createEarlyResult("busy", "The grader is busy, try again in a few seconds")),
        );
      }, waitMs);
      const add = () =>
        c.queue.add(
          "grade",
          { exercise: input.exercise, code: input.code },
          { jobId: id, priority, removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED },
        );
      input.signal?.addEventListener("abort", onAbort, { once: true });
      add().catch((error: unknown) => finish(() => reject(error)));
    });
  } finally {
    if (learner !== null) await releaseIfOwn(c.redis, learnerKey(learner), id);
  }
}

/** Deletes `key` only if it still holds `id` (the claim may have expired and been taken again). */
async function releaseIfOwn(redis: Redis, key: string, id: string): Promise<void> {
  await redis
    .eval(
      'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0',
      1,
      key,
      id,
    )
    .catch(() => {});
}

/** Whether the learner has a submission in the queue, whichever web server took it. */
export async function isLearnerQueued(learner: string): Promise<boolean> {
  return (await client().redis.exists(learnerKey(learner))) === 1;
}

/** Where the job is: `ahead` counts the jobs the workers take before it (by priority, then arrival). */
async function positionOfJob(id: string | null): Promise<QueuePosition> {
  if (id === null) return { state: "none" };
  const { queue } = client();
  const state = await queue.getJobState(id);
  if (state === "active") return { state: "grading" };
  if (state !== "waiting" && state !== "prioritized") return { state: "none" };
  // Jobs without a priority (none are added here) come first, then the prioritized ones in order.
  const order = await queue.getRanges(["wait", "prioritized"], 0, -1, true);
  const ahead = order.indexOf(id);
  return ahead < 0 ? { state: "grading" } : { state: "waiting", ahead };
}

export async function queuedLearnerPosition(learner: string): Promise<QueuePosition> {
  return positionOfJob(await client().redis.get(learnerKey(learner)));
}

export async function queuedTicketPosition(ticket: string): Promise<QueuePosition> {
  return positionOfJob(await client().redis.get(ticketKey(ticket)));
}

/** Queue depth and live workers, for /api/health. Throws when Redis cannot be reached. */
export async function queueHealth(): Promise<{
  waiting: number;
  active: number;
  failed: number;
  workers: number;
}> {
  const { queue } = client();
  const counts = await queue.getJobCounts("waiting", "prioritized", "active", "failed");
  const workers = await queue.getWorkersCount();
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    failed: counts.failed ?? 0,
    workers,
  };
}
