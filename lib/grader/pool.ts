import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { remember } from "@epic-web/remember";
import { isExerciseSlug } from "../content/registry";
import { readGraderSettings } from "../env-shared";
import { getGraderBuildFile } from "./build-output";
import { createEarlyResult, type GradeResult, GradeResultSchema, refuseTooLarge } from "./result";

/** Submissions allowed to wait for a grader process; more are answered "busy" (see `admit`). */
export const MAX_WAITING = 16;

/** Half-life of a learner's (and client's) recorded grading time, which orders the queue. */
const USAGE_HALF_LIFE_MS = 60_000;
/**
 * Grading time per job above which the excess also counts as "heavy" (a correct solution takes
 * 0.1-0.5 s, a timed-out one 5 s: 3.5 s of excess), remembered longer (HEAVY_HALF_LIFE_MS).
 */
const HEAVY_AFTER_MS = 1_500;
const HEAVY_HALF_LIFE_MS = 300_000;
/**
 * The reserved "quiet" process takes only jobs whose learner and client have less heavy time than
 * this: one timeout keeps a learner out for about 4 minutes, a learner who keeps submitting
 * endless loops for good; correct code, however often, never.
 */
export const QUIET_HEAVY_MS = 2_000;

// A child that does not answer within this time is killed (the sandbox's own budget is 5 s).
const HARD_TIMEOUT_MS = 30_000;

/** Thrown by gradeSubmission when the learner already has a submission queued or being graded. */
export class LearnerBusyError extends Error {
  constructor() {
    super("You already have a submission being graded: wait for its result, then submit again.");
    this.name = "LearnerBusyError";
  }
}

/** Rejection of a job whose client went away (its AbortSignal fired) before a grader took it. */
export class GradingAbortedError extends Error {
  constructor() {
    super("The submission was withdrawn before it was graded.");
    this.name = "AbortError";
  }
}

type Job = {
  id: number;
  exercise: string;
  code: string;
  /** Fairness keys: the learner (one job at a time) and, when given, the network client. */
  learner: string;
  client: string | null;
  ticket: string | null;
  /** False for anonymous jobs (CLI, benchmarks): no usage is recorded for them. */
  tracked: boolean;
  started: number;
  /** When a grader process was handed the job (for usage accounting). */
  sentAt: number;
  /** Times this job was handed to a grader process that died before acknowledging it. */
  lost: number;
  resolve: (result: GradeResult) => void;
  reject: (error: Error) => void;
  detach: () => void;
};

/**
 * `received`: the child acknowledged the job, so its death from now on is the job's doing.
 * `quiet`: the reserved process, which takes only jobs of learners and clients without recent heavy use.
 */
type Slot = {
  child: ChildProcess | null;
  job: Job | null;
  received: boolean;
  timer: NodeJS.Timeout | null;
  quiet: boolean;
};

/** Decayed grading time (`ms`) and its heavy part (`heavy`), both as of `at`. */
type Usage = { ms: number; heavy: number; at: number };

type PoolState = {
  waiting: Job[];
  slots: Slot[];
  nextId: number;
  /** Learners with a job waiting or running. */
  active: Map<string, Job>;
  /** Jobs by the caller's ticket (see GradeRequest.ticket). */
  tickets: Map<string, Job>;
  usage: Map<string, Usage>;
};

// One pool per server process even if a bundler duplicates this module between routes.
const pool: PoolState = remember("descent.grader.pool", () => ({
  waiting: [],
  slots: [],
  nextId: 1,
  active: new Map(),
  tickets: new Map(),
  usage: new Map(),
}));

// --- usage accounting (decayed grading milliseconds per learner and per client) ---

function usageOf(key: string | null, now: number): { ms: number; heavy: number } {
  const u = key === null ? undefined : pool.usage.get(key);
  if (!u) return { ms: 0, heavy: 0 };
  return {
    ms: u.ms * 2 ** (-(now - u.at) / USAGE_HALF_LIFE_MS),
    heavy: u.heavy * 2 ** (-(now - u.at) / HEAVY_HALF_LIFE_MS),
  };
}

function charge(key: string | null, ms: number, now: number): void {
  if (key === null) return;
  const u = usageOf(key, now);
  pool.usage.set(key, { ms: u.ms + ms, heavy: u.heavy + Math.max(0, ms - HEAVY_AFTER_MS), at: now });
  if (pool.usage.size > 10_000)
    for (const [k] of pool.usage) {
      const old = usageOf(k, now);
      if (old.ms < 10 && old.heavy < 10) pool.usage.delete(k);
    }
}

/** Time used so far by the running jobs of this client, and its heavy part. */
function running(client: string | null, now: number): { ms: number; heavy: number } {
  const total = { ms: 0, heavy: 0 };
  if (client === null) return total;
  for (const slot of pool.slots)
    if (slot.job?.client === client) {
      total.ms += now - slot.job.sentAt;
      total.heavy += Math.max(0, now - slot.job.sentAt - HEAVY_AFTER_MS);
    }
  return total;
}

/**
 * Lower is served first: the learner's recent grading time, or its client's if more, counting the time
 * the client's running jobs have used so far (many fresh learners behind one client fall behind
 * as soon as the first of them runs, not only once it finishes).
 */
function priority(job: Job, now: number): number {
  const client = usageOf(job.client === null ? null : `c:${job.client}`, now);
  return Math.max(usageOf(`l:${job.learner}`, now).ms, client.ms + running(job.client, now).ms);
}

/** Whether the job may use the reserved quiet process (see QUIET_HEAVY_MS). */
function isQuiet(job: Job, now: number): boolean {
  const client = usageOf(job.client === null ? null : `c:${job.client}`, now);
  const heavy = Math.max(
    usageOf(`l:${job.learner}`, now).heavy,
    client.heavy + running(job.client, now).heavy,
  );
  return heavy < QUIET_HEAVY_MS;
}

/** The waiting jobs in the order they will be served (least recent grading time, then arrival). */
function servingOrder(now: number): Job[] {
  return pool.waiting
    .map((job) => ({ job, p: priority(job, now) }))
    .sort((a, b) => a.p - b.p || a.job.id - b.job.id)
    .map((entry) => entry.job);
}

// --- grader processes ---

// Resolved from the working directory, not import.meta.url: Next bundles this module elsewhere.
function spawnChild(slot: Slot): ChildProcess {
  // Compiled at build time (scripts/build-grader.mjs): production runs no TypeScript.
  const entry = getGraderBuildFile("grader-process.mjs");
  // The child runs under /bin/sh only to set its limits before exec'ing Node (same pid, same IPC
  // channel): RLIMIT_DATA caps the whole process whatever allocates (V8 heaps, ArrayBuffers,
  // malloc); RLIMIT_AS cannot be used since V8 reserves >1.5 GB of address space up front. No
  // core dumps. --no-expose-wasm: no WebAssembly object in any context of the process, so the
  // isolates have none (its memories are outside isolated-vm's limit).
  const limitKb = readGraderSettings().dataLimitMb * 1024;
  const child = fork(/* turbopackIgnore: true */ entry, [], {
    execPath: "/bin/sh",
    execArgv: [
      "-c",
      `ulimit -c 0; ulimit -d ${limitKb} || exit 97; exec "$0" "$@"`,
      process.execPath,
      "--no-node-snapshot",
      "--no-expose-wasm",
      // The host heap (references, results) needs ~20 MB; isolates keep their own 64 MB limit.
      "--max-old-space-size=96",
      // Resizable and growable buffers grow outside the isolate's memory limit.
      "--no-harmony-rab-gsab",
    ],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "advanced",
  });
  child.on("message", (message: { id: number; received?: true; result?: unknown; error?: string }) => {
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    if (message.received) {
      slot.received = true;
      return;
    }
    finishJob(slot);
    if (message.error !== undefined) job.reject(new Error(message.error));
    else {
      const parsed = GradeResultSchema.safeParse(message.result);
      if (parsed.success) job.resolve(parsed.data);
      else job.reject(new Error(`Invalid grade result: ${parsed.error.message}`));
    }
    pump();
  });
  child.on("exit", () => {
    // A replaced child's late exit: the slot (and any job in it) belongs to its successor.
    if (slot.child !== child) return;
    slot.child = null;
    const job = slot.job;
    const received = slot.received;
    if (job) {
      // Sent to a child that was already dying (killed while idle): not the submission's fault.
      if (!received && job.lost < 2) {
        clearSlot(slot);
        job.lost += 1;
        pool.waiting.unshift(job);
      } else {
        finishJob(slot);
        job.resolve(
          createEarlyResult(
            "memory-limit",
            "The grader stopped while running your code (most likely it used too much memory).",
            Date.now() - job.started,
          ),
        );
      }
    }
    pump();
  });
  child.unref();
  return child;
}

function clearSlot(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.received = false;
}

/** Frees the slot and the learner's turn, and charges the learner for the time used. */
function finishJob(slot: Slot): void {
  const job = slot.job;
  clearSlot(slot);
  if (!job) return;
  const now = Date.now();
  const used = now - job.sentAt;
  if (job.tracked) charge(`l:${job.learner}`, used, now);
  charge(job.client === null ? null : `c:${job.client}`, used, now);
  release(job);
}

function release(job: Job): void {
  if (pool.active.get(job.learner) === job) pool.active.delete(job.learner);
  if (job.ticket !== null && pool.tickets.get(job.ticket) === job) pool.tickets.delete(job.ticket);
  job.detach();
}

function ensureSlots(): void {
  if (pool.slots.length > 0) return;
  const { processes: general, quietProcesses } = readGraderSettings();
  pool.slots = Array.from({ length: general + quietProcesses }, (_, i) => ({
    child: null,
    job: null,
    received: false,
    timer: null,
    quiet: i >= general,
  }));
}

function pump(): void {
  ensureSlots();
  if (pool.waiting.length === 0) return;
  const now = Date.now();
  const order = servingOrder(now);
  // General processes first, so the quiet one stays free for a quiet learner as long as possible.
  for (const slot of [...pool.slots].sort((a, b) => Number(a.quiet) - Number(b.quiet))) {
    if (slot.job) continue;
    const index = order.findIndex((job) => !slot.quiet || isQuiet(job, now));
    if (index < 0) continue;
    const [job] = order.splice(index, 1) as [Job];
    pool.waiting.splice(pool.waiting.indexOf(job), 1);
    if (!slot.child?.connected) slot.child = spawnChild(slot);
    slot.job = job;
    job.sentAt = Date.now();
    const child = slot.child;
    slot.timer = setTimeout(() => child.kill("SIGKILL"), HARD_TIMEOUT_MS);
    slot.timer.unref();
    child.send({ id: job.id, exercise: job.exercise, code: job.code });
  }
}

/**
 * Room in the queue for a job of this priority: true when there is space, or when a waiting job
 * of a learner with more recent grading time can be answered "busy" to make space (so learners
 * who keep the grader busy cannot lock out the others by filling the queue).
 */
function admit(newPriority: number, now: number): boolean {
  if (pool.waiting.length < MAX_WAITING) return true;
  const last = servingOrder(now).at(-1);
  if (!last || priority(last, now) <= newPriority) return false;
  pool.waiting.splice(pool.waiting.indexOf(last), 1);
  release(last);
  last.resolve(createEarlyResult("busy", "The grader is busy, try again in a few seconds"));
  return true;
}

export interface GradeRequest {
  exercise: string;
  code: string;
  /** Who submits: at most one job per learner is queued or running. Omitted: no such limit (CLI). */
  learner?: string;
  /** The network client (e.g. peer address): learners behind one client share its fair share. */
  client?: string;
  /** Aborted by the caller when its client goes away: a job still waiting is dropped. */
  signal?: AbortSignal;
  /**
   * A random id the client chose, to ask for the job's place with `ticketPosition` (a first-time
   * guest has no cookie until the submit request answers, so it cannot be found by learner).
   */
  ticket?: string;
  /**
   * The id the result will be stored under. The grading queue (lib/queue) uses it as the job id,
   * so a job taken again after its worker died is still one job; the pool ignores it.
   */
  id?: string;
}

/**
 * Grades a submission in a separate, restartable grader process. Throws for an unknown exercise,
 * throws LearnerBusyError when the learner already has a job queued or running, rejects with
 * GradingAbortedError when `signal` fires before a grader takes the job; answers "busy" when the
 * queue is full of learners with less recent grading time and "too-large" above MAX_CODE_BYTES.
 * Waiting jobs are served by least recent grading time (the learner's or its client's, whichever is more), then
 * arrival: a learner whose submissions keep timing out waits behind everyone else.
 */
export function gradeSubmission(input: GradeRequest): Promise<GradeResult> {
  if (!isExerciseSlug(input.exercise))
    return Promise.reject(new Error(`Unknown exercise ${JSON.stringify(input.exercise)}`));
  const tooLarge = refuseTooLarge(input.code);
  if (tooLarge) return Promise.resolve(tooLarge);
  if (input.signal?.aborted) return Promise.reject(new GradingAbortedError());
  const id = pool.nextId++;
  const learner = input.learner ?? `anonymous#${id}`;
  if (pool.active.has(learner)) return Promise.reject(new LearnerBusyError());
  return new Promise((resolve, reject) => {
    const signal = input.signal;
    const job: Job = {
      id,
      exercise: input.exercise,
      code: input.code,
      learner,
      client: input.client ?? null,
      ticket: input.ticket ?? null,
      tracked: input.learner !== undefined,
      started: Date.now(),
      sentAt: 0,
      lost: 0,
      resolve,
      reject,
      detach: () => signal?.removeEventListener("abort", onAbort),
    };
    function onAbort(): void {
      const index = pool.waiting.indexOf(job);
      if (index < 0) return; // already with a grader: it finishes and answers as usual
      pool.waiting.splice(index, 1);
      release(job);
      reject(new GradingAbortedError());
    }
    const now = Date.now();
    if (!admit(priority(job, now), now)) {
      resolve(createEarlyResult("busy", "The grader is busy, try again in a few seconds"));
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    pool.active.set(learner, job);
    if (job.ticket !== null) pool.tickets.set(job.ticket, job);
    pool.waiting.push(job);
    pump();
  });
}

/** Whether the learner has a submission queued or being graded (the route answers 409 first). */
export function isLearnerGrading(learner: string): boolean {
  return pool.active.has(learner);
}

/**
 * Where the learner's submission stands: waiting with `ahead` jobs to be served before it,
 * being graded, or none. Priorities change as others' jobs finish, so `ahead` is a snapshot.
 */
export function queuePosition(learner: string): QueuePosition {
  return positionOf(pool.active.get(learner));
}

/** queuePosition for the job submitted with this ticket (GradeRequest.ticket). */
export function ticketPosition(ticket: string): QueuePosition {
  return positionOf(pool.tickets.get(ticket));
}

export type QueuePosition = { state: "waiting"; ahead: number } | { state: "grading" } | { state: "none" };

function positionOf(job: Job | undefined): QueuePosition {
  if (!job) return { state: "none" };
  const ahead = servingOrder(Date.now()).indexOf(job);
  return ahead < 0 ? { state: "grading" } : { state: "waiting", ahead };
}

/**
 * Stops the grader processes (tests and scripts call this to exit cleanly). When none is grading,
 * the next submission also re-reads GRADER_PROCESSES and GRADER_QUIET_PROCESSES.
 */
export function stopGraderProcesses(): void {
  for (const slot of pool.slots) {
    const child = slot.child;
    slot.child = null;
    child?.kill();
  }
  if (pool.slots.every((slot) => slot.job === null)) pool.slots = [];
}

/** Forgets the recorded grading time of every learner (tests and benchmarks). */
export function resetGraderUsage(): void {
  pool.usage.clear();
}

/**
 * The live grader processes: pid, whether each is grading a submission it has acknowledged, and
 * whether it is the process reserved for quiet learners. For tests and operators only (the pool
 * forks lazily: empty before the first submission).
 */
export function graderProcesses(): Array<{ pid: number; grading: boolean; quiet: boolean }> {
  return pool.slots.flatMap((slot) =>
    slot.child?.pid !== undefined && slot.child.exitCode === null && slot.child.signalCode === null
      ? [{ pid: slot.child.pid, grading: slot.job !== null && slot.received, quiet: slot.quiet }]
      : [],
  );
}
