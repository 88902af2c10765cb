import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { isExerciseSlug } from "./exercise-store";
import { createEarlyResult, type GradeResult, GradeResultSchema, MAX_CODE_BYTES } from "./result";

/** Submissions allowed to wait for a grader process; more are answered "busy" at once. */
export const MAX_WAITING = 16;

// A child that does not answer within this time is killed (the sandbox's own budget is 10 s).
const HARD_TIMEOUT_MS = 30_000;

type Job = {
  id: number;
  exercise: string;
  code: string;
  started: number;
  /** Times this job was handed to a grader process that died before acknowledging it. */
  lost: number;
  resolve: (result: GradeResult) => void;
  reject: (error: Error) => void;
};

/** `received`: the child acknowledged the job, so its death from now on is the job's doing. */
type Slot = { child: ChildProcess | null; job: Job | null; received: boolean; timer: NodeJS.Timeout | null };

const waiting: Job[] = [];
let slots: Slot[] = [];
let nextId = 1;

function getProcessCount(): number {
  const n = Number(process.env.GRADER_PROCESSES ?? 2);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 2;
}

// Resolved from the working directory, not import.meta.url: Next bundles this module elsewhere.
function spawnChild(slot: Slot): ChildProcess {
  // turbopackIgnore: the path is a runtime file, not a module for the bundler to resolve.
  const entry = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "grader", "grader-process.ts");
  const child = fork(/* turbopackIgnore: true */ entry, [], {
    execArgv: ["--no-node-snapshot", "--import", "tsx"],
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
      finishJob(slot);
      // Sent to a child that was already dying (killed while idle): not the submission's fault.
      if (!received && job.lost < 2) {
        job.lost += 1;
        waiting.unshift(job);
      } else
        job.resolve(
          createEarlyResult(
            "memory-limit",
            "The grader stopped while running your code (most likely it used too much memory).",
            Date.now() - job.started,
          ),
        );
    }
    pump();
  });
  child.unref();
  return child;
}

function finishJob(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.received = false;
}

function pump(): void {
  if (slots.length === 0)
    slots = Array.from({ length: getProcessCount() }, () => ({
      child: null,
      job: null,
      received: false,
      timer: null,
    }));
  for (const slot of slots) {
    if (slot.job || waiting.length === 0) continue;
    const job = waiting.shift() as Job;
    if (!slot.child?.connected) slot.child = spawnChild(slot);
    slot.job = job;
    const child = slot.child;
    slot.timer = setTimeout(() => child.kill("SIGKILL"), HARD_TIMEOUT_MS);
    slot.timer.unref();
    child.send({ id: job.id, exercise: job.exercise, code: job.code });
  }
}

/**
 * Grades a submission in a separate, restartable grader process. Throws for an unknown exercise;
 * answers "busy" when too many submissions wait and "too-large" above MAX_CODE_BYTES.
 */
export function gradeSubmission(input: { exercise: string; code: string }): Promise<GradeResult> {
  if (!isExerciseSlug(input.exercise))
    return Promise.reject(new Error(`Unknown exercise ${JSON.stringify(input.exercise)}`));
  if (Buffer.byteLength(input.code, "utf8") > MAX_CODE_BYTES) {
    return Promise.resolve(
      createEarlyResult("too-large", `Submissions are limited to ${MAX_CODE_BYTES / 1000} KB.`),
    );
  }
  if (waiting.length >= MAX_WAITING) {
    return Promise.resolve(createEarlyResult("busy", "The grader is busy, try again in a few seconds"));
  }
  return new Promise((resolve, reject) => {
    waiting.push({
      id: nextId++,
      exercise: input.exercise,
      code: input.code,
      started: Date.now(),
      lost: 0,
      resolve,
      reject,
    });
    pump();
  });
}

/** Stops the grader processes (tests and scripts call this to exit cleanly). */
export function stopGraderProcesses(): void {
  for (const slot of slots) {
    const child = slot.child;
    slot.child = null;
    child?.kill();
  }
}

/**
 * The live grader processes: pid, and whether each is grading a submission it has acknowledged.
 * For tests and operators only (the pool forks lazily: empty before the first submission).
 */
export function graderProcesses(): Array<{ pid: number; grading: boolean }> {
  return slots.flatMap((slot) =>
    slot.child?.pid !== undefined && slot.child.exitCode === null && slot.child.signalCode === null
      ? [{ pid: slot.child.pid, grading: slot.job !== null && slot.received }]
      : [],
  );
}
