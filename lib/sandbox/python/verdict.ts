// Turns what the sandboxed process left behind (frames on the result channel, captured output, how
// it ended) into the load result and one RunOutcome per spec. Statuses come from the harness's
// frames or from how the process ended; numbers come only from ROW frames.
import type { RunOutcome } from "../../harness/spec";
import type { ResultChannel, RunShape } from "./channel";
import type { OutputCapture } from "./output";

/** Python mistakes the harness names (the lead maps them to diagnoses). */
export const PYTHON_MISTAKE_IDS = [
  "params-rebound",
  "grad-reference-kept",
  "integer-array",
  "float32-array",
] as const;
export type PythonMistakeId = (typeof PYTHON_MISTAKE_IDS)[number];
export interface PythonMistake {
  id: PythonMistakeId;
  message: string;
}

export interface PythonLoadResult {
  status: "ok" | "compile-error" | "runtime-error" | "missing-export" | "timeout" | "memory-limit";
  message: string;
  output: string;
  /** 1-based line and column in solution.py of a SyntaxError. */
  line?: number;
  column?: number;
}

export interface PythonRunOutcome extends RunOutcome {
  /** Python-specific mistakes seen on the first step (empty when none). */
  mistakes: PythonMistake[];
  /** False when the process stopped in an earlier test, so this one never started. */
  ran: boolean;
}

export interface PythonSubmissionResult {
  load: PythonLoadResult;
  /** One per spec when the module loaded, else empty. */
  runs: PythonRunOutcome[];
  /** Wall time of the whole process, milliseconds. */
  wallMs: number;
}

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stoppedFor: "deadline" | "channel" | "output" | null;
  timeoutMs: number;
  memoryBytes: number;
}

const SIGXCPU_EXIT = 128 + 24;
const SIGKILL_EXIT = 128 + 9;

type Stop = { status: "timeout" | "runtime-error" | "memory-limit"; message: string };

/** Why the process stopped without the harness reporting it. */
function describeStop(end: ProcessEnd, channelError: string | null, stderr: string): Stop {
  const seconds = end.timeoutMs / 1000;
  if (end.stoppedFor === "deadline")
    return { status: "timeout", message: `Your code ran out of time (${seconds} s).` };
  if (end.stoppedFor === "output")
    return { status: "runtime-error", message: "Your code printed more than 16 MB; it was stopped." };
  if (end.stoppedFor === "channel" || channelError)
    return {
      status: "runtime-error",
      message: `Your code interfered with the grader: ${channelError ?? "unknown"}.`,
    };
  // The CPU limit is above the wall-clock deadline, so only threads reach it (SIGXCPU first).
  if (end.code === SIGXCPU_EXIT || end.signal === "SIGXCPU")
    return { status: "timeout", message: "Your code used up its CPU time." };
  const crash = stderr.trim().split("\n").slice(-3).join("\n");
  if (/MemoryError|Cannot allocate memory|std::bad_alloc/.test(crash))
    return {
      status: "memory-limit",
      message: `Your code used more than ${end.memoryBytes / 2 ** 20} MB of memory.`,
    };
  // bwrap passes on a signal that killed Python as exit code 128 + signal.
  const how = end.signal
    ? `was killed by ${end.signal}`
    : end.code === SIGKILL_EXIT
      ? "was killed by SIGKILL"
      : `exited with code ${end.code}`;
  return {
    status: "runtime-error",
    message: `Python ${how} before the test finished (os._exit, sys.exit from a thread, a signal or a crash).${crash ? `\n${crash}` : ""}`,
  };
}

function isMistakeId(id: string): id is PythonMistakeId {
  return (PYTHON_MISTAKE_IDS as readonly string[]).includes(id);
}

export function toSubmissionResult(input: {
  channel: ResultChannel;
  output: OutputCapture;
  stderr: string;
  shapes: readonly RunShape[];
  end: ProcessEnd;
  wallMs: number;
}): PythonSubmissionResult {
  const { channel, output, shapes, end, wallMs } = input;
  const load = channel.load;
  if (!load) {
    const stop = describeStop(end, channel.error, input.stderr);
    const shown = output.slice(0, output.total) + (input.stderr ? input.stderr : "");
    return { load: { ...stop, message: `While loading: ${stop.message}`, output: shown }, runs: [], wallMs };
  }
  const loadResult: PythonLoadResult = {
    status: load.status,
    message: load.message,
    output: output.slice(0, load.outputOffset),
    ...(load.status === "compile-error" && load.line > 0 ? { line: load.line, column: load.column } : {}),
  };
  if (load.status !== "ok") return { load: loadResult, runs: [], wallMs };
  let offset = load.outputOffset;
  let stopped: Stop | null = null;
  const runs = channel.runs.map((frames, index): PythonRunOutcome => {
    const shape = shapes[index] as RunShape;
    if (stopped)
      return {
        status: stopped.status,
        message: "Not run: Python stopped during an earlier test.",
        stepsRun: 0,
        recorded: frames.recorded,
        output: "",
        mistakes: [],
        ran: false,
      };
    const from = offset;
    const doneEnd = frames.end;
    if (doneEnd && !(doneEnd.status === "ok" && frames.rows !== shape.record.length)) {
      offset = doneEnd.outputOffset;
      const status =
        doneEnd.status === "memory-limit" ? "memory-limit" : doneEnd.status === "ok" ? "ok" : "runtime-error";
      return {
        status,
        message:
          status === "memory-limit"
            ? `Your code used more than ${end.memoryBytes / 2 ** 20} MB of memory.\n${doneEnd.message}`
            : doneEnd.message,
        stepsRun: doneEnd.stepsRun,
        recorded: frames.recorded,
        output: output.slice(from, doneEnd.outputOffset),
        mistakes: doneEnd.mistakes.filter((m): m is PythonMistake => isMistakeId(m.id)),
        ran: true,
      };
    }
    stopped = doneEnd
      ? { status: "runtime-error", message: "The grader received fewer recorded steps than the test has." }
      : describeStop(end, channel.error, input.stderr);
    return {
      status: stopped.status,
      message: stopped.message,
      // Every received row counts as run: the rows kept are those of steps before stepsRun.
      stepsRun: frames.rows > 0 ? (shape.record[frames.rows - 1] as number) + 1 : 0,
      recorded: frames.recorded,
      output: output.slice(from, output.total),
      mistakes: [],
      ran: true,
    };
  });
  return { load: loadResult, runs, wallMs };
}
