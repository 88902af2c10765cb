// Entry of the script that runs inside every grading isolate BEFORE the learner's code (bundled
// with the objectives by isolate-bundle.ts). Everything the driver needs later is built or
// captured now, while the built-ins are still the engine's own: the runs' arrays, objectives
// and hyper-parameters (install), and every built-in function it calls after the learner's code
// has run. After that it reads no property of an object the learner can reach through a
// prototype, and every value it returns is a primitive or a Float64Array it made itself.
import { makeObjective } from "./isolate-objectives";
import { MESSAGE_LIMIT_CHARS, OUTPUT_LIMIT_CHARS } from "./limits";
import { describeFailure, driveRun, type LoopParticipant, type PreparedRun, prepareRun } from "./loop";
import type { RunSpec } from "./spec";

const F64 = Float64Array;
const Str = String;
const apply = Reflect.apply;
const substring = String.prototype.substring;
const isArray = Array.isArray;
const freeze = Object.freeze;

type Status = "ok" | "runtime-error" | "missing-export";
type RunAnswer = [
  status: "ok" | "runtime-error",
  message: string,
  stepsRun: number,
  recorded: Float64Array,
  output: string,
];

function cut(text: string, limit: number, marker: string): string {
  return text.length > limit ? (apply(substring, text, [0, limit]) as string) + marker : text;
}

/** The thrown value as text, computed here under the run's time limit; never the value itself. */
function describeThrown(error: unknown): string {
  let text: unknown;
  try {
    if (error !== null && typeof error === "object")
      text = `${Str((error as Error).name)}: ${Str((error as Error).message)}`;
    else text = Str(error);
  } catch {
    text = "an unprintable value was thrown";
  }
  if (typeof text !== "string") text = "an unprintable value was thrown";
  return cut(text as string, MESSAGE_LIMIT_CHARS, "…");
}

// --- console: captured output, cut at the limit; the host cuts again on what it receives ---
let output = "";
let outputFull = false;

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (isArray(value) || value instanceof F64) {
    const list = value as ArrayLike<unknown>;
    const length = typeof list.length === "number" ? list.length : 0;
    let text = "[";
    // biome-ignore lint/complexity/useMathMinMax: learner code may have replaced Math by now
    const shown = length < 20 ? length : 20;
    for (let i = 0; i < shown; i++) text += (i ? ", " : "") + Str(list[i]);
    return `${text}${length > 20 ? `, … ${length - 20} more` : ""}]`;
  }
  return Str(value);
}

function write(args: IArguments): void {
  if (outputFull) return;
  let line = "";
  for (let i = 0; i < args.length && line.length < OUTPUT_LIMIT_CHARS; i++) {
    let text: string;
    try {
      text = show(args[i]);
      if (typeof text !== "string") text = "[unprintable]";
    } catch {
      text = "[unprintable]";
    }
    line += (i ? " " : "") + text;
  }
  output += `${line}\n`;
  if (output.length > OUTPUT_LIMIT_CHARS) {
    output = cut(output, OUTPUT_LIMIT_CHARS, "\n[output truncated]\n");
    outputFull = true;
  }
}

function takeOutput(): string {
  const text = output;
  output = "";
  outputFull = false;
  return text;
}

function log(): void {
  // biome-ignore lint/complexity/noArguments: a captured arguments object needs no array method
  write(arguments);
}

// --- the engine's features that allocate outside the isolate's memory limit ---
function removeUncountedMemory(): void {
  const global = globalThis as Record<string, unknown>;
  // WebAssembly memories and tables, and ICU's objects (Intl, locale-aware methods), live outside
  // isolated-vm's heap limit; resizable buffers grow outside it. Learner code needs none of them.
  delete global.WebAssembly;
  delete global.Intl;
  delete global.SharedArrayBuffer;
  delete global.Atomics;
  const strip = (target: object, names: readonly string[]) => {
    for (const name of names) delete (target as Record<string, unknown>)[name];
  };
  strip(ArrayBuffer.prototype, ["resize", "transfer", "transferToFixedLength"]);
  strip(String.prototype, ["localeCompare", "toLocaleLowerCase", "toLocaleUpperCase", "normalize"]);
  strip(Number.prototype, ["toLocaleString"]);
  strip(BigInt.prototype, ["toLocaleString"]);
  strip(Array.prototype, ["toLocaleString"]);
  strip(Object.getPrototypeOf(Int8Array.prototype) as object, ["toLocaleString"]);
  strip(Date.prototype, ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]);
}

// --- the driver ---
type InstalledRun = {
  prepared: PreparedRun;
  record: Float64Array;
  recordCount: number;
  recorded: Float64Array;
};
let runs: InstalledRun[] = [];
const noRecording = new F64(0);
let participant: LoopParticipant | null = null;

/** Prepares every run of the submission; called by the host before the learner's code exists. */
function install(specs: RunSpec[]): void {
  runs = specs.map((spec) => ({
    prepared: prepareRun(spec, makeObjective(spec.objective, spec.args as never, spec.dim)),
    record: F64.from(spec.record),
    recordCount: spec.record.length,
    recorded: new F64(spec.record.length * spec.dim),
  }));
  const console = { log, info: log, warn: log, error: log, debug: log, trace: log };
  (globalThis as Record<string, unknown>).console = freeze(console);
  removeUncountedMemory();
}

function requireModule(name: unknown): never {
  throw new Error(`require(${Str(name)}) is not available: submissions run without modules or I/O`);
}

/** Runs the learner's module factory and takes its exports. */
function load(
  factory: (exports: object, module: object, require: unknown) => void,
): [Status, string, string] {
  const exportsObject = {};
  const module = { exports: exportsObject as Record<string, unknown> };
  let init: unknown;
  let step: unknown;
  try {
    factory(exportsObject, module, requireModule);
    const exported = module.exports;
    init = exported.init;
    step = exported.step;
  } catch (error) {
    return ["runtime-error", describeThrown(error), takeOutput()];
  }
  let missing = "";
  if (typeof init !== "function") missing = "init";
  if (typeof step !== "function") missing += `${missing ? " and " : ""}step`;
  if (missing) return ["missing-export", missing, takeOutput()];
  participant = { init: init as LoopParticipant["init"], step: step as LoopParticipant["step"] };
  return ["ok", "", takeOutput()];
}

/** Runs test `index`, recording the parameters after each listed step. */
function run(index: number): RunAnswer {
  const entry = runs[index];
  if (!entry || !participant) return ["runtime-error", "no such test", 0, noRecording, takeOutput()];
  const { prepared, record, recordCount, recorded } = entry;
  const { x, dim } = prepared;
  let row = 0;
  let stepsRun = 0;
  const failure = driveRun(prepared, participant, (k) => {
    stepsRun = k;
    if (row < recordCount && k === record[row]) {
      const base = row * dim;
      for (let j = 0; j < dim; j++) recorded[base + j] = x[j] as number;
      row++;
    }
    return true;
  });
  if (failure)
    return [
      "runtime-error",
      describeFailure(failure, describeThrown(failure.error)),
      failure.step,
      recorded,
      takeOutput(),
    ];
  return ["ok", "", stepsRun, recorded, takeOutput()];
}

(globalThis as Record<string, unknown>).__descentDriver = { install, load, run };
