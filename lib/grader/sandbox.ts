import { readFile } from "node:fs/promises";
import ivm from "isolated-vm";
import { MESSAGE_LIMIT_CHARS, OUTPUT_LIMIT_CHARS } from "../harness/limits";
import { getGraderBuildFile } from "./build-output";

/** Memory limit of one submission's isolate, in MB. */
export const ISOLATE_MEMORY_MB = 64;

export type { RunOutcome as SandboxRunResult, RunSpec as SandboxRunSpec } from "../harness/spec";

import type { RunOutcome as SandboxRunResult, RunSpec as SandboxRunSpec } from "../harness/spec";

/** Failure of a whole submission before any run. */
export interface SandboxLoadFailure {
  status: "compile-error" | "runtime-error" | "timeout" | "memory-limit" | "missing-export";
  message: string;
  output: string;
}

/** A loaded submission: call run() per test (by its index in the specs), then dispose(). */
export interface LoadedSubmission {
  loadOutput: string;
  run(index: number, timeoutMs: number): Promise<SandboxRunResult>;
  dispose(): void;
}

/** Text of a host-side isolated-vm error (timeouts, memory): never a getter of a learner object. */
function hostErrorText(error: unknown): string {
  const message = error instanceof Error && typeof error.message === "string" ? error.message : "";
  return capText(message, MESSAGE_LIMIT_CHARS, "…");
}

function classify(
  isolate: ivm.Isolate,
  error: unknown,
): { status: "timeout" | "memory-limit" | "runtime-error"; message: string } {
  const message = hostErrorText(error);
  if (isolate.isDisposed || /memory limit/i.test(message)) {
    return { status: "memory-limit", message: `Your code used more than ${ISOLATE_MEMORY_MB} MB of memory.` };
  }
  if (/timed out/i.test(message)) return { status: "timeout", message: "Your code ran out of time." };
  return { status: "runtime-error", message };
}

function getLocation(error: unknown): string {
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  const match = /submission\.js:(\d+):(\d+)/.exec(stack);
  return match ? ` (line ${match[1]}, column ${match[2]})` : "";
}

/** `text` cut to `limit` characters with `marker` appended; non-strings become "". */
export function capText(text: unknown, limit: number, marker: string): string {
  if (typeof text !== "string") return "";
  return text.length > limit ? text.slice(0, limit) + marker : text;
}

/** Learner output cut to the per-test limit. */
export const capOutput = (text: unknown) => capText(text, OUTPUT_LIMIT_CHARS, "\n[output truncated]\n");
const capMessage = (text: unknown) => capText(text, MESSAGE_LIMIT_CHARS, "…");

let isolateScript: Promise<string> | null = null;
function getIsolateScript(): Promise<string> {
  isolateScript ??= readFile(getGraderBuildFile("isolate.js"), "utf8");
  isolateScript.catch(() => {
    isolateScript = null;
  });
  return isolateScript;
}

/**
 * Checks what a run copied out of the isolate: the driver's answer shape, with every text cut on
 * this side (the driver cuts too, but the host trusts nothing that crossed the boundary).
 */
function readRunAnswer(answer: unknown, spec: SandboxRunSpec): SandboxRunResult {
  const malformed: SandboxRunResult = {
    status: "runtime-error",
    message: "The grader could not read your run's result.",
    stepsRun: 0,
    recorded: new Float64Array(0),
    output: "",
  };
  if (!Array.isArray(answer) || answer.length !== 5) return malformed;
  const [status, message, stepsRun, recorded, output] = answer as unknown[];
  if (status !== "ok" && status !== "runtime-error") return malformed;
  const expectedLength = spec.record.length * spec.dim;
  if (!(recorded instanceof Float64Array) || recorded.length !== expectedLength) return malformed;
  return {
    status,
    message: capMessage(message),
    stepsRun:
      typeof stepsRun === "number" && Number.isInteger(stepsRun)
        ? Math.max(0, Math.min(stepsRun, spec.steps))
        : 0,
    recorded,
    output: capOutput(output),
  };
}

/**
 * Loads transpiled CommonJS code into a fresh isolate whose driver has already prepared every run
 * of `specs` (before the learner's code exists); the top level of the submission runs under
 * `timeoutMs`.
 */
export async function loadSubmission(
  js: string,
  specs: readonly SandboxRunSpec[],
  timeoutMs: number,
): Promise<LoadedSubmission | SandboxLoadFailure> {
  const script = await getIsolateScript();
  const isolate = new ivm.Isolate({ memoryLimit: ISOLATE_MEMORY_MB });
  const fail = (status: SandboxLoadFailure["status"], message: string, output = ""): SandboxLoadFailure => {
    if (!isolate.isDisposed) isolate.dispose();
    return { status, message, output };
  };
  try {
    const context = await isolate.createContext();
    await (await isolate.compileScript(script)).run(context, { timeout: 2000 });
    const driver = await context.global.get("__descentDriver", { reference: true });
    const install = await driver.get("install", { reference: true });
    const load = await driver.get("load", { reference: true });
    const run = await driver.get("run", { reference: true });
    await context.global.delete("__descentDriver");
    await install.apply(undefined, [specs], { timeout: 2000, arguments: { copy: true } });
    let compiled: ivm.Script;
    try {
      // Same first line as the submission, so line numbers match the learner's file.
      compiled = await isolate.compileScript(`(function (exports, module, require) {${js}\n})`, {
        filename: "submission.js",
      });
    } catch (error) {
      return fail("compile-error", `${hostErrorText(error)}${getLocation(error)}`);
    }
    let loaded: unknown;
    try {
      const factory = await compiled.run(context, { timeout: timeoutMs, reference: true });
      loaded = await load.apply(undefined, [factory.derefInto()], {
        timeout: timeoutMs,
        result: { copy: true },
      });
    } catch (error) {
      const c = classify(isolate, error);
      return fail(c.status, c.message);
    }
    const [status, message, output] = Array.isArray(loaded) ? (loaded as unknown[]) : [];
    const loadOutput = capOutput(output);
    if (status === "missing-export")
      return fail("missing-export", `Missing export: ${capMessage(message)}.`, loadOutput);
    if (status !== "ok") return fail("runtime-error", capMessage(message), loadOutput);
    return {
      loadOutput,
      async run(index, runTimeoutMs) {
        const spec = specs[index];
        if (!spec) throw new RangeError(`No test ${index}`);
        try {
          const answer = await run.apply(undefined, [index], {
            timeout: Math.max(1, runTimeoutMs),
            result: { copy: true },
          });
          return readRunAnswer(answer, spec);
        } catch (error) {
          const c = classify(isolate, error);
          return { ...c, stepsRun: 0, recorded: new Float64Array(0), output: "" };
        }
      },
      dispose() {
        if (!isolate.isDisposed) isolate.dispose();
      },
    };
  } catch (error) {
    const c = classify(isolate, error);
    return fail(c.status, c.message);
  }
}
