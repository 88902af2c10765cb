/** Hyper-parameters: the learning rate and the mini-batch size B. */
export interface Hyper {
  lr: number;
  batchSize: number;
}

/** The data set: its size, each epoch's shuffled order, and per-example gradients. */
export interface Data {
  readonly size: number;
  /** The order in which to visit the examples during a 0-based epoch (a fresh array each call). */
  order(epoch: number): number[];
  /** Writes the gradient of example i's loss at `params` into `out`. */
  gradient(i: number, params: Float64Array, out: Float64Array): void;
}

/** Your state: where you are in the data (epoch, position), plus any buffers you need. */
export interface State {
  epoch: number;
  position: number;
}

/** Creates the state. */
export function init(_params: Float64Array): State {
  return { epoch: 0, position: 0 };
}

/** One SGD step on the mean gradient of the next mini-batch; `grad` arrives zeroed. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper, data: Data): void {
  // TODO: take the next batch of this epoch's order (a new order each epoch), average the
  // examples' gradients, step, and remember where you are.
}
