/** Hyper-parameters: the learning rate and the mini-batch size B. */
export interface Hyper {
  lr: number;
  batchSize: number;
}

/** The data set: its size, each epoch's shuffled order, and per-example gradients. */
export interface Data {
  readonly size: number;
  order(epoch: number): number[];
  gradient(i: number, params: Float64Array, out: Float64Array): void;
}

/** State: where the loader is (epoch, position in that epoch's order) and a scratch buffer. */
export interface State {
  epoch: number;
  position: number;
  order: number[] | null;
  one: Float64Array;
}

/** Creates the state. */
export function init(params: Float64Array): State {
  return { epoch: 0, position: 0, order: null, one: new Float64Array(params.length) };
}

/** One SGD step on the mean gradient of the next mini-batch; `grad` arrives zeroed. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper, data: Data): void {
  if (state.order === null) state.order = data.order(0);
  if (state.position >= data.size) {
    state.epoch += 1;
    state.order = data.order(state.epoch);
    state.position = 0;
  }
  const end = Math.min(state.position + hp.batchSize, data.size);
  for (let k = state.position; k < end; k++) {
    data.gradient(state.order[k], params, state.one);
    for (let j = 0; j < grad.length; j++) grad[j] += state.one[j];
  }
  const size = end - state.position;
  for (let j = 0; j < params.length; j++) params[j] -= (hp.lr * grad[j]) / size;
  state.position = end;
}
