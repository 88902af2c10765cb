import ivm from "isolated-vm";
import { DRIVER_SOURCE } from "./driver-source";
import { getObjectiveBundle } from "./objective-bundle";

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

/** A loaded submission: call run() per test, then dispose(). */
export interface LoadedSubmission {
  loadOutput: string;
  run(spec: SandboxRunSpec, timeoutMs: number): Promise<SandboxRunResult>;
  dispose(): void;
}

function classify(
  isolate: ivm.Isolate,
  error: unknown,
): { status: "timeout" | "memory-limit" | "runtime-error"; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (isolate.isDisposed || /memory limit/i.test(message)) {
    return { status: "memory-limit", message: `Your code used more than ${ISOLATE_MEMORY_MB} MB of memory.` };
  }
  if (/timed out/i.test(message)) return { status: "timeout", message: "Your code ran out of time." };
  return { status: "runtime-error", message };
}

function getLocation(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const match = /submission\.js:(\d+):(\d+)/.exec(stack);
  return match ? ` (line ${match[1]}, column ${match[2]})` : "";
}

/**
 * Loads transpiled CommonJS code into a fresh isolate with the driver and objectives; the top level
 * of the submission runs under `timeoutMs`.
 */
export async function loadSubmission(
  js: string,
  timeoutMs: number,
): Promise<LoadedSubmission | SandboxLoadFailure> {
  const bundle = await getObjectiveBundle();
  const isolate = new ivm.Isolate({ memoryLimit: ISOLATE_MEMORY_MB });
  const fail = (status: SandboxLoadFailure["status"], message: string, output = ""): SandboxLoadFailure => {
    if (!isolate.isDisposed) isolate.dispose();
    return { status, message, output };
  };
  try {
    const context = await isolate.createContext();
    await (await isolate.compileScript(bundle)).run(context, { timeout: 2000 });
    await (await isolate.compileScript(DRIVER_SOURCE)).run(context, { timeout: 2000 });
    const driver = await context.global.get("__descentDriver", { reference: true });
    const load = await driver.get("load", { reference: true });
    const run = await driver.get("run", { reference: true });
    await context.global.delete("__descentDriver");
    let script: ivm.Script;
    try {
      // Same first line as the submission, so line numbers match the learner's file.
      script = await isolate.compileScript(`(function (exports, module, require) {${js}\n})`, {
        filename: "submission.js",
      });
    } catch (error) {
      return fail(
        "compile-error",
        `${error instanceof Error ? error.message : String(error)}${getLocation(error)}`,
      );
    }
    let loaded: unknown;
    try {
      const factory = await script.run(context, { timeout: timeoutMs, reference: true });
      loaded = await load.apply(undefined, [factory.derefInto()], {
        timeout: timeoutMs,
        result: { copy: true },
      });
    } catch (error) {
      const c = classify(isolate, error);
      return fail(c.status, c.message);
    }
    const [status, message, output] = loaded as [string, string, string];
    if (status === "missing-export") return fail("missing-export", `Missing export: ${message}.`, output);
    if (status !== "ok") return fail("runtime-error", message, output);
    return {
      loadOutput: output,
      async run(spec, runTimeoutMs) {
        try {
          const result = (await run.apply(undefined, [spec], {
            timeout: Math.max(1, runTimeoutMs),
            arguments: { copy: true },
            result: { copy: true },
          })) as [string, string, number, Float64Array, string];
          const [s, m, stepsRun, recorded, out] = result;
          return {
            status: s === "ok" ? "ok" : "runtime-error",
            message: m,
            stepsRun,
            recorded: recorded instanceof Float64Array ? recorded : new Float64Array(0),
            output: out,
          };
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
