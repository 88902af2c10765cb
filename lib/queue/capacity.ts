import type { Redis } from "ioredis";

// How many grader processes the live workers have, so that the queue's waiting room is sized by
// the same rule as the pool's (policy.waitingLimit: so many waiting jobs per process). Each worker
// announces its processes in one Redis hash, with a time after which the entry no longer counts,
// and renews it while it runs; a worker that dies simply stops renewing.

const CAPACITY_KEY = "descent:grading:capacity";
/** How long an announcement counts. */
const CAPACITY_TTL_MS = 15_000;
/** How often a worker renews its announcement. */
export const CAPACITY_RENEW_MS = 5_000;

/** Announces (or renews) `processes` grader processes for the worker `name`. */
export async function announceCapacity(redis: Redis, name: string, processes: number): Promise<void> {
  await redis.hset(CAPACITY_KEY, name, `${processes}:${Date.now() + CAPACITY_TTL_MS}`);
}

/** Withdraws the worker's announcement (it is closing). */
export async function withdrawCapacity(redis: Redis, name: string): Promise<void> {
  await redis.hdel(CAPACITY_KEY, name);
}

/** The grader processes of the live workers; forgets announcements that ran out. */
export async function liveCapacity(redis: Redis, now = Date.now()): Promise<number> {
  const entries = await redis.hgetall(CAPACITY_KEY);
  let processes = 0;
  const stale: string[] = [];
  for (const [name, value] of Object.entries(entries)) {
    const [count, until] = value.split(":").map(Number);
    if (count === undefined || until === undefined || !(until > now)) stale.push(name);
    else processes += count;
  }
  if (stale.length > 0) await redis.hdel(CAPACITY_KEY, ...stale);
  return processes;
}
