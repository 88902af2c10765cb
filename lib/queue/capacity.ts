import type { Redis } from "ioredis";

// What the live workers offer: their grader processes, so that the queue's waiting room is sized
// by the same rule as the pool's (policy.waitingLimit: so many waiting jobs per process), and
// whether each can run Python's sandbox, for /api/health. Each worker announces itself in one
// Redis hash, with a time after which the entry no longer counts, and renews it while it runs; a
// worker that dies simply stops renewing.

const CAPACITY_KEY = "descent:grading:capacity";
/** How long an announcement counts. */
const CAPACITY_TTL_MS = 15_000;
/** How often a worker renews its announcement. */
export const CAPACITY_RENEW_MS = 5_000;

/** Whether a worker can grade Python, and why not. */
export type WorkerPython = { available: true } | { available: false; reason: string };

/** One live worker as it announced itself; `python` is null for a worker of an older release. */
export type LiveWorker = { name: string; processes: number; python: WorkerPython | null };

/** Announces (or renews) `processes` grader processes and the Python sandbox of the worker `name`. */
export async function announceCapacity(
  redis: Redis,
  name: string,
  processes: number,
  python: WorkerPython,
): Promise<void> {
  await redis.hset(
    CAPACITY_KEY,
    name,
    JSON.stringify({ processes, until: Date.now() + CAPACITY_TTL_MS, python }),
  );
}

/** Withdraws the worker's announcement (it is closing). */
export async function withdrawCapacity(redis: Redis, name: string): Promise<void> {
  await redis.hdel(CAPACITY_KEY, name);
}

/** Reads an announcement: JSON, or "processes:until" as workers wrote it before Python existed. */
function parseAnnouncement(
  value: string,
): { processes: number; until: number; python: WorkerPython | null } | null {
  if (!value.startsWith("{")) {
    const [processes, until] = value.split(":").map(Number);
    return Number.isFinite(processes) && Number.isFinite(until)
      ? { processes: processes as number, until: until as number, python: null }
      : null;
  }
  try {
    const parsed = JSON.parse(value) as { processes?: unknown; until?: unknown; python?: unknown };
    if (typeof parsed.processes !== "number" || typeof parsed.until !== "number") return null;
    const python = parsed.python as { available?: unknown; reason?: unknown } | undefined;
    return {
      processes: parsed.processes,
      until: parsed.until,
      python:
        python?.available === true
          ? { available: true }
          : python?.available === false
            ? { available: false, reason: String(python.reason ?? "") }
            : null,
    };
  } catch {
    return null;
  }
}

/** The live workers, by name; forgets announcements that ran out or cannot be read. */
export async function liveWorkers(redis: Redis, now = Date.now()): Promise<LiveWorker[]> {
  const entries = await redis.hgetall(CAPACITY_KEY);
  const live: LiveWorker[] = [];
  const stale: string[] = [];
  for (const [name, value] of Object.entries(entries)) {
    const announcement = parseAnnouncement(value);
    if (!announcement || !(announcement.until > now)) stale.push(name);
    else live.push({ name, processes: announcement.processes, python: announcement.python });
  }
  if (stale.length > 0) await redis.hdel(CAPACITY_KEY, ...stale);
  return live.sort((a, b) => a.name.localeCompare(b.name));
}

/** The grader processes of the live workers. */
export async function liveCapacity(redis: Redis, now = Date.now()): Promise<number> {
  return (await liveWorkers(redis, now)).reduce((sum, worker) => sum + worker.processes, 0);
}

/** Whether Python can be graded through the queue: by any live worker; otherwise why not. */
export function pythonOfWorkers(
  workers: readonly LiveWorker[] | undefined,
): { available: true; workers: number } | { available: false; reason: string } {
  if (workers === undefined) return { available: false, reason: "the queue cannot be reached" };
  const able = workers.filter((worker) => worker.python?.available).length;
  if (able > 0) return { available: true, workers: able };
  if (workers.length === 0) return { available: false, reason: "no grader worker is running" };
  const reasons = workers.flatMap((worker) =>
    worker.python && !worker.python.available ? [`${worker.name}: ${worker.python.reason}`] : [],
  );
  return {
    available: false,
    reason: reasons.length > 0 ? reasons.join("; ") : "no live worker says whether it can grade Python",
  };
}
