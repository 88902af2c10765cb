/**
 * One test run, fully described by copyable data. Every harness executes exactly this loop:
 * `state = init(params)`, then for k = 1..steps: gradient at params (step k), `step(params, grad,
 * state, hp)`, and the parameters are recorded after each step listed in `record`. The isolate
 * driver, the browser's Run, the Python harness and the `test_code` shown to learners all read it.
 */
export interface RunSpec {
  /** Objective name (lib/objectives) and its resolved arguments. */
  objective: string;
  args: Record<string, unknown>;
  dim: number;
  x0: number[];
  steps: number;
  hp: Record<string, number>;
  /** Ascending 1-based steps whose parameters are recorded. */
  record: number[];
  /** Tensor sizes: init and step get lists of views of the flat vector instead of the vector. */
  layers?: number[];
  /** Mini-batch mode: step gets a zeroed gradient buffer and the data set as a fifth argument. */
  minibatch?: boolean;
}

/** Outcome of one run inside a sandbox: recorded parameters (record.length × dim, row-major). */
export interface RunOutcome {
  status: "ok" | "runtime-error" | "timeout" | "memory-limit";
  message: string;
  stepsRun: number;
  recorded: Float64Array;
  output: string;
  /** Mistakes of the language the harness saw (Python: params rebound, integer arrays …). */
  mistakes?: ReadonlyArray<{ id: string; message: string }>;
}
