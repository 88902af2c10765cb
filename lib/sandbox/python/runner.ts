// Runs a Python submission on its tests in one sandboxed process (interpreter start and the NumPy
// import are paid once). Learner code never runs outside bubblewrap: when the sandbox cannot start,
// runPythonSubmission throws PythonSandboxUnavailableError before spawning anything.
import { spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { RunSpec } from "../../harness/spec";
import { getPythonAvailability } from "./availability.mjs";
import { ResultChannel } from "./channel";
import { DEFAULT_MEMORY_BYTES, getSandboxCommand, getSeccompFilter, RESULT_FD, SECCOMP_FD } from "./command";
import { OutputCapture, SmallCapture } from "./output";
import { writePayload } from "./payload";
import { type ProcessEnd, toSubmissionResult } from "./verdict";

export type { PythonLoadResult, PythonMistake, PythonRunOutcome, PythonSubmissionResult } from "./verdict";

/** Python grading cannot run on this machine; `reason` says why (for a 503). */
export class PythonSandboxUnavailableError extends Error {
  readonly code = "python-sandbox-unavailable";
  constructor(readonly reason: string) {
    super(`Python grading is not available on this server: ${reason}`);
    this.name = "PythonSandboxUnavailableError";
  }
}

const EMPTY_ENV = {} as NodeJS.ProcessEnv;

/** Learner output beyond this is not drained any more: the process is stopped. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** Channel bytes allowed besides the records (frames, messages, mistakes). */
const CHANNEL_SLACK_BYTES = 64 * 1024;

/** Availability including the system-call filter: as root, the filter is what stops a fork bomb. */
export function getPythonSandboxStatus():
  | { available: true; seccomp: boolean; note?: string }
  | { available: false; reason: string } {
  const base = getPythonAvailability();
  if (!base.available) return base;
  const filter = getSeccompFilter();
  if ("bpf" in filter) return { available: true, seccomp: true };
  if (typeof process.getuid === "function" && process.getuid() === 0)
    return {
      available: false,
      reason: `${filter.skipped}; as root it is required (RLIMIT_NPROC does not bind root): apt-get install python3-seccomp`,
    };
  return { available: true, seccomp: false, note: filter.skipped };
}

export interface PythonSubmissionInput {
  code: string;
  specs: readonly RunSpec[];
  /** Wall-clock budget of the whole process: start, load and every test. */
  timeoutMs: number;
  /** Address-space cap; 1 GiB by default. */
  memoryBytes?: number;
}

/** Grades-ready outcome of `code` on `specs` (see verdict.ts for the shape). */
export async function runPythonSubmission(input: PythonSubmissionInput) {
  const status = getPythonSandboxStatus();
  if (!status.available) throw new PythonSandboxUnavailableError(status.reason);
  const payload = writePayload(input.code, input.specs);
  const shapes = input.specs.map((spec) => ({ dim: spec.dim, record: spec.record }));
  const maxChannelBytes =
    shapes.reduce((sum, s) => sum + s.record.length * (13 + 8 * s.dim), 0) +
    CHANNEL_SLACK_BYTES * (shapes.length + 1);
  const memoryBytes = input.memoryBytes ?? DEFAULT_MEMORY_BYTES;
  const filter = getSeccompFilter();
  const command = getSandboxCommand({
    cpuSeconds: Math.ceil(input.timeoutMs / 1000) + 1,
    memoryBytes,
    withSeccomp: "bpf" in filter,
  });
  const started = performance.now();
  const child = spawn(command.file, command.args, {
    stdio: ["pipe", "pipe", "pipe", "pipe", "pipe"],
    detached: true, // its own process group, killed whole at the deadline
    env: EMPTY_ENV, // prlimit and bwrap need none; bwrap --clearenv sets Python's own
  });
  const channel = new ResultChannel(shapes, maxChannelBytes);
  const output = new OutputCapture();
  const stderr = new SmallCapture();
  let stoppedFor: ProcessEnd["stoppedFor"] = null;
  let settle: (code: number | null, signal: NodeJS.Signals | null) => void = () => {};
  const stop = (why: NonNullable<ProcessEnd["stoppedFor"]>) => {
    stoppedFor ??= why;
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    // A killed group is gone within milliseconds; never let a stuck pipe hold the grader.
    setTimeout(() => settle(null, "SIGKILL"), 2000).unref();
  };
  const streams = child.stdio;
  const result = streams[RESULT_FD] as Readable;
  const seccompIn = streams[SECCOMP_FD] as Writable;
  for (const stream of streams) stream?.on("error", () => {}); // EPIPE when the child is gone early
  result.on("data", (chunk: Buffer) => {
    if (!channel.push(chunk)) stop("channel");
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output.push(chunk);
    if (output.total > MAX_OUTPUT_BYTES) stop("output");
  });
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
  if ("bpf" in filter) seccompIn.end(filter.bpf);
  else seccompIn.end();
  child.stdin?.end(payload);
  const deadline = setTimeout(() => stop("deadline"), input.timeoutMs);
  const end = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    let settled = false;
    settle = (code, signal) => {
      if (settled) return;
      settled = true;
      resolve({ code, signal });
    };
    child.on("close", settle);
    child.on("error", () => settle(null, null));
    // 'close' waits for every pipe; never wait long for them after the process itself has exited.
    child.on("exit", (code, signal) => setTimeout(() => settle(code, signal), 1000).unref());
  });
  clearTimeout(deadline);
  for (const stream of streams) stream?.destroy();
  return toSubmissionResult({
    channel,
    output,
    stderr: stderr.value,
    shapes,
    end: { ...end, stoppedFor, timeoutMs: input.timeoutMs, memoryBytes },
    wallMs: performance.now() - started,
  });
}
