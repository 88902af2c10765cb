import "server-only";
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { createEarlyResult, type GradeResult, GradeResultSchema, MAX_CODE_BYTES } from "@/lib/grader/result";

/*
 * Stopgap for the submissions route: lib/grader/pool.ts (gradeSubmission) cannot be bundled by
 * Turbopack yet (its fork(path.join(process.cwd(), ...)) is resolved at build time and fails). This
 * forks the same entry, lib/grader/grader-process.ts, with the path hidden from the bundler, one
 * job at a time per process. Switch the route back to gradeSubmission once pool.ts builds.
 */
const MAX_WAITING = 8;
const HARD_TIMEOUT_MS = 30_000;

type Job = { id: number; exercise: string; code: string; started: number; resolve: (r: GradeResult) => void };
const waiting: Job[] = [];
let child: ChildProcess | null = null;
let current: Job | null = null;
let timer: NodeJS.Timeout | null = null;
let nextId = 1;

function finish(result: GradeResult): void {
  const job = current;
  current = null;
  if (timer) clearTimeout(timer);
  timer = null;
  job?.resolve(result);
  pump();
}

function spawnGrader(): ChildProcess {
  const entry = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "grader", "grader-process.ts");
  const proc = fork(/* turbopackIgnore: true */ entry, [], {
    execArgv: ["--no-node-snapshot", "--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "advanced",
  });
  proc.on("message", (message: { id: number; result?: unknown; error?: string }) => {
    if (!current || current.id !== message.id) return;
    const parsed = GradeResultSchema.safeParse(message.result);
    finish(
      parsed.success
        ? parsed.data
        : createEarlyResult("runtime-error", message.error ?? "The grader returned an invalid result."),
    );
  });
  proc.on("exit", () => {
    if (child === proc) child = null;
    if (current) {
      finish(
        createEarlyResult(
          "memory-limit",
          "The grader stopped while running your code (most likely it used too much memory).",
          Date.now() - current.started,
        ),
      );
    }
  });
  proc.unref();
  return proc;
}

function pump(): void {
  if (current || waiting.length === 0) return;
  const job = waiting.shift() as Job;
  if (!child?.connected) child = spawnGrader();
  current = job;
  const proc = child;
  timer = setTimeout(() => proc.kill("SIGKILL"), HARD_TIMEOUT_MS);
  timer.unref();
  proc.send({ id: job.id, exercise: job.exercise, code: job.code });
}

/** Grades a submission in the separate grader process; "busy" when too many wait, "too-large" above the limit. */
export function gradeInGraderProcess(input: { exercise: string; code: string }): Promise<GradeResult> {
  if (Buffer.byteLength(input.code, "utf8") > MAX_CODE_BYTES) {
    return Promise.resolve(
      createEarlyResult("too-large", `Submissions are limited to ${MAX_CODE_BYTES / 1000} KB.`),
    );
  }
  if (waiting.length >= MAX_WAITING) {
    return Promise.resolve(createEarlyResult("busy", "The grader is busy, try again in a few seconds."));
  }
  return new Promise((resolve) => {
    waiting.push({ id: nextId++, ...input, started: Date.now(), resolve });
    pump();
  });
}
