import type { RunSpec } from "./spec";

// The one loop every TypeScript harness runs (the isolate driver, the browser's Run, the host's
// classic-mistake variants): init, then per step the gradient and the learner's step, then a
// look at the parameters. The Python harness and the shown test_code are written from the same
// RunSpec and say the same. In the isolate this code runs after learner code that may have
// replaced any built-in, so `driveRun` uses no method of a built-in object, no iterator and no
// spread: only indexing, arithmetic and calls of functions it was handed.

/** Parameters as the learner sees them: the flat vector, or views of it per tensor. */
export type Tensors = Float64Array | readonly Float64Array[];

/** What step receives in mini-batch mode as its fifth argument. */
export type MinibatchData = Readonly<{
  size: number;
  order(epoch: number): number[];
  gradient(i: number, params: Float64Array, out: Float64Array): void;
}>;

/** The part of an objective the loop uses (lib/objectives' Objective satisfies it). */
export interface LoopObjective {
  gradient(x: Float64Array, out: Float64Array, step?: number): void;
  readonly examples?: number;
  exampleGradient?(i: number, x: Float64Array, out: Float64Array): void;
  epochOrder?(epoch: number): number[];
}

/** One run's arrays and arguments, built before any learner code runs. */
export interface PreparedRun {
  /** The flat parameters and gradient; `xs`/`gs` are the same memory as the learner sees it. */
  x: Float64Array;
  g: Float64Array;
  xs: Tensors;
  gs: Tensors;
  hp: Readonly<Record<string, number>>;
  data: MinibatchData | undefined;
  objective: LoopObjective;
  /** Copies of the spec's numbers: the loop never asks an array for its length. */
  dim: number;
  steps: number;
}

/** The learner's two functions (or a variant's), called as plain functions. */
export interface LoopParticipant {
  init(params: Tensors): unknown;
  step(
    params: Tensors,
    grad: Tensors,
    state: unknown,
    hp: Readonly<Record<string, number>>,
    data?: MinibatchData,
  ): void;
}

/** Where a run stopped on an exception: `step` is 0 for init. */
export type LoopFailure = { phase: "init" | "gradient" | "step"; step: number; error: unknown };

/** Views of `flat` cut at `layers` (a frozen list), or `flat` itself. */
export function toTensors(flat: Float64Array, layers: readonly number[] | undefined): Tensors {
  if (!layers) return flat;
  const out: Float64Array[] = [];
  let start = 0;
  for (const size of layers) {
    out.push(flat.subarray(start, start + size));
    start += size;
  }
  return Object.freeze(out);
}

/** Builds the arrays and arguments of a run from its spec (call it before learner code loads). */
export function prepareRun(
  spec: Pick<RunSpec, "x0" | "dim" | "steps" | "hp" | "layers" | "minibatch">,
  objective: LoopObjective,
): PreparedRun {
  const x = new Float64Array(spec.dim);
  for (let i = 0; i < spec.dim; i++) x[i] = spec.x0[i] as number;
  const g = new Float64Array(spec.dim);
  const data: MinibatchData | undefined = spec.minibatch
    ? Object.freeze({
        size: objective.examples ?? 0,
        order: (epoch: number) => objective.epochOrder?.(epoch) ?? [],
        gradient: (i: number, params: Float64Array, out: Float64Array) => {
          objective.exampleGradient?.(i, params, out);
        },
      })
    : undefined;
  return {
    x,
    g,
    xs: toTensors(x, spec.layers),
    gs: toTensors(g, spec.layers),
    hp: Object.freeze({ ...spec.hp }),
    data,
    objective,
    dim: spec.dim,
    steps: spec.steps,
  };
}

/**
 * Runs init, then for k = 1..steps: the gradient at the parameters (zeroed in mini-batch mode,
 * where step draws its own batches), the participant's step, then `after(k)`, which stops the
 * run by returning false. Returns where an exception stopped it, or null.
 */
export function driveRun(
  run: PreparedRun,
  participant: LoopParticipant,
  after: (k: number) => boolean,
): LoopFailure | null {
  const init = participant.init;
  const step = participant.step;
  const { x, g, xs, gs, hp, data, objective, dim } = run;
  let state: unknown;
  try {
    state = init(xs);
  } catch (error) {
    return { phase: "init", step: 0, error };
  }
  for (let k = 1; k <= run.steps; k++) {
    try {
      if (data) for (let i = 0; i < dim; i++) g[i] = 0;
      else objective.gradient(x, g, k);
    } catch (error) {
      return { phase: "gradient", step: k, error };
    }
    try {
      if (data) step(xs, gs, state, hp, data);
      else step(xs, gs, state, hp);
    } catch (error) {
      return { phase: "step", step: k, error };
    }
    if (!after(k)) break;
  }
  return null;
}

/** The learner-facing sentence for a failure, given the thrown value already as text. */
export function describeFailure(failure: LoopFailure, thrown: string): string {
  if (failure.phase === "init") return `init threw ${thrown}`;
  if (failure.phase === "gradient")
    return `computing the gradient before step ${failure.step} failed: ${thrown}`;
  return `step ${failure.step} threw ${thrown}`;
}
