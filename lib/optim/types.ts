/** Names of the optimizers of the reference core. */
export type OptimizerName =
  | "sgd"
  | "rmsprop"
  | "adam"
  | "adamw"
  | "adagrad"
  | "nadam"
  | "radam"
  | "adamax"
  | "adadelta"
  | "lion"
  | "lamb"
  | "adafactor"
  | "muon"
  | "sgd_schedulefree"
  | "adamw_schedulefree";

/** A resolved hyper-parameter value. */
export type HparamValue = number | boolean | readonly number[];

/** A stateful optimizer over one flat Float64Array of parameters (PyTorch 1.13 semantics). */
export interface Optimizer {
  readonly name: OptimizerName;
  /** Resolved hyper-parameters, defaults filled in (frozen). */
  readonly hparams: Readonly<Record<string, HparamValue>>;
  /** Steps taken so far. */
  readonly t: number;
  /** One in-place step; `lr` overrides hparams.lr for this step (used by schedules). Must not allocate. */
  step(params: Float64Array, grad: Float64Array, lr?: number): void;
  /** Named state buffers for display/diagnosis, e.g. { exp_avg, exp_avg_sq } (live views, do not mutate). */
  state(): Readonly<Record<string, Float64Array | number>>;
}
