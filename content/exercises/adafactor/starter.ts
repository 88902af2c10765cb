/** Hyper-parameters (torch.optim.Adafactor's, eps split in two) and the matrix shape rows × cols. */
export interface Hyper {
  lr: number;
  beta2Decay: number;
  eps1: number;
  eps2: number;
  d: number;
  weightDecay: number;
  rows: number;
  cols: number;
}

/** Your state: the step count and one running average per row and one per column. */
export interface State {
  t: number;
}

/** Creates the state. */
export function init(_params: Float64Array): State {
  return { t: 0 };
}

/** One Adafactor step on the row-major rows × cols matrix `params`, in place. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: relative step size, weight decay, row and column averages of g², the factored V̂,
  // the update and its clipping.
}
