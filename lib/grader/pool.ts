import { type ChildProcess, fork } from "node:child_process";
import type { Readable } from "node:stream";
import { remember } from "@epic-web/remember";
import { isExerciseSlug } from "../content/registry";
import { readGraderSettings } from "../env-shared";
import { getGraderBuildFile } from "./build-output";
import { type FairJob, FairQueue } from "./fair-queue";
import {
  afterJob,
  allowanceOf,
  type Cost,
  HARD_TIMEOUT_MS,
  type JobOutcome,
  jobCost,
  NO_COST,
  preemption,
  runningCost,
  sumCosts,
  TEXTS,
  waitingLimit,
} from "./policy";
import { cpuMs, residentMb } from "./process-usage";
import { createEarlyResult, type GradeResult, GradeResultSchema, refuseTooLarge } from "./result";
import { type ResultFrame, ResultFrameReader } from "./result-pipe";
import {
  type GradeJobInput,
  type GradeRequest,
  GradingAbortedError,
  type GradingTransport,
  LearnerBusyError,
  type QueuePosition,
  toJobInput,
} from "./transport";

// The in-process way of grading: GRADER_PROCESSES general and GRADER_QUIET_PROCESSES reserved
// grader processes forked by this server (or by a queue worker, lib/queue/worker.ts), each grading
// one submission at a time, plus one idle spare that takes the place of a process that dies or is
// retired. Who is served first, what a job costs, the limits and the refusal texts are the shared
// policy (policy.ts); the queue client applies the same one.

export { type GradeRequest, GradingAbortedError, LearnerBusyError, type QueuePosition } from "./transport";

/** Submissions allowed to wait with the default GRADER_PROCESSES and GRADER_QUIET_PROCESSES. */
export const MAX_WAITING = waitingLimit(
  readGraderSettings({}).processes + readGraderSettings({}).quietProcesses,
);

type Graded = { result: GradeResult; cost: Cost };

type Job = FairJob & {
  /** What the grader process receives (exercise, code, language, scope). */
  input: GradeJobInput;
  started: number;
  /** When a grader process was handed the job (for usage accounting). */
  sentAt: number;
  /** Times this job was handed to a grader process that died before acknowledging it. */
  lost: number;
  resolve: (graded: Graded) => void;
  reject: (error: Error) => void;
  detach: () => void;
};

/**
 * `received`: the child acknowledged the job, so its death from now on is the job's doing.
 * `quiet`: a reserved process, which takes only jobs of learners and clients without recent heavy use.
 * `timedOut`: the pool killed the child at HARD_TIMEOUT_MS. `rssBeforeMb`, `cpuBeforeMs`: the
 * child's resident memory and CPU time when it was handed the job (null off Linux).
 */
type Slot = {
  child: ChildProcess | null;
  job: Job | null;
  received: boolean;
  timer: NodeJS.Timeout | null;
  quiet: boolean;
  timedOut: boolean;
  rssBeforeMb: number | null;
  cpuBeforeMs: number | null;
};

type PoolState = {
  /** Jobs waiting, learners and tickets with a job, and the usage that orders them. */
  queue: FairQueue<Job>;
  slots: Slot[];
  /** A started process holding no slot, ready to take the place of one that dies or is retired. */
  spare: ChildProcess | null;
  nextId: number;
  /** Children that have sent a message, so they did start: only these are replaced at once. */
  started: WeakSet<ChildProcess>;
  stats: GraderPoolStats;
  /** Calls pump when a job on a quiet process reaches policy.preemptsAfterMs while a quiet job waits. */
  preemptTimer: NodeJS.Timeout | null;
  /** Tests: the data limit (MB) the retirement rule is applied against instead of GRADER_DATA_LIMIT_MB. */
  retireLimitMb: number | null;
};

/**
 * Counters since this server started: processes forked, jobs that killed theirs, hard timeouts,
 * bloated processes retired, jobs moved off a quiet process.
 */
export type GraderPoolStats = {
  starts: number;
  crashes: number;
  timeouts: number;
  retired: number;
  preempted: number;
};

// One pool per server process even if a bundler duplicates this module between routes.
const pool: PoolState = remember("descent.grader.pool.2", () => ({
  queue: new FairQueue<Job>(running),
  slots: [],
  spare: null,
  nextId: 1,
  started: new WeakSet(),
  stats: { starts: 0, crashes: 0, timeouts: 0, retired: 0, preempted: 0 },
  preemptTimer: null,
  retireLimitMb: null,
}));

/** What the running jobs of this client have cost so far (counted in its order and quiet check). */
function running(client: string | null, now: number): Cost {
  if (client === null) return NO_COST;
  return sumCosts(
    pool.slots.flatMap((slot) =>
      slot.job?.client === client
        ? [runningCost(now - slot.job.sentAt, allowanceOf(slot.job.input.language))]
        : [],
    ),
  );
}

// --- grader processes ---

// Resolved from the working directory, not import.meta.url: Next bundles this module elsewhere.
function spawnChild(): ChildProcess {
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
    // fd 3 carries jobs in and acknowledgements out; answers come back framed on fd 4
    // (result-pipe.ts), read with a byte cap instead of decoded whole by Node's IPC.
    stdio: ["ignore", "ignore", "inherit", "ipc", "pipe"],
    serialization: "advanced",
  });
  pool.stats.starts += 1;
  child.on("message", (message: { id: number; received?: true }) => {
    pool.started.add(child);
    const slot = slotOf(child);
    if (message.received && slot?.job?.id === message.id) slot.received = true;
  });
  const answers = child.stdio[4] as Readable;
  const reader = new ResultFrameReader((frame) => onAnswer(child, frame));
  answers.on("data", (chunk: Buffer) => {
    if (!reader.push(chunk)) onBadAnswer(child, reader.error ?? "a grader process answered badly");
  });
  answers.on("error", () => {});
  (answers as Readable & { unref?: () => void }).unref?.();
  child.on("exit", () => onExit(child));
  // A job sent to a child that is dying fails with EPIPE; its exit handler re-queues or answers
  // the job. Unhandled, the 'error' event would take down the server or worker.
  child.on("error", () => {});
  // Idle children do not keep this process alive; one grading a job does (see dispatch).
  child.unref();
  return child;
}

const isAlive = (child: ChildProcess | null): child is ChildProcess =>
  child !== null && child.exitCode === null && child.signalCode === null && child.connected;

const slotOf = (child: ChildProcess): Slot | undefined => pool.slots.find((slot) => slot.child === child);

/** A started process for a slot: the spare when there is one (no start to wait for), else a new one. */
function takeProcess(): ChildProcess {
  const spare = pool.spare;
  pool.spare = null;
  return isAlive(spare) ? spare : spawnChild();
}

/** Starts a spare if there is none (once the pool is in use). */
function ensureSpare(): void {
  if (pool.slots.length > 0 && !isAlive(pool.spare)) pool.spare = spawnChild();
}

function onAnswer(child: ChildProcess, message: ResultFrame) {
  const slot = slotOf(child);
  const job = slot?.job;
  if (!slot || !job || job.id !== message.id) return;
  // A process that stays bloated after a job (memory the isolate does not count, e.g. ICU objects)
  // is retired before it takes another: the next learner's correct code must not die of it.
  const after = afterJob({
    rssBeforeMb: slot.rssBeforeMb,
    rssAfterMb: residentMb(child.pid),
    limitMb: pool.retireLimitMb ?? readGraderSettings().dataLimitMb,
  });
  const cpuAfter = cpuMs(child.pid);
  const cost = finishJob(slot, {
    heldMs: Date.now() - job.sentAt,
    replaced: after.blame,
    allowanceMs: allowanceOf(job.input.language),
    ...(slot.cpuBeforeMs !== null && cpuAfter !== null ? { cpuMs: cpuAfter - slot.cpuBeforeMs } : {}),
  });
  if (after.retire) retire(slot);
  if (message.error !== undefined) job.reject(new Error(message.error));
  else {
    const parsed = GradeResultSchema.safeParse(message.result);
    if (parsed.success) job.resolve({ result: parsed.data, cost });
    else job.reject(new Error(`Invalid grade result: ${parsed.error.message}`));
  }
  ensureSpare();
  pump();
}

/** An answer over the byte cap or malformed: the job fails, the process is stopped and replaced. */
function onBadAnswer(child: ChildProcess, error: string): void {
  const slot = slotOf(child);
  const job = slot?.job;
  if (!slot || !job) {
    child.kill("SIGKILL");
    return;
  }
  finishJob(slot, {
    heldMs: Date.now() - job.sentAt,
    replaced: true,
    allowanceMs: allowanceOf(job.input.language),
  });
  retire(slot);
  job.reject(new Error(error));
  ensureSpare();
  pump();
}

function onExit(child: ChildProcess): void {
  if (pool.spare === child) {
    // Replaced when it is next needed, not now: a child that cannot start must not loop.
    pool.spare = null;
    return;
  }
  // A retired or stopped child's late exit: its slot (if any) belongs to a successor.
  const slot = slotOf(child);
  if (!slot) return;
  slot.child = null;
  const job = slot.job;
  if (job) {
    const heldMs = Date.now() - job.sentAt;
    if (!slot.received && job.lost < 2) {
      // Sent to a child that was already dying (killed while idle): not the submission's fault.
      clearSlot(slot);
      job.lost += 1;
      pool.queue.putBack(job, true);
    } else if (slot.timedOut) {
      pool.stats.timeouts += 1;
      const cost = finishJob(slot, { heldMs, replaced: true, allowanceMs: allowanceOf(job.input.language) });
      job.resolve({
        result: createEarlyResult("timeout", TEXTS.hardTimeout, Date.now() - job.started),
        cost,
      });
    } else {
      pool.stats.crashes += 1;
      const cost = finishJob(slot, { heldMs, crashed: true, allowanceMs: allowanceOf(job.input.language) });
      job.resolve({
        result: createEarlyResult("memory-limit", TEXTS.graderStopped, Date.now() - job.started),
        cost,
      });
    }
  }
  // A child that had started is replaced at once, so a crash does not make the next job wait for
  // a start: the spare takes its place, and a new spare starts.
  if (pool.started.has(child)) {
    slot.child = takeProcess();
    ensureSpare();
  }
  pump();
}

/** Takes the slot's child out of service (the spare takes its place) and stops it. */
function retire(slot: Slot): void {
  const old = slot.child;
  if (!old) return;
  pool.stats.retired += 1;
  slot.child = takeProcess();
  old.kill("SIGKILL");
}

function clearSlot(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.received = false;
  slot.timedOut = false;
  slot.rssBeforeMb = null;
  slot.cpuBeforeMs = null;
  slot.child?.unref();
}

/** Frees the slot and the learner's turn, and charges the learner and client what the job cost. */
function finishJob(slot: Slot, outcome: JobOutcome): Cost {
  const job = slot.job;
  clearSlot(slot);
  if (!job) return NO_COST;
  const cost = jobCost(outcome);
  pool.queue.charge(job, cost, Date.now());
  release(job);
  return cost;
}

function release(job: Job): void {
  pool.queue.release(job);
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
    timedOut: false,
    rssBeforeMb: null,
    cpuBeforeMs: null,
  }));
}

function dispatch(slot: Slot, job: Job): void {
  if (!isAlive(slot.child)) slot.child = takeProcess();
  const child = slot.child;
  slot.job = job;
  job.sentAt = Date.now();
  slot.rssBeforeMb = residentMb(child.pid);
  slot.cpuBeforeMs = cpuMs(child.pid);
  slot.timer = setTimeout(() => {
    if (slot.job !== job || slot.child !== child) return;
    slot.timedOut = true;
    child.kill("SIGKILL");
  }, HARD_TIMEOUT_MS);
  slot.timer.unref();
  // Until this job is answered, its child keeps this process alive: a script waiting for the
  // verdict (npm run grade) sees the child's death instead of exiting with nothing to do.
  child.ref();
  child.send({ id: job.id, ...job.input });
}

function pump(): void {
  ensureSlots();
  if (pool.queue.waiting.length === 0) return;
  const now = Date.now();
  const order = pool.queue.servingOrder(now);
  // General processes first, so the quiet one stays free for a quiet learner as long as possible.
  for (const slot of [...pool.slots].sort((a, b) => Number(a.quiet) - Number(b.quiet))) {
    if (slot.job) continue;
    const index = slot.quiet ? pool.queue.nextForQuiet(order, now) : order.length > 0 ? 0 : -1;
    if (index < 0) continue;
    const [job] = order.splice(index, 1) as [Job];
    pool.queue.take(job);
    dispatch(slot, job);
  }
  preemptForQuiet(order, now);
}

/** CPU time the slot's job has used so far, or null where it cannot be read. */
function cpuUsed(slot: Slot): number | null {
  const cpu = slot.cpuBeforeMs === null ? null : cpuMs(slot.child?.pid);
  return cpu === null || slot.cpuBeforeMs === null ? null : cpu - slot.cpuBeforeMs;
}

/**
 * While a job that may use a quiet process waits, a job that has used its allowance
 * (policy.preemptsAfterMs) on a quiet process is moved to the general ones (preempt); before that,
 * a timer looks again.
 */
function preemptForQuiet(waiting: Job[], now: number): void {
  if (pool.preemptTimer) clearTimeout(pool.preemptTimer);
  pool.preemptTimer = null;
  if (!waiting.some((job) => pool.queue.mayUseQuiet(job, now))) return;
  let soonest = Number.POSITIVE_INFINITY;
  for (const slot of pool.slots) {
    if (!slot.quiet || !slot.job) continue;
    const check = preemption({
      cpuMs: cpuUsed(slot),
      heldMs: now - slot.job.sentAt,
      language: slot.job.input.language,
    });
    if (check.preempt) {
      preempt(slot, now, check.blame);
      pump();
      return;
    }
    soonest = Math.min(soonest, check.recheckMs);
  }
  if (soonest === Number.POSITIVE_INFINITY) return;
  pool.preemptTimer = setTimeout(() => {
    pool.preemptTimer = null;
    pump();
  }, soonest);
  pool.preemptTimer.unref();
}

/**
 * Stops the job of a quiet slot and queues it again for the general processes: its learner and
 * client are charged what it ran, plus a restart when it is to blame (policy.preemption), and the
 * spare takes the slot at once.
 */
function preempt(slot: Slot, now: number, blame: boolean): void {
  const job = slot.job;
  const old = slot.child;
  if (!job) return;
  pool.stats.preempted += 1;
  const heldMs = now - job.sentAt;
  const cpu = cpuUsed(slot);
  clearSlot(slot);
  pool.queue.charge(
    job,
    jobCost({
      heldMs,
      replaced: blame,
      allowanceMs: allowanceOf(job.input.language),
      ...(cpu === null ? {} : { cpuMs: cpu }),
    }),
    now,
  );
  job.generalOnly = true;
  pool.queue.putBack(job, false);
  slot.child = takeProcess();
  ensureSpare();
  old?.kill("SIGKILL");
}

/** Room for the job (policy.admission): the busiest waiting job may be answered "busy" to make it. */
function admit(job: Job, now: number): boolean {
  const room = pool.queue.admit(job, waitingLimit(pool.slots.length), now);
  if (room === "refuse") return false;
  if (room.evicted) {
    room.evicted.detach();
    room.evicted.resolve({ result: createEarlyResult("busy", TEXTS.busy), cost: NO_COST });
  }
  return true;
}

/**
 * gradeSubmission, with what the job cost (policy.jobCost): a queue worker sends it back with the
 * result, so the web server charges its learner as this pool charges its own.
 */
export function gradeSubmissionWithCost(input: GradeRequest): Promise<Graded> {
  if (!isExerciseSlug(input.exercise))
    return Promise.reject(new Error(`Unknown exercise ${JSON.stringify(input.exercise)}`));
  const tooLarge = refuseTooLarge(input.code);
  if (tooLarge) return Promise.resolve({ result: tooLarge, cost: NO_COST });
  if (input.signal?.aborted) return Promise.reject(new GradingAbortedError());
  const id = pool.nextId++;
  const learner = input.learner ?? `anonymous#${id}`;
  if (pool.queue.has(learner)) return Promise.reject(new LearnerBusyError());
  ensureSlots();
  return new Promise((resolve, reject) => {
    const signal = input.signal;
    const job: Job = {
      id,
      input: toJobInput(input),
      learner,
      client: input.client ?? null,
      ticket: input.ticket ?? null,
      tracked: input.learner !== undefined,
      started: Date.now(),
      sentAt: 0,
      lost: 0,
      generalOnly: false,
      resolve,
      reject,
      detach: () => signal?.removeEventListener("abort", onAbort),
    };
    function onAbort(): void {
      // Already with a grader: it finishes and answers as usual.
      if (!pool.queue.take(job)) return;
      release(job);
      reject(new GradingAbortedError());
    }
    if (!admit(job, Date.now())) {
      resolve({ result: createEarlyResult("busy", TEXTS.busy), cost: NO_COST });
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    pool.queue.enter(job);
    pump();
  });
}

/**
 * Grades a submission in a separate, restartable grader process (the contract of
 * GradingTransport.grade). Waiting jobs are served by policy.orderOf (least recent grading time of
 * the learner or its client, whichever is more), then arrival: a learner whose submissions keep
 * timing out waits behind everyone else, and never reaches the quiet process.
 */
export async function gradeSubmission(input: GradeRequest): Promise<GradeResult> {
  return (await gradeSubmissionWithCost(input)).result;
}

/** Whether the learner has a submission queued or being graded (the route answers 409 first). */
export function isLearnerGrading(learner: string): boolean {
  return pool.queue.has(learner);
}

/** Where the learner's submission stands (`ahead` is a snapshot: priorities change as jobs finish). */
export function queuePosition(learner: string): QueuePosition {
  return pool.queue.position({ learner }, Date.now());
}

/** queuePosition for the job submitted with this ticket (GradeRequest.ticket). */
export function ticketPosition(ticket: string): QueuePosition {
  return pool.queue.position({ ticket }, Date.now());
}

/** This server's own grader processes, as the routes use them (lib/grading/index.server.ts). */
export const poolTransport: GradingTransport = {
  grade: gradeSubmission,
  isLearnerGrading: async (learner) => isLearnerGrading(learner),
  learnerPosition: async (learner) => queuePosition(learner),
  ticketPosition: async (ticket) => ticketPosition(ticket),
  health: async () => ({ mode: "in-process", ok: true, processes: graderProcesses().length }),
};

/**
 * Stops the grader processes, the spare included (tests and scripts call this to exit cleanly); a
 * job being graded is answered "busy". The next submission re-reads GRADER_PROCESSES and
 * GRADER_QUIET_PROCESSES.
 */
export function stopGraderProcesses(): void {
  for (const slot of pool.slots) {
    const child = slot.child;
    slot.child = null;
    const job = slot.job;
    if (job) {
      clearSlot(slot);
      release(job);
      job.resolve({ result: createEarlyResult("busy", TEXTS.busy), cost: NO_COST });
    }
    child?.kill();
  }
  pool.spare?.kill();
  pool.spare = null;
  pool.slots = [];
  if (pool.preemptTimer) clearTimeout(pool.preemptTimer);
  pool.preemptTimer = null;
}

/** Forgets the recorded grading time of every learner (tests and benchmarks). */
export function resetGraderUsage(): void {
  pool.queue.resetUsage();
}

/**
 * Tests: apply the retirement rule (policy.afterJob) against this data limit in MB instead of
 * GRADER_DATA_LIMIT_MB, e.g. a small one so that any process is retired after its job; null
 * restores the setting.
 */
export function setRetireLimitForTests(limitMb: number | null): void {
  pool.retireLimitMb = limitMb;
}

/** Processes started, crashes, hard timeouts, retirements and preemptions since this server started. */
export function graderPoolStats(): GraderPoolStats {
  return { ...pool.stats };
}

/**
 * The live grader processes: pid, whether each is grading a submission it has acknowledged,
 * whether it is a process reserved for quiet learners, and whether it is the idle spare. For tests
 * and operators only (the pool forks lazily: empty before the first submission).
 */
export function graderProcesses(): Array<{ pid: number; grading: boolean; quiet: boolean; spare: boolean }> {
  const live = (child: ChildProcess | null): child is ChildProcess & { pid: number } =>
    child?.pid !== undefined && child.exitCode === null && child.signalCode === null;
  return [
    ...pool.slots.flatMap((slot) =>
      live(slot.child)
        ? [
            {
              pid: slot.child.pid,
              grading: slot.job !== null && slot.received,
              quiet: slot.quiet,
              spare: false,
            },
          ]
        : [],
    ),
    ...(live(pool.spare) ? [{ pid: pool.spare.pid, grading: false, quiet: false, spare: true }] : []),
  ];
}
