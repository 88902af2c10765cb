// The grading policy, one copy for both ways of grading: the in-process pool (lib/grader/pool.ts)
// and the queue client (lib/queue/grading-client.server.ts) take from here who is served first,
// what a job costs its learner and client, when the grader refuses, and the words it refuses
// with. Pure: no I/O and no clock (callers pass `now`), so every rule is unit-tested
// (policy.test.ts). Where the two modes differ, and why: docs/architecture.md, "Processes".
import type { Language } from "../harness/languages";

/** What learners are told when the grader refuses or stops (the same words in both modes). */
export const TEXTS = {
  busy: "The grader is busy, try again in a few seconds",
  learnerBusy: "You already have a submission being graded: wait for its result, then submit again.",
  withdrawn: "The submission was withdrawn before it was graded.",
  graderStopped: "The grader stopped while running your code (most likely it used too much memory).",
  hardTimeout: "Your code ran out of time.",
} as const;

// --- usage: what each learner and each client has recently cost ---

/** Half-life of recorded grading time, which orders the waiting jobs. */
export const USAGE_HALF_LIFE_MS = 60_000;
/** Half-life of "heavy" time, which keeps learners and clients off the reserved quiet process. */
export const HEAVY_HALF_LIFE_MS = 300_000;
/** How long a usage record is kept once nothing is added to it (ten heavy half-lives). */
export const USAGE_TTL_MS = 10 * HEAVY_HALF_LIFE_MS;
/**
 * What one job may use before the rest counts as heavy (grading time), and before it is moved off
 * a quiet process for a quiet job (CPU time, QUIET_PREEMPT_MS): what a correct solution needs,
 * with room to spare. TypeScript takes 30-200 ms (bench:grader; ~400 ms on a saturated machine),
 * so burns of a second add up: ten 1.4 s jobs are 9 s of heavy time. Python starts an
 * interpreter and imports NumPy in its sandbox: 0.3-0.5 s, up to 2 s on a busy machine.
 */
export const ALLOWANCE_MS: Readonly<Record<Language, number>> = { typescript: 500, python: 2_000 };
/** The allowance of a TypeScript job, the default. */
export const HEAVY_ALLOWANCE_MS = ALLOWANCE_MS.typescript;

/** A job's allowance by its language (TypeScript when unsaid). */
export function allowanceOf(language: Language | undefined): number {
  return ALLOWANCE_MS[language ?? "typescript"];
}
/**
 * Heavy time at or above which a learner, or a client, is no longer "quiet": one timed-out job
 * (4.5 s heavy) keeps it off the quiet process for about 6 minutes, a crash for longer.
 */
export const QUIET_HEAVY_MS = 2_000;
/**
 * A job that has used its allowance in CPU time on a quiet process (wall time where CPU time
 * cannot be read) while a job that may use it waits is moved to the general processes: its
 * process is stopped, the spare takes its place, and the job starts again there. Fresh learners
 * look quiet until their first job shows otherwise; CPU time, unlike wall time, does not grow when
 * the machine is busy, so a correct solution is not moved, and a quiet learner never waits a
 * loop's 5 s.
 */
export function preemptsAfterMs(language: Language | undefined): number {
  return allowanceOf(language);
}
/** preemptsAfterMs of a TypeScript job. */
export const QUIET_PREEMPT_MS = preemptsAfterMs("typescript");
/**
 * On a saturated machine CPU time comes slowly: a job is also moved off a quiet process, without
 * blame, once it has held it this many allowances (1.5 s for TypeScript, past Python's budget).
 */
export const PREEMPT_HELD_ALLOWANCES = 3;

/**
 * Whether the job on a quiet process is moved off it for a waiting quiet job: when it has used its
 * allowance of CPU time (blamed: charged a restart), or held the process PREEMPT_HELD_ALLOWANCES
 * allowances (not blamed: a slow machine is nobody's doing); otherwise when to look again.
 */
export function preemption(input: {
  cpuMs: number | null;
  heldMs: number;
  language: Language | undefined;
}): { preempt: true; blame: boolean } | { preempt: false; recheckMs: number } {
  const allowance = preemptsAfterMs(input.language);
  const used = input.cpuMs ?? input.heldMs;
  if (used >= allowance) return { preempt: true, blame: true };
  const heldLimit = PREEMPT_HELD_ALLOWANCES * allowance;
  if (input.heldMs >= heldLimit) return { preempt: true, blame: false };
  return { preempt: false, recheckMs: Math.max(50, Math.min(allowance - used, heldLimit - input.heldMs)) };
}
/**
 * What a grader process replaced because of a job costs (stopped at the hard timeout, retired
 * bloated, or preempted): a start takes ~0.6 s of CPU, and one is enough to be heavy.
 */
export const RESTART_COST_MS = QUIET_HEAVY_MS;
/** What a job that killed its grader process costs, restart included: as much as a timeout. */
export const CRASH_COST_MS = 5_000;

/** Decayed grading time (`ms`) and its heavy part (`heavy`), both as of `at`. */
export type Usage = { ms: number; heavy: number; at: number };

/** What one job costs (or a running job has cost so far): grading time and its heavy part. */
export type Cost = { ms: number; heavyMs: number };

export const NO_COST: Cost = { ms: 0, heavyMs: 0 };

/** `usage` decayed to `now` (nothing recorded: zero). */
export function decayUsage(usage: Usage | undefined, now: number): Cost {
  if (!usage) return NO_COST;
  const age = Math.max(0, now - usage.at);
  return {
    ms: usage.ms * 2 ** (-age / USAGE_HALF_LIFE_MS),
    heavyMs: usage.heavy * 2 ** (-age / HEAVY_HALF_LIFE_MS),
  };
}

/** `usage` with `cost` added at `now`. */
export function addCost(usage: Usage | undefined, cost: Cost, now: number): Usage {
  const before = decayUsage(usage, now);
  return { ms: before.ms + cost.ms, heavy: before.heavyMs + cost.heavyMs, at: now };
}

/** True when a record has decayed to almost nothing and may be forgotten. */
export function isSpent(usage: Usage, now: number): boolean {
  const left = decayUsage(usage, now);
  return left.ms < 10 && left.heavyMs < 10;
}

/** How a job ended, as seen by the host that ran it. */
export type JobOutcome = {
  /** Milliseconds the job held a grader process (sent → answered, or → the process's death). */
  heldMs: number;
  /** The job's grader process died under it (out of memory, V8 abort): its learner's doing. */
  crashed?: boolean;
  /** The process was replaced because of this job (killed at the hard timeout, or left bloated). */
  replaced?: boolean;
  /** The job's allowance (allowanceOf its language); TypeScript's when unsaid. */
  allowanceMs?: number;
  /** CPU time its process (and the process's children) used for the job, when it could be read. */
  cpuMs?: number;
};

/**
 * Of the time a job held its process, what is beyond this many allowances counts as heavy even
 * without CPU time: a job that waits, or burns on a busy machine, still keeps others off a process.
 */
export const HELD_ALLOWANCES = 2;

/**
 * The cost of a finished job: the time it held a process, plus a restart when its process had
 * to be replaced, or the crash cost when it killed it. Heavy: what it used above its allowance,
 * restarts and crashes in full, so short burns, crash bombs and memory poison all add up. What it
 * used is its CPU time where known (a busy machine makes a correct solution take longer, not use
 * more), or its time held beyond HELD_ALLOWANCES allowances if that is more; else its time held.
 */
export function jobCost(outcome: JobOutcome): Cost {
  const held = Math.max(0, outcome.heldMs);
  const allowance = outcome.allowanceMs ?? HEAVY_ALLOWANCE_MS;
  const over =
    outcome.cpuMs === undefined
      ? held - allowance
      : Math.max(outcome.cpuMs - allowance, held - HELD_ALLOWANCES * allowance);
  const extra = outcome.crashed ? CRASH_COST_MS : outcome.replaced ? RESTART_COST_MS : 0;
  return { ms: held + extra, heavyMs: Math.max(0, over) + extra };
}

/** What a job still running has cost so far, `elapsedMs` after it was handed to a grader. */
export function runningCost(elapsedMs: number, allowanceMs = HEAVY_ALLOWANCE_MS): Cost {
  return jobCost({ heldMs: elapsedMs, allowanceMs });
}

/** Sum of costs. */
export function sumCosts(costs: Iterable<Cost>): Cost {
  let ms = 0;
  let heavyMs = 0;
  for (const cost of costs) {
    ms += cost.ms;
    heavyMs += cost.heavyMs;
  }
  return { ms, heavyMs };
}

/** The usage keys of a job: one per learner, one per network client (none without a client). */
export function usageKeys(
  learner: string,
  client: string | null,
): { learner: string; client: string | null } {
  return { learner: `l:${learner}`, client: client === null ? null : `c:${client}` };
}

/**
 * What a job is ordered by (lower is served first): its learner's recent grading time, or its
 * client's if more, the time the client's running jobs have used so far included (many fresh
 * learners behind one client fall behind as soon as the first of them runs). Ties: arrival.
 */
export function orderOf(learner: Cost, client: Cost, clientRunning: Cost): number {
  return Math.max(learner.ms, client.ms + clientRunning.ms);
}

/** Whether the job may use the reserved quiet process: neither its learner nor its client is heavy. */
export function isQuiet(learner: Cost, client: Cost, clientRunning: Cost): boolean {
  return Math.max(learner.heavyMs, client.heavyMs + clientRunning.heavyMs) < QUIET_HEAVY_MS;
}

// --- limits ---

/**
 * Submissions allowed to wait per grader process serving them, and at least (a class submitting
 * at once); more are answered "busy". A correct solution takes 30-200 ms, so a full room of them
 * clears in seconds; heavy jobs wait last and are the ones answered "busy" to make room
 * (`admission`), so a large room costs light learners nothing.
 */
export const WAITING_PER_PROCESS = 16;
export const MIN_WAITING = 24;

/** How many submissions may wait for `processes` grader processes (48 for the default 2 + 1). */
export function waitingLimit(processes: number): number {
  return Math.max(MIN_WAITING, WAITING_PER_PROCESS * Math.floor(Math.max(0, processes)));
}

/**
 * Whether a new job may wait, given how many wait, the limit, and the order keys of the job that
 * would be served last and of the new one. When full, the last job makes room only for a job
 * strictly lighter than it (it is answered "busy"), so learners who keep the grader busy cannot
 * lock the others out by filling the queue.
 */
export function admission(input: {
  waiting: number;
  limit: number;
  last: number | null;
  incoming: number;
}): "admit" | "evict-last" | "refuse" {
  if (input.waiting < input.limit) return "admit";
  if (input.last === null || input.last <= input.incoming) return "refuse";
  return "evict-last";
}

/**
 * A grader that has not answered this long after it was handed a job is killed and the job
 * answered "timeout": the submission's own budget is 5 s (2 s for its top level), so this leaves
 * a margin for the host's work on a loaded machine, and no hostile job holds a process longer.
 */
export const HARD_TIMEOUT_MS = 10_000;

/** Share of GRADER_DATA_LIMIT_MB above which a process's resident memory after a job retires it. */
export const RECYCLE_RSS_FRACTION = 0.6;
/**
 * Growth during one job, as a share of the limit, from which a retirement is that job's doing
 * (charged as a restart); less, and the process grew over many jobs (cached references), and
 * nobody is charged.
 */
export const BLAME_RSS_FRACTION = 0.1;

/**
 * What to do with a process after a job, from its resident memory before and after (MB): retire
 * it before it takes another job when it stays above RECYCLE_RSS_FRACTION of the data limit
 * (memory left behind, e.g. ICU objects, would make the next learner's correct code die), and
 * whether the job that just ran is to blame.
 */
export function afterJob(input: { rssBeforeMb: number | null; rssAfterMb: number | null; limitMb: number }): {
  retire: boolean;
  blame: boolean;
} {
  if (input.rssAfterMb === null || input.rssAfterMb <= RECYCLE_RSS_FRACTION * input.limitMb)
    return { retire: false, blame: false };
  const grew = input.rssBeforeMb === null ? 0 : input.rssAfterMb - input.rssBeforeMb;
  return { retire: true, blame: grew >= BLAME_RSS_FRACTION * input.limitMb };
}

// --- the queue's own encoding of the same rules ---

/** BullMQ's largest priority (lower is served first). */
const MAX_QUEUE_PRIORITY = 2_097_151;

/** A job's BullMQ priority from its order key: 1 + tens of ms (BullMQ priorities are integers). */
export function queuePriority(order: number): number {
  return Math.min(MAX_QUEUE_PRIORITY, 1 + Math.round(Math.max(0, order) / 10));
}

/** A Cost sent beside a result (a worker's answer), or null when `value` is not one. */
export function parseCost(value: unknown): Cost | null {
  if (typeof value !== "object" || value === null) return null;
  const { ms, heavyMs } = value as Record<string, unknown>;
  if (typeof ms !== "number" || typeof heavyMs !== "number") return null;
  if (!Number.isFinite(ms) || !Number.isFinite(heavyMs) || ms < 0 || heavyMs < 0) return null;
  return { ms, heavyMs };
}

/**
 * The cost of a result that came without one (a worker of an earlier release, a job that lost
 * its worker): its duration, and a crash when it says the grader stopped.
 */
export function costOfResult(
  result: { message: string | null; durationMs: number },
  language?: Language,
): Cost {
  return jobCost({
    heldMs: result.durationMs,
    crashed: result.message === TEXTS.graderStopped,
    allowanceMs: allowanceOf(language),
  });
}
