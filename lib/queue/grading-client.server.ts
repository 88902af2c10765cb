import "server-only";
import { randomUUID } from "node:crypto";
import { remember } from "@epic-web/remember";
import { Job, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { readGraderSettings } from "../env-shared";
import {
  admission,
  type Cost,
  costOfResult,
  orderOf,
  parseCost,
  queuePriority,
  TEXTS,
  usageKeys,
  waitingLimit,
} from "../grader/policy";
import { createEarlyResult, type GradeResult, StoredGradeResultSchema } from "../grader/result";
import {
  type GradeRequest,
  type GraderHealth,
  GradingAbortedError,
  type GradingTransport,
  LearnerBusyError,
  type QueuePosition,
  toJobInput,
} from "../grader/transport";
import type { Language } from "../harness/languages";
import { createRedis } from "../redis/client";
import { type LiveWorker, liveCapacity, liveWorkers } from "./capacity";
import { GRADING_QUEUE, type GradingJobData, isStalledFailure, readQueueSettings } from "./settings";
import { chargeUsage, clearRunning, markRunning, readRunning, readUsage } from "./usage.server";

// The web server's side of the grading queue (REDIS_URL set): a submission becomes a BullMQ job
// that any grader worker (scripts/grader-worker.ts) takes; the web server waits for its result.
// The per-learner one-job rule, the tickets and the usage records live in Redis, so every web
// server sees them. Order, costs, limits and texts are the pool's (lib/grader/policy.ts); how the
// two modes still differ: docs/architecture.md, "Processes".

/** How long finished jobs (and their results) stay in Redis. */
const KEEP_FINISHED = { age: 3_600, count: 10_000 };
/** How often a waiting request also asks Redis directly, in case an event was missed (restart). */
const POLL_MS = 1_000;

type Outcome = { result: unknown } | { failed: string };

/** A request of this server waiting for its job: what to do on each event about that job. */
type Waiter = { outcome: (outcome: Outcome) => void; removed: () => void; active: () => void };

type QueueClient = {
  queue: Queue<GradingJobData, unknown>;
  events: QueueEvents;
  redis: Redis;
  /** Every connection above, closed together. */
  connections: Redis[];
  /** Requests of this server waiting for a job's result, by job id. */
  waiters: Map<string, Waiter>;
};

const learnerKey = (learner: string) => `descent:grading:learner:${learner}`;
const ticketKey = (ticket: string) => `descent:grading:ticket:${ticket}`;
/** Marks a waiting job removed to make room for a lighter one: its waiter answers "busy". */
const evictedKey = (id: string) => `descent:grading:evicted:${id}`;

// One client per server process even if a bundler duplicates this module between routes.
const slot = remember("descent.grader.queue", () => ({ client: null as QueueClient | null }));

function client(): QueueClient {
  slot.client ??= (() => {
    const { redisUrl } = readQueueSettings();
    if (!redisUrl) throw new Error("REDIS_URL is not set");
    const connections = ["descent-web", "descent-web-queue", "descent-web-events"].map((name) =>
      createRedis(redisUrl, name),
    ) as [Redis, Redis, Redis];
    const [redis, queueConnection, eventsConnection] = connections;
    const queue = new Queue<GradingJobData, unknown>(GRADING_QUEUE, { connection: queueConnection });
    const events = new QueueEvents(GRADING_QUEUE, { connection: eventsConnection });
    const waiters = new Map<string, Waiter>();
    events.on("completed", ({ jobId, returnvalue }) =>
      waiters.get(jobId)?.outcome({ result: parseMaybe(returnvalue) }),
    );
    events.on("failed", ({ jobId, failedReason }) => waiters.get(jobId)?.outcome({ failed: failedReason }));
    events.on("removed", ({ jobId }) => waiters.get(jobId)?.removed());
    events.on("active", ({ jobId }) => waiters.get(jobId)?.active());
    // Connection errors are retried by ioredis; without a listener they would be thrown.
    redis.on("error", () => {});
    queue.on("error", () => {});
    events.on("error", () => {});
    return { queue, events, redis, connections, waiters };
  })();
  return slot.client;
}

/** Closes this server's connections to the queue (tests and scripts); the next call opens new ones. */
export async function closeQueueClient(): Promise<void> {
  const c = slot.client;
  slot.client = null;
  if (!c) return;
  await Promise.allSettled([c.events.close(), c.queue.close()]);
  for (const connection of c.connections) connection.disconnect();
}

function parseMaybe(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The result, and what the job cost: as the worker's pool measured it, or from the result. */
function toGraded(
  outcome: Outcome,
  started: number,
  language: Language | undefined,
): { result: GradeResult; cost: Cost } {
  if ("failed" in outcome) {
    if (!isStalledFailure(outcome.failed)) throw new Error(`Grading failed: ${outcome.failed}`);
    // A job that kept losing its worker: the words of the pool for a grader that died.
    const result = createEarlyResult("memory-limit", TEXTS.graderStopped, Date.now() - started);
    return { result, cost: costOfResult(result, language) };
  }
  // A worker of the previous release answers version 1 during a rolling deploy: read it as stored
  // results are (version 1 → 2), not refused. The cost beside it is dropped by the parse.
  const parsed = StoredGradeResultSchema.safeParse(outcome.result);
  if (!parsed.success) throw new Error(`Invalid grade result: ${parsed.error.message}`);
  const sent = typeof outcome.result === "object" && outcome.result !== null ? outcome.result : {};
  return {
    result: parsed.data,
    cost: parseCost((sent as { cost?: unknown }).cost) ?? costOfResult(parsed.data, language),
  };
}

/** The finished job's outcome, "waiting" while it is not finished, "missing" when Redis has no such job. */
async function readJob(queue: QueueClient["queue"], id: string): Promise<Outcome | "waiting" | "missing"> {
  const job = await Job.fromId(queue, id);
  if (!job) return "missing";
  if (job.finishedOn === undefined || job.finishedOn === null) return "waiting";
  if (job.failedReason) return { failed: job.failedReason };
  return { result: parseMaybe(job.returnvalue) };
}

/** The waiting job the workers would take last (BullMQ's highest priority number, then newest). */
async function lastWaiting(queue: QueueClient["queue"]): Promise<{ id: string; priority: number } | null> {
  const [id] = await queue.getRanges(["prioritized"], -1, -1, true);
  if (id === undefined) return null;
  const job = await Job.fromId(queue, id);
  return job?.id ? { id: job.id, priority: job.priority } : null;
}

/**
 * The waiting room: policy.waitingLimit for the grader processes of the live workers (this
 * server's own GRADER_PROCESSES + GRADER_QUIET_PROCESSES while none is live), at most
 * GRADER_QUEUE_MAX_WAITING over the whole queue.
 */
async function waitingRoom(redis: Redis, maxWaiting: number): Promise<number> {
  const live = await liveCapacity(redis).catch(() => 0);
  const own = readGraderSettings();
  return Math.min(maxWaiting, waitingLimit(live > 0 ? live : own.processes + own.quietProcesses));
}

/**
 * Grades through the queue (GradingTransport.grade, the pool's contract): LearnerBusyError when
 * the learner has a job in the queue (on any web server), GradingAbortedError when `signal` fires
 * while the job still waits (it is removed), "busy" when the waiting room is full of learners with
 * less recent grading time (the busiest waiting job makes room for a lighter one, as in the pool)
 * or no worker answered within GRADER_QUEUE_WAIT_MS. `input.id` becomes the job id.
 */
export async function gradeViaQueue(input: GradeRequest): Promise<GradeResult> {
  const { maxWaiting, waitMs } = readQueueSettings();
  const c = client();
  const id = input.id ?? randomUUID();
  const started = Date.now();
  const learner = input.learner ?? null;
  const keys = usageKeys(learner ?? `anonymous#${id}`, input.client ?? null);
  const learnerUsageKey = learner === null ? null : keys.learner;
  const holdMs = waitMs + 60_000;
  if (input.signal?.aborted) throw new GradingAbortedError();
  if (learner !== null) {
    const claimed = await c.redis.set(learnerKey(learner), id, "PX", holdMs, "NX");
    if (claimed === null) throw new LearnerBusyError();
  }
  try {
    const now = Date.now();
    const [mine, theirs, running, waiting, limit] = await Promise.all([
      readUsage(c.redis, learnerUsageKey, now),
      readUsage(c.redis, keys.client, now),
      readRunning(c.redis, keys.client, now, holdMs),
      c.queue.getJobCountByTypes("waiting", "prioritized"),
      waitingRoom(c.redis, maxWaiting),
    ]);
    // The order is fixed when the job is added (BullMQ priorities), from the same figures as the pool's.
    const priority = queuePriority(orderOf(mine, theirs, running));
    if (waiting >= limit) {
      const last = await lastWaiting(c.queue);
      const decision = admission({ waiting, limit, last: last?.priority ?? null, incoming: priority });
      if (decision === "refuse") return createEarlyResult("busy", TEXTS.busy);
      if (decision === "evict-last" && last) {
        await c.redis.set(evictedKey(last.id), "1", "PX", holdMs);
        await c.queue.remove(last.id).catch(() => 0);
      }
    }
    if (input.ticket) await c.redis.set(ticketKey(input.ticket), id, "PX", holdMs);
    return await new Promise<GradeResult>((resolve, reject) => {
      let settled = false;
      /** Set while this request removes its own job (abort, deadline): its removal is no loss. */
      let withdrawing = false;
      let readding = 0;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        c.waiters.delete(id);
        clearInterval(poll);
        clearTimeout(deadline);
        input.signal?.removeEventListener("abort", onAbort);
        if (keys.client !== null) void clearRunning(c.redis, keys.client, id).catch(() => {});
        action();
      };
      const onOutcome = (outcome: Outcome) =>
        finish(() => {
          try {
            const { result, cost } = toGraded(outcome, started, input.language);
            // Recorded before answering, so the learner's next job is ordered by it.
            Promise.all([
              chargeUsage(c.redis, learnerUsageKey, cost),
              chargeUsage(c.redis, keys.client, cost),
            ])
              .catch(() => {})
              .then(() => resolve(result));
          } catch (error) {
            reject(error);
          }
        });
      /** The job is gone from Redis: made room for a lighter job ("busy"), or lost (added again). */
      const onGone = async () => {
        if (settled || withdrawing) return;
        if ((await c.redis.exists(evictedKey(id)).catch(() => 0)) === 1)
          finish(() => resolve(createEarlyResult("busy", TEXTS.busy)));
        else if (readding++ < 3) await add().catch(() => {});
      };
      // Removes the job if no worker has taken it; a job being graded finishes as usual.
      const withdraw = async (then: () => void) => {
        const state = await c.queue.getJobState(id).catch(() => "unknown");
        if (state !== "waiting" && state !== "prioritized" && state !== "delayed") return false;
        withdrawing = true;
        const removed = await c.queue.remove(id).catch(() => 0);
        if (removed !== 1) {
          withdrawing = false;
          return false;
        }
        finish(then);
        return true;
      };
      function onAbort(): void {
        void withdraw(() => reject(new GradingAbortedError()));
      }
      c.waiters.set(id, {
        outcome: onOutcome,
        removed: () => void onGone(),
        active: () => {
          if (keys.client !== null && !settled)
            void markRunning(c.redis, keys.client, id, holdMs).catch(() => {});
        },
      });
      const poll = setInterval(async () => {
        const state = await readJob(c.queue, id).catch(() => "waiting" as const);
        if (state === "waiting") return;
        // Redis lost the job (restarted without its data): this server still has the code.
        if (state === "missing") await onGone();
        else onOutcome(state);
      }, POLL_MS);
      const deadline = setTimeout(() => {
        void withdraw(() => resolve(createEarlyResult("busy", TEXTS.busy)));
      }, waitMs);
      const add = () =>
        c.queue.add("grade", toJobInput(input), {
          jobId: id,
          priority,
          removeOnComplete: KEEP_FINISHED,
          removeOnFail: KEEP_FINISHED,
        });
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

/** Queue depth, live workers, and what each worker announced (its processes, its Python). Throws when Redis cannot be reached. */
export async function queueHealth(): Promise<{
  waiting: number;
  active: number;
  failed: number;
  workers: number;
  workerList: LiveWorker[];
}> {
  const { queue, redis } = client();
  const [counts, workers, workerList] = await Promise.all([
    queue.getJobCounts("waiting", "prioritized", "active", "failed"),
    queue.getWorkersCount(),
    liveWorkers(redis),
  ]);
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    failed: counts.failed ?? 0,
    workers,
    workerList,
  };
}

/** queueHealth for /api/health, within 2 s; `ok: false` with the reason when Redis does not answer. */
async function queueGraderHealth(): Promise<GraderHealth> {
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

/** The Redis queue, as the routes use it (lib/grading/index.server.ts). */
export const queueTransport: GradingTransport = {
  grade: gradeViaQueue,
  isLearnerGrading: isLearnerQueued,
  learnerPosition: queuedLearnerPosition,
  ticketPosition: queuedTicketPosition,
  health: queueGraderHealth,
};
