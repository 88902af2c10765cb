import { LANGUAGE_MISTAKE_IDS } from "../content/diagnosis-ids";
import { MESSAGE_LIMIT_CHARS } from "../harness/limits";
import type { RunSpec } from "../harness/spec";
import { type PythonRunOutcome, PythonSandboxUnavailableError, runPythonSubmission } from "../sandbox/python";
import { getDiagnosis } from "./diagnoses";
import type { Diagnosis } from "./result";
import { capOutput, capText, type LoadedSubmission, type SandboxLoadFailure } from "./sandbox";

// Python submissions run all their tests in one sandboxed process (lib/sandbox/python: the
// interpreter and NumPy start once); this adapter hands the outcomes to grade-core one test at a
// time, like the TypeScript isolate, so both languages share comparison, verdicts and diagnoses.

/** Interpreter start and the NumPy import (about 0.2 s here) on top of the submission budget. */
const PYTHON_STARTUP_MS = 1_000;

type PythonRuns = Pick<LoadedSubmission, "loadOutput" | "run" | "dispose"> & { runs: PythonRunOutcome[] };

/** Runs a Python submission; a load failure, the runs, or a refusal when the sandbox cannot start. */
export async function loadPython(
  code: string,
  specs: readonly RunSpec[],
  budgetMs: number,
): Promise<PythonRuns | SandboxLoadFailure | { refusal: string }> {
  let outcome: Awaited<ReturnType<typeof runPythonSubmission>>;
  try {
    outcome = await runPythonSubmission({ code, specs, timeoutMs: budgetMs + PYTHON_STARTUP_MS });
  } catch (error) {
    if (error instanceof PythonSandboxUnavailableError) return { refusal: error.message };
    throw error;
  }
  const { load, runs } = outcome;
  if (load.status !== "ok") {
    const where =
      load.line !== undefined && !/^Line \d+/.test(load.message)
        ? `Line ${load.line}, column ${load.column ?? 1}: `
        : "";
    return {
      status: load.status,
      message: capText(`${where}${load.message}`, MESSAGE_LIMIT_CHARS, "…"),
      output: capOutput(load.output),
    };
  }
  return {
    runs,
    loadOutput: capOutput(load.output),
    async run(index) {
      const run = runs[index];
      if (!run)
        return {
          status: "runtime-error",
          message: "Not run.",
          stepsRun: 0,
          recorded: new Float64Array(0),
          output: "",
        };
      return {
        status: run.status,
        message: capText(run.message, MESSAGE_LIMIT_CHARS, "…"),
        stepsRun: run.stepsRun,
        recorded: run.recorded,
        output: capOutput(run.output),
        ...(run.mistakes.length > 0 ? { mistakes: run.mistakes } : {}),
      };
    },
    dispose() {},
  };
}

// `params = …` (or `params=…`) at the start of a statement, not `params == …` or `params[…] = …`.
const REBINDS_PARAMS = /^\s*params\s*=(?!=)/m;

/**
 * The diagnosis for a mistake of the language that a run reported. Parameters left unchanged by a
 * step are "rebound" only when the code does rebind the name: a starter that does nothing yet,
 * or an optimizer whose first step legitimately does not move, is not told so.
 */
export function getLanguageMistake(
  run: { mistakes?: ReadonlyArray<{ id: string }> },
  code: string,
): Diagnosis | null {
  for (const { id } of run.mistakes ?? []) {
    const known = LANGUAGE_MISTAKE_IDS.find((candidate) => candidate === id);
    if (!known || (known === "params-rebound" && !REBINDS_PARAMS.test(code))) continue;
    return getDiagnosis(known);
  }
  return null;
}
