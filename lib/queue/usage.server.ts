import "server-only";
import type { Redis } from "ioredis";
import {
  addCost,
  type Cost,
  decayUsage,
  NO_COST,
  runningCost,
  sumCosts,
  USAGE_TTL_MS,
  type Usage,
} from "../grader/policy";

// The grading policy's usage records (lib/grader/policy.ts), kept in Redis so that every web
// server orders by the same figures: per learner and per client, the decayed grading time and its
// heavy part, and the start times of the client's jobs being graded.

const usageKey = (key: string) => `descent:grading:usage:${key}`;
const runningKey = (clientKey: string) => `descent:grading:running:${clientKey}`;

/** The recorded usage of a learner or client key (policy.usageKeys), decayed to `now`. */
export async function readUsage(redis: Redis, key: string | null, now: number): Promise<Cost> {
  if (key === null) return NO_COST;
  const [ms, heavy, at] = await redis.hmget(usageKey(key), "ms", "heavy", "at");
  if (ms === null || at === null) return NO_COST;
  const usage: Usage = { ms: Number(ms), heavy: Number(heavy ?? 0), at: Number(at) };
  return decayUsage(usage, now);
}

/**
 * Adds a job's cost to a key's record. Not atomic, which is enough: a learner has one job at a
 * time, and a client's total only orders its learners behind others.
 */
export async function chargeUsage(redis: Redis, key: string | null, cost: Cost): Promise<void> {
  if (key === null) return;
  const now = Date.now();
  const [ms, heavy, at] = await redis.hmget(usageKey(key), "ms", "heavy", "at");
  const before =
    ms === null || at === null ? undefined : { ms: Number(ms), heavy: Number(heavy ?? 0), at: Number(at) };
  const after = addCost(before, cost, now);
  await redis
    .multi()
    .hset(usageKey(key), "ms", String(after.ms), "heavy", String(after.heavy), "at", String(after.at))
    .pexpire(usageKey(key), USAGE_TTL_MS)
    .exec();
}

/** Records that a job of this client went to a worker (QueueEvents' "active"). */
export async function markRunning(
  redis: Redis,
  clientKey: string,
  jobId: string,
  holdMs: number,
): Promise<void> {
  await redis
    .multi()
    .hset(runningKey(clientKey), jobId, String(Date.now()))
    .pexpire(runningKey(clientKey), holdMs)
    .exec();
}

/** The client's job is answered. */
export async function clearRunning(redis: Redis, clientKey: string, jobId: string): Promise<void> {
  await redis.hdel(runningKey(clientKey), jobId);
}

/** What the client's jobs being graded have cost so far (entries older than `holdMs` are stale). */
export async function readRunning(
  redis: Redis,
  clientKey: string | null,
  now: number,
  holdMs: number,
): Promise<Cost> {
  if (clientKey === null) return NO_COST;
  const started = Object.values(await redis.hgetall(runningKey(clientKey))).map(Number);
  return sumCosts(started.filter((at) => now - at < holdMs).map((at) => runningCost(now - at)));
}
